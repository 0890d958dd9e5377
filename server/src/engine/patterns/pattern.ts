import { RE2JS, type Matcher } from 're2js';
import { findInLongText, LONG_TEXT, occursInLongText } from './locate';
import { activeMemo } from './memo';
import { clearPrefilter, savedPrefilter, savedProgram } from './programs';
import { phrasePattern, type Vocabulary } from '../plan/vocabulary';

/** Named alternatives a pattern can use as `{name}`, e.g. `{customer}` for customers, users, clients … */
export type Terms = Readonly<Record<string, readonly string[]>>;

export class PatternError extends Error {}

export interface Match {
  start: number;
  end: number;
}

/**
 * A pattern from a rule pack, compiled for RE2's linear-time engine so that no pack can
 * hang the editor. Case-insensitive unless the pattern itself says `(?-i:…)`.
 */
let patterns = 0;
const NONE: readonly Match[] = Object.freeze([]);

export class Pattern {
  /** Identifies the pattern in a PatternMemo. */
  private readonly id = patterns++;

  /** Whether it names the plan's customers: then it reads the text with the plan's groups masked (see `withVocabulary`). */
  private personal = false;

  /** Compiled when first asked for (see `withLazyCompile`): most patterns are never needed on a given plan. */
  private compiledRe?: RE2JS;

  /** The saved atom sets each match holds one atom of each of (prefilter.ts); null when it has none. */
  private prefilter?: ReturnType<typeof savedPrefilter> | null;

  private constructor(
    readonly source: string,
    private readonly expanded: string,
  ) {}

  private get re(): RE2JS {
    if (!this.compiledRe) {
      // The build compiles what it saves; never from an earlier build's file.
      this.compiledRe = (collect ? undefined : savedProgram(this.expanded)) ?? RE2JS.compile(this.expanded, RE2JS.CASE_INSENSITIVE);
      compiled.add(new WeakRef(this));
    }
    return this.compiledRe;
  }

  /** Its compiled program, if it has one now (see trimPatternCaches). */
  get program(): RE2JS | undefined {
    return this.compiledRe;
  }

  /** Lets its compiled program go: it is made again when next needed (see trimPatternCaches). */
  forgetProgram(): void {
    this.compiledRe = undefined;
  }

  static compile(source: string, terms: Terms = {}): Pattern {
    if (!PERSONAL_TERM.test(source)) return Pattern.build(source, terms);
    // The plan's own groups reach these terms as a mask word (see maskGroups): one compiled pattern serves every plan.
    const p = Pattern.build(source, {
      ...terms,
      customer: [...(terms.customer ?? []), MASK_WORD],
      'end-customer': [...(terms['end-customer'] ?? []), MASK_WORD],
      'plan-customer': [MASK_WORD],
    });
    p.personal = true;
    return p;
  }

  private static build(source: string, terms: Terms): Pattern {
    const pattern = new Pattern(source, expandTerms(source, terms, []));
    if (lazy && !collect) return pattern;
    try {
      const re = pattern.re;
      collect?.(pattern.expanded, re);
    } catch (e) {
      throw new PatternError(`invalid pattern ${JSON.stringify(source)}: ${(e as Error).message}`);
    }
    return pattern;
  }

  /** Whether the pattern occurs in the text: on re2js's DFA, far faster than finding where. */
  test(input: string): boolean {
    return this.occursIn(this.read(input));
  }

  /**
   * `test` of a text already read (see `read`). A text that lacks every atom of one of the pattern's sets is
   * not scanned (nor the pattern compiled): most texts, for most patterns. The scan's answer is
   * remembered in the active memo; the atoms' is not, as it costs less to work out again.
   */
  private occursIn(text: string): boolean {
    if (this.prefilter === undefined) this.prefilter = (collect ? undefined : savedPrefilter(this.expanded)) ?? null;
    if (this.prefilter && !this.prefilter.scanner.allIn(text, this.prefilter.atoms)) return false;
    const memo = activeMemo();
    if (!memo) return this.scan(text);
    let found = memo.get(text, this.id);
    if (found === undefined) memo.set(text, this.id, (found = this.scan(text)));
    return found;
  }

  /** re2js's `test`; in a long text, its DFA stepped without a call per character (locate.ts). */
  private scan(text: string): boolean {
    if (text.length > LONG_TEXT) {
      const found = occursInLongText(this.re, text);
      if (found !== undefined) return found;
    }
    return this.re.test(text);
  }

  /** Every match, left to right (an array: rules ask this of every block, and most get none). */
  matches(input: string): readonly Match[] {
    const text = this.read(input);
    // Rules ask this of every block for every pattern: no generator for the many that hold none.
    return this.occursIn(text) ? [...this.located(text)] : NONE;
  }

