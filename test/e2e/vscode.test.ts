/**
 * The extension's mocha suite inside a real VS Code extension host, started the standard way:
 * @vscode/test-electron's runTests. Here its executable is a stand-in that runs code-server's VS
 * Code in headless Chromium (VS Code desktop cannot be downloaded on these machines).
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runTests } from '@vscode/test-electron';
import { buildSuite, copyWorkspace, ensureEditors, ROOT, server } from './support/setup';

test('the extension works inside a real VS Code (test-electron runTests)', { timeout: 600000 }, async () => {
  ensureEditors();
  const extensionTestsPath = await buildSuite();
  const workspace = copyWorkspace();
  const profile = server.scratchDir('profile-');
  mkdirSync(join(profile, 'user-data'), { recursive: true });
  try {
    const code = await runTests({
      vscodeExecutablePath: join(__dirname, 'vscode-shim.sh'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      launchArgs: [workspace, `--user-data-dir=${join(profile, 'user-data')}`, `--extensions-dir=${join(profile, 'extensions')}`],
    });
    assert.equal(code, 0);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
});
