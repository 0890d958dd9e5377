/**
 * Locating matches in a long text (patterns/locate.ts): the DFA finds where the earliest match
 * ends and re2js's matcher runs on a window around it. Every match must be the one re2js's own
 * search of the whole text finds: built-in patterns on long paragraphs made of the examples and
 * rule fixtures, and random patterns (word boundaries, line anchors, repetitions, surrogate pairs)
 * on random texts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { findInLongText, longestMatch, occursInLongText } from '../../server/src/engine/patterns/locate';
import { builtinPatternSources, examplesAndFixtures } from '../support/builtin-patterns';

const compile = (source: string) => RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);

/** Every match as re2js finds it, one `find(from)` after another (as Pattern does). */
function re2jsMatches(re: RE2JS, text: string): [number, number][] {
  const m = re.matcher(text);
  const out: [number, number][] = [];
  for (let from = 0; from <= text.length && m.find(from); ) {
    out.push([m.start(), m.end()]);
    from = m.end() > m.start() ? m.end() : m.end() + 1;
  }
  return out;
}

/** The same, through findInLongText (re2js's search where it answers undefined); and how often it answered. */
function windowMatches(re: RE2JS, text: string, used: { windowed: number }): [number, number][] {
  const m = re.matcher(text);
  const out: [number, number][] = [];
  for (let from = 0; from <= text.length; ) {
    let found = findInLongText(re, text, from);
    if (found === undefined) found = m.find(from) ? [m.start(), m.end()] : null;
    else used.windowed++;
    if (!found) break;
    out.push(found);
    from = found[1] > found[0] ? found[1] : found[1] + 1;
  }
  return out;
}

describe('locating matches in a long text', () => {
  it('every built-in pattern finds the same matches, and says the same about occurring, in long paragraphs of the examples and fixtures', () => {
    const sources = builtinPatternSources('https://example.invalid/locate-test');
    const files = examplesAndFixtures((f) => f.endsWith('.md'));
    const all = files.map((f) => readFileSync(f, 'utf8')).join('\n\n');
    // As one paragraph (lines joined) and as the text is, in pieces above LONG_TEXT (re2js's own search of each is slow: ten of them).
    const texts: string[] = [];
    for (let at = 0; at < all.length && texts.length < 20; at += Math.floor(all.length / 10)) {
      const piece = all.slice(at, at + 6_000);
      texts.push(piece, piece.replace(/\s*\n\s*/g, ' '));
    }
    const used = { windowed: 0 };
    let bounded = 0;
    let matches = 0;
    for (const source of sources) {
      const re = compile(source);
      if (longestMatch(re) >= 0) bounded++;
      for (const text of texts) {
        const expected = re2jsMatches(re, text);
        matches += expected.length;
        assert.deepEqual(windowMatches(re, text, used), expected, source.slice(0, 100));
        assert.equal(occursInLongText(re, text) ?? re.test(text), expected.length > 0, source.slice(0, 100));
      }
    }
    assert.ok(bounded > 50, `bounded ${bounded} of ${sources.size}`);
    assert.ok(matches > 2000 && used.windowed > 2000, `matches ${matches}, windowed ${used.windowed}`);
  });

  it('random patterns on random texts (word boundaries, line anchors, surrogate pairs) find what re2js finds', () => {
    const atom = fc.constantFrom('a', 'b', 'ab', 'ba', 'k', 's', '\\b', '\\B', '^', '$', '\\s', '\\w', '.', '[^a]', '😀', '\\d', '(?-i:A)', 'é', '\\n');
    const node: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        atom,
        fc.tuple(tie('node'), tie('node')).map(([a, b]) => `${a}${b}`),
        fc.tuple(tie('node'), tie('node')).map(([a, b]) => `(?:${a}|${b})`),
        fc.tuple(tie('node'), fc.constantFrom('?', '{1,3}', '{2}', '*', '+', '??')).map(([a, op]) => `(?:${a})${op}`),
      ),
    })).node;
    const text = fc.array(fc.constantFrom('a', 'b', 'A', 'B', 'k', '\u212a', 's', 'ſ', ' ', '\n', '😀', 'é', '1', '-', '\ud83d'), { minLength: 0, maxLength: 300 }).map((cs) => cs.join(''));
    let windowed = 0;
    fc.assert(
      fc.property(node, fc.boolean(), text, (source, multiline, t) => {
        const re = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE | (multiline ? RE2JS.MULTILINE : 0));
        const used = { windowed: 0 };
        assert.deepEqual(windowMatches(re, t, used), re2jsMatches(re, t), `${source} on ${JSON.stringify(t)}`);
        assert.equal(occursInLongText(re, t) ?? re.test(t), re.test(t), `${source} on ${JSON.stringify(t)}`);
        windowed += used.windowed;
      }),
      { numRuns: 3000 },
    );
    assert.ok(windowed > 1000, `windowed ${windowed}`);
  });

  it('bounds a pattern by its longest match, in UTF-16 code units', () => {
    assert.equal(longestMatch(compile('abc')), 3);
    assert.equal(longestMatch(compile('\\bab(?:c|de)?\\b')), 4);
    assert.equal(longestMatch(compile('a.b')), 4); // any character may be a surrogate pair
    assert.equal(longestMatch(compile('é')), 2); // folded: counted as two
    assert.equal(longestMatch(compile('a+')), -1);
    assert.equal(longestMatch(compile('a\\s*b')), -1);
  });
});
