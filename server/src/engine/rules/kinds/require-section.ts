import { sectionsMatching, wordCount } from '../../plan/scope';
import { compileAll, type Terms } from '../../patterns/pattern';
import type { RuleDataOf } from '../schema';
import type { Assessment, Plan, Rule, RuleMeta } from '../types';
import { findEvidence } from './evidence';
import { planLevelRule } from '../plan-level';

/**
 * A plan must address a principle: a section with one of the headings, or prose anywhere
 * that does the same job. One finding on the title when neither is there.
 */
export function requireSection(data: RuleDataOf<'require-section'>, meta: RuleMeta, terms: Terms): Rule {
  const evidence = compileAll(data.evidence, terms);
  const appliesWhen = compileAll(data.appliesWhen, terms);
  const assess = (plan: Plan): Assessment => {
    if (appliesWhen.length > 0 && !findEvidence(plan, appliesWhen)) {
      return { status: 'n/a', message: 'Not applicable: the plan never mentions the context this principle is about.' };
    }
    const section = sectionsMatching(plan, data.headings)[0];
    if (section) {
      const range = plan.lines.range(section.heading!.start, section.heading!.end);
      if (wordCount(plan, section) >= data.minWords || section.children.length > 0) return { status: 'addressed', evidence: range };
      const prose = findEvidence(plan, evidence);
      return prose ? { status: 'addressed', evidence: prose } : { status: 'partly', evidence: range };
    }
    const prose = findEvidence(plan, evidence);
    return prose ? { status: 'addressed', evidence: prose } : { status: 'missing' };
  };
  return planLevelRule(meta, assess);
}
