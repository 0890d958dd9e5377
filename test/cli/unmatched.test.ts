import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { run, tree } from './helpers';

const WEAK = '# Weak plan\n\nWe will ship things.\n';
const UNMATCHED = (list: string) =>
  `stratlint: no plans found in ${list}: no Markdown file there matches the config's "files" globs or has front matter "stratlint: true" or "type: strategy". Check the path and the "files" globs, or pass --no-error-on-unmatched-pattern to allow a run that lints nothing\n`;

describe('CLI: paths and globs that find no plan', () => {
  it('exits 2 when a typo in the config\'s files globs leaves a folder with no plan', async () => {
    const dir = tree({ '.stratlint.yaml': 'files: ["stratgy/**"]\n', 'strategy/payroll.md': WEAK });
    const r = await run(['.'], dir);
    assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', UNMATCHED("'.'")]);
  });

  it('names each glob that found no plan, and still reports the plans the others found', async () => {
    const dir = tree({ 'strategy/a.md': WEAK, 'notes/readme.md': '# Notes\n' });
    const r = await run(['--no-config', '-f', 'json', 'strategy', 'notes/*.md', 'stratgy/**/*.md'], dir);
    assert.equal(r.code, 2);
    assert.deepEqual((JSON.parse(r.stdout) as { file: string }[]).map((x) => x.file), ['strategy/a.md']);
    assert.equal(r.stderr, UNMATCHED("'notes/*.md', 'stratgy/**/*.md'"));
  });

  it('counts a plan found by two arguments for both', async () => {
    const dir = tree({ 'strategy/a.md': WEAK });
    const r = await run(['--no-config', '-f', 'json', '.', 'strategy'], dir);
    assert.deepEqual([r.code, r.stderr], [1, '']);
  });

  it('allows a run that lints nothing with --no-error-on-unmatched-pattern', async () => {
    const dir = tree({ '.stratlint.yaml': 'files: ["stratgy/**"]\n', 'strategy/payroll.md': WEAK });
    const r = await run(['--no-error-on-unmatched-pattern', '.'], dir);
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', '']);
  });
});
