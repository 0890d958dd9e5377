import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { lintDocument } from '../../server/src/engine/index';
import { ChunkCache, parsePlan } from '../../server/src/engine/plan/parse';
import { fuzz, PLAN_LINES } from './support';

/** A plan long enough to be parsed in several chunks (a chunk is at least 2 KB). */
const BASE = (() => {
  const out = ['---', 'stratlint: true', '---', '# Customer strategy 2026–2028', ''];
  for (let i = 0; out.join('\n').length < 12_000; i++) out.push(...(i % 20 === 0 ? [`## Section ${i / 20}`, ''] : []), PLAN_LINES[(i * 37) % PLAN_LINES.length], '');
  return out.join('\n');
})();

/** An edit as an editor sends it: replace a span (given as fractions of the text) with new text. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 40 }),
  text: fc.oneof(fc.constantFrom('', '\n', '\n\n## Goals\n\n', '# ', '```\n', '<!--', '-->', '[x]: http://e.com\n', '---\n', 'x', '> ', '- '), fc.constantFrom(...PLAN_LINES).map((l) => `${l}\n`), fc.string({ maxLength: 6 })),
});

function apply(text: string, e: { at: number; length: number; text: string }): string {
  const start = Math.floor(e.at * text.length);
  return text.slice(0, start) + e.text + text.slice(start + e.length);
}

const lint = (text: string, cache?: ChunkCache) => lintDocument(text, { noConfig: true, forcePlan: true, plan: parsePlan(text, cache) });

describe('incremental parsing: chunks reused from the cache give the findings of a full re-lint', () => {
  it('for random edit sequences', () => {
    assert.ok(BASE.length > 8_000, 'several chunks');
    fuzz(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const cache = new ChunkCache();
        let text = BASE;
        lint(text, cache);
        for (const e of edits) {
          text = apply(text, e);
          const incremental = lint(text, cache);
          const full = lint(text);
          assert.deepEqual(incremental.findings, full.findings);
          assert.deepEqual(
            incremental.plan.blocks.map((b) => [b.kind, b.text, b.start, b.end]),
            full.plan.blocks.map((b) => [b.kind, b.text, b.start, b.end]),
          );
        }
      }),
      12,
    );
  });
});
