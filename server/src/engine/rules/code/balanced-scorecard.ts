import { insertSectionFix } from '../../fixes/insert-section';
import type { Block, Plan } from '../../plan/model';
import { hasNumber } from '../../plan/measures';
import { blockRange, inSectionMatching } from '../../plan/scope';
import type { Assessment, Rule, RuleMeta } from '../types';

const METRIC_SECTIONS = ['metrics', 'kpis', 'kpi', 'scorecard', 'key results', 'success measures', 'measures of success', 'measuring success', 'success criteria', 'okrs', 'targets', 'how we measure', 'measurement'];
const METRIC_LABELS = new Set(['metric', 'kpi', 'kr', 'key result', 'measure', 'target', 'success metric']);
const FINANCIAL = /\b(?:revenue|arr|mrr|bookings?|profit|margin|ebitda|market share|share of (?:market|wallet)|roi|sales|pipeline|acv|tcv|deal size|price|pricing|gross|net income|valuation|cash|spend|cost savings?)\b|[$€£]\s?\d/i;
const CUSTOMER = /\b(?:customers?|users?|clients?|buyers?|patients?|members?|citizens?|developers?|teams?|shoppers?|students?)\b.{0,60}\b(?:time|hours|minutes|days|errors?|success|outcomes?|results?|saved|save|reduce|reduced|cut|finish|complete|achieve|resolved|resolution|goals?|productivity|effort|cost)\b|\b(?:time to (?:value|first|resolve|complete)|task success|resolution time|hours saved|outcomes? achieved)\b/i;
const EXPERIENCE = /\b(?:nps|net promoter|csat|ces|customer effort|satisfaction|experience|sentiment|complaints?|churn|retention|renewal|loyalty|capabilit(?:y|ies)|skills?|cycle time|lead time|uptime|reliability|quality|employees? engagement|first[- ]contact)\b/i;

interface MetricLine {
  block: Block;
  financial: boolean;
  customer: boolean;
  experience: boolean;
}

function metricLines(plan: Plan): MetricLine[] {
  const out: MetricLine[] = [];
  for (const block of plan.blocks) {
    if (block.kind === 'heading' || block.inQuote) continue;
    if (block.kind === 'table-row' && !block.header) continue;
    const isMetric =
      (block.label !== undefined && METRIC_LABELS.has(block.label)) ||
      (inSectionMatching(block, METRIC_SECTIONS) && hasNumber(block.text)) ||
      (block.header?.some((h) => /\b(?:metric|kpi|measure|indicator)s?\b/i.test(h)) ?? false);
    if (!isMetric) continue;
    const t = block.text;
    out.push({ block, financial: FINANCIAL.test(t), customer: CUSTOMER.test(t), experience: EXPERIENCE.test(t) });
  }
  return out;
}

/** Metrics must cover more than money: a customer-outcome and an experience or capability measure too. */
export function balancedScorecard(meta: RuleMeta): Rule {
  const assess = (plan: Plan): Assessment => {
    const lines = metricLines(plan);
    if (lines.length === 0) return { status: 'missing' };
    const evidence = blockRange(plan, lines[0].block, 0, lines[0].block.text.length);
    const nonFinancial = lines.filter((l) => l.customer || l.experience || !l.financial);
    if (nonFinancial.length === 0) {
      return {
        status: 'missing',
        evidence,
        message: 'Every metric in this plan is financial or market share. Financial results lag: add at least one customer-outcome metric (what customers achieve) and one experience or capability metric beside them, so the scorecard shows whether the strategy is working before revenue does.',
      };
    }
    const balanced = lines.some((l) => l.customer) && lines.some((l) => l.experience);
    return { status: balanced ? 'addressed' : 'partly', evidence };
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
