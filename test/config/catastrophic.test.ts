import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintDocument } from '../../server/src/engine/index';
import { workspace } from './workspace';

// Patterns that take exponential time on a backtracking engine (JavaScript's RegExp would not
// finish these inputs in our lifetime). Packs run on RE2, which is linear in the input, so
// linting completes; the inputs are bounded so the test stays fast.
const PACK = `rules:
  - id: evil/nested
    kind: avoid-phrase
    severity: warning
    description: Nested quantifiers.
    message: Found.
    patterns: ['(a+)+$', '(a|aa)+b', '(.*a){12}x']
  - id: evil/evidence
    kind: require-evidence
    severity: warning
    description: Nested quantifiers in a trigger and its evidence.
    message: Found.
    trigger: ['(x+x+)+y']
    evidence: ['(a|a?)+z']
`;

describe('a pack with catastrophic patterns', () => {
  it('lints long lines to the end', () => {
    const root = workspace({ 'evil.yaml': PACK, '.stratlint.yaml': 'extends: [./evil.yaml]\n' });
    const run = 'a'.repeat(10_000);
    const text = `# Growth strategy\n\n${run}!\n\n${run}\n\n${'x'.repeat(10_000)}y\n`;
    const r = lintDocument(text, { filePath: join(root, 'strategy.md'), stopDir: root });
    const evil = r.findings.filter((f) => f.ruleId.startsWith('evil/'));
    assert.deepEqual(
      evil.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character}-${f.range.end.line + 1}:${f.range.end.character}`),
      ['evil/nested 5:0-5:10000', 'evil/evidence 7:0-7:10001'],
    );
  });
});
