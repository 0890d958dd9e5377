/**
 * V8 flags the language server changes as it runs. V8 keeps a code cache only for the flags it was
 * made with: bin/code-cache.js, which saves the bundle's cache at exit, is asked to save it before
 * the first change, or the next start would reject it (and save one it rejects again).
 */
import { setFlagsFromString } from 'node:v8';

const SAVE_CODE_CACHE = Symbol.for('stratlint.saveCodeCache');

export function setV8Flags(flags: string): void {
  const save = (globalThis as Record<symbol, unknown>)[SAVE_CODE_CACHE];
  if (typeof save === 'function') {
    try {
      (save as () => void)();
    } catch {
      // a cache is only a speed-up
    }
  }
  setFlagsFromString(flags);
}

/** V8 11 (Node 20): what bin/code-cache.js measured its later tier-up on; other versions keep their defaults. */
const MEASURED_V8 = process.versions.v8.startsWith('11.');

/**
 * A first lint runs most of its code once or a few times: V8 optimising later (a quarter of the
 * first diagnostics' CPU time). Set as the server starts, as bin/code-cache.js does before it loads
 * the bundle (VS Code starts the server directly).
 */
export function tierUpLater(): void {
  if (MEASURED_V8) setFlagsFromString('--interrupt-budget=270336');
}

let tieredDown = false;

/**
 * Back to V8's default once the first diagnostics are out: relinting a 20,000-line plan at every
 * edit came out slower with the later tier-up. Run after the diagnostics are sent: saving the code
 * cache takes a moment.
 */
export function tierUpAsUsual(): void {
  if (tieredDown || !MEASURED_V8) return;
  tieredDown = true;
  setTimeout(() => {
    try {
      setV8Flags('--interrupt-budget=67584');
    } catch {
      // stays as it is
    }
  }, 0).unref();
}
