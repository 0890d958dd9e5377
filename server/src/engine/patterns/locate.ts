/**
 * Where a pattern's next match is in a long text, without running re2js's NFA over the whole of it.
 *
 * re2js finds match boundaries with its NFA (or, on short texts, a backtracker): in a long text
 * (a paragraph of a megabyte) the NFA steps through every character from where the search starts,
 * at a hundred times the cost of a step of the DFA that only tells whether there is a match. Here
 * the DFA runs first and says where the earliest match ends (E); for a pattern whose matches are
 * at most L characters long, the leftmost match starts at E - L or later and ends by E + L, so
 * re2js's own matcher runs on that window only (with the character before it as context), where it
 * finds the very match it would have found in the whole text:
 *
 * - no match starts between the search's start and E - L (it would end by E, and none ends before E);
 * - the leftmost match starts at or before E (the match ending at E starts somewhere), so every match
 *   starting where it does ends by E + L, inside the window, where each position reads the same
 *   characters around it as in the whole text; only the window's end reads as the text's end, and a
 *   match ending there would be longer than L.
 *
 * When the DFA finds no match, there is none to locate: the NFA does not scan the rest of the text.
 * A pattern of unbounded length (`\s+`), one with lookbehinds, or a DFA out of memory falls back to
 * re2js's search from the start position. It reads re2js internals (as programs.ts does); if they
 * are not as expected, everything falls back.
 */
import { RE2JS } from 're2js';

/** Below this, re2js's backtracker already searches the whole text quickly: nothing to win. */
export const LONG_TEXT = 4096;

interface Inst {
  op: number;
  out: number;
  arg: number;
  runes: ArrayLike<number>;
}
interface Prog {
  inst: Inst[];
  start: number;
  numLb: number;
}
interface DfaState {
  isMatch: boolean;
  next: (DfaState | null)[] | null;
}
interface Dfa {
  failed: boolean;
  latin1Class: Int32Array;
  numClasses: number;
  start(input: Input, pos: number): DfaState | null;
  runeClass(rune: number): number;
  stepOrReset(state: DfaState, cls: number, rune: number, anchor: number, pos: number, search: { resetPos: number }): DfaState | null;
}
interface Input {
  step(pos: number): number;
  context(pos: number): number;
}
interface Re2 {
  prog: Prog;
  readonly dfa: Dfa;
}

/** re2js's instruction codes (Inst.ALT … Inst.RUNE_ANY_NOT_NL in re2js 2.x). */
const ALT = 1;
const ALT_MATCH = 2;
const CAPTURE = 3;
const EMPTY_WIDTH = 4;
const FAIL = 5;
const MATCH = 6;
const NOP = 7;
const RUNE_FIRST = 8;
const RUNE_LAST = 11;
const UNANCHORED = 0;
/** What the DFA is stepped with at the end of the text. */
const END_TEXT = -1;

/** re2js's reader of a UTF-16 text (MachineUTF16Input), taken from a search it runs: `new (text, start, end)`. */
let textInput: (new (text: string, start: number, end: number) => Input) | null | undefined;

function textInputClass(): (new (text: string, start: number, end: number) => Input) | null {
  return (textInput ??= madeInput() ?? null);
}

function madeInput(): (new (text: string, start: number, end: number) => Input) | undefined {
  try {
    const re = RE2JS.compile('a');
    const re2 = re2Of(re) as (Re2 & { executeEngine?: (input: Input, ...rest: unknown[]) => unknown }) | undefined;
    if (!re2 || typeof re2.executeEngine !== 'function') return undefined;
    const own = re2.executeEngine;
    let made: (new (text: string, start: number, end: number) => Input) | undefined;
    re2.executeEngine = function (this: unknown, input: Input, ...rest: unknown[]) {
      made = input.constructor as typeof made;
      return own.call(this, input, ...rest);
    };
    try {
      re.matcher('a').find(0);
    } finally {
      delete (re2 as { executeEngine?: unknown }).executeEngine;
    }
    const input = made ? new made('ab', 0, 2) : undefined;
    // Sanity: reads 'b' at 1 as one code unit, and sees the text's end at 2.
    return input && input.step(1) === ((98 << 3) | 1) && input.step(2) < 0 ? made : undefined;
  } catch {
    return undefined;
  }
}

