/**
 * trimPatternCaches: once the DFA states re2js cached for all compiled expressions pass the
 * budget, every expression drops them; once their programs pass theirs, every pattern lets its
 * program go; expressions nobody holds any more do not count; and the patterns answer exactly as
 * before, rebuilding states and programs as texts need them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { lintDocument, type Finding } from '../../server/src/engine/index';
import { Pattern, trimPatternCaches } from '../../server/src/engine/patterns/pattern';

const ROOT = join(__dirname, '..', '..');
/** pattern.ts's DFA_STATES_BUDGET. */
const BUDGET = 16 << 20;

/** Plans that get findings: the examples, the language server's fixture and the rule fixtures that fire. */
const PLANS = [
  ...readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(ROOT, 'examples', f)),
  join(ROOT, 'test', 'lsp', 'fixtures', 'growth-strategy.md'),
  ...readdirSync(join(ROOT, 'test', 'rules'))
    .sort()
    .flatMap((rule) => readdirSync(join(ROOT, 'test', 'rules', rule)).filter((f) => f.startsWith('fires-')).map((f) => join(ROOT, 'test', 'rules', rule, f))),
].map((path) => ({ path, text: readFileSync(path, 'utf8') }));

function lintAll(): Finding[][] {
  return PLANS.map(({ path, text }) => {
    const result = lintDocument(text, { filePath: path, noConfig: true, forcePlan: true });
    assert.deepEqual(result.ruleErrors, [], path);
    return result.findings;
  });
}

interface Dfa {
  maxMem: number;
  memBudget: number;
  stateCount: number;
}

/** The re2js DFA behind a pattern, where trimPatternCaches reads it: if re2js moved it, trimming silently does nothing. */
function dfaOf(p: Pattern): Dfa {
  const dfa = (p as unknown as { re: { re2Input?: { lazyDFA?: Dfa | null } } }).re.re2Input?.lazyDFA;
  assert.ok(dfa && typeof dfa.maxMem === 'number' && typeof dfa.memBudget === 'number', 're2js keeps no lazy DFA where trimPatternCaches looks for it');
  return dfa;
}
const cachedBytes = (p: Pattern) => dfaOf(p).maxMem - dfaOf(p).memBudget;

/** Text of a and b, the same on every run (xorshift). */
function letters(length: number, seed: number): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += x < 0 ? 'a' : 'b';
  }
  return out;
}

/**
 * An expression whose DFA needs a state per distinct run of 17 letters: scanning 20,000 random
 * letters caches about 6.5 MB (under re2js's 8 MB per expression, which would reset it).
 */
function filled(seed: number): Pattern {
  const p = Pattern.compile('a[ab]{16}x');
  assert.equal(p.test(letters(20_000, seed)), false);
  const bytes = cachedBytes(p);
  assert.ok(bytes > 6 << 20 && bytes < dfaOf(p).maxMem, `cached ${bytes} bytes`);
  return p;
}

/** Three expressions whose states together pass the budget. */
function pastBudget(): Pattern[] {
  const fillers = [filled(1), filled(2), filled(3)];
  assert.ok(fillers.map(cachedBytes).reduce((a, b) => a + b) > BUDGET);
  return fillers;
}

/** Leaves no expression with cached states: past the budget, one trim drops them all. */
function dropAllStates(): void {
  letProgramsGo();
  const fillers = pastBudget();
  trimPatternCaches();
  assert.deepEqual(fillers.map(cachedBytes), [0, 0, 0]);
}

/** What the tests before compiled (every built-in pattern, past the budget of instructions) let go, so that a trim next weighs states. */
function letProgramsGo(): void {
  trimPatternCaches();
}

/** Node's collector, as the language server reaches it. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

describe('trimPatternCaches', () => {
  it('with nothing compiled yet, does nothing and throws nothing', () => {
    const script = `require(${JSON.stringify(join(ROOT, 'server/src/engine/patterns/pattern.ts'))}).trimPatternCaches(); process.stdout.write('trimmed')`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, 'trimmed');
    assert.equal(run.status, 0);
  });

  it('past the budget, drops the states of every expression, and the rules find exactly the same', () => {
    const before = lintAll();
    const quiet = PLANS.filter((_, i) => before[i].length === 0).map(({ path }) => path);
    assert.deepEqual(quiet, [join(ROOT, 'examples', 'clinic-scheduling-strategy.md')], 'every plan but the strong example gets findings');
    letProgramsGo();
    const fillers = pastBudget();
    const match = `${letters(1000, 4)}a${'b'.repeat(16)}x`;
    assert.equal(fillers[0].test(match), true);

    trimPatternCaches();
    assert.deepEqual(
      fillers.map((p) => [cachedBytes(p), dfaOf(p).stateCount]),
      [
        [0, 0],
        [0, 0],
        [0, 0],
      ],
    );
    assert.deepEqual(lintAll(), before);
    assert.deepEqual(
      fillers.map((p) => [p.test(match), p.test(letters(20_000, 1))]),
      [
        [true, false],
        [true, false],
        [true, false],
      ],
    );
    assert.deepEqual(lintAll(), before, 'and again, on the states rebuilt');
  });

  it('past the budget of instructions, lets every program go, and the rules find exactly the same', () => {
    const before = lintAll();
    // 101 programs of about 1,000 instructions each: past pattern.ts's PROGRAMS_BUDGET on their own
    const big = Array.from({ length: 101 }, (_, i) => Pattern.compile(`[ab]{1000}c${i}`));
    assert.deepEqual(new Set(big.map((p) => p.test('ab'))), new Set([false]));
    assert.ok(big.every((p) => (p.program?.programSize() ?? 0) > 1000));

    trimPatternCaches();
    assert.deepEqual(new Set(big.map((p) => p.program)), new Set([undefined]));
    assert.deepEqual(lintAll(), before);
    const match = `${'ab'.repeat(500)}c7`;
    assert.deepEqual(
      big.flatMap((p, i) => (p.test(match) ? [i] : [])),
      [7],
    );
  });

  it('within the budget, keeps every state', () => {
    dropAllStates();
    const p = filled(5);
    const [bytes, states] = [cachedBytes(p), dfaOf(p).stateCount];
    trimPatternCaches();
    assert.deepEqual([cachedBytes(p), dfaOf(p).stateCount], [bytes, states]);
  });

  it('does not count expressions collected since (a rule pack whose config went), and throws nothing for them', async () => {
    dropAllStates();
    const kept = filled(6);
    const states = dfaOf(kept).stateCount;
    const gone = ((ps: Pattern[]) => ps.map((p) => new WeakRef(p)))([filled(7), filled(8)]);
    // a WeakRef keeps its target until the job that made it ends
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    assert.deepEqual(
      gone.map((ref) => ref.deref()),
      [undefined, undefined],
      'the two expressions were collected',
    );
    // with them, 3 × 6.5 MB would pass the budget
    trimPatternCaches();
    assert.equal(dfaOf(kept).stateCount, states);
    trimPatternCaches();
    assert.equal(dfaOf(kept).stateCount, states);
  });
});
