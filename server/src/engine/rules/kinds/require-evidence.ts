import { spanFix } from '../../fixes/span-fix';
import type { Block, Plan } from '../../plan/model';
import type { Range } from '../../plan/positions';
import { blockRange } from '../../plan/scope';
import { memoKey, remember, type MemoKey } from '../../patterns/memo';
import { anyMatch, compileAll, type Match, type Pattern, type Terms } from '../../patterns/pattern';
import type { RuleDataOf } from '../schema';
import type { Assessment, Rule, RuleMeta } from '../types';
import { findEvidence } from './evidence';
import { appearsInScope } from './scopes';
import { planLevelRule } from '../plan-level';

interface Check {
  key: MemoKey;
  trigger: Pattern[];
  evidence: Pattern[];
  message?: string;
}

interface Gap {
  block: Block;
  match: Match;
  check: Check;
}

const NOT_APPLICABLE: Assessment = { status: 'n/a', message: 'Not applicable: nothing in the plan calls for it.' };

/** When a trigger appears, evidence must appear in the same scope (sentence, block, section or plan). */
export function requireEvidence(data: RuleDataOf<'require-evidence'>, meta: RuleMeta, terms: Terms): Rule {
  const checks: Check[] = (data.checks ?? [{ trigger: data.trigger!, evidence: data.evidence!, message: undefined }]).map((c) => ({
    key: memoKey(),
    trigger: compileAll(c.trigger, terms),
    evidence: compileAll(c.evidence, terms),
    message: c.message,
  }));

  // Sentence and block scopes are the block's own text: then a block's gaps depend on its text alone.
  const textOnly = data.scope === 'sentence' || data.scope === 'block';

  function* gaps(plan: Plan): Generator<Gap> {
    for (const check of checks) {
      for (const block of plan.blocks) {
        // A section or plan that holds evidence has no gap, wherever its triggers are: they are not located.
        if (!textOnly && appearsInScope(plan, block, 0, data.scope, check.evidence)) continue;
        const triggers = remember(check.key, block.text, () =>
          check.trigger.flatMap((p) => p.matches(block.text)).filter((m) => !textOnly || !appearsInScope(plan, block, m.start, data.scope, check.evidence)),
        );
        for (const match of triggers) {
          if (textOnly || !appearsInScope(plan, block, match.start, data.scope, check.evidence)) yield { block, match, check };
        }
      }
    }
  }

  if (data.report === 'title') {
    const notApplicableTitles = compileAll(data.notApplicableWhenTitled, terms);
    const partlyReadings = (data.partly ?? []).map((p) => ({ when: compileAll(p.when, terms), message: p.message.trim() }));
    /** The first weak version of the practice the plan shows, as a partly assessment. */
    const partly = (plan: Plan): Assessment | undefined => {
      for (const reading of partlyReadings) {
        const at = findEvidence(plan, reading.when);
        if (at) return { status: 'partly', evidence: at, message: reading.message };
      }
      return undefined;
    };
    const assess = (plan: Plan): Assessment => {
      const gap = gaps(plan).next().value as Gap | undefined;
      if (!gap) {
        const evidence = checks.map((c) => findEvidence(plan, c.evidence)).find((r): r is Range => !!r);
        if (evidence) return { status: 'addressed', evidence };
        // Neither a trigger nor the practice itself: the plan makes no claim this principle tests.
        if (!checks.some((c) => findEvidence(plan, c.trigger))) {
          if (anyMatch(notApplicableTitles, plan.title.text)) return NOT_APPLICABLE;
          const weak = partly(plan);
          if (weak) return weak;
          if (data.whenSilent) return { status: 'missing', message: data.whenSilent.trim() };
          return NOT_APPLICABLE;
        }
        return { status: 'addressed', evidence };
      }
      return partly(plan) ?? { status: 'missing', message: gap.check.message };
    };
    return planLevelRule(meta, assess);
  }

  return {
    meta,
    flagged(plan, block) {
      const out: Match[] = [];
      for (const check of checks) {
        for (const m of check.trigger.flatMap((p) => p.matches(block.text))) {
          if (!appearsInScope(plan, block, m.start, data.scope, check.evidence)) out.push(m);
        }
      }
      return out;
    },
    check(ctx) {
      for (const { block, match, check } of gaps(ctx.plan)) {
        const fix = meta.fix && spanFix(ctx.plan, block, match, meta.fix, data.fix?.action ?? 'append-block');
        ctx.report({ range: blockRange(ctx.plan, block, match.start, match.end), message: check.message, fixes: fix ? [fix] : [] });
      }
    },
  };
}
