/**
 * How many of the plan-level principles a plan addresses: the code lens on the title and the
 * status bar. A principle counts when its rule is enabled and assesses the plan as addressed;
 * principles that do not apply to the plan (no rivals to win against, no bet to test) are left out.
 */
import { CodeLens } from 'vscode-languageserver';
import { planResult, type LintOutcome } from '../linting';
import { principlesBySection } from './symbols';
import { SHOW_PRINCIPLES_COMMAND, type PrincipleCoverage, type StatusParams } from '../protocol';

export function principleCoverage(outcome: LintOutcome | undefined): PrincipleCoverage[] {
  const result = planResult(outcome);
  if (!outcome || !result) return [];
  return result.config.settings
    .filter((s) => s.rule.meta.scope === 'plan')
    .map(({ rule }) => ({ ruleId: rule.meta.id, description: rule.meta.description, docsUrl: rule.meta.docsUrl, status: outcome.assessments.get(rule.meta.id)?.status ?? 'missing' }))
    .filter((p): p is PrincipleCoverage => p.status !== 'n/a');
}

/** `notApplicable`: plan-level principles left out of the count because they do not apply to the plan. */
export function coverageTitle(principles: readonly PrincipleCoverage[], notApplicable = 0): string {
  const addressed = principles.filter((p) => p.status === 'addressed').length;
  // The README and the scorecard count every principle: say why this count is smaller.
  const left = notApplicable > 0 ? ` (${notApplicable} not applicable to this plan)` : '';
  return `Addresses ${addressed} of ${principles.length} principles${left}`;
}

function notApplicableCount(outcome: LintOutcome): number {
  return [...outcome.assessments.values()].filter((a) => a.status === 'n/a').length;
}

/** `sectionLenses`: also say above each heading which principles its section addresses (for editors that outline Markdown themselves). */
export function codeLenses(outcome: LintOutcome | undefined, sectionLenses = false): CodeLens[] {
  const result = planResult(outcome);
  const principles = principleCoverage(outcome);
  if (!outcome || !result || principles.length === 0) return [];
  const show = { command: SHOW_PRINCIPLES_COMMAND, arguments: [outcome.uri, principles] };
  const lenses: CodeLens[] = [{ range: result.plan.title.range, command: { title: coverageTitle(principles, notApplicableCount(outcome)), ...show } }];
  if (!sectionLenses) return lenses;
  for (const [section, ruleIds] of principlesBySection(outcome)) {
    const range = section.heading && result.plan.lines.range(section.heading.start, section.heading.end);
    if (!range || range.start.line === result.plan.title.range.start.line) continue; // the title has its lens
    lenses.push({ range, command: { title: `Addresses ${ruleIds.join(', ')}`, ...show } });
  }
  return lenses;
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
