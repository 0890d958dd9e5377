/**
 * The text of a new plan, built by the engine itself: start from a title and apply the
 * preferred fixes of the plan-level rules until none is left, so every section lands where
 * the rules place it and the template always matches the rules in force.
 */
import { applyEdits, lintDocument, type Finding, type ResolveOptions } from '../../engine/index';

const SKELETON = ['---', 'stratlint: true', '---', '', '# <Plan title>', '', '<One paragraph: what this plan is for and who it is for.>', ''].join('\n');
const MAX_PASSES = 20;

export function newPlanTemplate(options: ResolveOptions = {}): string {
  let text = SKELETON;
  const applied = new Set<string>(); // a template need not satisfy its own rule: apply each once
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = lintDocument(text, { ...options, forcePlan: true });
    const planLevel = new Set(result.config.settings.filter((s) => s.rule.meta.scope === 'plan').map((s) => s.rule.meta.id));
    // one fix per pass: each is computed for the text as it is then
    const next = result.findings.find((f: Finding) => planLevel.has(f.ruleId) && !applied.has(f.ruleId) && f.fixes.some((x) => x.isPreferred));
    if (!next) break;
    applied.add(next.ruleId);
    text = applyEdits(text, next.fixes.find((x) => x.isPreferred)!.edits);
  }
  return text;
}
