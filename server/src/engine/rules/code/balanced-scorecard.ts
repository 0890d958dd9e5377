import { goalItems } from '../../plan/goals';
import type { Block, Plan } from '../../plan/model';
import { othersWords } from '../../plan/slots';
import { Pattern, type Terms } from '../../patterns/pattern';
import { defaultGoalContext } from '../kinds/goal-list';
import { DATE, VERSION } from '../../plan/measures';
import type { Range } from '../../plan/positions';
import { blockRange, inSectionMatching } from '../../plan/scope';
import type { Assessment, Rule, RuleMeta } from '../types';
import { memoKey, remember } from '../../patterns/memo';
import { planLevelRule } from '../plan-level';

/**
 * Why code: a metric can be a row of a metrics table, a line under "KPIs", a labelled `KR:`, a
 * goal with a target, a list announced by "we will measure success by tracking:", or a sentence
 * naming "the key metric" — and each one is then sorted into dimensions. Data rules cannot
 * express either step.
 */

/** Sections whose every list item and table row is a metric, with or without a target. */
const METRIC_SECTIONS = ['metrics', 'metric', 'kpis', 'kpi', 'scorecard', 'success measures', 'measures of success', 'measuring success', 'how we measure', 'measurement', 'measures', 'indicators'];
/** Sections whose lines are metrics when they carry a number: goals and results with targets. */
const TARGET_SECTIONS = ['key results', 'okrs', 'targets', 'success criteria', 'goals', 'objectives', 'outcomes', 'milestone', 'milestones', 'short term success', 'long term success', 'measure of success', 'what success looks like', 'definition of success'];
const METRIC_LABELS = new Set(['metric', 'kpi', 'kr', 'key result', 'measure', 'target', 'success metric', 'indicator']);
const TARGET_LABELS = new Set(['outcome', 'goal', 'objective']);
/** A sentence that names a metric in prose: "the key metric is …", "as measured by …", "a clear measure of success". */
const METRIC_SENTENCE = /\bmeasures?\s+(?:for|of)\s+(?:[\w'’]+\s+){0,3}success\b|\b(?:key|primary|main|north[- ]star|success|core|headline|one)\s+(?:success\s+)?metrics?\b|\bmeasured\s+(?:by|through|with|in|against)\b|\bmeasure\s+(?:success|progress|it|this)\b[^.]*\b(?:by|through|with)\b/i;
/** A paragraph that announces a list of metrics: "We will measure success here by tracking:". */
const METRIC_INTRO = /\b(?:measured?|measuring|metrics?|indicators?|kpis?|track(?:ing)?)\b[^]*:\s*$/i;

const FINANCIAL = /\b(?:revenue|arr|mrr|bookings?|profits?|margins?|ebitda|market share|share of (?:market|wallet)|roi|sales|sales pipeline|pipeline (?:value|coverage|generated)|acv|tcv|arpu|deal size|price|pricing|gross|net income|valuation|cash|spend|cost savings?|cost per|cost to serve|unit costs?|(?:net|gross) (?:revenue|dollar) retention|nrr)\b|[$€£]\s?\d/i;
const CUSTOMER =
  /\b(?:customers?|users?|clients?|buyers?|patients?|members?|citizens?|developers?|teams?|shoppers?|students?)\b.{0,60}\b(?:time|hours|minutes|days|errors?|success|outcomes?|results?|saved|save|reduce|reduced|cut|finish|complete|achieve|resolved|resolution|goals?|productivity|effort|cost)\b|\b(?:time to (?:value|first|resolve|complete|merge)|task success|completion rates?|resolution time|hours saved|outcomes? achieved)\b/i;
// "retention" alone is loyalty; "net revenue retention" is money and is caught by FINANCIAL instead.
const EXPERIENCE =
  /\b(?:nps|net promoter|csat|ces|customer effort|satisfaction|experience|sentiment|complaints?|churn|(?<!revenue |dollar )retention|renewal|loyalty|capabilit(?:y|ies)|skills?|cycle time|lead time|response times?|responsiveness|time to (?:first )?(?:response|reply)|wait(?:ing)? times?|turnaround|uptime|reliability|quality|security|employees? engagement|first[- ]contact)\b/i;

interface MetricLine {
  block: Block;
  /** The metric's text within the block: the whole block, or the sentence that names it. */
  start: number;
  end: number;
  financial: boolean;
  customer: boolean;
  experience: boolean;
  /** Its target is on the lines after it ("Metric: Number of maintainers" > "- Target: 4"). */
  targetBelow: boolean;
}

const DATES = new RegExp(DATE.source, 'gi');
const TARGET_KEY = memoKey();
const INTRO_KEY = memoKey();
const SENTENCES_KEY = memoKey();

/**
 * Whether a goal line carries a target: digits or a percentage, not counting dates, versions,
 * identifiers ("RFC 2582", "#3498", "KR1"), enumerations ("(2)") and ordinals ("4th"), or a multiplier word. "Three major goals" and "one clear
 * measure" are prose, not targets.
 */
function hasTarget(text: string): boolean {
  return remember(TARGET_KEY, text, () => {
    const rest = text
    .replace(DATES, ' ')
    .replace(VERSION, ' ')
    .replace(/\b[A-Z]{2,}[- ]?#?\d+\b/g, ' ')
    .replace(/#\d+|\b[a-z]+\d+\b|\(\d+\)|\b\d+(?:st|nd|rd|th)\b/gi, ' ');
    return /\d|%/.test(rest) || /\b(?:double[sd]?|halve[sd]?|triple[sd]?|twice|zero)\b/i.test(rest);
  });
}

/**
 * The block each list item's run of list items follows, per plan: the items of one list share it, so a list of
 * n items is walked once, not n times (a 140,000-item list took minutes).
 */
const leadIns = new WeakMap<Plan, Map<number, Block | undefined>>();

/** The block just before the run of list items that `block` ends, within its section, if any. */
function leadIn(plan: Plan, block: Block): Block | undefined {
  let known = leadIns.get(plan);
  if (!known) leadIns.set(plan, (known = new Map()));
  const walked: number[] = [];
  let found: Block | undefined;
  for (let i = block.index - 1; i >= 0; i--) {
    const before = plan.blocks[i];
    if (before.section !== block.section) break;
    if (before.kind !== 'list-item') {
      found = before;
      break;
    }
    // An earlier item of the same section already knows what its run follows: so does this one.
    if (known.has(i)) {
      found = known.get(i);
      break;
    }
    walked.push(i);
  }
  for (const i of walked) known.set(i, found);
  known.set(block.index, found);
  return found;
}

/** Whether the list item follows a paragraph that announces metrics ("… by tracking:"). */
function announcedAsMetric(plan: Plan, block: Block): boolean {
  if (block.kind !== 'list-item') return false;
  const before = leadIn(plan, block);
  return before?.kind === 'paragraph' && remember(INTRO_KEY, before.text, () => METRIC_INTRO.test(before.text));
}

/** Lines there are what the plan will not do, not what it measures. */
const NOT_METRIC_SECTIONS = ['non goals', 'not goals', 'out of scope'];

function isMetricBlock(plan: Plan, block: Block): boolean {
  if (inSectionMatching(block, NOT_METRIC_SECTIONS)) return false;
  if (block.label !== undefined && METRIC_LABELS.has(block.label)) return true;
  if (block.label !== undefined && TARGET_LABELS.has(block.label) && hasTarget(block.text)) return true;
  if (block.header?.some((h) => /\b(?:metric|kpi|measure|indicator|baseline|target)s?\b/i.test(h))) return true;
  if (block.kind !== 'paragraph' && inSectionMatching(block, METRIC_SECTIONS)) return true;
  if (inSectionMatching(block, METRIC_SECTIONS) && hasTarget(block.text)) return true;
  // Under goals, a list item or row with a target is a metric; a paragraph there is prose about the goals.
  if (block.kind !== 'paragraph' && inSectionMatching(block, TARGET_SECTIONS) && hasTarget(block.text)) return true;
  return announcedAsMetric(plan, block);
}

function metricLine(block: Block, start: number, end: number, targetBelow = false): MetricLine {
  const t = block.text.slice(start, end);
  return { block, start, end, financial: FINANCIAL.test(t), customer: CUSTOMER.test(t), experience: EXPERIENCE.test(t), targetBelow };
}

function metricLines(plan: Plan, terms: Terms): MetricLine[] {
  const out: MetricLine[] = [];
  // Goals with a target, wherever the plan states them as a reviewer finds them (a goals document's
  // sections, lead-ins, goal columns): each is a metric too.
  // A goal or metric whose target sits on the lines after it ("Goal: …" > "Metric: …" > "- Target: 4") has one too.
  const targets = new Map<Block, [number, number]>();
  const targetBelow = new Set<Block>();
  for (const item of goalItems(plan, defaultGoalContext(terms))) {
    const below = item.below && plan.blocks.slice(item.below.from, item.below.to).some((b) => hasTarget(b.text));
    if (below) targetBelow.add(item.block);
    if (!targets.has(item.block) && (below || hasTarget(item.text))) targets.set(item.block, [item.start, item.end]);
  }
  for (const block of plan.blocks) {
    if (block.kind === 'heading' || othersWords(plan, block)) continue;
    if (block.kind === 'table-row' && !block.header) continue;
    const target = targets.get(block);
    if (target && !isMetricBlock(plan, block)) {
      out.push(metricLine(block, target[0], target[1], targetBelow.has(block)));
      continue;
    }
    if (isMetricBlock(plan, block)) {
      out.push(metricLine(block, 0, block.text.length, targetBelow.has(block)));
      continue;
    }
    for (const s of remember(SENTENCES_KEY, block.text, () => block.sentences.filter((s) => METRIC_SENTENCE.test(block.text.slice(s.start, s.end))))) {
      out.push(metricLine(block, s.start, s.end));
    }
  }
  return out;
}

/** "5 new users", "2000 readers", "10 governments": a count of the people or organisations a plan reaches. */
const REACH = /\b\d[\d,.]*\s*k?\+?\s+(?:(?:new|more|active|paying|monthly|weekly|other)\s+)?(?:users?|customers?|clients?|members?|subscribers?|sign[- ]?ups|downloads|readers|reads|installs?|countries|organi[sz]ations|companies|partners|governments?|gov|contributors|visitors|visits|learners|students|participants)\b/i;
/** A hire or a skill as a target ("Add 3 full time developers"), or a line under a "Capabilities" layer. */
const CAPABILITY = /\b(?:hire|hires|hiring|recruit|recruits|add)\b[^.;]{0,40}?\b(?:developers?|engineers?|designers?|staff|people|scientists?|analysts?|directors?)\b|\b(?:capabilit(?:y|ies)|skills?|trained|certified)\b/i;

function capabilityTarget(l: MetricLine): boolean {
  return CAPABILITY.test(l.block.text.slice(l.start, l.end)) || inSectionMatching(l.block, ['capabilities', 'capability']);
}

/** Which dimension of a scorecard a targeted line measures, if any the plan's words say. */
function dimensionOf(l: MetricLine): 'customer' | 'experience' | 'capability' | 'financial' | undefined {
  if (l.customer || REACH.test(l.block.text.slice(l.start, l.end))) return 'customer';
  if (l.experience) return 'experience';
  if (capabilityTarget(l)) return 'capability';
  return l.financial ? 'financial' : undefined;
}

/** A line's words without its label ("KR: ", "- [Team] "). */
function goalWords(text: string): string {
  return text.replace(/^\s*(?:[A-Za-z][\w /&-]{0,30}:\s*)?(?:\[[^\]]{1,60}\]\s*)?/, '');
}

/** Metrics must cover more than money: a customer-outcome and an experience or capability measure too. */
export function balancedScorecard(meta: RuleMeta, terms: Terms): Rule {
  const work = Pattern.compile('^(?:{deliverable-verb})\\b', terms);
  const assess = (plan: Plan): Assessment => {
    const lines = metricLines(plan, terms);
    if (lines.length === 0) return { status: 'missing' };
    const where = (l: MetricLine): Range => blockRange(plan, l.block, l.start, l.end);
    const nonFinancial = lines.filter((l) => l.customer || l.experience || !l.financial);
    if (nonFinancial.length === 0) {
      return {
        status: 'missing',
        evidence: where(lines[0]),
        message:
          'Every metric in this plan is financial or market share. Financial results lag: add at least one customer-outcome metric (what customers achieve) and one experience or capability metric beside them, so the scorecard shows whether the strategy is working before revenue does.',
      };
    }
    const customer = lines.some((l) => l.customer);
    const experience = lines.some((l) => l.experience);
    if (customer && experience) return { status: 'addressed', evidence: where(nonFinancial[0]) };
    // Targets on several dimensions: a customer or experience target beside a target of another kind
    // ("satisfaction above 80%" and "membership up 20%"); a count of work done ("Host 8 sessions") is no dimension.
    const targeted = lines.filter((l) => {
      const text = l.block.text.slice(l.start, l.end);
      return (hasTarget(text) || l.targetBelow) && (l.customer || l.experience || capabilityTarget(l) || !work.test(goalWords(text)));
    });
    const felt = targeted.find((l) => l.customer || l.experience);
    if (felt && targeted.some((l) => l.customer !== felt.customer || l.experience !== felt.experience || l.financial !== felt.financial)) {
      return { status: 'addressed', evidence: where(felt) };
    }
    // Targets on several dimensions of a scorecard, counted the way the plan lays them out: people
    // reached ("5 new users", "500 sign-ups"), capability built ("Add 3 developers", a "Capabilities"
    // layer), experience, money — two or more of them, not only money.
    const measured = targeted.flatMap((l) => {
      const dimension = dimensionOf(l);
      return dimension ? [{ l, dimension }] : [];
    });
    const reached = measured.find((m) => m.dimension !== 'financial');
    if (reached && new Set(measured.map((m) => m.dimension)).size >= 2) return { status: 'addressed', evidence: where(reached.l) };
    const lacks = !customer && !experience ? 'neither what customers achieve nor their experience or the capabilities behind it' : !customer ? 'nothing customers achieve' : 'no experience or capability measure';
    return {
      status: 'partly',
      evidence: where(nonFinancial[0]),
      message: `This plan has measures, but they cover only part of a scorecard: ${lacks}. Add the missing dimension, each with a baseline, a target and a date.`,
    };
  };
  return planLevelRule(meta, assess);
}
