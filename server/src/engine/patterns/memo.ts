/**
 * Remembers which patterns occur in which texts, for an editor that lints the same document
 * again after every edit: most blocks did not change, and scanning them is most of a lint.
 * Whether a pattern occurs in a text depends on nothing else, so a remembered answer is the
 * answer. Per text it keeps two bits per pattern (asked, found), a few dozen bytes.
 */
export class PatternMemo {
  /** Per text: pattern answers (two bits each) and what rules worked out from it (see `remember`). */
  private readonly texts = new Map<string, { bits?: Uint8Array; values?: unknown[]; lint: number }>();
  private lint = 0;
  /** What remembered values also depend on beyond the text: the plan's vocabulary (see `useContext`). */
  private context = '';

  /**
   * Rules read a text with the plan's own customer words: when those change, what rules worked
   * out from a text may change too, so remembered values go (pattern answers stay: a customer
   * pattern reads the text with the plan's groups masked, so its answer is kept under that text).
   */
  useContext(context: string): void {
    if (context === this.context) return;
    this.context = context;
    for (const entry of this.texts.values()) entry.values = undefined;
  }

  /**
   * The last text asked about and its entry: rules ask about one text for pattern after pattern,
   * and a map lookup for each ask was a tenth of a lint.
   */
  private lastText?: string;
  private lastEntry?: { bits?: Uint8Array; values?: unknown[]; lint: number };

  /** The text's entry if it has one, marked as asked about in this lint. */
  private find(text: string): { bits?: Uint8Array; values?: unknown[]; lint: number } | undefined {
    if (text === this.lastText) return this.lastEntry;
    const entry = this.texts.get(text);
    if (!entry) return undefined;
    entry.lint = this.lint;
    this.lastText = text;
    this.lastEntry = entry;
    return entry;
  }

  /** The text's entry, marked as asked about in this lint. */
  private entry(text: string): { bits?: Uint8Array; values?: unknown[]; lint: number } {
    let entry = this.find(text);
    if (!entry) {
      this.texts.set(text, (entry = { lint: this.lint }));
      this.lastText = text;
      this.lastEntry = entry;
    }
    return entry;
  }

  /** The remembered answer for pattern `id` on the text, or undefined. */
  get(text: string, id: number): boolean | undefined {
    const entry = this.find(text);
    if (!entry) return undefined;
    if (!entry.bits || id >= entry.bits.length * 4) return undefined;
    const pair = (entry.bits[id >> 2] >> ((id & 3) * 2)) & 3;
    return pair === 0 ? undefined : pair === 3;
  }

  set(text: string, id: number, found: boolean): void {
    const entry = this.entry(text);
    if (!entry.bits || id >= entry.bits.length * 4) {
      const grown = new Uint8Array(Math.max(16, (id >> 2) + 16));
      if (entry.bits) grown.set(entry.bits);
      entry.bits = grown;
    }
    entry.bits[id >> 2] |= (found ? 3 : 1) << ((id & 3) * 2);
  }

  /** The value `compute` gives for the text, computed once per text and key while the text is asked about. */
  value<T>(text: string, key: MemoKey, compute: () => T): T {
    const values = (this.entry(text).values ??= []);
    let value = values[key] as T | undefined;
    if (value === undefined) values[key] = value = compute();
    return value;
  }

  /** Ends a lint: forgets the texts it did not ask about (text that was edited away). */
  sweep(): void {
    for (const [text, entry] of this.texts) if (entry.lint !== this.lint) this.texts.delete(text);
    this.lint++;
    // The next lint marks the last text's entry again when it asks about it.
    this.lastText = this.lastEntry = undefined;
  }
}

let active: PatternMemo | undefined;

/** The memo patterns consult while `run` runs (synchronously). */
export function withPatternMemo<T>(memo: PatternMemo, run: () => T): T {
  const outer = active;
  active = memo;
  try {
    return run();
  } finally {
    active = outer;
  }
}

export function activeMemo(): PatternMemo | undefined {
  return active;
}

/** Names one thing rules remember per text (a small number: values are kept in an array). */
export type MemoKey = number & { readonly memoKey: unique symbol };
let keys = 0;

export function memoKey(): MemoKey {
  return keys++ as MemoKey;
}

/**
 * What a rule works out from a block's text alone, remembered while a memo is active: `compute`
 * must read nothing but the text and what `key` stands for (one key per rule and options),
 * and never return undefined.
 */
export function remember<T>(key: MemoKey, text: string, compute: () => T): T {
  return active ? active.value(text, key, compute) : compute();
}
