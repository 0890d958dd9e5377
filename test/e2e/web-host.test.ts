/**
 * VS Code for the web: the packaged VSIX in code-server's web worker extension host (the one
 * github.dev and vscode.dev run extensions in), driven in Chromium. code-server runs extensions
 * on its Node extension host unless told otherwise: the user setting `remote.extensionKind`
 * makes Stratlint a "web" extension, so VS Code loads dist/web/extension.js in a Web Worker, and
 * that starts dist/web/server.js in a worker of its own. No Node language server may run, and
 * the Problems panel must show the built-in rules' and a workspace pack's findings (the pack is
 * read through the editor's file system).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { copyWorkspace, ensureEditors, inVsCode, openWithProblems, ROOT, server } from './support/setup';

test('the extension runs in the web worker extension host, its server in a Web Worker', { timeout: 300000 }, async () => {
  ensureEditors();
  const base = server.scratchDir('web-host-');
  const workspace = copyWorkspace();
  copyFileSync(join(ROOT, 'examples', 'packs', 'acme-planning.yaml'), join(workspace, 'acme.yaml'));
  writeFileSync(join(workspace, '.stratlint.yaml'), 'extends: [stratlint:recommended, ./acme.yaml]\n');
  try {
    const vsix = join(base, 'stratlint.vsix');
    // the bundles `npm run build` made (rebuilding would rewrite dist/ under tests running beside this one)
    const packed = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), '--no-build', '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(packed.status, 0, `packaging failed:\n${packed.stdout}\n${packed.stderr}`);
    const settings = { 'remote.extensionKind': { 'stratlint.stratlint': ['web'] } };
    await inVsCode({ base, vsix, workspace, settings, failureShot: 'web-host-failure.png' }, async (page, extensionsDir) => {
      await openWithProblems(page, 'growth-strategy.md');
      const row = (text: string) => page.locator('.markers-panel .monaco-list-row', { hasText: text }).first();
      await row('Missing: Customer outcomes').waitFor({ timeout: 90000 });
      assert.match((await row('Missing: Customer outcomes').innerText()).replace(/\s+/g, ' '), /stratlint\W*customer-outcomes\W*\[Ln 1, Col 3\]/);
      // the workspace's pack, read through the editor's file system
      await row('acme/risks').waitFor({ timeout: 30000 });
      assert.match((await row('acme/risks').innerText()).replace(/\s+/g, ' '), /stratlint\W*acme\/risks\W*\[Ln 1, Col 3\]/);
      // the server's status notification reaches the extension: the status bar counts the principles
      await page.locator('.statusbar-item', { hasText: /\d+\/\d+ principles/ }).first().waitFor({ timeout: 30000 });

      // the extension host and the server are workers of the page (the host is VS Code's web
      // worker extension host: it loaded dist/web/extension.js, which loaded dist/web/server.js)
      const loaded: string[] = [];
      for (const worker of page.workers()) {
        loaded.push(...(await worker.evaluate(() => performance.getEntriesByType('resource').map((e) => decodeURIComponent(e.name))).catch(() => [])));
      }
      const installed = `${extensionsDir}/stratlint.stratlint-`;
      assert.ok(loaded.some((u) => u.includes(installed) && u.includes('/dist/web/extension.js')), `no worker loaded dist/web/extension.js:\n${loaded.join('\n')}`);
      assert.ok(loaded.some((u) => u.includes(installed) && u.includes('/dist/web/server.js')), `no worker loaded dist/web/server.js:\n${loaded.join('\n')}`);
      // and no Node language server runs from the installed extension
      const ps = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout;
      assert.deepEqual(ps.split('\n').filter((l) => l.includes(installed)), []);
    });
  } finally {
    rmSync(base, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  }
});
