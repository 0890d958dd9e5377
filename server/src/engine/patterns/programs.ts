import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RE2JS } from 're2js';
import { AtomScanner, type ScannerTables } from './prefilter';

/**
 * The built-in patterns' compiled programs, made at build time (dist/programs.bin): compiling the
 * patterns a plan needs was a third of a one-plan run, and rebuilding a program from its
 * instructions takes a small part of that. A program is looked up by its exact expanded text, so
 * a pack's patterns, or a build whose file is missing, compile as usual.
 *
 * re2js keeps its compiled program in internal objects (RE2, Prog, Inst) that it does not export;
 * this reads and rebuilds them. `saveableProgram` refuses any program it does not fully
 * understand, and the build checks that every rebuilt program equals the one it came from.
 */

interface Inst {
  op: number;
  out: number;
  arg: number;
  runes: Int32Array;
  next: unknown;
}
interface Prog {
  inst: Inst[];
  start: number;
  numCap: number;
  lbStarts: unknown[];
  numLb: number;
  lbInst: unknown;
  prefix(): [boolean, string];
  markLookbehindInsts(): void;
}
interface RE2 {
  expr: string;
  prog: Prog;
  /** The DFA re2js makes when first needed (its `dfa` getter). */
  lazyDFA: Dfa | null;
  readonly dfa: Dfa;
  numSubexp: number;
  longest: boolean;
  namedGroups: Record<string, number>;
  prefilter: unknown;
  onepass: unknown;
  prefix: string;
  prefixComplete: boolean;
  prefixUTF8: unknown;
  prefixRune: number;
}
/** re2js's lazily built DFA: what its constructor derives from the program's runes (computeRuneClasses). */
interface Dfa {
  prog: Prog;
  classBounds: Int32Array;
  numClasses: number;
  latin1Class: Int32Array;
  searchClass(rune: number): number;
  computeRuneClasses(): void;
}
/** An RE2JS seen from inside (its `re2Input` is typed as opaque). */
type Compiled = { re2Input: RE2 };

/** One program as saved: what compileImpl made besides the instructions, which go to the body. */
export interface ProgramHeader {
  /** Offset of its instructions in the body, in bytes. */
  at: number;
  insts: number;
  start: number;
  numCap: number;
  numSubexp: number;
  longest: boolean;
  namedGroups: Record<string, number>;
  /** Its atom sets (see prefilter.ts), each as indices into the file's list; none when no atom is needed by every match. */
  atoms?: number[][];
}

const FLAGS = RE2JS.CASE_INSENSITIVE;

/** The classes a compiled program is made of, taken from a program compiled here. */
const internals = (() => {
  const re2 = (RE2JS.compile('a', FLAGS) as unknown as Compiled).re2Input;
  return {
    RE2: re2.constructor as new (expr: string, prog: Prog, numSubexp: number, longest: boolean) => RE2,
    Prog: re2.prog.constructor as new () => Prog,
    Inst: re2.prog.inst[0].constructor as new (op: number) => Inst,
    DFA: re2.dfa.constructor as new (prog: Prog) => Dfa,
    utf8: (s: string) => new TextEncoder().encode(s),
  };
})();

/** The rune class bounds the build saved, per rebuilt program. */
const savedClassBounds = new WeakMap<Prog, Int32Array>();

/**
 * re2js's DFA, taking its rune classes from what the build saved rather than from every rune's
 * case folds (a tenth of a one-plan run's pattern work). The build checks that each comes out as
 * re2js makes it.
 */
class SavedClassesDFA extends internals.DFA {
  computeRuneClasses(): void {
    const bounds = savedClassBounds.get(this.prog);
    if (!bounds) return super.computeRuneClasses();
    this.classBounds = bounds;
    this.numClasses = bounds.length + 1;
    this.latin1Class = new Int32Array(256);
    for (let r = 0; r < 256; r++) this.latin1Class[r] = this.searchClass(r);
  }
}

/**
 * Its words (op, out, arg and the number `runeList` gives its runes, per instruction; each a small
 * non-negative integer), or undefined when it holds what this does not rebuild.
 */
