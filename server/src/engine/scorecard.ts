import { parseDirectives, Suppressions } from './directives';
import { assessPlan, type RuleSetting } from './lint';
import type { Plan } from './plan/model';
import type { Position, Range } from './plan/positions';
import { builtinRules } from './rules/builtin';
import type { Assessment, Finding, Fix, RuleMeta } from './rules/types';

/** The plan-level principles in the catalog's order (spec/rules.md), with the short names charts show. */
const PRINCIPLES: readonly (readonly [id: string, label: string])[] = [
  ['customer-outcomes', 'Customer outcomes'],
  ['target-customers', 'Target customers'],
  ['right-to-win', 'Right to win'],
  ['value-proposition', 'Value proposition'],
  ['value-creation-zone', 'Value creation zone'],
  ['balanced-scorecard', 'Balanced scorecard'],
  ['capabilities', 'Capabilities'],
  ['customer-feedback-loop', 'Feedback loop'],
  ['time-horizon', 'Time horizon'],
  ['ecosystem', 'Ecosystem'],
  ['ownership', 'Ownership'],
  ['experimentation', 'Experimentation'],
  ['sustained-capability', 'Sustained capability'],
  ['no-tradeoffs', 'Trade-offs'],
];
const LABELS = new Map(PRINCIPLES);
const ORDER = new Map(PRINCIPLES.map(([id], i) => [id, i]));

/** The source of Stratlint's own housekeeping rules (unknown-rule): not a customer-strategy principle. */
const HOUSEKEEPING_SOURCE = 'Stratlint';

/** `off`: switched off by the configuration or by a stratlint-disable comment in the plan, so not counted. */
export type PrincipleStatus = Assessment['status'] | 'off';

export interface PrincipleScore {
  id: string;
  /** A short name for charts and tables. */
  label: string;
  description: string;
  /** Principle source tags, e.g. "S&-4". */
  source: string;
  docsUrl: string;
  status: PrincipleStatus;
  /** Where the plan addresses the principle, when it does. */
  evidence?: Range;
  /** What falls short (partly, missing) or why the principle is not assessed (off). */
  message?: string;
  /** Gaps only: where closing it starts — the rule's fix insertion point, else the evidence, else the title. */
  fixAt?: Position;
}

export interface Scorecard {
  /** The plan's title (first heading), for reports. */
  title: string;
  principles: PrincipleScore[];
  counts: Record<PrincipleStatus, number>;
  /**
   * How much of the assessed principles the plan covers, from 0 to 1: addressed counts 1,
   * partly ½, missing 0, divided by the principles assessed (those not switched off).
   * 0 when none is assessed.
   */
  coverage: number;
  /**
   * Span findings (things the plan says that the principles warn against), counted per principle
   * source tag; a finding whose rule cites two sources counts under each. Most frequent first.
   */
  spanFindings: { total: number; bySource: { source: string; count: number }[] };
}

/** Splits a rule's source ("CPV-1, CPV-3, CVC") into its tags. */
export function sourceTags(source: string): string[] {
  return source
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function principleLabel(id: string): string {
  const label = LABELS.get(id);
  if (label) return label;
  const words = id.replace(/[-_/]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The plan's scorecard: how it covers each plan-level principle, where, and what it says that
 * the span rules warn against. `findings` are the lint findings of the same plan and settings
 * (they give the fix positions and the span counts); `assessments` saves a second pass when the
 * caller has them already (the language server does). Every front end shows this one computation.
 */
export function computeScorecard(
  plan: Plan,
  settings: readonly RuleSetting[],
  findings: readonly Finding[],
  assessments: ReadonlyMap<string, Assessment> = assessPlan(plan, settings),
  /** The config's docsBaseUrl: principles switched off link to their pages there too. */
  docsBaseUrl?: string,
): Scorecard {
  const suppressions = new Suppressions(parseDirectives(plan));
  const enabled = new Map(settings.map((s) => [s.rule.meta.id, s.rule.meta]));
  const principles: PrincipleScore[] = [];

  for (const s of settings) {
    const meta = s.rule.meta;
    const assessment = assessments.get(meta.id);
    // A rule that threw has no assessment; lintPlan reports its error, the scorecard leaves it out.
    if (meta.scope !== 'plan' || !assessment) continue;
    if (suppressions.find(meta.id, plan.title.line)) {
      principles.push(off(meta, 'Switched off in this plan by a stratlint-disable comment.'));
      continue;
    }
    principles.push(score(plan, meta, assessment, findings));
  }
  for (const rule of builtinRules(docsBaseUrl).rules) {
    if (rule.meta.scope === 'plan' && !enabled.has(rule.meta.id)) principles.push(off(rule.meta, 'Switched off in the configuration.'));
  }
  principles.sort((a, b) => (ORDER.get(a.id) ?? ORDER.size) - (ORDER.get(b.id) ?? ORDER.size) || a.id.localeCompare(b.id));

  const counts: Record<PrincipleStatus, number> = { addressed: 0, partly: 0, missing: 0, 'n/a': 0, off: 0 };
  for (const p of principles) counts[p.status]++;
  const assessed = counts.addressed + counts.partly + counts.missing;
  const coverage = assessed === 0 ? 0 : (counts.addressed + counts.partly / 2) / assessed;

  const planRuleIds = new Set(principles.map((p) => p.id));
  const bySource = new Map<string, number>();
  let total = 0;
  for (const f of findings) {
    if (planRuleIds.has(f.ruleId)) continue;
    const tags = sourceTags(f.source).filter((t) => t !== HOUSEKEEPING_SOURCE);
    if (tags.length === 0) continue;
    total++;
    for (const t of tags) bySource.set(t, (bySource.get(t) ?? 0) + 1);
  }
  const spanFindings = {
    total,
    bySource: [...bySource].map(([source, count]) => ({ source, count })).sort((a, b) => b.count - a.count || a.source.localeCompare(b.source)),
  };

  return { title: plan.title.text, principles, counts, coverage, spanFindings };
}

function base(meta: RuleMeta): Omit<PrincipleScore, 'status'> {
  return { id: meta.id, label: principleLabel(meta.id), description: meta.description, source: meta.source, docsUrl: meta.docsUrl };
}

function off(meta: RuleMeta, message: string): PrincipleScore {
  return { ...base(meta), status: 'off', message };
}

function score(plan: Plan, meta: RuleMeta, a: Assessment, findings: readonly Finding[]): PrincipleScore {
  const out: PrincipleScore = { ...base(meta), status: a.status, evidence: a.evidence };
  if (a.status === 'addressed') return out;
  if (a.status === 'n/a') return { ...out, message: a.message };
  out.message = a.message ?? (a.status === 'missing' ? meta.message : `Only partly addressed. What good looks like: ${meta.description}`);
  const finding = findings.find((f) => f.ruleId === meta.id && f.fixes.length > 0);
  const fix: Fix | undefined = finding && (finding.fixes.find((x) => x.isPreferred) ?? finding.fixes[0]);
  out.fixAt = fix?.edits[0]?.range.start ?? a.evidence?.start ?? plan.title.range.start;
  return out;
}
