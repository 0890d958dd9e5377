import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, lintDocument } from '../../server/src/engine/index';
import { keepsUntouchedLines, touchedLines } from '../support/edits';
import { fuzz, PLAN_LINES } from './support';

const lint = (text: string) => lintDocument(text, { noConfig: true, forcePlan: true }).findings;

/** Random plans: a title, then realistic lines from the rules' fixtures, in paragraphs. */
const plan = fc
  .tuple(fc.array(fc.constantFrom(...PLAN_LINES), { minLength: 1, maxLength: 30 }), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), fc.constantFrom('\n', '\r\n'))
  .map(([lines, gaps, eol]) => ['# Customer strategy 2026–2028', '', ...lines.flatMap((l, i) => (gaps[i] ? [l, ''] : [l]))].join(eol) + eol);

describe('quick fixes at the end of a plan that ends in an unclosed code fence', () => {
  it('offer no section template there, where it would be code', () => {
    const text = '# Customer strategy 2026–2028\n\n## Goals\n\n- Grow revenue 20% by 2027.\n\n```\n## Spreadsheet import\n';
    const templates = lint(text).flatMap((f) => f.fixes.filter((x) => x.isPreferred && x.edits.some((e) => e.newText.includes('## '))));
    assert.deepEqual(templates, []);
    const closed = `${text}\`\`\`\n`;
    assert.ok(lint(closed).some((f) => f.fixes.some((x) => x.isPreferred && x.edits.some((e) => e.newText.includes('## ')))), 'with the fence closed, templates are offered');
  });
});

describe('fuzz: quick fixes on random plans', () => {
  let checked = 0;
  it('every fix keeps every line it does not edit', () => {
    fuzz(
      fc.property(plan, (text) => {
        for (const f of lint(text)) {
          for (const fix of f.fixes) {
            checked++;
            const fixed = applyEdits(text, fix.edits);
            assert.ok(keepsUntouchedLines(text, fixed, touchedLines(text, fix.edits)), `${f.ruleId}: "${fix.title}" lost a line`);
          }
        }
      }),
      25,
    );
    assert.ok(checked > 50, `only ${checked} fixes seen`);
  });

  // Per rule, as the rule harness checks its fixtures. (A template can make another rule apply:
  // value-creation-zone weighs the customer and company words the other templates bring.)
  it("each rule's fix-all is idempotent: a second round of that rule's fixes changes nothing", () => {
    fuzz(
      fc.property(plan, (text) => {
        const preferred = (t: string, ruleId: string) => lint(t).flatMap((f) => (f.ruleId === ruleId ? (f.fixes.find((x) => x.isPreferred)?.edits ?? []) : []));
        for (const ruleId of new Set(lint(text).map((f) => f.ruleId))) {
          const edits = preferred(text, ruleId);
          const once = applyEdits(text, edits);
          assert.ok(keepsUntouchedLines(text, once, touchedLines(text, edits)), `${ruleId}: fix-all lost a line`);
          assert.equal(applyEdits(once, preferred(once, ruleId)), once, `${ruleId}: a second round changed the plan`);
        }
      }),
      25,
    );
  });
});
