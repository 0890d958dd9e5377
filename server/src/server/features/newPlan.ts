/**
 * The text of a new plan, put together from the rules in force: every plan-level rule's section
 * template, the most important principles first, each after the sections its fix names in
 * `after`; then the other plan-level fixes (a horizon line…), each once. The template therefore
 * always matches the rules in force, built-in or from the workspace's packs.
 */
import { applyEdits, lintDocument, type ResolveOptions, type Rule } from '../../engine/index';
import { headingMatches, normalizeHeading } from '../../engine/plan/headings';

const SKELETON = ['---', 'stratlint: true', '---', '', '# [[Plan title]]', '', '## Summary', '', '[[What this plan is for, for whom, and over which years.]]', ''].join('\n');
const RANK = { error: 0, warning: 1, info: 2 };

function sectionHeading(rule: Rule): string | undefined {
  const m = rule.meta.fix ? /^#{1,6}\s+(.*)$/.exec(rule.meta.fix.template.split(/\r?\n/)[0]) : null;
  return m ? normalizeHeading(m[1]) : undefined;
}

/** Section templates by importance, except that one comes after the templates its `after` names. */
export function readingOrder(rules: Rule[]): Rule[] {
  const pending = rules.filter((r) => sectionHeading(r)).sort((a, b) => RANK[a.meta.severity] - RANK[b.meta.severity] || a.meta.id.localeCompare(b.meta.id));
  const dependsOn = (r: Rule, other: Rule) => (r.meta.fix!.after ?? []).some((a) => headingMatches(sectionHeading(other)!, a));
  const ordered: Rule[] = [];
  while (pending.length > 0) {
    const ready = pending.findIndex((r) => !pending.some((other) => other !== r && dependsOn(r, other)));
    ordered.push(...pending.splice(Math.max(ready, 0), 1)); // a cycle: take the first
  }
  return ordered;
}

export function newPlanTemplate(options: ResolveOptions = {}): string {
  const lint = (text: string) => lintDocument(text, { ...options, forcePlan: true });
  const planLevel = lint(SKELETON).config.settings.map((s) => s.rule).filter((r) => r.meta.scope === 'plan');
  const sections = readingOrder(planLevel);
  let text = [SKELETON.trimEnd(), ...sections.map((r) => r.meta.fix!.template.trim())].join('\n\n') + '\n';
  const applied = new Set(sections.map((r) => r.meta.id));
  // A template need not satisfy its own rule: each remaining fix is applied once.
  for (let pass = 0; pass < planLevel.length; pass++) {
    const finding = lint(text).findings.find((f) => !applied.has(f.ruleId) && planLevel.some((r) => r.meta.id === f.ruleId) && f.fixes.some((x) => x.isPreferred));
    if (!finding) break;
    applied.add(finding.ruleId);
    text = applyEdits(text, finding.fixes.find((x) => x.isPreferred)!.edits);
  }
  return text;
}