export function saveableProgram(compiled: RE2JS, runeList: (runes: Int32Array) => number): { header: Omit<ProgramHeader, 'at'>; words: number[] } | undefined {
  const re2 = (compiled as unknown as Compiled).re2Input;
  const prog = re2?.prog;
  if (!prog || prog.numLb !== 0 || prog.lbStarts.length !== 0 || re2.onepass !== null) return undefined;
  const words: number[] = [];
  for (const inst of prog.inst) {
    if (inst.next !== null) return undefined;
    words.push(inst.op, inst.out, inst.arg, runeList(inst.runes));
  }
  // Then its DFA's rune class bounds (ascending), as their count and the steps between them.
  const bounds = re2.dfa.classBounds;
  words.push(bounds.length, ...bounds.map((b, i) => b - (i > 0 ? bounds[i - 1] : 0)));
  if (words.some((w) => w < 0 || w > 0x3fffffff)) return undefined;
  return { header: { insts: prog.inst.length, start: prog.start, numCap: prog.numCap, numSubexp: re2.numSubexp, longest: re2.longest, namedGroups: { ...re2.namedGroups } }, words };
}

/**
 * The program rebuilt as RE2JS.compile(source, CASE_INSENSITIVE) makes it, less the prefilter (a
 * speed-up RE2 may skip). `runes` gives the file's rune lists by number: instructions that match
 * the same runes share one array, as compiling shares them (an array each made a rebuilt program
 * take twice the memory of a compiled one); re2js only reads them.
 */
export function rebuildProgram(source: string, header: ProgramHeader, body: Uint8Array, runes: (list: number) => Int32Array): RE2JS {
  const prog = new internals.Prog();
  let at = header.at;
  // Unsigned LEB128: most words are small (ops, flags, near instruction numbers, rune lists).
  // Bit operations keep each value a small integer: arithmetic on powers of two made them doubles,
  // boxed in every instruction's fields (twice the memory, and slower matching).
  const word = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = body[at++];
      value |= (byte & 0x7f) << shift;
      if (byte < 0x80) return value;
    }
  };
  for (let i = 0; i < header.insts; i++) {
    const inst = new internals.Inst(word());
    inst.out = word();
    inst.arg = word();
    inst.runes = runes(word());
    prog.inst.push(inst);
  }
  const bounds = new Int32Array(word());
  for (let i = 0; i < bounds.length; i++) bounds[i] = (i > 0 ? bounds[i - 1] : 0) + word();
  savedClassBounds.set(prog, bounds);
  prog.start = header.start;
  prog.numCap = header.numCap;
  prog.markLookbehindInsts();
  // What RE2.compileImpl does after compiling (see re2js); the constructor derives the rest.
  const re2 = new internals.RE2(`(?i)${source}`, prog, header.numSubexp, header.longest);
  const [complete, prefix] = prog.prefix();
  re2.prefixComplete = complete;
  re2.prefix = prefix;
  re2.prefixUTF8 = internals.utf8(prefix);
  if (prefix.length > 0) re2.prefixRune = prefix.codePointAt(0)!;
  Object.assign(re2.namedGroups, header.namedGroups);
  re2.lazyDFA = new SavedClassesDFA(prog);
  const compiled = new (RE2JS as unknown as new (pattern: string, flags: number) => Compiled)(source, FLAGS);
  compiled.re2Input = re2;
  return compiled as unknown as RE2JS;
}

/** The file the build writes beside the bundles. */
export const PROGRAMS_FILE = 'programs.bin';

/** What the file's JSON holds: every atom and every instruction's rune list once, and per expanded source its program's header. */
export interface ProgramsIndex {
  atoms: string[];
  runes: number[][];
  programs: Record<string, ProgramHeader>;
  /** Where in the body the atoms' scanner tables are (see `appendTables`). */
  scanner: TablesHeader;
}

/** The scanner tables as saved: their sizes, and their offset in the body (a multiple of 4). */
export interface TablesHeader {
  at: number;
  width: number;
  states: number;
  outputs: number;
}

/** Appends the scanner's tables to the body as their bytes (column, next, outStart, outputs), each at a multiple of 4. */
export function appendTables(out: number[], tables: ScannerTables): TablesHeader {
  const align = () => {
    while (out.length % 4) out.push(0);
  };
  align();
  const at = out.length;
  for (const table of [tables.column, tables.next, tables.outStart, tables.outputs]) {
    for (const byte of new Uint8Array(table.buffer, table.byteOffset, table.byteLength)) out.push(byte);
    align();
  }
  return { at, width: tables.width, states: tables.outStart.length - 1, outputs: tables.outputs.length };
}

