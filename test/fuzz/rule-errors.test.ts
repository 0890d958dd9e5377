import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintPlan, parsePlan, type Rule } from '../../server/src/engine/index';
import { knownIds, settingFor } from '../support/fixtures';

const PLAN = '# Payroll customer strategy\n\n## Goals\n\nWe will be world-class.\n';

function failing(id: string, fail: () => never): Rule {
  const meta = { ...settingFor('buzzword-fluff').rule.meta, id };
  return { meta, check: fail } as Rule;
}

describe('an exception in a rule costs that rule only', () => {
  const recurse = (): never => recurse();
  const rules = [
    failing('throws-error', () => {
      throw new TypeError('boom');
    }),
    failing('throws-a-string', () => {
      throw 'not an Error';
    }),
    failing('overflows-the-stack', recurse),
  ];

  it('reports each failing rule in ruleErrors and keeps the findings of the others', () => {
    const plan = parsePlan(PLAN);
    const alone = lintPlan(plan, [settingFor('buzzword-fluff')], knownIds());
    const r = lintPlan(plan, [...rules.map((rule) => ({ rule, severity: 'error' as const, options: {} })), settingFor('buzzword-fluff')], knownIds());
    assert.deepEqual(
      r.ruleErrors.map((e) => [e.ruleId, e.error instanceof Error, e.error.name]),
      [
        ['throws-error', true, 'TypeError'],
        ['throws-a-string', true, 'Error'],
        ['overflows-the-stack', true, 'RangeError'],
      ],
    );
    assert.equal(r.ruleErrors[1].error.message, 'not an Error');
    assert.deepEqual(r.findings, alone.findings);
    assert.equal(alone.findings.length, 1);
  });
});
