/**
 * Gives memory back when the server goes idle. Linting many plans (a workspace opened with
 * dozens of tabs) grows V8's heap far past what the server keeps; V8 shrinks it only at a later
 * full collection, which an idle process may not reach for minutes. Collecting after a quiet
 * moment, when there is much to gain, returns that memory to the system.
 */
import { setV8Flags } from './v8-flags';
import { runInNewContext } from 'node:vm';
import { trimPatternCaches } from '../engine/patterns/pattern';

const QUIET_MS = 3000;
/**
 * V8 gives back its young generation (up to 32 MB, grown while linting) only at a collection that
 * sees a low, non-zero allocation rate over the last five seconds: a second one this much later.
 */
const SETTLE_MS = 6000;
/** The pause before the collection that returns the pages the one before emptied. */
const RELEASE_MS = 500;
/** Compact only when the heap grew this much since the last compaction: a full collection takes a moment. */
const GROWTH_BYTES = 32 << 20;

let collect: (() => void) | undefined;
/** V8's collector, or a no-op where this Node does not expose it that way. */
function collector(): () => void {
  if (!collect) {
    // Node exposes its collector only behind this flag; a fresh context picks it up.
    setV8Flags('--expose-gc');
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
    collect = typeof gc === 'function' ? (gc as () => void) : () => undefined;
  }
  return collect;
}

export class IdleCompactor {
  private timer: NodeJS.Timeout | undefined;
  private heapAfterLast = 0;

  /** Call after each lint: compacts once no lint has run for a moment. */
  linted(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => safely(() => this.compact()), QUIET_MS);
    this.timer.unref();
  }

  private compact(): void {
    if (process.memoryUsage().heapTotal < this.heapAfterLast + GROWTH_BYTES) return;
    trimPatternCaches();
    this.collect();
    // V8 keeps the pages a collection empties for reuse and gives them back to the system only at
    // the next one: a third collection, if the server is still idle (100 plans open: RSS 174 -> 144 MB).
    this.after(SETTLE_MS, () => {
      this.collect();
      this.after(RELEASE_MS, () => this.collect());
    });
  }

  /** Runs `work` after `ms` unless a lint comes first. */
  private after(ms: number, work: () => void): void {
    this.timer = setTimeout(() => safely(work), ms);
    this.timer.unref();
  }

  /** Collects with V8 compacting as when optimizing for size: it empties fragmented pages too. */
  private collect(): void {
    setV8Flags('--optimize-for-size');
    try {
      collector()();
    } finally {
      setV8Flags('--no-optimize-for-size');
    }
    this.heapAfterLast = process.memoryUsage().heapTotal;
  }
}

/** Giving memory back must never take the server down: if it fails, the heap stays as it is. */
function safely(work: () => void): void {
  try {
    work();
  } catch {
    // nothing to undo
  }
}
