import { insertAfterTitle, insertFrontMatterKey } from '../../fixes/insert-line';
import type { Plan } from '../../plan/model';
import type { Range } from '../../plan/positions';
import { blockRange } from '../../plan/scope';
import type { Assessment, Fix, Rule, RuleMeta } from '../types';

const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15, twenty: 20 };
const N = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)';
const YEAR_RANGE = /\b((?:19|20)\d\d)\s*(?:-|–|—|to|through|until|\/)\s*((?:19|20)\d\d)\b/i;
const SPAN_OF_YEARS = new RegExp(`\\b(?:next|coming|following|over|within|in)\\s+(?:the\\s+)?(?:next\\s+)?${N}\\s+years?\\b|\\b${N}[- ]years?\\s+(?:plan|strategy|horizon|roadmap|vision|period|outlook|programme|program)\\b`, 'i');
const BY_YEAR = /\b(?:by|until|through|in|before)\s+((?:19|20)\d\d)\b/i;
const PLACEHOLDER = /<[a-z][^<>]*>/i;

interface Horizon {
  years?: number;
  range?: Range;
}

/** The plan's horizon: front matter `horizon:` first, else the first horizon stated in prose. */
export function findHorizon(plan: Plan): Horizon | undefined {
  const fm = plan.frontMatter?.horizon;
  if (fm !== undefined && fm !== null && plan.frontMatterSpan) {
    const range = plan.lines.range(plan.frontMatterSpan.start, plan.frontMatterSpan.end);
    return { years: measure(String(fm)), range };
  }
  for (const block of plan.blocks) {
    if (block.label === 'horizon' && PLACEHOLDER.test(block.text)) return { range: blockRange(plan, block, 0, block.text.length) };
    for (const re of [YEAR_RANGE, SPAN_OF_YEARS]) {
      const m = re.exec(block.text);
      if (m) return { years: measure(m[0]), range: blockRange(plan, block, m.index, m.index + m[0].length) };
    }
  }
  for (const block of plan.blocks) {
    const m = BY_YEAR.exec(block.text);
    if (m) return { range: blockRange(plan, block, m.index, m.index + m[0].length) };
  }
  return undefined;
}

/** Years a horizon text covers: "2026–2029" is 3, "next five years" is 5, a bare number is years. */
function measure(text: string): number | undefined {
  if (PLACEHOLDER.test(text)) return undefined;
  const r = YEAR_RANGE.exec(text);
  if (r) return Math.abs(Number(r[2]) - Number(r[1]));
  const s = new RegExp(N, 'i').exec(text);
  if (s && /year|^\s*\d+\s*$/i.test(text)) return Number(s[1]) || WORD_NUMBERS[s[1].toLowerCase()];
  return undefined;
}

export function timeHorizon(meta: RuleMeta): Rule {
  const assess = (plan: Plan, options: Readonly<Record<string, unknown>>): Assessment => {
    const min = typeof options.minYears === 'number' ? options.minYears : 2;
    const max = typeof options.maxYears === 'number' ? options.maxYears : 7;
    const h = findHorizon(plan);
    if (!h) return { status: 'missing' };
    if (h.years !== undefined && (h.years < min || h.years > max)) {
      const side = h.years < min ? `shorter than ${min}` : `longer than ${max}`;
      return { status: 'partly', evidence: h.range, message: `The plan's horizon of ${h.years} year${h.years === 1 ? '' : 's'} is ${side} years: a customer strategy sets choices for roughly three to five years, long enough to build capabilities and short enough to stay concrete.` };
    }
    return { status: 'addressed', evidence: h.range };
  };
  return {
    meta,
    assess,
    check(ctx) {
      const a = assess(ctx.plan, ctx.options);
      if (a.status === 'addressed') return;
      if (a.message) {
        ctx.report({ range: a.evidence ?? ctx.plan.title.range, message: a.message });
        return;
      }
      const fix: Fix | undefined = ctx.plan.frontMatterSpan
        ? insertFrontMatterKey(ctx.plan, 'horizon: <start year>–<end year>', meta.fix?.title ?? 'Add a horizon')
        : insertAfterTitle(ctx.plan, meta.fix?.template ?? 'Horizon: <start year>–<end year>', meta.fix?.title ?? 'Add a horizon');
      ctx.report({ range: ctx.plan.title.range, fixes: fix ? [fix] : [] });
    },
  };
}
