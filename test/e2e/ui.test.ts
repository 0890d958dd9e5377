/**
 * A user's view: the packaged VSIX installed in code-server's VS Code, driven in Chromium with
 * the keyboard like a person would. The Problems panel shows the findings, Ctrl+. lists the
 * template fix, applying it changes the document. Saves the screenshot the docs show.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { copyWorkspace, ensureEditors, ROOT, server } from './support/setup';

const SCREENSHOT = join(ROOT, 'docs', 'images', 'vscode-quickfix.png');
const FIX_TITLE = 'Insert a "Customer outcomes" section';

function vsixEntries(vsix: string): string[] {
  const r = spawnSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', vsix], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim().split('\n');
}

test('the VSIX installs in VS Code and its quick fix works through the UI', { timeout: 600000 }, async (t) => {
  ensureEditors();
  const base = server.scratchDir('ui-');
  const workspace = copyWorkspace();
  let stopServer = () => {};
  try {
    const vsix = join(base, 'stratlint.vsix');
    const packed = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(packed.status, 0, `npm run package failed:\n${packed.stdout}\n${packed.stderr}`);

    await t.test('the VSIX bundles client, server and rules, without node_modules, under 2 MB', () => {
      const entries = vsixEntries(vsix);
      assert.ok(statSync(vsix).size < 2 * 1024 * 1024, `${statSync(vsix).size} bytes`);
      assert.deepEqual(entries.filter((e) => e.includes('node_modules')), []);
      for (const needed of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/lint-worker.js', 'extension/rules/terms.yaml', 'extension/rules/customer-outcomes/rule.yaml', 'extension/rules/customer-outcomes/README.md', 'extension/syntaxes/stratlint-markdown.injection.tmLanguage.json']) {
        assert.ok(entries.includes(needed), `${needed} missing from the VSIX`);
      }
      assert.deepEqual(entries.filter((e) => /\.(ts|map)$/.test(e) || e.startsWith('extension/test/') || e.startsWith('extension/server/')), []);
    });

    const userDataDir = join(base, 'user-data');
    const extensionsDir = join(base, 'extensions');
    server.writeUserSettings(userDataDir, {
      'workbench.colorTheme': 'Default Light Modern',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'window.commandCenter': false,
      'editor.minimap.enabled': false,
    });
    server.installVsix({ base, vsix, extensionsDir, userDataDir });
    const vscode = await server.startServer({ base, userDataDir, extensionsDir });
    stopServer = vscode.stop;
    const { context, page } = await server.openBrowser({ base, viewport: { width: 1280, height: 760 } });
    try {
      await page.goto(`http://127.0.0.1:${vscode.port}/?folder=${encodeURIComponent(workspace)}`);
      await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90000 });

      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type('growth-strategy.md');
      await page.waitForSelector('.quick-input-list .monaco-list-row');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.editor-instance .monaco-editor .view-lines');

      await page.keyboard.press('Control+Shift+M');
      const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'never says what results its customers need' });
      await problem.first().waitFor({ timeout: 60000 });
      assert.match((await problem.first().innerText()).replace(/\s+/g, ' '), /stratlint\W*customer-outcomes\W*\[Ln 1, Col 3\]/);

      // the cursor on the title, where the plan-level findings sit, then Ctrl+.
      const editor = page.locator('.editor-instance .monaco-editor').first();
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: FIX_TITLE });
      const rows = page.locator('.action-widget .monaco-list-row');
      // a loaded machine can take the click before the editor takes focus, or ask for code actions
      // while the lightbulb is still computing: ask again (as a person would) before failing
      for (let attempt = 1; ; attempt++) {
        await editor.locator('.view-line', { hasText: 'Northwind Grocers' }).first().click();
        await page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ timeout: 10000 });
        await page.keyboard.press('End');
        await page.keyboard.press('Control+.');
        try {
          await fix.first().waitFor({ timeout: 15000 });
          break;
        } catch (e) {
          if (attempt === 4) throw new Error(`no "${FIX_TITLE}" after ${attempt} tries; menu rows: ${JSON.stringify(await rows.allInnerTexts())}`, { cause: e });
          await page.keyboard.press('Escape');
        }
      }
      const titles = await rows.allInnerTexts();
      assert.ok(titles.some((x) => x.includes('Disable customer-outcomes for this line')), JSON.stringify(titles));

      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      const shot = join(ROOT, 'test-results', 'vscode-quickfix.png');
      await page.screenshot({ path: shot });
      // the docs keep their picture unless asked to renew it (it differs a little on every run)
      if (!existsSync(SCREENSHOT) || process.env.STRATLINT_UPDATE_SCREENSHOT === '1') {
        mkdirSync(join(ROOT, 'docs', 'images'), { recursive: true });
        copyFileSync(shot, SCREENSHOT);
      }

      await fix.first().click();
      await editor.locator('.view-line', { hasText: 'Customer outcomes' }).first().waitFor({ timeout: 30000 });
      await problem.first().waitFor({ state: 'detached', timeout: 30000 });
    } catch (e) {
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'test-results', 'ui-failure.png') }).catch(() => {});
      throw e;
    } finally {
      await context.close();
    }
  } finally {
    stopServer();
    rmSync(base, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  }
});
