import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintPlan, parsePlan } from '../../server/src/engine/index';
import { planVocabulary, groupPhrase } from '../../server/src/engine/plan/vocabulary';
import { PatternMemo, withPatternMemo } from '../../server/src/engine/patterns/memo';
import { knownIds, settingFor } from '../support/fixtures';

const groups = (text: string) => [...planVocabulary(parsePlan(text)).phrases];

describe("a plan's own customer vocabulary", () => {
  it('takes groups from front matter, the target-customer section and "for whom" phrases', () => {
    assert.deepEqual(groups('---\ncustomers: [hospital purchasing leads, rural pharmacies]\n---\n# Plan\n'), ['hospital purchasing leads', 'rural pharmacies']);
    assert.deepEqual(groups('# Plan\n\n## Target customers\n\n- Regional newsrooms — under 20 staff\n- School librarians: …\n'), ['regional newsrooms', 'school librarians']);
    assert.deepEqual(groups('# Plan\n\nWe will support package managers in moving to content addressing.\n'), ['package managers']);
    assert.deepEqual(groups('# Plan\n\nTop registries serve code distributors (e.g. npm, PyPI, Cargo).\n'), ['code distributors']);
    assert.deepEqual(groups('# Plan\n\nCode Insights is built first for engineering leaders.\n'), ['engineering leaders']);
  });

  it('adds nothing {customer} already names, and no things', () => {
    assert.deepEqual(groups('# Plan\n\nWe serve public organizations and production users.\n'), []);
    assert.deepEqual(groups('# Plan\n\nWe will support async closures and smart pointers in the compiler.\n'), []);
    assert.equal(groupPhrase('US-based government organizations and publicly-controlled entities'), 'us-based government organizations');
  });

  const plan = `---
customers: hospital purchasing teams
---
# Purchasing assistant strategy 2026–2028

We already know what purchasing managers want.
`;
  it("every rule reads the plan's groups as {customer}", () => {
    // "purchasing managers" is this plan's customer (front matter), not a word {customer} knows.
    const fires = (text: string) => lintPlan(parsePlan(text), [settingFor('we-know-best')], knownIds()).findings.length;
    assert.equal(fires(plan.replace('hospital purchasing teams', 'purchasing managers')), 1);
    assert.equal(fires(plan), 0);
  });

  it('forgets what rules remembered per text when the vocabulary changes (editor memo)', () => {
    const memo = new PatternMemo();
    const count = (text: string) =>
      withPatternMemo(memo, () => {
        const n = lintPlan(parsePlan(text), [settingFor('we-know-best')], knownIds()).findings.length;
        memo.sweep();
        return n;
      });
    assert.equal(count(plan), 0);
    assert.equal(count(plan.replace('hospital purchasing teams', 'purchasing managers')), 1);
    assert.equal(count(plan), 0);
  });
});