/** Per compiled pattern: its longest match in UTF-16 code units, or -1 when unbounded or not understood. */
const longest = new WeakMap<RE2JS, number>();

function re2Of(re: RE2JS): Re2 | undefined {
  const re2 = (re as unknown as { re2Input?: Re2 }).re2Input;
  return re2 && re2.prog && Array.isArray(re2.prog.inst) ? re2 : undefined;
}

/** The most code units any match can span (each rune instruction's on the longest path, see `units`); -1 if the program loops or holds what this does not know. */
export function longestMatch(re: RE2JS): number {
  let known = longest.get(re);
  if (known !== undefined) return known;
  known = -1;
  const re2 = re2Of(re);
  if (re2 && re2.prog.numLb === 0) known = longestPath(re2.prog);
  longest.set(re, known);
  return known;
}

function longestPath(prog: Prog): number {
  const insts = prog.inst;
  /** Per instruction: undefined unvisited, -2 on the current path, else its longest run of runes to a match (-3: none reaches one). */
  const memo = new Map<number, number>();
  const NONE = -3;
  let ok = true;
  // Iterative depth-first search: programs have thousands of instructions.
  const visit = (root: number): number => {
    const stack: { pc: number; next: number[]; best: number }[] = [];
    const enter = (pc: number): number | undefined => {
      const seen = memo.get(pc);
      if (seen === -2) {
        ok = false; // a loop: matches of any length
        return NONE;
      }
      if (seen !== undefined) return seen;
      const inst = insts[pc];
      if (!inst) {
        ok = false;
        return NONE;
      }
      switch (inst.op) {
        case MATCH:
          memo.set(pc, 0);
          return 0;
        case FAIL:
          memo.set(pc, NONE);
          return NONE;
        case ALT:
        case ALT_MATCH:
          memo.set(pc, -2);
          stack.push({ pc, next: [inst.out, inst.arg], best: NONE });
          return undefined;
        case CAPTURE:
        case NOP:
        case EMPTY_WIDTH:
          memo.set(pc, -2);
          stack.push({ pc, next: [inst.out], best: NONE });
          return undefined;
        default:
          if (inst.op >= RUNE_FIRST && inst.op <= RUNE_LAST) {
            memo.set(pc, -2);
            stack.push({ pc, next: [inst.out], best: NONE });
            return undefined;
          }
          ok = false;
          return NONE;
      }
    };
    const first = enter(root);
    if (first !== undefined) return first;
    let result = NONE;
    while (stack.length > 0 && ok) {
      const top = stack[stack.length - 1];
      const pc = top.next.pop();
      if (pc === undefined) {
        stack.pop();
        const value = top.best === NONE ? NONE : top.best + units(insts[top.pc]);
        memo.set(top.pc, value);
        if (stack.length > 0) {
          const parent = stack[stack.length - 1];
          if (value !== NONE && value > parent.best) parent.best = value;
        } else result = value;
        continue;
      }
      const value = enter(pc);
      if (value !== undefined && value !== NONE && value > top.best) top.best = value;
    }
    return ok ? result : -1;
  };
  const length = visit(prog.start);
  return ok && length >= 0 ? length : -1;
}

/** re2js's RE2Flags.FOLD_CASE, on a one-rune instruction's `arg`. */
const FOLD_CASE = 1;

/** The most UTF-16 code units an instruction reads: one for runes below U+10000, else two (a surrogate pair). */
function units(inst: Inst): number {
  if (inst.op < RUNE_FIRST || inst.op > RUNE_LAST) return 0;
  if (inst.op !== RUNE_FIRST && inst.op !== RUNE_FIRST + 1) return 2; // any character
  const runes = inst.runes;
  if (!runes || runes.length === 0) return 2;
  if (runes.length === 1) {
    const r = runes[0];
    // An ASCII letter's case variants (K, the Kelvin sign; s, the long s) are below U+10000; others are counted as two.
    if (r < 0x80) return 1;
    return r <= 0xffff && (inst.arg & FOLD_CASE) === 0 ? 1 : 2;
  }
  // Ranges, ascending, their case variants included: the last bound is the highest rune.
  return runes[runes.length - 1] <= 0xffff ? 1 : 2;
}

