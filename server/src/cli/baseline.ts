import { existsSync, writeFileSync } from 'node:fs';
import { FileAccessError, readBoundedText } from '../engine/files/bounded-read';
import { basename, dirname, relative, resolve } from 'node:path';
import { z } from 'zod';
import type { RuleMeta } from '../engine/index';
import { LineIndex } from '../engine/plan/positions';
import { fingerprintsOf, keepFindings, shownWords, textOf } from './fingerprint';
import { UsageError } from './files';
import type { FileResult } from './formatters/types';

/**
 * A baseline records the findings a team has accepted for now, so CI reports only new ones.
 * Findings are identified by fingerprint (see fingerprint.ts); the rule and the flagged words
 * are stored beside it for people reading the file in a diff. Paths are relative to the
 * baseline file, so any working directory gives the same answer.
 */
const entrySchema = z.object({ rule: z.string(), words: z.string(), fingerprint: z.string() });
const baselineSchema = z.object({ stratlintBaseline: z.literal(1), files: z.record(z.string(), z.array(entrySchema)) });

export type BaselineEntry = z.infer<typeof entrySchema>;

export interface Baseline {
  /** Where the file is, for its name in reports and to resolve the plans' paths. */
  path: string;
  files: Map<string, BaselineEntry[]>;
}

/** Named by the user, yet possibly a FIFO or a huge file by mistake: read with a bound. */
const BASELINE_MAX_BYTES = 256 << 20;

export function readBaseline(path: string, shown: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(readBoundedText(path, BASELINE_MAX_BYTES, shown));
  } catch (e) {
    const why = e instanceof FileAccessError ? e.reason : (e as Error).message;
    const reason = why === 'no such file' ? 'no such file (create it with --baseline-write)' : why;
    throw new UsageError(`${shown}: cannot read the baseline: ${reason}`);
  }
  const parsed = baselineSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${shown}: not a Stratlint baseline (${issue.path.join('.') || 'top level'}: ${issue.message})`);
  }
  return { path, files: new Map(Object.entries(parsed.data.files)) };
}

/**
 * Records every finding of the results (before any --quiet filtering) and returns the baseline.
 * An existing baseline keeps its entries for plans this run did not lint and that still exist,
 * so recording one plan (or only the changed ones) does not forget the others. A file that is
 * not a baseline is never overwritten.
 */
export function writeBaseline(path: string, shown: string, results: readonly FileResult[], cwd: string, rules: ReadonlyMap<string, RuleMeta>): Baseline {
  const files = new Map<string, BaselineEntry[]>();
  if (existsSync(path)) {
    const linted = new Set(results.map((r) => keyOf(path, cwd, r.file)));
    for (const [key, entries] of readBaseline(path, shown).files) {
      if (!linted.has(key) && existsSync(resolve(dirname(path), key))) files.set(key, entries);
    }
  }
  for (const r of results) {
    if (r.findings.length === 0) continue;
    const lines = new LineIndex(textOf(r));
    const fingerprints = fingerprintsOf(r, rules);
    const entries = r.findings.map((f, i) => ({ rule: f.ruleId, words: shownWords(lines, f, rules), fingerprint: fingerprints[i] }));
    entries.sort((a, b) => a.rule.localeCompare(b.rule) || a.words.localeCompare(b.words) || a.fingerprint.localeCompare(b.fingerprint));
    files.set(keyOf(path, cwd, r.file), entries);
  }
  const sorted = Object.fromEntries([...files].sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(path, `${JSON.stringify({ stratlintBaseline: 1, files: sorted }, null, 2)}\n`);
  return { path, files };
}

/**
 * Keeps only the findings the baseline does not hold, and notes which baseline entries are
 * gone (fixed). A result already compared with a git ref keeps that comparison for its summary.
 */
export function applyBaseline(results: readonly FileResult[], baseline: Baseline, cwd: string, rules: ReadonlyMap<string, RuleMeta>): FileResult[] {
  return results.map((r) => {
    const entries = baseline.files.get(keyOf(baseline.path, cwd, r.file)) ?? [];
    const accepted = new Set(entries.map((e) => e.fingerprint));
    const current = new Set(fingerprintsOf(r, rules));
    const kept = keepFindings(r, rules, (_, fingerprint) => !accepted.has(fingerprint));
    const fixed = entries.filter((e) => !current.has(e.fingerprint)).map((e) => ({ ruleId: e.rule, words: e.words }));
    return { ...kept, before: r.before ?? { label: basename(baseline.path), fingerprints: accepted, fixed } };
  });
}

/** A plan's key in the baseline: its path relative to the baseline file, with forward slashes. */
function keyOf(baselinePath: string, cwd: string, file: string): string {
  return relative(dirname(baselinePath), resolve(cwd, file)).replace(/\\/g, '/');
}
