import { DIRECTIVE_RULES, parseDirectives, Suppressions } from './directives';
import type { Plan } from './plan/model';
import { parsePlan } from './plan/parse';
import { planVocabulary } from './plan/vocabulary';
import { activeMemo } from './patterns/memo';
import { withVocabulary } from './patterns/pattern';
import type { Assessment, Finding, Rule, RuleContext, Severity } from './rules/types';

export interface RuleSetting {
  rule: Rule;
  severity: Severity;
  options: Readonly<Record<string, unknown>>;
}

export interface LintResult {
  plan: Plan;
  findings: Finding[];
  /** A rule that threw: its findings are missing, the rest are complete. */
  ruleErrors: { ruleId: string; error: Error }[];
}

/** Runs the enabled rules on a plan and applies the inline directives. */
export function lintPlan(plan: Plan, settings: readonly RuleSetting[], knownRuleIds: ReadonlySet<string>): LintResult {
  const steps = lintSteps(plan, settings, knownRuleIds);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * lintPlan one rule at a time, for a caller that lets other work in between: the language server
 * fills a large document's caches this way. Each step runs with whatever memo is active when
 * it is taken (see withPatternMemo).
 */
export function* lintSteps(plan: Plan, settings: readonly RuleSetting[], knownRuleIds: ReadonlySet<string>): Generator<void, LintResult, void> {
  // Read in the plan's own words (see inPlanWords).
  const vocabulary = planVocabulary(plan);
  activeMemo()?.useContext(vocabulary.key);
  const findings: Finding[] = [];
  const ruleErrors: LintResult['ruleErrors'] = [];
  const directives = withVocabulary(vocabulary, () => parseDirectives(plan));
  const suppressions = new Suppressions(directives);
  const last = (s: RuleSetting) => (DIRECTIVE_RULES.has(s.rule.meta.id) ? 1 : 0);
  for (const { rule, severity, options } of [...settings].sort((a, b) => last(a) - last(b))) {
    const seen = new Set<string>();
    const ctx: RuleContext = {
      plan,
      options,
      knownRuleIds,
      directives,
      report(f) {
        const key = `${f.range.start.line}:${f.range.start.character}:${f.range.end.line}:${f.range.end.character}`;
        if (seen.has(key)) return;
        seen.add(key);
        if (!DIRECTIVE_RULES.has(rule.meta.id) && suppressions.find(rule.meta.id, f.range.start.line)) return;
        findings.push({
          ruleId: rule.meta.id,
          severity: f.partly ? oneLevelBelow(severity) : severity,
          message: f.message ?? rule.meta.message,
          range: f.range,
          source: rule.meta.source,
          docsUrl: rule.meta.docsUrl,
          fixes: f.fixes ?? [],
          ...(f.related && { related: f.related }),
        });
      },
    };
    try {
      withVocabulary(vocabulary, () => rule.check(ctx));
    } catch (error) {
      ruleErrors.push({ ruleId: rule.meta.id, error: error instanceof Error ? error : new Error(String(error)) });
    }
    yield;
  }
  findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      compareRuleIds(a.ruleId, b.ruleId),
  );
  return { plan, findings, ruleErrors };
}

/** Rule IDs as the schema makes them: lower-case letters, digits, `-` and one `/`. */
const PLAIN_ID = /^[a-z0-9/-]*$/;

/**
 * `a.localeCompare(b)`, without asking ICU for two plain IDs: the first localeCompare of a process
 * makes a collator, 8 ms of a one-plan run (more on a loaded machine). On these characters the
 * collator's order (punctuation, then digits, then letters; `-` before `/`) is their code order.
 */
export function compareRuleIds(a: string, b: string): number {
  if (a === b) return 0;
  if (PLAIN_ID.test(a) && PLAIN_ID.test(b)) return a < b ? -1 : 1;
  return a.localeCompare(b);
}

/** Runs `run` reading the plan in its own words: its customer groups count as `{customer}`. */
function inPlanWords<T>(plan: Plan, run: () => T): T {
  const vocabulary = planVocabulary(plan);
  activeMemo()?.useContext(vocabulary.key);
  return withVocabulary(vocabulary, run);
}

/** A partly addressed principle is reported one level below the rule's severity (info stays info). */
export function oneLevelBelow(severity: Severity): Severity {
  return severity === 'error' ? 'warning' : 'info';
}

export function lintText(text: string, settings: readonly RuleSetting[], knownRuleIds: ReadonlySet<string>): LintResult {
  return lintPlan(parsePlan(text), settings, knownRuleIds);
}

/** How the plan covers each plan-level principle, for the scorecard and the code lens. */
export function assessPlan(plan: Plan, settings: readonly RuleSetting[]): Map<string, Assessment> {
  return inPlanWords(plan, () => assessInWords(plan, settings));
}

function assessInWords(plan: Plan, settings: readonly RuleSetting[]): Map<string, Assessment> {
  const out = new Map<string, Assessment>();
  for (const { rule, options } of settings) {
    if (!rule.assess) continue;
    try {
      out.set(rule.meta.id, rule.assess(plan, options));
    } catch {
      // a failing rule is reported by lintPlan; the scorecard leaves it out
    }
  }
  return out;
}
