import { spanFix } from '../../fixes/span-fix';
import { blockRange } from '../../plan/scope';
import { compileAll, type Terms } from '../../patterns/pattern';
import type { RuleDataOf } from '../schema';
import type { Rule, RuleMeta } from '../types';
import { appearsInScope, blockInContext, insideQuotes } from './scopes';

/** Words the principle warns against, unless the surrounding text shows they are meant well. */
export function avoidPhrase(data: RuleDataOf<'avoid-phrase'>, meta: RuleMeta, terms: Terms): Rule {
  const patterns = compileAll(data.patterns, terms);
  const unless = compileAll(data.unless, terms);
  const followedBy = compileAll(data.unlessFollowedBy, terms);
  const precededBy = compileAll(data.unlessPrecededBy, terms);
  return {
    meta,
    check(ctx) {
      const { plan } = ctx;
      for (const block of plan.blocks) {
        if (!blockInContext(block, data.inSections, data.inLabels)) continue;
        if (data.skipQuoted && block.inQuote) continue;
        for (const p of patterns) {
          for (const m of p.matches(block.text)) {
            const words = block.text.slice(m.start, m.end);
            if (data.skipQuoted && insideQuotes(block.text, m.start)) continue;
            if (data.skipProperNames && isProperName(block.text, m.start, words)) continue;
            const rest = block.text.slice(m.end);
            if (followedBy.some((f) => f.matchesAtStart(rest))) continue;
            const head = block.text.slice(0, m.start);
            if (precededBy.some((f) => [...f.matches(head)].some((x) => x.end === head.length))) continue;
            if (appearsInScope(plan, block, m.start, data.unlessScope, unless)) continue;
            const fix = meta.fix && spanFix(plan, block, m, meta.fix, data.fix?.action ?? 'replace-match');
            ctx.report({ range: blockRange(plan, block, m.start, m.end), fixes: fix ? [fix] : [] });
          }
        }
      }
    },
  };
}

/** "World-Class Manufacturing Award" is a name, "world-class service" is fluff. */
function isProperName(text: string, start: number, words: string): boolean {
  const capitalised = words.split(/[\s-]+/).every((w) => /^\p{Lu}/u.test(w));
  if (!capitalised) return false;
  const before = text.slice(0, start).trimEnd();
  const atSentenceStart = before === '' || /[.!?:]["'”’)]*$/.test(before);
  return !atSentenceStart || /^\s*\p{Lu}/u.test(text.slice(start + words.length).replace(/^[\s-]+/, '').slice(0, 1));
}
