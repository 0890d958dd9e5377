import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, run, tree } from './helpers';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const WEAK = '# Weak plan\n\nWe will ship things.\n';

describe('CLI', () => {
  it('lints plans found in folders by the default globs and front matter, and leaves other Markdown alone', async () => {
    const dir = tree({
      'strategy/2027.md': WEAK,
      'docs/growth-plan.md': WEAK,
      'docs/notes.md': '---\ntype: strategy\n---\n# Notes plan\n\nText.\n',
      'docs/opted-out-plan.md': '---\nstratlint: false\n---\n# Not linted\n',
      'README.md': WEAK,
      'node_modules/x/strategy.md': WEAK,
    });
    const r = await run(['--no-config', '--format', 'json', '.'], dir);
    assert.deepEqual((JSON.parse(r.stdout) as { file: string }[]).map((x) => x.file), ['docs/growth-plan.md', 'docs/notes.md', 'strategy/2027.md']);
    assert.equal(r.code, 1);
  });

  it('always lints files named explicitly, and expands globs', async () => {
    const dir = tree({ 'README.md': WEAK, 'a/one.md': WEAK, 'a/two.md': WEAK });
    assert.deepEqual((JSON.parse((await run(['--no-config', '-f', 'json', 'README.md'], dir)).stdout) as { file: string }[]).map((x) => x.file), ['README.md']);
    assert.deepEqual(JSON.parse((await run(['--no-config', '-f', 'json', '--no-error-on-unmatched-pattern', 'a/*.md'], dir)).stdout), []);
  });

  it('writes the JSON contract: 1-based lines and columns, exclusive endColumn, source and fix titles', async () => {
    const dir = tree({ 'plan.md': WEAK });
    const [file] = JSON.parse((await run(['--no-config', '-f', 'json', 'plan.md'], dir)).stdout) as { file: string; findings: Record<string, unknown>[] }[];
    const f = file.findings.find((x) => x.ruleId === 'customer-outcomes')!;
    assert.deepEqual(f, {
      ruleId: 'customer-outcomes',
      severity: 'error',
      message: f.message,
      line: 1,
      column: 3,
      endLine: 1,
      endColumn: 12,
      source: 'CPV-1, CPV-3, CVC',
      docsUrl: `https://github.com/stratlint/stratlint/blob/v${VERSION}/rules/customer-outcomes/README.md`,
      fixes: [{ title: 'Insert a "Customer outcomes" section' }],
    });
    assert.match(String(f.message), /results its customers need/);
  });

  it('prints stylish output grouped by file with line:column, severity, message, rule ID and a summary', async () => {
    const dir = tree({ 'plan.md': WEAK });
    const r = await run(['--no-config', '--quiet', 'plan.md'], dir);
    const lines = r.stdout.split('\n');
    assert.equal(lines[1], 'plan.md');
    assert.match(lines[2], /^ {2}1:3 {2}error {2}This plan never says what results .* {2}customer-outcomes$/);
    assert.match(r.stdout, /✖ \d+ problems? \(\d+ errors?, 0 warnings, 0 infos\)/);
    assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour when stdout is not a terminal');
  });

  it('exits 0 without errors, 1 with errors or too many warnings, 2 on bad usage', async () => {
    // Everything off but the one warning unknown-rule gives for the misspelt ID.
    const oneWarning = '<!-- stratlint-disable-file -->\n<!-- stratlint-disable-next-line no-such-rule -->\n# Quiet plan\n';
    const dir = tree({ 'plan.md': WEAK, 'warn.md': oneWarning });
    assert.equal((await run(['--no-config', 'plan.md'], dir)).code, 1);
    const warn = await run(['--no-config', '-f', 'json', 'warn.md'], dir);
    assert.deepEqual([warn.code, (JSON.parse(warn.stdout) as { findings: { ruleId: string }[] }[])[0].findings.map((f) => f.ruleId)], [0, ['unknown-rule']]);
    assert.equal((await run(['--no-config', '--max-warnings', '1', 'warn.md'], dir)).code, 0);
    assert.equal((await run(['--no-config', '--max-warnings', '0', 'warn.md'], dir)).code, 1);
    const bad = await run(['--max-warnings', 'many', 'plan.md'], dir);
    assert.deepEqual([bad.code, bad.stderr], [2, "stratlint: --max-warnings expects a whole number ≥ 0, got 'many'\n"]);
    assert.equal((await run(['--format', 'xml', 'plan.md'], dir)).code, 2);
    assert.equal((await run(['--bogus'], dir)).code, 2);
    const missing = await run(['nope.md'], dir);
    assert.deepEqual([missing.code, missing.stderr], [2, 'stratlint: No such file or folder: nope.md\n']);
  });

  it('refuses binary and non-UTF-8 files with a clear message and exit 2', async () => {
    const dir = tree({ 'bin-plan.md': Buffer.from([0x23, 0x20, 0x00, 0x01]), 'latin1-plan.md': Buffer.from([0x23, 0x20, 0xe9, 0x0a]) });
    const r1 = await run(['bin-plan.md'], dir);
    assert.deepEqual([r1.code, r1.stderr], [2, 'stratlint: bin-plan.md: not a text file (it contains NUL bytes)\n']);
    const r2 = await run(['latin1-plan.md'], dir);
    assert.deepEqual([r2.code, r2.stderr], [2, 'stratlint: latin1-plan.md: not a text file (it is not valid UTF-8)\n']);
  });

  it('reports an invalid config with file, line and key, exit 2', async () => {
    const dir = tree({ '.stratlint.yaml': 'rules:\n  customer-outcomes: eror\n', 'plan.md': WEAK });
    const r = await run(['plan.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.stratlint\.yaml:2:\d+: rules\.customer-outcomes: .*'eror'.*did you mean 'error'/);
  });

  it('runs as the stratlint bin, with colour only when forced or on a terminal', () => {
    const dir = tree({ 'plan.md': WEAK });
    const plain = spawnSync(process.execPath, [join(ROOT, 'bin/stratlint.js'), '--no-config', 'plan.md'], { cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '' } });
    assert.equal(plain.status, 1);
    assert.match(plain.stdout, /customer-outcomes/);
    assert.doesNotMatch(plain.stdout, /\x1b\[/);
    const forced = spawnSync(process.execPath, [join(ROOT, 'bin/stratlint.js'), '--no-config', 'plan.md'], { cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '1', NO_COLOR: '' } });
    assert.match(forced.stdout, /\x1b\[31m/);
  });
});

describe('stratlint when its reader stops early', () => {
  it('exits quietly with 141 (128 + SIGPIPE), as Unix tools do, when stdout is closed', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [join(ROOT, 'bin/stratlint.js'), 'examples', '--format', 'json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the first write: that write fails with EPIPE
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(code, 141);
  });
});
