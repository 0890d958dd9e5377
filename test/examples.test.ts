import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintDocument } from '../server/src/engine/index';

function lint(name: string) {
  const file = join(__dirname, '../examples', name);
  const r = lintDocument(readFileSync(file, 'utf8'), { filePath: file, forcePlan: true });
  assert.deepEqual(r.ruleErrors, []);
  return r.findings;
}

const rulesOf = (findings: { ruleId: string }[]) => [...new Set(findings.map((f) => f.ruleId))].sort();

describe('example plans', () => {
  it('the strong plan has no errors or warnings', () => {
    const serious = lint('clinic-scheduling-strategy.md').filter((f) => f.severity !== 'info');
    assert.deepEqual(serious.map((f) => `${f.ruleId} ${f.range.start.line + 1}: ${f.message}`), []);
  });

  it('the feature-race plan shows the rules it was written for', () => {
    assert.deepEqual(rulesOf(lint('weak-feature-race-plan.md')), [
      'asking-for-features',
      'balanced-scorecard',
      'capabilities',
      'competitor-feature-chasing',
      'customer-feedback-loop',
      'customer-outcomes',
      'ecosystem',
      // it launches a mobile app and chases features without testing either
      'experimentation',
      'goal-as-strategy',
      'no-tradeoffs',
      'output-as-outcome',
      'ownership',
      'right-to-win',
      // nothing in it outlasts the page: no standing team, cadence or process
      'sustained-capability',
      'target-customers',
      'time-horizon',
      'unmeasurable-outcome',
      'usage-as-success',
      'value-creation-zone',
      'value-proposition',
      'we-know-best',
    ]);
  });

  it('the declared-centricity plan shows the rules it was written for', () => {
    const rules = rulesOf(lint('weak-declared-centricity-plan.md'));
    for (const id of ['declared-centricity', 'buzzword-fluff', 'everyone-is-a-customer', 'acquisition-only-growth', 'experience-as-moat', 'price-only-differentiation', 'customer-outcomes', 'target-customers']) {
      assert.ok(rules.includes(id), `${id} in ${rules.join(', ')}`);
    }
  });
});
