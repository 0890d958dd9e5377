import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fingerprintFindings, keepFindings } from '../../server/src/cli/fingerprint';
import { lintDocument } from '../../server/src/engine/index';
import { at, RULES } from './format-input';
import { ROOT } from './helpers';

const PLAN = `# Clinic growth plan

## Customer outcomes

We will deliver a world-class booking flow.

## Roadmap

- A world-class support desk by Q3.
- A seamless migration for existing clinics.
`;

type Spec = [words: string, ruleId: string, nth?: number];
const SPECS: Spec[] = [
  ['Clinic growth plan', 'customer-outcomes'],
  ['world-class', 'buzzword-fluff', 1],
  ['world-class', 'buzzword-fluff', 2],
  ['seamless', 'buzzword-fluff'],
];

function prints(text: string, specs: Spec[] = SPECS, titleWords = 'Clinic growth plan'): string[] {
  const findings = specs.map(([words, ruleId, nth]) => at(text, ruleId === 'customer-outcomes' ? titleWords : words, ruleId, { nth }));
  return fingerprintFindings(text, findings, RULES);
}

describe('fingerprints', () => {
  it('survive edits above and around the findings: new paragraphs, renamed headings, added list items', () => {
    const edited = PLAN.replace('# Clinic growth plan\n', '# Clinic growth plan\n\nOwner: Dana Reyes. Reviewed quarterly.\n\n> Draft for the March review.\n')
      .replace('## Roadmap', '## What we will build in 2027')
      .replace('- A seamless', '- Two new regions by Q4.\n- A seamless');
    assert.notEqual(edited, PLAN);
    assert.deepEqual(prints(edited), prints(PLAN));
  });

  it('ignore line-break style, re-wrapping and case of the flagged words', () => {
    const crlf = PLAN.replace(/\n/g, '\r\n').replace('world-class booking', 'World-Class booking');
    assert.deepEqual(prints(crlf, [['World-Class', 'buzzword-fluff'], ['world-class', 'buzzword-fluff'], ['seamless', 'buzzword-fluff']]), prints(PLAN, SPECS.slice(1)));
  });

  it('tell apart rules, flagged words and repeated occurrences of the same words', () => {
    const p = prints(PLAN);
    assert.equal(new Set(p).size, p.length);
    const otherRule = fingerprintFindings(PLAN, [at(PLAN, 'world-class', 'vague-target')], RULES)[0];
    assert.ok(!p.includes(otherRule));
  });

  it('change when the flagged words change', () => {
    const edited = PLAN.replace('A seamless migration', 'A frictionless migration');
    const specs: Spec[] = [...SPECS.slice(0, 3), ['frictionless', 'buzzword-fluff']];
    const [before, after] = [prints(PLAN), prints(edited, specs)];
    assert.deepEqual(after.slice(0, 3), before.slice(0, 3));
    assert.notEqual(after[3], before[3]);
  });

  it('identify a plan-level finding by its rule alone, so renaming the plan keeps it', () => {
    const renamed = PLAN.replace('# Clinic growth plan', '# Clinic growth plan 2027–2029');
    assert.equal(prints(renamed, SPECS, 'Clinic growth plan 2027–2029')[0], prints(PLAN)[0]);
  });

  it('travel with their findings when some are filtered out, so occurrences are never renumbered', () => {
    const findings = SPECS.map(([words, ruleId, nth]) => at(PLAN, words, ruleId, { nth }));
    const all = fingerprintFindings(PLAN, findings, RULES);
    const kept = keepFindings({ file: 'plan.md', text: PLAN, findings, fingerprints: all }, RULES, (f) => f.range.start.line !== 4);
    assert.deepEqual(kept.fingerprints, [all[0], all[2], all[3]]);
    assert.deepEqual(kept.findings, [findings[0], findings[2], findings[3]]);
  });

  it('stay the same for real findings of the built-in rules when a paragraph is added at the top', () => {
    const text = readFileSync(join(ROOT, 'examples/weak-feature-race-plan.md'), 'utf8');
    const lint = (t: string) => {
      const r = lintDocument(t, { noConfig: true, forcePlan: true });
      const rules = new Map(r.config.settings.map((s) => [s.rule.meta.id, s.rule.meta]));
      return { findings: r.findings, prints: fingerprintFindings(t, r.findings, rules) };
    };
    const lines = text.split('\n');
    const title = lines.findIndex((l) => l.startsWith('# '));
    const edited = [...lines.slice(0, title + 1), '', 'Prepared by the planning team for the March board meeting.', '', 'Contact: Priya Nair.', ...lines.slice(title + 1)].join('\n');
    const [before, after] = [lint(text), lint(edited)];
    const spanLines = (r: typeof before) => r.findings.filter((f) => f.range.start.line > title).map((f) => f.range.start.line);
    assert.ok(spanLines(before).length >= 2, 'the example has findings below the title');
    assert.deepEqual(spanLines(after), spanLines(before).map((l) => l + 4), 'the findings moved down');
    assert.deepEqual(after.prints, before.prints);
  });
});
