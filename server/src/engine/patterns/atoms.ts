import { RE2JS } from 're2js';
import { foldForAtoms } from './prefilter';

/**
 * The build's side of the prefilter (see prefilter.ts): from a compiled program, literal strings
 * ("atoms", as foldForAtoms writes them) at least one of which every match contains. Read from the
 * program that runs, not from the pattern's text, so that no parser of ours can disagree with re2js.
 *
 * A path to MATCH through a rune instruction that matches one character only, followed by such
 * instructions (across captures and empty-width checks, which consume nothing), must consume
 * that string of characters. If every path from the start to MATCH goes through one of a set
 * of such instructions, one of their strings occurs in every matched text.
 */

interface Inst {
  op: number;
  out: number;
  arg: number;
  runes: Int32Array;
  matchRune(r: number): boolean;
}
interface Prog {
  inst: Inst[];
  start: number;
}

// re2js's instruction codes (Inst.ALT …), read from its Inst class: another numbering must fail the build, not skip patterns that match.
const codes = (() => {
  const inst = (RE2JS.compile('a', RE2JS.CASE_INSENSITIVE) as unknown as { re2Input: { prog: Prog } }).re2Input.prog.inst[0];
  const Inst = inst.constructor as unknown as Record<string, unknown>;
  const names = ['ALT', 'ALT_MATCH', 'CAPTURE', 'EMPTY_WIDTH', 'FAIL', 'MATCH', 'NOP', 'RUNE', 'RUNE1', 'RUNE_ANY', 'RUNE_ANY_NOT_NL'] as const;
  const found = Object.fromEntries(names.map((n) => [n, Inst[n]])) as Record<(typeof names)[number], number>;
  if (!names.every((n, i) => found[n] === i + 1)) throw new Error(`stratlint: re2js numbers its instructions differently (${JSON.stringify(found)})`);
  return found;
})();
const { ALT, ALT_MATCH, CAPTURE, EMPTY_WIDTH, FAIL, MATCH, NOP, RUNE, RUNE1, RUNE_ANY_NOT_NL } = codes;

/** Longest atom kept: a prefix of a forced string is forced too, and longer ones rarely filter more. */
const MAX_ATOM = 12;
/** Shortest atom worth looking for: single characters are in nearly every text. */
const MIN_ATOM = 2;
/** A range instruction with more characters than this matches no single atom character. */
const MAX_RANGE = 16;

/** Whether foldForAtoms turns the code point into exactly the ASCII character `code`. */
function foldsTo(c: number, code: number): boolean {
  const folded = foldForAtoms(String.fromCodePoint(c));
  return folded.length === 1 && folded.charCodeAt(0) === code;
}

/**
 * Every code point re2js folds with some ASCII character: a case-insensitive class of all of
 * ASCII compiles to them, the folding spelled out as ranges.
 */
let asciiFolds: number[] | undefined;
function foldsWithAscii(): number[] {
  if (!asciiFolds) {
    const prog = (RE2JS.compile('[\\x00-\\x7f]', RE2JS.CASE_INSENSITIVE) as unknown as { re2Input: { prog: Prog } }).re2Input.prog;
    const runes = prog.inst.find((i) => i.op === RUNE)!.runes;
    asciiFolds = [];
    for (let i = 0; i < runes.length; i += 2) for (let c = runes[i]; c <= runes[i + 1]; c++) asciiFolds.push(c);
  }
  return asciiFolds;
}

/** The one ASCII character (as foldForAtoms writes it) that every code point the instruction matches folds to, or -1. */
function atomChar(inst: Inst): number {
  if (inst.op !== RUNE && inst.op !== RUNE1) return -1;
  const { runes } = inst;
  let members: number[] = [];
  if (runes.length === 1 && inst.op === RUNE && inst.arg & 1) {
    // Case-folded: re2js matches the rune's whole fold orbit, all of which folds with ASCII when the rune is ASCII.
    if (runes[0] >= 0x80) return -1;
    members = foldsWithAscii().filter((c) => inst.matchRune(c));
  } else if (runes.length === 1) members.push(runes[0]);
  else {
    for (let i = 0; i + 1 < runes.length; i += 2) {
      if (runes[i + 1] - runes[i] + members.length >= MAX_RANGE) return -1;
      for (let c = runes[i]; c <= runes[i + 1]; c++) members.push(c);
    }
  }
  if (members.length === 0) return -1;
  const code = foldForAtoms(String.fromCodePoint(members[0])).charCodeAt(0);
  return code < 0x80 && members.every((c) => foldsTo(c, code)) ? code : -1;
}

/** The most atom sets kept per pattern: a third rarely filters what two let through. */
const MAX_SETS = 3;

