import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { lintDocument } from '../../server/src/engine/index';
import type { Plan } from '../../server/src/engine/plan/model';
import { ChunkCache, parseChunks, parsePlan } from '../../server/src/engine/plan/parse';
import { PatternMemo, withPatternMemo } from '../../server/src/engine/patterns/memo';
import { fuzz, markdown, PLAN_LINES } from './support';

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

/** Lints as the language server does: with the document's chunk cache and pattern memo when given. */
function lint(text: string, cache?: { chunks: ChunkCache; patterns: PatternMemo }) {
  if (!cache) return lintDocument(text, { noConfig: true, forcePlan: true });
  const plan = parsePlan(text, cache.chunks);
  const result = withPatternMemo(cache.patterns, () => lintDocument(text, { noConfig: true, forcePlan: true, plan }));
  cache.patterns.sweep();
  return result;
}

/** What rules see of a plan. */
const shape = (p: Plan) => ({
  blocks: p.blocks.map((b) => [b.kind, b.text, Array.from(b.offsets), b.start, b.end, b.inQuote, b.label, b.section.start]),
  sections: p.sections.map((s) => [s.level, s.normalized, s.start, s.end, s.blockStart, s.blockEnd]),
  comments: p.comments,
  title: p.title,
});

describe('chunked parsing of random documents', () => {
  it('gives the plan of a whole-document parse (definitions, fences, comments, containers across chunks)', () => {
    const filler = `${'Customers finish their month-end close two days sooner. '.repeat(40)}\n\n`;
    const doc = fc
      .array(fc.tuple(fc.constantFrom('# Plan', '## Goals', '### Customers', 'Text', '[s]: /s', '> [s]: /q', 'See [s] and [t].'), markdown), { minLength: 2, maxLength: 6 })
      .map((sections) => sections.map(([head, body]) => `${head}\n\n${body}\n\n${filler}`).join(''));
    fuzz(
      fc.property(doc, (text) => {
        assert.deepEqual(shape(parsePlan(text)), shape(parseChunks(text, [{ start: 0, text }])));
      }),
      80,
    );
  });
});

describe('incremental linting: cached chunks and remembered pattern answers give the findings of a full re-lint', () => {
  it('for random edit sequences', () => {
    assert.ok(BASE.length > 8_000, 'several chunks');
    fuzz(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const cache = { chunks: new ChunkCache(), patterns: new PatternMemo() };
        let text = BASE;
        lint(text, cache);
        for (const [i, e] of edits.entries()) {
          text = apply(text, e);
          // The server reads an edit's chunks while the user types on (every keystroke), and lints after the pause.
          if (i % 2 === 0) cache.chunks.prepare(text);
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