  /**
   * The matches one at a time, left to right: a rule that stops at the first one that counts
   * locates no more (locating is the slow engine; in a long paragraph each match found costs).
   */
  *eachMatch(input: string): Generator<Match> {
    const text = this.read(input);
    // Most texts hold no match: ask the DFA first, locate matches (a slower engine) only when there are some.
    if (this.occursIn(text)) yield* this.located(text);
  }

  /** The matches in a text already read that holds one. */
  private *located(text: string): Generator<Match> {
    let m: Matcher | undefined;
    let from = 0;
    while (from <= text.length) {
      const found = this.find(text, from, (m ??= this.re.matcher(text)));
      if (!found) return;
      const [start, end] = found;
      yield { start, end };
      from = end > start ? end : end + 1;
    }
  }

  /** What `matcher.find(from)` finds, as [start, end]; in a long text, around where the DFA says the match ends (locate.ts). */
  private find(text: string, from: number, m: Matcher): [number, number] | null {
    if (text.length > LONG_TEXT) {
      const found = findInLongText(this.re, text, from);
      if (found !== undefined) return found;
    }
    return m.find(from) ? [m.start(), m.end()] : null;
  }

  /** The leftmost match, if any: locating every match of a long text costs far more. */
  firstMatch(input: string): Match | undefined {
    const text = this.read(input);
    if (!this.occursIn(text)) return undefined;
    const found = this.find(text, 0, this.re.matcher(text));
    return found ? { start: found[0], end: found[1] } : undefined;
  }

  /** The text as this pattern reads it: with the active plan's own groups masked when it names customers. */
  private read(text: string): string {
    return this.personal && vocabulary ? maskGroups(vocabulary, text) : text;
  }

  /** Whether the pattern matches text that begins exactly at the start. */
  matchesAtStart(input: string): boolean {
    const m = this.re.matcher(this.read(input));
    return m.lookingAt();
  }
}

/** Terms that stand for the plan's customers: patterns naming them get the plan's own groups too. */
const PERSONAL_TERM = /\{(?:customer|end-customer|plan-customer)\}/;
/**
 * The word a plan's own group ("package managers") becomes before a customer pattern reads the
 * text: the same length, so every offset still points at the plan's words, and a word the
 * customer terms know. No plain text spells it.
 */
const MASK_WORD = 'qz+';

interface Mask {
  groups: RegExp;
  texts: Map<string, string>;
  /** The last text masked and its masked form: the customer patterns of a rule read one text in turn. */
  lastText?: string;
  lastMasked?: string;
}
const masks = new WeakMap<Vocabulary, Mask>();

/** The text with each of the plan's own groups replaced by the mask word of the same length. */
function maskGroups(v: Vocabulary, text: string): string {
  let mask = masks.get(v);
  if (!mask) masks.set(v, (mask = { groups: new RegExp(`\\b(?:${v.phrases.map(phrasePattern).join('|')})\\b`, 'gi'), texts: new Map() }));
  if (text === mask.lastText) return mask.lastMasked!;
  let masked = mask.texts.get(text);
  if (masked === undefined) {
    if (mask.texts.size > 4096) mask.texts.clear();
    masked = text.replace(mask.groups, (group) => 'q'.padEnd(group.length, 'z'));
    mask.texts.set(text, masked);
  }
  mask.lastText = text;
  mask.lastMasked = masked;
  return masked;
}

let vocabulary: Vocabulary | undefined;

/**
 * Runs `run` with the plan's own customer groups added to `{customer}` and `{end-customer}`,
 * and as `{plan-customer}` (which names nothing otherwise): every rule reads the plan in its
 * own words. Lints and assessments run inside this (see lint.ts).
 */
export function withVocabulary<T>(v: Vocabulary, run: () => T): T {
  const outer = vocabulary;
  vocabulary = v.phrases.length > 0 ? v : undefined;
  try {
    return run();
  } finally {
    vocabulary = outer;
  }
}

/** Every pattern compiled, for trimPatternCaches (a rule pack's patterns go when its config does). */
const compiled = new Set<WeakRef<Pattern>>();

/** What re2js keeps per expression: a lazily built DFA whose states are cached up to a budget (8 MB each). */
interface LazyDfa {
  maxMem: number;
  memBudget: number;
  clearCache(): void;
}

/** Above this, the DFA states all expressions cached are dropped (they are rebuilt as texts need them). */
const DFA_STATES_BUDGET = 16 << 20;

/**
 * Above this many instructions in all, the compiled programs are let go (each is made again when
 * a text needs it: rebuilt from the build's saved programs for the built-in patterns, in about a
 * tenth of a millisecond). A re2js instruction is an object of 64 bytes: after linting 100 plans,
 * 150,000 of them held 10 MB, and the patterns one plan needs hold about half this budget.
 */
