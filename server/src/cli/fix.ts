/**
 * --fix and --fix-dry-run: the engine's fixes applied to a file, or shown as a diff. Only safe
 * fixes by default (complete rewrites, see Fix.safe): a template's slots written into a file no
 * one is looking at would be new problems, not fixes.
 */
import { writeFileSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import { fixText, unfixable, type DocumentLint, type Finding, type Fix, type Plan } from '../engine/index';
import type { LintJob } from './lint-file';

export const FIX_TYPES = ['safe', 'template'] as const;
export type FixType = (typeof FIX_TYPES)[number];

export interface FixSettings {
  types: FixType[];
  /** False for --fix-dry-run: the file stays as it is and the result carries the diff. */
  write: boolean;
}

export interface FixOutcome {
  /** The fixed text; undefined when the file was not fixed. */
  text?: string;
  fixDiff?: string;
  notFixed?: string;
}

/** `relint` lints a fixed text as the file was linted (its config, its front matter). */
export function fixFile(job: LintJob, linted: DocumentLint, relint: (plan: Plan) => readonly Finding[], settings: FixSettings): FixOutcome {
  const problem = unfixable(linted.plan);
  if (problem) return { notFixed: `${job.shown}: not fixed: ${problem}` };
  const accept = (fix: Fix) => settings.types.includes(fix.safe ? 'safe' : 'template');
  const original = linted.plan.text;
  const text = fixText(linted.plan, linted.findings, relint, accept);
  if (text === original) return {};
  if (!settings.write) return { text, fixDiff: unifiedDiff(job.shown, original, text) };
  writeFileSync(job.path, text);
  return { text };
}

/** A diff `git apply` takes: a/ and b/ paths, without the "Index:" banner. */
function unifiedDiff(file: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, '', '', { context: 3 }).replace(/^(Index:.*\n)?=+\n/, '');
}
