import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Finding } from '../../server/src/engine/index';

/** `npm run fuzz` raises FUZZ_SCALE; `npm test` runs a fixed, small sample. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** True in `npm run fuzz`, which also runs the slow cases. */
export const LONG = SCALE > 1;
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

export function fuzz<T>(property: fc.IProperty<T>, runs: number): void {
  fc.assert(property, { seed: SEED, numRuns: Math.max(1, Math.round(runs * SCALE)), endOnFailure: true });
}

/** Every finding's range (and its fixes' ranges) lies inside the document and is ordered. */
export function assertRangesInside(text: string, findings: readonly Finding[]): void {
  const lines = text.split(/\r\n|\r|\n/);
  const inside = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  for (const f of findings) {
    const ranges = [f.range, ...f.fixes.flatMap((x) => x.edits.map((e) => e.range))];
    for (const r of ranges) {
      assert.ok(inside(r.start) && inside(r.end), `${f.ruleId}: range ${JSON.stringify(r)} outside the document`);
      assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${f.ruleId}: reversed range`);
    }
  }
}

/** Lines of realistic plan prose: every line of the built-in rules' fixtures (headings, goals, tables…). */
export const PLAN_LINES: readonly string[] = (() => {
  const root = join(__dirname, '../rules');
  const out = new Set<string>();
  for (const rule of readdirSync(root)) {
    for (const f of readdirSync(join(root, rule))) {
      if (!f.endsWith('.md')) continue;
      for (const line of readFileSync(join(root, rule, f), 'utf8').split('\n')) {
        const clean = line.replace(/<!--.*?-->/g, '').trimEnd();
        if (clean.trim() && !clean.startsWith('---') && !/^\w+:/.test(clean)) out.add(clean);
      }
    }
  }
  return [...out].sort();
})();

/** Markdown syntax in awkward combinations, mixed with plan prose and hostile characters. */
export const piece = fc.oneof(
  fc.constantFrom(...PLAN_LINES),
  fc.constantFrom(
    '# Strategy', '## Goals', '### Target customers', '---', '```', '~~~', '<!--', '-->', '<div>', '> ', '- ', '* ', '1. ', '   ', '\t',
    '| a | b |', '|---|---|', '[x]: http://e.com', '[x]', '**', '_', '`', '\\', '&amp;', '<!-- stratlint-disable -->',
    '<!-- stratlint-disable-next-line value-proposition -- why -->', 'stratlint: true', 'period: 2026', '\0', '\uFEFF', '\uD800', '\uDC00', '\uD83D\uDE00',
    '\r\n', '\r', '\n', '\n\n', '\u2028', '\u00A0', 'é', '\u0301',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
export const markdown = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