const PROGRAMS_BUDGET = 100_000;

/**
 * re2js caches DFA states per expression as texts need them, up to 8 MB each: after linting many
 * plans, hundreds of expressions hold tens of megabytes, and their programs about ten more. The
 * language server calls this when idle. It reads re2js internals; if they change, it lets only
 * the programs go. Which atoms the texts linted so far hold (prefilter.ts) is forgotten too: those
 * texts may be closed documents'.
 */
export function trimPatternCaches(): void {
  const patterns: Pattern[] = [];
  for (const ref of compiled) {
    const p = ref.deref();
    if (p?.program) patterns.push(p);
    else compiled.delete(ref);
  }
  clearPrefilter();
  if (patterns.reduce((sum, p) => sum + p.program!.programSize(), 0) > PROGRAMS_BUDGET) {
    for (const p of patterns) p.forgetProgram();
    compiled.clear();
    return;
  }
  const dfas: LazyDfa[] = [];
  for (const p of patterns) {
    const dfa = (p.program as unknown as { re2Input?: { lazyDFA?: Partial<LazyDfa> | null } }).re2Input?.lazyDFA;
    if (dfa && typeof dfa.clearCache === 'function' && typeof dfa.maxMem === 'number' && typeof dfa.memBudget === 'number') dfas.push(dfa as LazyDfa);
  }
  const used = dfas.reduce((sum, d) => sum + d.maxMem - d.memBudget, 0);
  if (used > DFA_STATES_BUDGET) for (const d of dfas) d.clearCache();
}

/** The longest a pattern may get once its terms are expanded (built-in ones stay under 1,100 characters). */
export const MAX_EXPANDED_CHARS = 100_000;

/** Replaces each `{term}` by its alternatives; each term is expanded once (`memo`), so nesting costs linear time until the size limit. */
function expandTerms(source: string, terms: Terms, seen: string[], memo = new Map<string, string>()): string {
  let length = source.length;
  const grow = (n: number, name: string) => {
    length += n;
    if (length > MAX_EXPANDED_CHARS) throw new PatternError(`term {${name}} makes this pattern longer than ${MAX_EXPANDED_CHARS.toLocaleString('en-US')} characters once expanded; terms nest or repeat too much`);
  };
  return source.replace(/\{([a-z][a-z0-9-]*)\}/gi, (_whole, name: string) => {
    const alts = terms[name];
    if (!alts) {
      // `{2,3}`-style repetitions never reach here (they start with a digit); an unknown name is a mistake.
      throw new PatternError(`unknown term {${name}} in pattern ${JSON.stringify(source)}${Object.keys(terms).length ? ` (known: ${Object.keys(terms).sort().join(', ')})` : ''}`);
    }
    if (seen.includes(name)) throw new PatternError(`term {${name}} refers to itself`);
    let expanded = memo.get(name);
    if (expanded === undefined) {
      const parts: string[] = [];
      let size = 0;
      for (const a of alts) {
        const part = expandTerms(a, terms, [...seen, name], memo);
        size += part.length + 1;
        if (size > MAX_EXPANDED_CHARS) grow(size, name);
        parts.push(part);
      }
      expanded = `(?:${parts.join('|')})`;
      memo.set(name, expanded);
    }
    grow(expanded.length, name);
    return expanded;
  });
}

/** Whether patterns compile when first used rather than at once (see `withLazyCompile`). */
let lazy = false;

/**
 * Compiles the patterns that `run` makes when each is first used: for the built-in rules, whose
 * patterns the tests prove valid, so that a one-plan run compiles only what that plan needs
 * (compiling is most of a short run's time). A pack's patterns compile at once: an invalid one is
 * an error of loading its config, never of linting a plan.
 */
export function withLazyCompile<T>(run: () => T): T {
  const outer = lazy;
  lazy = true;
  try {
    return run();
  } finally {
    lazy = outer;
  }
}

/** Set while the build saves the built-in programs (save-programs.ts): every pattern compiles at once and is handed here. */
let collect: ((source: string, re: RE2JS) => void) | undefined;

/** Runs `run` compiling every pattern it makes at once, handing each to `each`. */
export function collectCompiled(run: () => void, each: (source: string, re: RE2JS) => void): void {
  const outer = collect;
  collect = each;
  try {
    run();
  } finally {
    collect = outer;
  }
}

/** Compiles a list of patterns, or none. */
export function compileAll(sources: readonly string[] | undefined, terms: Terms): Pattern[] {
  return (sources ?? []).map((s) => Pattern.compile(s, terms));
}

export function anyMatch(patterns: readonly Pattern[], text: string): boolean {
  return patterns.some((p) => p.test(text));
}
