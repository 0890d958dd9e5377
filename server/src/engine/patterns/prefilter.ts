/**
 * Skips patterns that cannot occur in a text: the build finds, per built-in program, sets of
 * literal "atoms" such that every match contains one atom of each set (atoms.ts); a text that
 * lacks every atom of a set is not scanned at all. One pass over a text finds every atom in it (Aho–Corasick), where running
 * each pattern's DFA would build states and scan the text once per pattern.
 */

/**
 * The text as atoms are written: lower case, and the long s as "s" (re2js folds "ſ" with "s";
 * toLowerCase turns the Kelvin sign into "k" already). The build checks, for every code point,
 * that whatever re2js matches with an atom's character becomes that character here.
 */
export function foldForAtoms(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ſ') ? lower.replaceAll('ſ', 's') : lower;
}

/** An AtomScanner's automaton, which the build saves for the built-in atoms (programs.bin). */
export interface ScannerTables {
  /** Per character code below 128: its column in `next` (0 for every character in no atom). */
  column: Uint8Array;
  width: number;
  /** Per state and column: the next state (a full DFA over the atoms' trie). */
  next: Uint16Array | Uint32Array;
  /** Per state: the atoms that end there, as `outputs[outStart[s]] … outputs[outStart[s + 1] - 1]`. */
  outStart: Uint32Array;
  outputs: Uint32Array;
}

/** The automaton that finds the atoms (Aho–Corasick, its failure links folded into full rows). */
function scannerTables(atoms: readonly string[]): ScannerTables {
  const column = new Uint8Array(128);
  let width = 1;
  for (const atom of atoms) for (let i = 0; i < atom.length; i++) if (!column[atom.charCodeAt(i)]) column[atom.charCodeAt(i)] = width++;
  // The trie: per state, the state after each column.
  const children: Map<number, number>[] = [new Map()];
  const ends: number[][] = [[]];
  atoms.forEach((atom, id) => {
    let s = 0;
    for (let i = 0; i < atom.length; i++) {
      const c = column[atom.charCodeAt(i)];
      let t = children[s].get(c);
      if (t === undefined) {
        t = children.length;
        children.push(new Map());
        ends.push([]);
        children[s].set(c, t);
      }
      s = t;
    }
    ends[s].push(id);
  });
  const states = children.length;
  const next = states < 0x10000 ? new Uint16Array(states * width) : new Uint32Array(states * width);
  const fail = new Uint32Array(states);
  // Breadth first: a state's failure state and outputs are complete before its children's.
  const queue: number[] = [];
  for (const [c, t] of children[0]) {
    next[c] = t;
    queue.push(t);
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q];
    ends[s].push(...ends[fail[s]]);
    // Where the failure state goes, but for its own children (a row copy).
    next.copyWithin(s * width, fail[s] * width, fail[s] * width + width);
    for (const [c, t] of children[s]) {
      fail[t] = next[fail[s] * width + c];
      next[s * width + c] = t;
      queue.push(t);
    }
  }
  const outStart = new Uint32Array(states + 1);
  const outputs: number[] = [];
  for (let s = 0; s < states; s++) {
    outStart[s] = outputs.length;
    outputs.push(...new Set(ends[s]));
  }
  outStart[states] = outputs.length;
  return { column, width, next, outStart, outputs: Uint32Array.from(outputs) };
}

/** Finds which of a fixed list of ASCII atoms occur in a text, in one pass. */
export class AtomScanner {
  /** Per text: a bit per atom. */
  private readonly found = new Map<string, Uint8Array>();
  /** The last text asked about and its bits: each pattern of a rule asks about the same text in turn. */
  private lastText?: string;
  private lastFound?: Uint8Array;

  /** `tables` are the atoms' automaton when saved (built here otherwise: about 10 ms for the built-in atoms at a cold start). */
  constructor(
    readonly atoms: readonly string[],
    readonly tables: ScannerTables = scannerTables(atoms),
  ) {}

  /** Whether any of the atoms (indices into `atoms`) occurs in the text. */
  anyIn(text: string, ids: readonly number[]): boolean {
    return someFound(this.scan(text), ids);
  }

  /** Whether an atom of each set (indices into `atoms`) occurs in the text. */
  allIn(text: string, sets: readonly (readonly number[])[]): boolean {
    const found = this.scan(text);
    for (const ids of sets) if (!someFound(found, ids)) return false;
    return true;
  }

  /** Forgets the texts scanned (the language server, when idle). */
  clear(): void {
    this.found.clear();
    this.lastText = this.lastFound = undefined;
  }

  private scan(text: string): Uint8Array {
    if (text === this.lastText) return this.lastFound!;
    let found = this.found.get(text);
    if (!found) this.found.set(text, (found = this.atomsIn(text)));
    this.lastText = text;
    this.lastFound = found;
    return found;
  }

  private atomsIn(text: string): Uint8Array {
    // Each rule asks about every text of a plan in turn: kept for all texts of a long plan (a
    // 20,000-line one has about 5,400; at 4,096 it scanned 14 times as much text).
    if (this.found.size >= 32768) this.found.clear();
    const found = new Uint8Array((this.atoms.length + 7) >> 3);
    const folded = foldForAtoms(text);
    const { column, width, next, outStart, outputs } = this.tables;
    let s = 0;
    for (let i = 0; i < folded.length; i++) {
      const c = folded.charCodeAt(i);
      s = next[s * width + (c < 128 ? column[c] : 0)];
      for (let o = outStart[s]; o < outStart[s + 1]; o++) found[outputs[o] >> 3] |= 1 << (outputs[o] & 7);
    }
    return found;
  }
}

function someFound(found: Uint8Array, ids: readonly number[]): boolean {
  for (const id of ids) if (found[id >> 3] & (1 << (id & 7))) return true;
  return false;
}
