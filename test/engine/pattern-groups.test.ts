/**
 * A list's patterns on a long text (prefilter, memo and all) answer as each pattern compiled
 * alone: whether it occurs, and where first.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileAll, Pattern } from '../../server/src/engine/patterns/pattern';

const SOURCES = ['\\bworld[\\s-]class\\b', '\\bsynerg(?:y|ies)\\b', '(?-i:\\bAPI\\b)', '^we\\s+serve\\b', '\\bparadigm\\s+shifts?\\b', 'clinics\\.$'];

describe('a list of patterns on a long text', () => {
  for (const [name, text, expected] of [
    ['case folded, a case-sensitive pattern left unmatched', `We serve clinics. ${'Our WORLD-CLASS api, again. '.repeat(500)}`, [true, false, false, true, false, false]],
    ['anchors at the text ends, words at its middle', `${'Plain words. '.repeat(800)}Synergies and paradigm shifts for clinics.`, [false, true, false, false, true, true]],
    ['none of them', 'Plain words. '.repeat(1000), [false, false, false, false, false, false]],
  ] as const) {
    it(`answers as each pattern alone: ${name}`, () => {
      assert.ok(text.length >= 10_000);
      const grouped = compileAll(SOURCES, {});
      const alone = SOURCES.map((s) => Pattern.compile(s));
      assert.deepEqual(grouped.map((p) => p.test(text)), expected);
      assert.deepEqual(alone.map((p) => p.test(text)), expected);
      // And where each occurs, which the grouped patterns locate only once they know it does.
      assert.deepEqual(grouped.map((p) => p.firstMatch(text)), alone.map((p) => p.firstMatch(text)));
    });
  }
});
