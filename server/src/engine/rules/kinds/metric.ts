import { spanFix } from '../../fixes/span-fix';
import { hasDate, hasNumber, inheritedDate } from '../../plan/measures';
import type { Block, Plan } from '../../plan/model';
import { blockRange } from '../../plan/scope';
import { othersWords, SLOT } from '../../plan/slots';
import { anyMatch, compileAll, type Terms } from '../../patterns/pattern';
import type { RuleDataOf } from '../schema';
import type { Rule, RuleMeta } from '../types';
import { blockInContext, hasLabel, listIndent, parentItem } from './scopes';


/** Lines that are metrics (in metric sections, or labelled) need a number and a date. */
export function metric(data: RuleDataOf<'metric'>, meta: RuleMeta, terms: Terms): Rule {
  const ignore = compileAll(data.ignore, terms);
  return {
    meta,
    check(ctx) {
      const { plan } = ctx;
      for (const block of plan.blocks) {
        if (block.kind === 'heading' || othersWords(plan, block)) continue;
        if (block.kind === 'table-row' && !block.header) continue; // the header row
        if (!blockInContext(block, data.sections, data.labels)) continue;
        const labelled = hasLabel(block, data.labels);
        if (block.kind === 'paragraph' && !data.paragraphs && !labelled) continue;
        if (!labelled && isGroupOrDetail(plan, block)) continue;
        const text = block.text.trim();
        if (!text || text.endsWith(':') || SLOT.test(text) || anyMatch(ignore, text)) continue;
        const numberOk = !data.requireNumber || hasNumber(text);
        const dateOk = !data.requireDate || hasDate(text) || inheritedDate(plan, block.section);
        if (numberOk && dateOk) continue;
        const lead = block.text.length - block.text.trimStart().length;
        const missing = [!numberOk && 'a number (baseline → target)', !dateOk && 'a date'].filter(Boolean).join(' and ');
        const fix = meta.fix && spanFix(plan, block, { start: lead, end: block.text.trimEnd().length }, meta.fix, data.fix?.action ?? 'append-block');
        ctx.report({
          range: blockRange(plan, block, lead, block.text.trimEnd().length),
          message: `${meta.message} Missing: ${missing}.`,
          fixes: fix ? [fix] : [],
        });
      }
    },
  };
}

/**
 * List items that are not metrics themselves: a title grouping nested items ("Onboarding" with
 * its key results below), and the details nested under a measured item (owner, approach).
 */
function isGroupOrDetail(plan: Plan, block: Block): boolean {
  if (block.kind !== 'list-item') return false;
  const next = plan.blocks[block.index + 1];
  if (next?.kind === 'list-item' && listIndent(plan, next) > listIndent(plan, block) && !hasNumber(block.text)) return true;
  const parent = parentItem(plan, block);
  return !!parent && hasNumber(parent.text);
}
