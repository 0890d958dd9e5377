// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// VS Code desktop cannot be downloaded here; code-server ships the same workbench and extension
// host. This takes the arguments test-electron passes to `code`, starts that VS Code server, opens
// it in headless Chromium with the development extension and its tests, and exits with the tests'
// exit code. On a machine with internet, runTests without vscodeExecutablePath runs the same suite
// in a downloaded VS Code.
const fs = require('node:fs');
const path = require('node:path');
const { scratchDir, writeUserSettings, startServer, openBrowser, formatLog } = require('./support/vscode-server');

const opts = { dev: [], tests: undefined, userDataDir: undefined, extensionsDir: undefined, folder: undefined };
for (const arg of process.argv.slice(2)) {
  const m = /^--([^=]+)=(.*)$/.exec(arg);
  if (m && m[1] === 'extensionDevelopmentPath') opts.dev.push(path.resolve(m[2]));
  else if (m && m[1] === 'extensionTestsPath') opts.tests = path.resolve(m[2]);
  else if (m && m[1] === 'user-data-dir') opts.userDataDir = path.resolve(m[2]);
  else if (m && m[1] === 'extensions-dir') opts.extensionsDir = path.resolve(m[2]);
  else if (!arg.startsWith('-')) opts.folder = path.resolve(arg);
}
const say = (line) => process.stdout.write(`[vscode-shim] ${line}\n`);

(async () => {
  const t0 = Date.now();
  const base = scratchDir('shim-');
  const userDataDir = opts.userDataDir || path.join(base, 'user-data');
  const extensionsDir = opts.extensionsDir || path.join(base, 'extensions');
  writeUserSettings(userDataDir);
  const server = await startServer({ base, userDataDir, extensionsDir, smokeTestDriver: true });
  say(`VS Code server (code-server's lib/vscode) on port ${server.port} after ${Date.now() - t0} ms`);
  const { context, page } = await openBrowser({ base });
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  // the smoke-test driver reports the extension host's console and the tests' exit through these
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const line = formatLog(args);
    if (!/ECONNREFUSED|CodeExpectedError/.test(line)) process.stdout.write(`${line}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = opts.dev.map((d) => ['extensionDevelopmentPath', remote(d)]);
  if (opts.tests) payload.push(['extensionTestsPath', remote(opts.tests)]);
  const query = `${opts.folder ? `folder=${encodeURIComponent(opts.folder)}` : 'ew=true'}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(`http://127.0.0.1:${server.port}/?${query}`);
  const timeoutMs = Number(process.env.STRATLINT_SHIM_TIMEOUT_MS || 240000);
  const code = await Promise.race([finished, new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs))]);
  say(`tests finished with ${code} after ${Date.now() - t0} ms`);
  await context.close().catch(() => {});
  server.stop();
  fs.rmSync(base, { recursive: true, force: true });
  process.exit(code === 0 ? 0 : typeof code === 'number' ? code : 124);
})().catch((e) => {
  console.error('[vscode-shim] failed:', e);
  process.exit(2);
});
