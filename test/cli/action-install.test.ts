/**
 * The action's install step, run as the runner would from a clean copy of the action (what a
 * checkout of the tag holds: no node_modules, no dist/), against a registry on this machine that
 * serves the package `npm pack` makes: it must install the one package, nothing to build, and the
 * CLI it reports must lint.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { npmEnv, packTarball, ROOT, type Packed } from '../support/npm';

interface Step {
  id?: string;
  env?: Record<string, string>;
  run?: string;
}
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { steps: Step[] } };
const install = action.runs.steps.find((s) => s.id === 'install')!;
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string>; engines: Record<string, string> };

/** A registry that knows one package, the tarball packed from this checkout; it counts what npm asks for. */
function registry(tarball: string, packed: Packed): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url!);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url === '/stratlint') {
      const { name, version, bin, engines } = manifest;
      const dist = { tarball: `${base}/stratlint/-/${packed.filename}`, integrity: packed.integrity };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ name, 'dist-tags': { latest: version }, versions: { [version]: { name, version, bin, engines, dist } } }));
    } else if (req.url === `/stratlint/-/${packed.filename}`) {
      res.end(readFileSync(tarball));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests })));
}

/** Runs a step's script as the runner does (`bash --noprofile --norc -eo pipefail`). */
function runStep(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string }> {
  const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr })));
}

describe('the action installs the published CLI, not the repository', () => {
  let scratch: string;
  let reg: Awaited<ReturnType<typeof registry>>;
  let packed: Packed;

  before(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'stratlint-action-'));
    packed = packTarball(scratch, npmEnv(join(scratch, 'pack-cache')));
    reg = await registry(join(scratch, packed.filename), packed);
  });
  after(() => reg.server.close());

  it('fetches the one package of its version and reports a CLI that lints', async () => {
    // A clean copy of the action: what the tag's checkout holds at the top (no node_modules, no dist/).
    const actionPath = join(scratch, 'action');
    mkdirSync(actionPath);
    for (const f of ['action.yml', 'package.json', 'package-lock.json']) copyFileSync(join(ROOT, f), join(actionPath, f));
    const runnerTemp = join(scratch, 'runner-temp');
    mkdirSync(runnerTemp);
    const output = join(scratch, 'github-output');
    writeFileSync(output, '');
    const script = join(scratch, 'install-step.sh');
    writeFileSync(script, install.run!);
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(install.env ?? {})) env[k] = v.replace('${{ github.action_path }}', actionPath);
    assert.deepEqual(env, { ACTION_PATH: actionPath });

    // Asynchronously: the registry answers from this process, so its event loop must stay free.
    const r = await runStep(script, scratch, npmEnv(join(scratch, 'npm-cache'), { ...env, RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: output, npm_config_registry: reg.url }));
    assert.equal(r.status, 0, r.stderr);

    const prefix = join(runnerTemp, `stratlint-${manifest.version}`);
    assert.equal(readFileSync(output, 'utf8'), `cli=${prefix}/node_modules/stratlint/bin/stratlint.js\n`);
    // One package, asked for once: nothing else from the registry, nothing built in the action's folder.
    assert.deepEqual(reg.requests, ['/stratlint', `/stratlint/-/${packed.filename}`]);
    assert.deepEqual(readdirSync(join(prefix, 'node_modules')).filter((n) => !n.startsWith('.')), ['stratlint']);
    assert.deepEqual(readdirSync(actionPath).sort(), ['action.yml', 'package-lock.json', 'package.json']);

    const plans = join(scratch, 'repo');
    mkdirSync(plans);
    copyFileSync(join(ROOT, 'examples', 'weak-feature-race-plan.md'), join(plans, 'plan.md'));
    const lint = spawnSync(process.execPath, [`${prefix}/node_modules/stratlint/bin/stratlint.js`, 'plan.md', '--format', 'json'], { cwd: plans, encoding: 'utf8' });
    const checkout = spawnSync(process.execPath, [join(ROOT, 'bin', 'stratlint.js'), 'plan.md', '--format', 'json'], { cwd: plans, encoding: 'utf8' });
    assert.equal(lint.status, 1);
    assert.equal(lint.stdout, checkout.stdout);
  });
});
