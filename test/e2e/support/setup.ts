/** Shared by the real-editor tests: installs what they need (once) and builds what they load. */
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

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
