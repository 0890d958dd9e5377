import { insertSectionFix } from '../fixes/insert-section';
import type { Plan } from '../plan/model';
import type { Assessment, Rule, RuleMeta } from './types';

/**
 * A plan-level rule from its assessment: one finding on the title when the principle is
 * missing, with the rule's section template as the fix.
 */
export function planLevelRule(meta: RuleMeta, assess: (plan: Plan) => Assessment): Rule {
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