/** The atoms of a compiled pattern, or undefined when no set of them is needed by every match. */
export function requiredAtoms(compiled: RE2JS): string[] | undefined {
  return requiredAtomSets(compiled, 1)[0];
}

/**
 * Sets of atoms such that every match holds an atom of each set: the first as `requiredAtoms`
 * finds it, then sets read from other parts of the program ("{customer} … {improve}" needs a
 * customer word and a word for improving). None when no set is needed by every match.
 */
export function requiredAtomSets(compiled: RE2JS, limit = MAX_SETS): string[][] {
  const prog = (compiled as unknown as { re2Input: { prog: Prog } }).re2Input.prog;
  const insts = prog.inst;
  for (const inst of insts) if (inst.op < ALT || inst.op > RUNE_ANY_NOT_NL) return [];
  const chars = insts.map(atomChar);
  // The instructions each instruction's forced string is read from.
  const chains = insts.map((_, i) => {
    const chain: number[] = [];
    for (let j = i, length = 0, steps = 0; length < MAX_ATOM && steps++ < insts.length; ) {
      const op = insts[j].op;
      if (op === NOP || op === CAPTURE || op === EMPTY_WIDTH) j = insts[j].out;
      else if (chars[j] >= 0) {
        chain.push(j);
        length++;
        j = insts[j].out;
      } else break;
    }
    return chain;
  });
  // The string each instruction forces, up to MAX_ATOM characters.
  const forced = chains.map((chain) => String.fromCharCode(...chain.map((j) => chars[j])));
  const next = (i: number): number[] => {
    const { op, out, arg } = insts[i];
    if (op === ALT || op === ALT_MATCH) return [out, arg];
    return op === MATCH || op === FAIL ? [] : [out];
  };
  const reachedFrom = new Map<number, number[]>();
  insts.forEach((_, i) => {
    for (const j of next(i)) reachedFrom.set(j, [...(reachedFrom.get(j) ?? []), i]);
  });
  const sets: string[][] = [];
  // Instructions an earlier set's atoms were read from: a later set is read from the others.
  const used = new Set<number>();
  for (let tries = 0; tries < limit; tries++) {
    const kept = atomHeads(prog.start, insts, forced, next, reachedFrom, used);
    if (!kept) break;
    // The heads too: a head that only checks a word boundary before its word forces the same string again.
    for (const i of kept) {
      used.add(i);
      for (const j of chains[i]) used.add(j);
    }
    const atoms = [...new Set(kept.map((i) => forced[i]))];
    // One atom within another: wherever the longer occurs, so does the shorter.
    const set = atoms.filter((a) => !atoms.some((b) => b !== a && a.includes(b))).sort();
    // A set that an earlier one implies (the same word spelled again in the program) filters nothing more.
    if (!sets.some((earlier) => earlier.every((a) => set.some((b) => a.includes(b))))) sets.push(set);
  }
  return sets;
}

/**
 * Instructions, none in `used`, one of which every path from the start to MATCH passes through,
 * each forcing as long a string as can be: the longest length at which such instructions cut
 * every path, then as few of them as do.
 */
function atomHeads(start: number, insts: Inst[], forced: string[], next: (i: number) => number[], reachedFrom: Map<number, number[]>, used: Set<number>): number[] | undefined {
  for (let length = MAX_ATOM; length >= MIN_ATOM; length--) {
    const cut = new Set<number>();
    forced.forEach((s, i) => {
      if (s.length >= length && !used.has(i)) cut.add(i);
    });
    if (cut.size === 0 || reaches(start, MATCH, insts, next, cut)) continue;
    // An instruction reached only through a cut one adds nothing: every path to it passes that one first.
    const heads = [...cut].filter((i) => {
      for (let j = i, steps = 0; j !== start && steps < insts.length; steps++) {
        const from = reachedFrom.get(j) ?? [];
        if (from.length !== 1) return true;
        j = from[0];
        if (cut.has(j)) return false;
      }
      return true;
    });
    // Fewer atoms filter better: drop the shortest while the rest still stand in every path.
    heads.sort((a, b) => forced[a].length - forced[b].length);
    const kept = new Set(heads);
    for (const i of heads) {
      kept.delete(i);
      if (reaches(start, MATCH, insts, next, kept)) kept.add(i);
    }
    return [...kept];
  }
  return undefined;
}

/** Whether an instruction of `op` is reachable from `start` without passing through `cut`. */
function reaches(start: number, op: number, insts: Inst[], next: (i: number) => number[], cut: Set<number>): boolean {
  const seen = new Uint8Array(insts.length);
  seen[start] = 1;
  const stack = [start];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (cut.has(i)) continue;
    if (insts[i].op === op) return true;
    for (const j of next(i)) {
      if (!seen[j]) {
        seen[j] = 1;
        stack.push(j);
      }
    }
  }
  return false;
}
