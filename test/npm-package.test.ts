import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { npm, npmEnv, packTarball, ROOT, type Packed } from './support/npm';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { name: string; version: string };

/** What the package holds: the bundled CLI and server, their bins, the rule data and docs, the schemas. */
const ALLOWED = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^CHANGELOG\.md$/, /^bin\/(stratlint|stratlint-ls|code-cache)\.js$/, /^dist\/(cli|server|lint-worker)\.js$/, /^dist\/programs\.bin$/, /^rules\/terms\.yaml$/, /^rules\/[a-z-]+\/(rule\.yaml|README\.md)$/, /^syntaxes\/stratlint-(config|pack)\.schema\.json$/];

describe('the npm package', () => {
  let scratch: string;
  let env: NodeJS.ProcessEnv;
  let packed: Packed;

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'stratlint-npm-'));
    // Offline: the package has no dependencies to fetch, and a test that needs the registry fails on a plane.
    env = npmEnv(join(scratch, 'npm-cache'), { npm_config_offline: 'true' });
    packed = packTarball(scratch, env);
  });

  it('is publishable, with a home, an engine range and keywords', () => {
    assert.equal(manifest.private, undefined);
    assert.deepEqual(manifest.repository, { type: 'git', url: 'git+https://github.com/stratlint/stratlint.git' });
    assert.equal(manifest.homepage, 'https://github.com/stratlint/stratlint#readme');
    assert.equal((manifest.engines as Record<string, string>).node, '>=20');
    assert.ok(Array.isArray(manifest.keywords) && manifest.keywords.includes('linter'));
    // Every bundle is self-contained (scripts/build.mjs): a user's install fetches nothing else.
    assert.equal(manifest.dependencies, undefined);
  });

  it('holds only what the CLI and the language server run on, within its size budget', () => {
    const paths = packed.files.map((f) => f.path).sort();
    assert.deepEqual(paths.filter((p) => !ALLOWED.some((re) => re.test(p))), []);
    const rules = readdirSync(join(ROOT, 'rules'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const required = ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'bin/stratlint.js', 'bin/stratlint-ls.js', 'dist/cli.js', 'dist/server.js', 'dist/lint-worker.js', 'dist/programs.bin', 'rules/terms.yaml'];
    for (const id of rules) required.push(`rules/${id}/README.md`, `rules/${id}/rule.yaml`);
    assert.deepEqual(required.filter((p) => !paths.includes(p)), []);
    // Today 2.0 MB packed, 9.0 MB unpacked (three self-contained bundles and the compiled patterns, which
    // grow with the rules' vocabulary): the budgets leave room for growth, not for a stray folder.
    assert.ok(packed.size <= 2_500_000, `packed size ${packed.size} B is over 2.5 MB`);
    assert.ok(packed.unpackedSize <= 11_000_000, `unpacked size ${packed.unpackedSize} B is over 11 MB`);
  });

  describe('installed from its tarball into an empty project', () => {
    let project: string;
    const checkoutCli = (args: string[], cwd: string) => spawnSync(process.execPath, [join(ROOT, 'bin', 'stratlint.js'), ...args], { cwd, encoding: 'utf8' });

    before(() => {
      project = join(scratch, 'project');
      mkdirSync(project);
      npm(['init', '-y'], { cwd: project, env });
      npm(['install', '--save-dev', join(scratch, packed.filename)], { cwd: project, env });
      copyFileSync(join(ROOT, 'examples', 'weak-feature-race-plan.md'), join(project, 'plan.md'));
    });

    it('installs stratlint and nothing else (no extension-only vscode-languageclient)', () => {
      const installed = readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.'));
      assert.deepEqual(installed, ['stratlint']);
    });

    it('runs `npx stratlint plan.md --format json` as the checkout does', () => {
      const r = spawnSync('npx', ['stratlint', 'plan.md', '--format', 'json'], { cwd: project, env, encoding: 'utf8' });
      const expected = checkoutCli(['plan.md', '--format', 'json'], project);
      assert.equal(r.stderr, '');
      assert.equal(r.status, expected.status);
      assert.equal(r.stdout, expected.stdout);
      const [report] = JSON.parse(r.stdout) as { file: string; findings: { ruleId: string }[] }[];
      assert.equal(report.file, 'plan.md');
      assert.ok(report.findings.length > 0);
    });

    it('resolves `extends: stratlint:strict`', () => {
      const dir = join(project, 'strict');
      mkdirSync(dir);
      copyFileSync(join(project, 'plan.md'), join(dir, 'plan.md'));
      writeFileSync(join(dir, '.stratlint.yaml'), 'root: true\nextends: stratlint:strict\n');
      const r = spawnSync('npx', ['stratlint', 'plan.md', '--format', 'json'], { cwd: dir, env, encoding: 'utf8' });
      assert.equal(r.stdout, checkoutCli(['plan.md', '--format', 'json'], dir).stdout);
      type Report = { findings: { ruleId: string; line: number; column: number; severity: string }[] }[];
      const severities = (out: string) => new Map((JSON.parse(out) as Report)[0].findings.map((f) => [`${f.ruleId}@${f.line}:${f.column}`, f.severity]));
      const rank: Record<string, number> = { info: 0, warning: 1, error: 2 };
      const strict = severities(r.stdout);
      const recommended = severities(checkoutCli(['plan.md', '--format', 'json'], project).stdout);
      assert.equal(r.status, 1);
      // strict turns every rule on one step more severe: each recommended finding is back, none milder, some raised
      assert.deepEqual([...recommended].filter(([key, s]) => !strict.has(key) || rank[strict.get(key)!] < rank[s]), []);
      assert.ok([...recommended].some(([key, s]) => rank[strict.get(key)!] > rank[s]));
    });

    it('answers initialize on `npx stratlint-ls --stdio`', async () => {
      const server = spawn('npx', ['stratlint-ls', '--stdio'], { cwd: project, env, stdio: ['pipe', 'pipe', 'inherit'] });
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      const reply = await new Promise<{ id: number; result: { serverInfo: { name: string; version: string } } }>((resolve, reject) => {
        let buf = Buffer.alloc(0);
        server.on('exit', (code) => reject(new Error(`stratlint-ls exited with ${code} before answering`)));
        server.stdout.on('data', (chunk: Buffer) => {
          buf = Buffer.concat([buf, chunk]);
          const head = /^Content-Length: (\d+)\r\n\r\n/.exec(buf.toString('latin1'));
          if (head && buf.length >= head[0].length + Number(head[1])) resolve(JSON.parse(buf.subarray(head[0].length, head[0].length + Number(head[1])).toString('utf8')));
        });
      });
      server.kill();
      assert.equal(reply.id, 1);
      assert.deepEqual(reply.result.serverInfo, { name: 'stratlint-ls', version: manifest.version });
    });
  });
});