/** The scanner tables saved in `body`. */
export function readTables(body: Uint8Array, header: TablesHeader): ScannerTables {
  const { width, states, outputs } = header;
  const wide = states >= 0x10000;
  const sizes = [128, states * width * (wide ? 4 : 2), (states + 1) * 4, outputs * 4].map((n) => Math.ceil(n / 4) * 4);
  // A copy (a Buffer's slice would share the file's memory), so that every table starts where its typed array may.
  const bytes = new Uint8Array(body.subarray(header.at, header.at + sizes.reduce((a, b) => a + b, 0)));
  let at = 0;
  const next = <T>(make: (buffer: ArrayBuffer, at: number) => T, size: number) => {
    const table = make(bytes.buffer, at);
    at += size;
    return table;
  };
  return {
    column: next((b, o) => new Uint8Array(b, o, 128), sizes[0]),
    width,
    next: next((b, o) => (wide ? new Uint32Array(b, o, states * width) : new Uint16Array(b, o, states * width)), sizes[1]),
    outStart: next((b, o) => new Uint32Array(b, o, states + 1), sizes[2]),
    outputs: next((b, o) => new Uint32Array(b, o, outputs), sizes[3]),
  };
}

/** File layout: 4-byte length of the JSON index, the index, the body (words as LEB128). */
export function encodePrograms(index: ProgramsIndex, body: Uint8Array): Buffer {
  const json = Buffer.from(JSON.stringify(index));
  const head = Buffer.alloc(4);
  head.writeUInt32LE(json.length);
  return Buffer.concat([head, json, body]);
}

/** Words as unsigned LEB128 bytes, appended to `out`; returns where they start. */
export function appendWords(out: number[], words: readonly number[]): number {
  const at = out.length;
  for (let w of words) {
    while (w >= 0x80) {
      out.push((w % 0x80) | 0x80);
      w = Math.floor(w / 0x80);
    }
    out.push(w);
  }
  return at;
}

let saved: { index: Map<string, ProgramHeader>; body: Uint8Array; atoms: string[]; runes: (list: number) => Int32Array; tables: TablesHeader; scanner?: AtomScanner } | null | undefined;

/** The rune lists by number, each made an array when first needed and shared from then on. */
export function runeArrays(lists: readonly number[][]): (list: number) => Int32Array {
  const arrays: Int32Array[] = [];
  return (list) => (arrays[list] ??= Int32Array.from(lists[list]));
}

/** The saved programs beside this bundle, read once; none when running from sources or the file is unreadable. */
function savedPrograms(): typeof saved {
  if (saved !== undefined) return saved;
  saved = null;
  try {
    // Not in a browser build: no file beside it (and no __dirname).
    const file = join(__dirname, PROGRAMS_FILE);
    if (!existsSync(file)) return saved;
    const bytes = readFileSync(file);
    const length = bytes.readUInt32LE(0);
    const index = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as ProgramsIndex;
    saved = { index: new Map(Object.entries(index.programs)), body: bytes.subarray(4 + length), atoms: index.atoms, runes: runeArrays(index.runes), tables: index.scanner };
  } catch {
    // compiling is slower, never wrong
  }
  return saved;
}

/** The compiled form of `source` (already expanded) from the build's saved programs, if it has it. */
export function savedProgram(source: string): RE2JS | undefined {
  const programs = savedPrograms();
  const header = programs?.index.get(source);
  return header && programs ? rebuildProgram(source, header, programs.body, programs.runes) : undefined;
}

/** What tells whether `source` (already expanded) may occur in a text without running it: its saved atom sets, if it has some. */
export function savedPrefilter(source: string): { scanner: AtomScanner; atoms: readonly (readonly number[])[] } | undefined {
  const programs = savedPrograms();
  const atoms = programs?.index.get(source)?.atoms;
  if (!programs || !atoms) return undefined;
  return { scanner: (programs.scanner ??= new AtomScanner(programs.atoms, readTables(programs.body, programs.tables))), atoms };
}

/** Forgets which atoms the texts scanned so far hold. */
export function clearPrefilter(): void {
  if (saved) saved.scanner?.clear();
}