/**
 * Where the earliest match starting at `from` or later ends, by re2js's DFA: -1 when there is none,
 * undefined when the DFA cannot tell (out of memory; the caller then searches as re2js does).
 */
function earliestEnd(dfa: Dfa, input: Input, text: string, from: number): number | undefined {
  if (dfa.failed) return undefined;
  const first = dfa.start(input, from);
  if (first === null) return undefined;
  let state: DfaState = first;
  const latin1Class = dfa.latin1Class;
  const search = { resetPos: -1 };
  const end = text.length;
  let i = from;
  while (i < end) {
    // input.step, inlined for the characters below the surrogates
    const c = text.charCodeAt(i);
    let rune: number;
    let width: number;
    if (c < 0xd800 || c > 0xdbff) {
      rune = c;
      width = 1;
    } else {
      const r = input.step(i);
      rune = r >> 3;
      width = r & 7;
    }
    const cls = rune <= 0xff ? latin1Class[rune] : dfa.runeClass(rune);
    let next: DfaState | null = state.next !== null ? state.next[cls] : null;
    if (next === null) {
      next = dfa.stepOrReset(state, cls, rune, UNANCHORED, i, search);
      if (next === null) return undefined;
    }
    state = next;
    // A match state is entered on the character after the match: it ended at i.
    if (state.isMatch) return i;
    i += width;
  }
  const last = dfa.stepOrReset(state, dfa.numClasses, END_TEXT, UNANCHORED, i, search);
  if (last === null) return undefined;
  return last.isMatch ? end : -1;
}

/**
 * Whether the pattern occurs in a long text, by the same DFA re2js's `test` runs, stepped here
 * without its per-character calls; undefined when re2js must answer (lookbehinds, DFA out of memory).
 */
export function occursInLongText(re: RE2JS, text: string): boolean | undefined {
  const end = earliestEndOf(re, text, 0);
  return end === undefined ? undefined : end >= 0;
}

/** `earliestEnd` for a compiled pattern; undefined when re2js must answer (lookbehinds, internals not as expected, DFA out of memory). */
function earliestEndOf(re: RE2JS, text: string, from: number): number | undefined {
  const re2 = re2Of(re);
  const TextInput = textInputClass();
  if (!re2 || re2.prog.numLb !== 0 || !TextInput) return undefined;
  return earliestEnd(re2.dfa, new TextInput(text, 0, text.length), text, from);
}

/** Steps back from `at` so that it does not fall between the two halves of a surrogate pair. */
function onCharStart(text: string, at: number): number {
  if (at > 0 && at < text.length) {
    const c = text.charCodeAt(at);
    const before = text.charCodeAt(at - 1);
    if (c >= 0xdc00 && c <= 0xdfff && before >= 0xd800 && before <= 0xdbff) return at - 1;
  }
  return at;
}

/**
 * The match re2js's `matcher(text).find(from)` finds, as [start, end], or null when there is none;
 * undefined when this cannot do better than re2js's own search (the caller then runs that).
 */
export function findInLongText(re: RE2JS, text: string, from: number): [number, number] | null | undefined {
  const length = longestMatch(re);
  if (length < 0) return undefined;
  const end = earliestEndOf(re, text, from);
  if (end === undefined) return undefined;
  if (end < 0) return null;
  // Margins of two beyond the proof's bounds cost nothing and spare off-by-ones.
  // Never before `from` (a search from the second half of a surrogate pair reads it alone, as re2js does).
  const lowest = end - length - 2;
  const start = lowest > from ? onCharStart(text, lowest) : from;
  let stop = Math.min(text.length, end + length + 2);
  if (stop < text.length && stop > 0) {
    const c = text.charCodeAt(stop - 1);
    if (c >= 0xd800 && c <= 0xdbff) stop++;
  }
  // One character before the window gives the first position its context (a word boundary, a line start).
  const context = start > 0 ? onCharStart(text, start - 1) : start;
  const m = re.matcher(text.slice(context, stop));
  if (!m.find(start - context)) return undefined; // the DFA saw a match: not finding one would be a mistake here, so search as re2js does
  return [m.start() + context, m.end() + context];
}
