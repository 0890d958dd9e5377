/**
 * Remembers which patterns occur in which texts, for an editor that lints the same document
 * again after every edit: most blocks did not change, and scanning them is most of a lint.
 * Whether a pattern occurs in a text depends on nothing else, so a remembered answer is the
 * answer. Per text it keeps two bits per pattern (asked, found), a few dozen bytes.
 */
export class PatternMemo {
  private readonly seen = new Map<string, { bits: Uint8Array; lint: number }>();
  /** What rules worked out from a text alone (see `remember`), per text and asker. */
  private readonly derived = new Map<string, { values: unknown[]; lint: number }>();
  private lint = 0;

  /** The remembered answer for pattern `id` on the text, or undefined. */
  get(text: string, id: number): boolean | undefined {
    const entry = this.seen.get(text);
    if (!entry) return undefined;
    entry.lint = this.lint;
    if (id >= entry.bits.length * 4) return undefined;
    const pair = (entry.bits[id >> 2] >> ((id & 3) * 2)) & 3;
    return pair === 0 ? undefined : pair === 3;
  }

  set(text: string, id: number, found: boolean): void {
    let entry = this.seen.get(text);
    if (!entry) this.seen.set(text, (entry = { bits: new Uint8Array(Math.max(16, (id >> 2) + 16)), lint: this.lint }));
    if (id >= entry.bits.length * 4) {
      const grown = new Uint8Array((id >> 2) + 16);
      grown.set(entry.bits);
      entry.bits = grown;
    }
    entry.bits[id >> 2] |= (found ? 3 : 1) << ((id & 3) * 2);
  }

  /** The value `compute` gives for the text, computed once per text and key while the text is asked about. */
  value<T>(text: string, key: MemoKey, compute: () => T): T {
    let entry = this.derived.get(text);
    if (!entry) this.derived.set(text, (entry = { values: [], lint: this.lint }));
    entry.lint = this.lint;
    let value = entry.values[key] as T | undefined;
    if (value === undefined) entry.values[key] = value = compute();
    return value;
  }

  /** Ends a lint: forgets the texts it did not ask about (text that was edited away). */
  sweep(): void {
    for (const [text, entry] of this.seen) if (entry.lint !== this.lint) this.seen.delete(text);
    for (const [text, entry] of this.derived) if (entry.lint !== this.lint) this.derived.delete(text);
    this.lint++;
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
