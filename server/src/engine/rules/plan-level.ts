import { insertSectionFix } from '../fixes/insert-section';
import type { Plan } from '../plan/model';
import type { Assessment, Fix, Rule, RuleMeta } from './types';

/**
 * A plan-level rule from its assessment: one finding on the title when the principle is
 * missing, with the rule's section template as the fix; one a level below the rule's severity
 * when it is only partly addressed, saying what is missing, with `partlyFix` (by default the
 * same template, when the plan has no section of that name yet).
 */
export function planLevelRule(meta: RuleMeta, assessPlan: (plan: Plan) => Assessment, partlyFix?: (plan: Plan) => Fix | undefined): Rule {
  // The lint and the scorecard both assess the plan: once is enough.
  const assessed = new WeakMap<Plan, Assessment>();
  const assess = (plan: Plan): Assessment => {
    let a = assessed.get(plan);
    if (!a) assessed.set(plan, (a = assessPlan(plan)));
    return a;
  };
  return {
    meta,
    assess,
    check(ctx) {
      const a = assess(ctx.plan);
      if (a.status === 'missing') {
        const fix = meta.fix && insertSectionFix(ctx.plan, meta.fix);
        ctx.report({ range: ctx.plan.title.range, message: a.message, fixes: fix ? [fix] : [] });
      } else if (a.status === 'partly') {
        const fix = partlyFix ? partlyFix(ctx.plan) : meta.fix && insertSectionFix(ctx.plan, meta.fix);
        ctx.report({ range: ctx.plan.title.range, message: a.message ?? partlyMessage(meta), fixes: fix ? [fix] : [], partly: true });
      }
    },
  };
}

/** What a partly finding says when the assessment gives no reason of its own. */
export function partlyMessage(meta: RuleMeta): string {
  return `Only partly addressed: ${meta.description.replace(/^The plan /, 'the plan ').replace(/\.$/, '')} in a weak or incomplete way. ${meta.message}`;
}
