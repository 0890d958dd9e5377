import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { lintDocument } from '../../server/src/engine/index';
import { assertRangesInside, fuzz, LONG, markdown, PLAN_LINES } from './support';

/** Lints as the CLI does a file named on the command line (every rule runs, no config). */
function lint(text: string) {
  const r = lintDocument(text, { noConfig: true, forcePlan: true });
  assert.deepEqual(r.ruleErrors.map((e) => `${e.ruleId}: ${e.error.message}`), []);
  assertRangesInside(text, r.findings);
  return r;
}

describe('fuzz: any Markdown lints without an exception, with every range inside the document', () => {
  it('random Markdown built from syntax, plan prose and hostile characters', () => {
    fuzz(fc.property(markdown, (text) => void lint(text)), 150);
  });

  it('random line sequences with CRLF, a byte order mark or tabs', () => {
    const doc = fc.tuple(fc.array(fc.constantFrom(...PLAN_LINES), { minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), fc.boolean());
    fuzz(fc.property(doc, ([lines, eol, bom, tabs]) => void lint((bom ? '\uFEFF' : '') + lines.map((l) => (tabs ? l.replace(/^ +/, '\t') : l)).join(eol))), 40);
  });

  const cases: Record<string, () => string> = {
    'lists 10,000 deep': () => `# Plan\n\n${'- '.repeat(10_000)}We serve accounting firms.\n`,
    'quotes 10,000 deep': () => `# Plan\n\n${'> '.repeat(10_000)}We serve accounting firms.\n`,
    'mixed containers 10,000 deep': () => `# Plan\n\n${'> 1. * '.repeat(3_400)}Revenue grows.\n`,
    'lists nested by indentation 1,000 deep': () => `# Plan\n\n${Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(2 * i)}- level ${i}`).join('\n')}\n`,
    'emphasis 10,000 deep': () => `# Plan\n\n${'*'.repeat(10_000)}value${'*'.repeat(10_000)}\n`,
    'brackets 10,000 deep': () => `# Plan\n\n${'['.repeat(10_000)}x${'](y)'.repeat(10_000)}\n`,
    'a 1 MB line (an embedded image)': () => `# Plan\n\nOur funnel: ![funnel](data:image/png;base64,${'iVBORw0KGgo'.repeat(95_000)})\n`,
    'NUL bytes everywhere': () => '# Plan\0\n\0\n## Goals\0\n\n- Grow \0revenue 20% by 2027\0\n'.repeat(50),
    'lone surrogates': () => '# Plan \uD800\n\n## Target customers \uDC00\n\nWe serve \uDBFF firms.\uDFFF\n',
    'a table of 5,000 rows': () => `# Plan\n\n| Goal | Target |\n|---|---|\n${'| Grow revenue | 20% by 2027 |\n'.repeat(5_000)}`,
    'a table 2,000 columns wide': () => `# Plan\n\n|${' a |'.repeat(2_000)}\n|${'---|'.repeat(2_000)}\n|${' x |'.repeat(2_000)}\n`,
    'an unclosed fence and comment': () => '# Plan\n\n```\n# Goals\n\n<!--\n## Customers\n',
  };
  // Rules read every character of prose, so a 1 MB prose line takes seconds: in `npm run fuzz` only.
  if (LONG) cases['a 1 MB line of prose'] = () => `# Plan\n\n${'We will grow customer value, '.repeat(36_000)}\n`;
  for (const [name, make] of Object.entries(cases)) {
    it(name, () => {
      const text = make();
      const r = lint(text);
      assert.ok(r.isPlan);
      assert.ok(r.findings.length > 0, 'a plan missing every section gets findings');
    });
  }
});
