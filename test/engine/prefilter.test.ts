/**
 * The prefilter (patterns/prefilter.ts, atoms.ts): a pattern is skipped on a text only where it
 * cannot match. Its atoms come from the compiled program; a skipped pattern that would have
 * matched is a finding lost, so this tries random patterns with texts made to match them, and
 * every built-in pattern on the plans the tests know.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { requiredAtoms, requiredAtomSets } from '../../server/src/engine/patterns/atoms';
import { AtomScanner, foldForAtoms } from '../../server/src/engine/patterns/prefilter';
import { builtinProgramsFile } from '../../server/src/engine/patterns/save-programs';
import { builtinPatternSources, examplesAndFixtures } from '../support/builtin-patterns';

const compile = (source: string) => RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);

/** A scanner for a pattern's atom sets, and the sets as indices into its atoms. */
function prefilterOf(re: RE2JS): { scanner: AtomScanner; sets: number[][] } {
  const sets = requiredAtomSets(re);
  const atoms = [...new Set(sets.flat())];
  return { scanner: new AtomScanner(atoms), sets: sets.map((set) => set.map((a) => atoms.indexOf(a))) };
}

/** Whether the prefilter lets the pattern run on the text. */
function admits(source: string, text: string): boolean {
  const { scanner, sets } = prefilterOf(compile(source));
  return scanner.allIn(text, sets);
}

describe('AtomScanner', () => {
  const atoms = ['he', 'she', 'his', 'hers', 'k-1', 'net promoter'];
  const found = (text: string) => atoms.filter((_, i) => new AtomScanner(atoms).anyIn(text, [i]));

  it('finds every atom in one pass, overlapping and within others', () => {
    assert.deepEqual(found('ushers'), ['he', 'she', 'hers']);
    assert.deepEqual(found('this'), ['his']);
    assert.deepEqual(found('our Net Promoter score, K-1'), ['k-1', 'net promoter']);
    assert.deepEqual(found('h e s'), []);
  });

  it('reads the text as re2js folds case: the Kelvin sign as k, the long s as s; other letters break atoms', () => {
    assert.deepEqual(found('\u212a-1 ſhe'), ['he', 'she', 'k-1']);
    assert.deepEqual(found('hé hi\u0301s'), []);
  });

  it('answers per text from what it scanned, and the same after forgetting it', () => {
    const scanner = new AtomScanner(atoms);
    assert.equal(scanner.anyIn('his', [0, 1]), false);
    assert.equal(scanner.anyIn('his', [2]), true);
    scanner.clear();
    assert.equal(scanner.anyIn('his', [0, 2]), true);
  });
});

describe('requiredAtoms', () => {
  const cases: [string, string[] | undefined][] = [
    ['customers?', ['customer']],
    ['\\bcross-?sell', ['cross']],
    ['(?:foo|bar)baz', ['barbaz', 'foobaz']],
    ['(?:ltv|clv|cltv)', ['cl', 'ltv']],
    ['abc(?:de)*fgh', ['fgh']],
    ['(?-i:NPS|CSAT)', ['csat', 'nps']],
    ['café', ['caf']],
    ['a|b', undefined],
    ['\\d+%', undefined],
    ['x[ab]y', undefined],
    ['a?', undefined],
  ];
  for (const [source, atoms] of cases) it(`${source} → ${JSON.stringify(atoms)}`, () => assert.deepEqual(requiredAtoms(compile(source)), atoms));

  // Further sets, each read from other instructions than the sets before it; a set an earlier one implies is left out.
  const setCases: [string, string[][]][] = [
    ['\\b(?:customers?|users?)\\s+(?:can\\s+)?(?:improve|grow)\\b', [['grow', 'improve'], ['customer', 'user']]],
    ['abc(?:de)*fgh', [['fgh'], ['abc']]],
    ['net promoter score', [['net promoter'], [' score']]],
    ['\\bretain(?:s|ed|ing)?\\b', [['retain']]],
    // The second word's set too: the word boundary before the first word forces that word as well, and is no head of another set.
    ['\\bcustomer\\s+success\\b', [['customer'], ['success']]],
    ['a|b', []],
  ];
  for (const [source, sets] of setCases) it(`${source} → ${JSON.stringify(sets)}`, () => assert.deepEqual(requiredAtomSets(compile(source)), sets));

  it('every code point re2js folds with an ASCII character becomes that character in foldForAtoms', () => {
    for (let code = 0x20; code < 0x7f; code++) {
      const c = String.fromCharCode(code);
      const re = compile(c.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'));
      for (const other of [0x17f, 0x212a, 0x130, 0x131, 0x212b, 0xdf, 0x1e9e]) {
        if (re.test(String.fromCodePoint(other))) assert.equal(foldForAtoms(String.fromCodePoint(other)), c.toLowerCase(), `U+${other.toString(16)} vs ${c}`);
      }
    }
  });
});

/** A random pattern and a text its parts are made to match (case varied where the pattern ignores case). */
type Gen = { source: string; sample: (pick: () => number) => string };
const ALPHABET = ['a', 'b', 'c', 'k', 's', 'e', 'é', ' ', '-', '1', "'"];
const variants = (c: string, caseless: boolean) => (caseless ? [c, c.toUpperCase(), ...(c === 'k' ? ['\u212a'] : c === 's' ? ['ſ'] : [])] : [c]);
const choose = <T>(list: readonly T[], pick: () => number) => list[pick() % list.length];

function generator(caseless: boolean): fc.Arbitrary<Gen> {
  const { node } = fc.letrec<{ node: Gen }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...ALPHABET).map((c) => ({ source: c === '-' ? '\\-' : c, sample: (pick: () => number) => choose(variants(c, caseless), pick) })),
      fc.constantFrom<Gen>(
        { source: '[a-c]', sample: (pick) => choose(['a', 'b', 'c', ...(caseless ? ['A', 'C'] : [])], pick) },
        { source: '\\s', sample: () => ' ' },
        { source: '\\d', sample: (pick) => String(pick() % 10) },
        { source: '.', sample: (pick) => choose(['x', 'é', 'K'], pick) },
        { source: '\\b', sample: () => '' },
      ),
      fc.tuple(tie('node'), tie('node')).map(([a, b]) => ({ source: `${a.source}${b.source}`, sample: (pick: () => number) => a.sample(pick) + b.sample(pick) })),
      fc.tuple(tie('node'), tie('node')).map(([a, b]) => ({ source: `(?:${a.source}|${b.source})`, sample: (pick: () => number) => (pick() % 2 ? a : b).sample(pick) })),
      fc.tuple(tie('node'), fc.constantFrom('?', '*', '+', '{2,3}')).map(([a, op]) => ({
        source: `(?:${a.source})${op}`,
        sample: (pick: () => number) => {
          const times = op === '?' ? pick() % 2 : op === '*' ? pick() % 3 : op === '+' ? 1 + (pick() % 2) : 2 + (pick() % 2);
          return Array.from({ length: times }, () => a.sample(pick)).join('');
        },
      })),
    ),
  }));
  return node;
}

