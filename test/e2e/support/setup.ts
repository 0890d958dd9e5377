/** Shared by the real-editor tests: installs what they need (once) and builds what they load. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';

export const ROOT = join(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const server = require('./vscode-server.js') as {
  CACHE: string;
  scratchDir(prefix: string): string;
  writeUserSettings(userDataDir: string, extra?: Record<string, unknown>): void;
  startServer(opts: { base: string; userDataDir: string; extensionsDir: string; smokeTestDriver?: boolean }): Promise<{ port: number; output(): string; stop(): void }>;
  installVsix(opts: { base: string; vsix: string; extensionsDir: string; userDataDir: string }): string;
  openBrowser(opts: { base: string; viewport?: { width: number; height: number } }): Promise<{ context: import('playwright-core').BrowserContext; page: import('playwright-core').Page }>;
};

/** Runs scripts/e2e-setup.sh: apt packages and the cached Node 24 + code-server, when missing. */
export function ensureEditors(): void {
  const r = spawnSync('bash', [join(ROOT, 'scripts', 'e2e-setup.sh')], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 600000 });
  if (r.status !== 0) throw new Error(`scripts/e2e-setup.sh failed (${r.status ?? r.signal})`);
}

/** The example workspace, copied to a scratch folder so that tests may change it. */
export function copyWorkspace(): string {
  const dir = server.scratchDir('ws-');
  cpSync(join(__dirname, '..', 'fixtures', 'workspace'), dir, { recursive: true });
  return dir;
}

/** Bundles the extension-host mocha suite (mocha and vscode stay external). */
export async function buildSuite(): Promise<string> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: { index: 'test/e2e/suite/index.ts' },
    outdir: 'dist/e2e-suite',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return join(ROOT, 'dist', 'e2e-suite', 'index.js');
}

/**
 * A packed VSIX installed in code-server's VS Code with these user settings, the workbench open
 * on `workspace` in Chromium: runs `body`, and on a failure saves test-results/`failureShot`.
 */
export async function inVsCode(
  opts: { base: string; vsix: string; workspace: string; settings?: Record<string, unknown>; viewport?: { width: number; height: number }; failureShot: string },
  body: (page: Page, extensionsDir: string) => Promise<void>,
): Promise<void> {
  const userDataDir = join(opts.base, 'user-data');
  const extensionsDir = join(opts.base, 'extensions');
  server.writeUserSettings(userDataDir, opts.settings);
  server.installVsix({ base: opts.base, vsix: opts.vsix, extensionsDir, userDataDir });
  const vscode = await server.startServer({ base: opts.base, userDataDir, extensionsDir });
  try {
    const { context, page } = await server.openBrowser({ base: opts.base, viewport: opts.viewport });
    try {
      await page.goto(`http://127.0.0.1:${vscode.port}/?folder=${encodeURIComponent(opts.workspace)}`);
      await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 90000 });
      await body(page, extensionsDir);
    } catch (e) {
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'test-results', opts.failureShot) }).catch(() => {});
      throw e;
    } finally {
      await context.close();
    }
  } finally {
    vscode.stop();
  }
}

/** Opens a workspace file by name (Ctrl+P) and shows the Problems panel. */
export async function openWithProblems(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(fileName);
  await page.waitForSelector('.quick-input-list .monaco-list-row');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines');
  await page.keyboard.press('Control+Shift+M');
}
