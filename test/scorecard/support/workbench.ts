/**
 * A real VS Code workbench (code-server's, in headless Chromium, from the editor tests' support)
 * with the Stratlint extension under development, a plan open and its scorecard view beside it.
 * Shared by the webview test and the README screenshot script.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { ensureEditors, ROOT, server } from '../../e2e/support/setup';

export interface Workbench {
  page: Page;
  workspace: string;
  /** The scorecard webview's content frame, once it shows a chart. */
  scorecard(): Promise<Frame>;
  stop(): Promise<void>;
}

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Runs a command by its title through the command palette, as a user would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/** Opens a file with Quick Open; tried again while the workbench is still indexing the folder. */
async function quickOpen(page: Page, path: string): Promise<void> {
  const name = path.split('/').pop()!;
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(path);
    try {
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 10000 });
      break;
    } catch (e) {
      if (attempt === 5) throw e;
      await page.keyboard.press('Escape');
    }
  }
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ state: 'visible' });
}

/** Opens a workspace holding the example plans, opens `plan` in the editor and the scorecard beside it. */
export async function openScorecard(plan: string, viewport = { width: 1600, height: 1000 }): Promise<Workbench> {
  ensureEditors();
  const base = server.scratchDir('scorecard-');
  const workspace = join(base, 'workspace');
  cpSync(join(ROOT, 'examples'), join(workspace, 'examples'), { recursive: true });
  const userDataDir = join(base, 'user-data');
  server.writeUserSettings(userDataDir, { 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false, 'workbench.secondarySideBar.defaultVisibility': 'hidden' });
  const vscodeServer = await server.startServer({ base, userDataDir, extensionsDir: join(base, 'extensions'), smokeTestDriver: true });
  const { context, page } = await server.openBrowser({ base, viewport });
  const stop = async () => {
    await context.close().catch(() => {});
    vscodeServer.stop();
    rmSync(base, { recursive: true, force: true });
  };
  try {
    const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${vscodeServer.port}${ROOT}`]];
    await page.goto(`http://127.0.0.1:${vscodeServer.port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90000 });
    await quickOpen(page, plan);
    // the status bar item appears once the server has linted the plan: the extension is up
    await page.locator('.statusbar-item', { hasText: 'principles' }).waitFor({ state: 'visible', timeout: 90000 });
    await runCommand(page, 'Stratlint: Show scorecard');
    const scorecard = () =>
      until('the scorecard webview', async () => {
        for (const frame of page.frames()) {
          if (await frame.locator('svg.radar').count().catch(() => 0)) return frame;
        }
        return undefined;
      });
    await scorecard();
    return { page, workspace, scorecard, stop };
  } catch (e) {
    if (process.env.STRATLINT_E2E_DEBUG) await page.screenshot({ path: process.env.STRATLINT_E2E_DEBUG });
    await stop();
    throw e;
  }
}
