/** The `stratlint/scorecard` request: the plan's scorecard, for the editor's scorecard view. */
import { computeScorecard } from '../../engine/index';
import { planResult, type LintOutcome } from '../linting';
import type { ScorecardResult } from '../protocol';

/** The scorecard of the outcome's document version; null when the document is not linted as a plan. */
export function scorecardOf(outcome: LintOutcome | undefined): ScorecardResult | null {
  const result = planResult(outcome);
  if (!outcome || !result) return null;
  return { uri: outcome.uri, version: outcome.version, scorecard: computeScorecard(result.plan, result.config.settings, result.findings, outcome.assessments, result.config.docsBaseUrl) };
}
