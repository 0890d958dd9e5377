import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintPlan, parsePlan, type RuleSetting } from '../../server/src/engine/index';
import { compileRule } from '../../server/src/engine/rules/compile';
import { ruleSchema } from '../../server/src/engine/rules/schema';
import { settingFor } from '../support/fixtures';

const fluff = compileRule(
  ruleSchema.parse({ id: 'fluff', kind: 'avoid-phrase', severity: 'warning', description: 'd', message: 'No fluff.', patterns: ['\\bworld-class\\b'] }),
  {},
  'file:///fluff.md',
);
const settings: RuleSetting[] = [{ rule: fluff, severity: 'warning', options: {} }, settingFor('unknown-rule')];
const known = new Set(['fluff', 'unknown-rule', 'customer-outcomes']);

function lines(text: string): string[] {
  return lintPlan(parsePlan(text), settings, known).findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`);
}

describe('inline directives', () => {
  it('disable … enable switches a rule off for the lines between', () => {
    const text = '# P\n\nworld-class\n<!-- stratlint-disable fluff -->\nworld-class\n\n<!-- stratlint-enable fluff -->\nworld-class\n';
    assert.deepEqual(lines(text), ['fluff@3', 'fluff@8']);
  });

  it('disable with no rule list switches every rule off', () => {
    assert.deepEqual(lines('# P\n\n<!-- stratlint-disable -->\nworld-class\n'), []);
  });

  it('disable-next-line covers only the next line; disable-line only its own', () => {
    const text = '# P\n\n<!-- stratlint-disable-next-line fluff -->\nworld-class\nworld-class\n\nworld-class <!-- stratlint-disable-line fluff -->\n';
    assert.deepEqual(lines(text), ['fluff@5']);
  });

  it('disable-file switches the named rules off everywhere, even above the comment', () => {
    assert.deepEqual(lines('# P\n\nworld-class\n\n<!-- stratlint-disable-file fluff, unknown-rule -->\n'), []);
  });

  it('a directive for another rule leaves this one on', () => {
    assert.deepEqual(lines('# P\n\n<!-- stratlint-disable-next-line customer-outcomes -->\nworld-class\n'), ['fluff@4']);
  });

  it('reports unknown rule IDs on the ID itself, with a suggestion', () => {
    const text = '# P\n\n<!-- stratlint-disable-next-line flufff, customer-outcome -->\nworld-class\n';
    const f = lintPlan(parsePlan(text), settings, known).findings.filter((x) => x.ruleId === 'unknown-rule');
    assert.deepEqual(
      f.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character]),
      [
        [2, 33, 39],
        [2, 41, 57],
      ],
    );
    assert.match(f[0].message, /Unknown rule "flufff".*Did you mean "fluff"\?/);
    assert.match(f[1].message, /Did you mean "customer-outcomes"\?/);
  });

  it('reads a reason and an expiry after --', () => {
    const text = '# P\n\n<!-- stratlint-disable-next-line fluff -- agreed with owner, until 2027-03-31 -->\nworld-class\n';
    assert.deepEqual(lines(text), []);
  });

  it('does not treat stratlint words inside prose or code as directives', () => {
    assert.deepEqual(lines('# P\n\n`<!-- stratlint-disable -->`\n\nworld-class\n'), ['fluff@5']);
  });
});
