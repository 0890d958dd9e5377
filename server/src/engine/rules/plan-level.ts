import { insertSectionFix } from '../fixes/insert-section';
import type { Plan } from '../plan/model';
import type { Assessment, Rule, RuleMeta } from './types';

/**
 * A plan-level rule from its assessment: one finding on the title when the principle is
 * missing, with the rule's section template as the fix.
 */
export function planLevelRule(meta: RuleMeta, assessPlan: (plan: Plan) => Assessment): Rule {
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
      if (a.status !== 'missing') return;
      const fix = meta.fix && insertSectionFix(ctx.plan, meta.fix);
      ctx.report({ range: ctx.plan.title.range, message: a.message, fixes: fix ? [fix] : [] });
    },
  };
}
