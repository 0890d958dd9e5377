import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { json } from '../server/src/cli/formatters/json';
import { lintWith, readFixture } from './support/fixtures';

const HALF_FILLED = readFixture(join(__dirname, 'rules', 'unfilled-template', 'fires-half-filled-template.md'));

describe('unfilled-template over several sections', () => {
  it('is one finding on the first unfilled heading, naming every unfilled section once as related information', () => {
    const [finding, ...rest] = lintWith(HALF_FILLED, 'unfilled-template');
    assert.equal(rest.length, 0);
    assert.match(finding.message, /^5 sections of this plan are still template text/);
    assert.deepEqual(
      finding.related?.map((r) => [r.range.start.line + 1, r.message]),
      [
        [1, 'Not filled in: "<<PROJECT NAME>>"'],
        [9, 'Not filled in: "Current challenges"'],
        [13, 'Not filled in: "Key results"'],
        [21, 'Not filled in: "Project lead"'],
        [25, 'Not filled in: "Risks"'],
      ],
    );
  });

  it('prints the related sections in the JSON report as 1-based lines and columns', () => {
    const findings = lintWith(HALF_FILLED, 'unfilled-template');
    const [entry] = JSON.parse(json([{ file: 'plan.md', text: HALF_FILLED, findings }], { color: false, rules: new Map(), cwd: '/' })) as {
      findings: { related: { line: number; column: number; endLine: number; endColumn: number; message: string }[] }[];
    }[];
    assert.deepEqual(entry.findings[0].related[1], { line: 9, column: 4, endLine: 9, endColumn: 22, message: 'Not filled in: "Current challenges"' });
  });
});
