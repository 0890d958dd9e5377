import { appendFileSync } from 'node:fs';
import { ConfigError, computeScorecard, type DocumentLint, type RuleMeta } from '../engine/index';
import { LineIndex } from '../engine/plan/positions';
import type { GitChanges } from './changed';
import { fingerprintFindings, fingerprintsOf, shownWords } from './fingerprint';
import { summary } from './formatters/summary';
import type { Before, FileResult, FormatContext } from './formatters/types';

/**
 * The plan as it was at the --changed-since ref, linted with today's configuration: its
 * findings' fingerprints (to tell new findings from old), the findings fixed since, and its
 * scorecard when the report shows principle coverage.
 */
export function stateAtBase(
  changes: GitChanges,
  path: string,
  now: FileResult,
  lint: (text: string) => DocumentLint,
  rules: ReadonlyMap<string, RuleMeta>,
  withScorecard: boolean,
): Before {
  const label = changes.ref;
  const text = changes.textAtBase(path);
  if (text === undefined) return { label, newPlan: true, fingerprints: new Set(), fixed: [] };
  let then: DocumentLint;
  try {
    then = lint(text);
  } catch (e) {
    // The old version's front matter may hold settings today's Stratlint rejects: compare with nothing.
    if (e instanceof ConfigError) return { label, fingerprints: new Set(), fixed: [] };
    throw e;
  }
  const thenPrints = fingerprintFindings(text, then.findings, rules);
  const nowPrints = new Set(fingerprintsOf(now, rules));
  const lines = new LineIndex(text);
  return {
    label,
    ...(withScorecard && then.isPlan ? { scorecard: computeScorecard(then.plan, then.config.settings, then.findings, undefined, then.config.docsBaseUrl) } : {}),
    fingerprints: new Set(thenPrints),
    fixed: then.findings.flatMap((f, i) => (nowPrints.has(thenPrints[i]) ? [] : [{ ruleId: f.ruleId, words: shownWords(lines, f, rules) }])),
  };
}

/**
 * On GitHub Actions, `--format github` also appends the PR summary to the job summary
 * (the file GITHUB_STEP_SUMMARY names). Returns an error message when it cannot.
 */
export function appendJobSummary(path: string, results: readonly FileResult[], ctx: FormatContext): string | undefined {
  try {
    appendFileSync(path, `${summary(results, ctx)}\n`);
    return undefined;
  } catch (e) {
    return `cannot append the job summary to ${path}: ${(e as Error).message}`;
  }
}