describe('the prefilter never skips a pattern where it matches', () => {
  it('random patterns, on texts made to match them (case varied, Kelvin sign and long s included)', () => {
    let matched = 0;
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean().chain((caseless) => fc.tuple(generator(caseless), fc.constant(caseless))),
        fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
        fc.string({ maxLength: 6 }),
        fc.string({ maxLength: 6 }),
        (_, [gen, caseless], picks, before, after) => {
          let i = 0;
          const pick = () => picks[i++ % picks.length];
          const source = caseless ? gen.source : `(?-i:${gen.source})`;
          const text = before + gen.sample(pick) + after;
          if (!compile(source).test(text)) return;
          matched++;
          assert.ok(admits(source, text), `${source} matches ${JSON.stringify(text)} but its atom sets ${JSON.stringify(requiredAtomSets(compile(source)))} were not all found`);
        },
      ),
      { numRuns: 3000 },
    );
    assert.ok(matched > 2000, `only ${matched} texts matched their pattern`);
  });

  it('every built-in pattern, on every paragraph of the examples and of the rule fixtures that fire', () => {
    // A base URL of its own: builtinRules compiles once per base (builtinProgramsFile uses another).
    const sources = builtinPatternSources('https://example.invalid/prefilter-test');
    const files = examplesAndFixtures((f) => f.startsWith('fires-'));
    const texts = [...new Set(files.flatMap((f) => readFileSync(f, 'utf8').split(/\n\s*\n/)))];
    let skipped = 0;
    let matches = 0;
    for (const source of sources) {
      const re = compile(source);
      const { scanner, sets } = prefilterOf(re);
      if (sets.length === 0) continue;
      for (const text of texts) {
        if (scanner.allIn(text, sets)) {
          if (re.test(text)) matches++;
          continue;
        }
        skipped++;
        assert.equal(re.test(text), false, `${source.slice(0, 80)} was skipped on ${JSON.stringify(text.slice(0, 80))}`);
      }
    }
    // Worth running: most pairs are skipped, and the others hold matches.
    assert.ok(skipped > 0.8 * sources.size * texts.length, `skipped ${skipped}`);
    assert.ok(matches > 500, `matches ${matches}`);
  });

  it('the saved programs carry each pattern its atom sets, by index into the file’s list', () => {
    const file = builtinProgramsFile();
    const length = file.readUInt32LE(0);
    const index = JSON.parse(file.subarray(4, 4 + length).toString('utf8')) as { atoms: string[]; programs: Record<string, { atoms?: number[][] }> };
    const entries = Object.entries(index.programs);
    assert.ok(entries.filter(([, h]) => h.atoms).length > 0.9 * entries.length);
    assert.ok(entries.filter(([, h]) => h.atoms && h.atoms.length > 1).length > 0.5 * entries.length);
    for (const [source, header] of entries.slice(0, 60)) assert.deepEqual(header.atoms?.map((set) => set.map((i) => index.atoms[i])) ?? [], requiredAtomSets(compile(source)), source);
  });
});
