import { readFileSync } from 'node:fs';
import { builtinRules, lintPlan, parsePlan, type Finding, type RuleSetting } from '../../server/src/engine/index';

export { asExpected, expectations, show, type Expected } from '../../server/src/engine/fixtures';

const CONFIG = /<!--\s*config:\s*(\{[^]*?\})\s*-->/;

/** Rule options a fixture sets in `<!-- config: {"minYears": 3} -->`. */
export function fixtureOptions(text: string): Record<string, unknown> {
  const m = CONFIG.exec(text);
  return m ? (JSON.parse(m[1]) as Record<string, unknown>) : {};
}

export function settingFor(ruleId: string, options: Record<string, unknown> = {}): RuleSetting {
  const rule = builtinRules().rules.find((r) => r.meta.id === ruleId);
  if (!rule) throw new Error(`no built-in rule ${ruleId}`);
  return { rule, severity: rule.meta.severity, options };
}

export function knownIds(): Set<string> {
  return new Set(builtinRules().rules.map((r) => r.meta.id));
}

/** Lints text with one rule only, as the per-rule fixtures do. */
export function lintWith(text: string, ruleId: string, options: Record<string, unknown> = {}): Finding[] {
  return lintPlan(parsePlan(text), [settingFor(ruleId, options)], knownIds()).findings;
}

export function readFixture(path: string): string {
  return readFileSync(path, 'utf8');
}
