/**
 * How many of the plan-level principles a plan addresses: the code lens on the title and the
 * status bar. A principle counts when its rule is enabled and assesses the plan as addressed;
 * principles that do not apply to the plan (no rivals to win against, no bet to test) are left out.
 */
import { CodeLens } from 'vscode-languageserver';
import { planResult, type LintOutcome } from '../linting';
import { SHOW_PRINCIPLES_COMMAND, type PrincipleCoverage, type StatusParams } from '../protocol';

export function principleCoverage(outcome: LintOutcome | undefined): PrincipleCoverage[] {
  const result = planResult(outcome);
  if (!outcome || !result) return [];
  return result.config.settings
    .filter((s) => s.rule.meta.scope === 'plan')
    .map(({ rule }) => ({ ruleId: rule.meta.id, description: rule.meta.description, docsUrl: rule.meta.docsUrl, status: outcome.assessments.get(rule.meta.id)?.status ?? 'missing' }))
    .filter((p): p is PrincipleCoverage => p.status !== 'n/a');
}

export function coverageTitle(principles: readonly PrincipleCoverage[]): string {
  const addressed = principles.filter((p) => p.status === 'addressed').length;
  return `Addresses ${addressed} of ${principles.length} principles`;
}

export function codeLenses(outcome: LintOutcome | undefined): CodeLens[] {
  const result = planResult(outcome);
  const principles = principleCoverage(outcome);
  if (!outcome || !result || principles.length === 0) return [];
  return [
    {
      range: result.plan.title.range,
      command: { title: coverageTitle(principles), command: SHOW_PRINCIPLES_COMMAND, arguments: [outcome.uri, principles] },
    },
  ];
}

export function statusOf(outcome: LintOutcome): StatusParams {
  const findings = planResult(outcome)?.findings ?? [];
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  return {
    uri: outcome.uri,
    isPlan: !!planResult(outcome),
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    principles: principleCoverage(outcome),
  };
}
