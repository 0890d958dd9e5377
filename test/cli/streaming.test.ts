import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintFile } from '../../server/src/cli/lint-file';
import { run, tree } from './helpers';

const WEAK = '# Weak plan\n\nWe will ship things.\n';

describe('CLI output file by file', () => {
  // Plans with findings, a clean one in between, and a file that is not a plan.
  const dir = tree({
    'plans/a-plan.md': WEAK,
    'plans/b-plan.md': '---\nstratlint: true\n---\n# Seamless plan\n\nBest-in-class synergy.\n',
    'plans/c-notes.md': '# Notes\n',
    'plans/d-plan.md': WEAK,
  });

  for (const format of ['stylish', 'json']) {
    it(`${format} printed per file is byte for byte the report written at the end to a file`, async () => {
      const streamed = await run(['--no-config', '-f', format, 'plans'], dir);
      const collected = await run(['--no-config', '-f', format, '-o', `out.${format}`, 'plans'], dir);
      assert.equal(streamed.code, collected.code);
      assert.ok(streamed.stdout.length > 100);
      assert.equal(streamed.stdout, readFileSync(join(dir, `out.${format}`), 'utf8'));
    });
  }

  it('prints an empty JSON array, and nothing in stylish, when no plan is found', async () => {
    const empty = tree({ 'README.md': '# Readme\n' });
    assert.deepEqual([(await run(['--no-config', '-f', 'json', '.'], empty)).stdout, (await run(['--no-config', '.'], empty)).stdout], ['[]\n', '']);
  });

  it('keeps a linted file\'s text only for formats that quote it', () => {
    const job = { path: join(dir, 'plans/a-plan.md'), shown: 'plans/a-plan.md', explicit: true };
    const settings = { cwd: dir, noConfig: true, reportUnusedDisableDirectives: false, withScorecard: false };
    const dropped = lintFile(job, { ...settings, keepText: false }).result!;
    assert.equal(dropped.text, undefined);
    assert.equal(dropped.fingerprints?.length, dropped.findings.length);
    assert.equal(lintFile(job, { ...settings, keepText: true }).result!.text, WEAK);
  });
});
