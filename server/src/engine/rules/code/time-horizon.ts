import { z } from 'zod';
import { insertAfterTitle, insertFrontMatterKey } from '../../fixes/insert-line';
import type { Block, Plan } from '../../plan/model';
import type { Range } from '../../plan/positions';
import { blockRange, sentenceAt } from '../../plan/scope';
import { SLOT } from '../../plan/slots';
import type { Assessment, Fix, Rule, RuleMeta } from '../types';
import { memoKey, remember } from '../../patterns/memo';

/** The years a horizon covers. "2026–2027" is one year apart but two calendar years: a finding needs both readings out of range. */
interface Span {
  shortest: number;
  longest: number;
}

/** A place where the plan states the period it covers. */
interface Horizon {
  /** Undefined when the period cannot be measured ("by 2030", a `<placeholder>`). */
  span?: Span;
  range: Range;
  /** Front matter `horizon:` or a `Horizon:` line: the plan's own statement, which overrides everything else. */
  declared: boolean;
  /**
   * period: a length ("2026–2029", "next three years"); target: an end date ("by 2030");
   * mention: a year the plan is about ("Roadmap 2020"), which says little about its length.
   */
  kind: 'period' | 'target' | 'mention';
  /** Words that clearly state the plan's own period ("over the next three years"), not any pair of years (maybe history). */
  forward: boolean;
}

const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fifteen: 15, twenty: 20 };
const N = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)';
const YEAR = '(?:19|20)\\d\\d';
const YEAR_RANGE = new RegExp(`\\b(?:fy\\s?)?(${YEAR})\\s*(?:-|–|—|to|through|until|/)\\s*(?:fy\\s?)?(${YEAR})\\b`, 'i');
const FY_RANGE = /\bfy\s?'?(\d\d)\s*(?:-|–|—|to|through)\s*(?:fy\s?)?'?(\d\d)\b/i;
/** "the next three years", "a five-year strategy", "3 Year vision", "in ten years' time". */
const SPAN_OF_YEARS = new RegExp(
  [
    `\\b(?:(?:over|for|in|during|within)\\s+the\\s+)?(?:next|coming|following)\\s+${N}\\s+years?\\b`,
    `\\b${N}[- ]years?\\s+(?:plan|strategy|horizon|roadmap|vision|period|outlook|programme|program)\\b`,
    `\\bhorizon\\s+of\\s+${N}\\s+years?\\b`,
    `\\bin\\s+${N}\\s+years?['’]?\\s+time\\b`,
  ].join('|'),
  'i',
);
/** "the future we seek to create in 2-5 years", "a 3–5 year strategy": a span given as a range of lengths. */
const SPAN_RANGE = new RegExp(
  `\\b(?:(?:in|within|over|for)\\s+(?:the\\s+(?:next|coming)\\s+)?${N}\\s*(?:-|–|—|to)\\s*${N}\\s+years?\\b|${N}\\s*(?:-|–|—|to)\\s*${N}[- ]years?\\s+(?:plan|strategy|horizon|roadmap|vision|period|outlook)\\b)`,
  'i',
);
/** "over the next year or so": a one-year horizon, but only when the sentence is about the plan itself. */
const NEXT_YEAR = /\b(?:over|for|in|during|within)\s+the\s+(?:next|coming|following)\s+year\b/i;
const MONTHS: Record<string, number> = { three: 3, six: 6, nine: 9, twelve: 12, eighteen: 18 };
const NEXT_MONTHS = /\b(?:next|coming|following)\s+(\d{1,2}|three|six|nine|twelve|eighteen)\s+months\b/i;
/** Words that make a sentence about the plan's own period rather than, say, the market's. */
const ABOUT_THE_PLAN = /\b(?:strateg(?:y|ies)|plans?|roadmaps?|vision|goals?|slate|priorities|okrs|objectives|this (?:page|document)|we\s+(?:will|plan|aim|intend|want)|we['’]ll)\b/i;
/** Periods shorter than a year that a title can name ("FY23-Q1 OKRs", "Project goals 2024H2"). */
const QUARTER = /\b(?:q[1-4]|quarter(?:ly)?)\b/i;
const HALF = /(?:\b|(?<=\d))h[12]\b|\bhalf[- ]year(?:ly)?\b/i;
const ONE_YEAR = /\b(?:fy\s?'?\d{2,4}|annual|yearly)\b/i;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/** "by 2030", "until March 2027", "by the end of FY2028". */
const TARGET_YEAR = new RegExp(`\\b(?:by|until|through|before)\\s+(?:the\\s+end\\s+of\\s+)?(?:(?:${MONTH}|q[1-4]|h[12])\\s+)?(?:fy\\s?)?${YEAR}\\b`, 'i');
/** "the goal slate for 2024H2", "Long term vision (for 2023)": a period named in a sentence about the plan. */
const PLAN_PERIOD = new RegExp(`\\b(?:for|in|during)\\s+(?:the\\s+)?(?:fy\\s?)?${YEAR}(?:\\s?(q[1-4]|h[12]))?\\b`, 'i');
/** A column headed "Five years" in a table of horizons. */
const YEARS_CELL = new RegExp(`^\\s*${N}\\s+years?\\s*$`, 'i');
const ANY_YEAR = new RegExp(`\\b${YEAR}\\b`);
/** A title's only year is when the page was written: "as of 11/2024", "updated March 2025". */
const SNAPSHOT = new RegExp(`\\b(?:as\\s+of|(?:last\\s+)?updated(?:\\s+(?:on|in))?)\\s+(?:\\d{1,2}\\/|${MONTH}\\s+)?${YEAR}\\b`, 'i');
const LONE_YEAR = new RegExp(`^\\s*(?:fy\\s?'?\\d\\d|(?:fy\\s?)?${YEAR})\\s*$`, 'i');
const FRONT_MATTER_KEYS = ['horizon', 'timeframe', 'period'];
const HORIZON_LABELS = new Set(['horizon', 'time horizon', 'planning horizon', 'timeframe', 'time frame', 'period']);

const exact = (n: number): Span => ({ shortest: n, longest: n });

/** The span of a year range: "2026–2029" is 3 years apart and 4 calendar years. */
function yearsBetween(from: number, to: number): Span {
  const apart = Math.abs(to - from);
  return { shortest: apart, longest: apart + 1 };
}

function spanOfYears(m: RegExpExecArray): Span {
  const n = m.slice(1).find((g) => g !== undefined)!;
  return exact(Number(n) || WORD_NUMBERS[n.toLowerCase()]);
}

/** The first period stated in a piece of text, with where it is. `inTitle` adds the short periods only a title or declaration names. */
function periodIn(text: string, inTitle: boolean): { span?: Span; index: number; length: number; forward: boolean } | undefined {
  const range = YEAR_RANGE.exec(text);
  if (range) return { span: yearsBetween(Number(range[1]), Number(range[2])), index: range.index, length: range[0].length, forward: false };
  const fy = FY_RANGE.exec(text);
  if (fy) return { span: yearsBetween(Number(fy[1]), Number(fy[2])), index: fy.index, length: fy[0].length, forward: true };
  const lengths = SPAN_RANGE.exec(text);
  if (lengths) {
    const [a, b] = lengths.slice(1).filter((g) => g !== undefined).map((g) => Number(g) || WORD_NUMBERS[g.toLowerCase()]);
    return { span: { shortest: Math.min(a, b), longest: Math.max(a, b) }, index: lengths.index, length: lengths[0].length, forward: true };
  }
  const span = SPAN_OF_YEARS.exec(text);
  if (span) return { span: spanOfYears(span), index: span.index, length: span[0].length, forward: true };
  if (!inTitle) return undefined;
  for (const [re, years] of [[QUARTER, 0.25], [HALF, 0.5], [ONE_YEAR, 1]] as const) {
    const m = re.exec(text);
    if (m) return { span: exact(years), index: m.index, length: m[0].length, forward: true };
  }
  return undefined;
}

/**
 * Years a front matter value stands for: "2026–2029", "3 years", a bare 3, "Q3 2026";
 * a lone year ("2030", "FY2030") is an end date, not a length.
 */
function measureValue(value: string): Span | undefined {
  if (SLOT.test(value) || LONE_YEAR.test(value)) return undefined;
  const period = periodIn(value, true);
  if (period) return period.span;
  const m = new RegExp(`^\\s*${N}(?:\\s+years?)?\\s*$`, 'i').exec(value);
  return m ? spanOfYears(m) : undefined;
}

function fromFrontMatter(plan: Plan): Horizon | undefined {
  const fm = plan.frontMatter;
  const key = FRONT_MATTER_KEYS.find((k) => fm?.[k] !== undefined && fm[k] !== null);
  if (!key || !plan.frontMatterSpan) return undefined;
  const value = String(fm![key]);
  // The value as written on its line, for the finding's range; the whole front matter if it spans lines.
  const block = plan.text.slice(plan.frontMatterSpan.start, plan.frontMatterSpan.end);
  const line = new RegExp(`^${key}[ \\t]*:[ \\t]*(\\S[^\\r\\n]*?)[ \\t]*$`, 'm').exec(block);
  const start = plan.frontMatterSpan.start + (line ? line.index + line[0].length - line[1].length : 0);
  const range = line ? plan.lines.range(start, start + line[1].length) : plan.lines.range(plan.frontMatterSpan.start, plan.frontMatterSpan.end);
  const span = measureValue(value);
  return { span, range, declared: true, kind: span ? 'period' : 'target', forward: true };
}

/** A horizon as a block's text states it: where in the text, and what it says. */
type Stated = Omit<Horizon, 'range' | 'declared'> & { index: number; length: number };

/** The horizons a block states, in the order a reader meets them. */
function fromBlock(plan: Plan, block: Block, declared: boolean, isTitle: boolean): Horizon[] {
  // A table's header row reads its cells, which the text alone does not give: not remembered.
  const headerRow = block.kind === 'table-row' && !block.header && !!block.cells;
  const stated = headerRow ? statedIn(block, declared, isTitle) : remember(STATED_KEYS[Number(declared) * 2 + Number(isTitle)], block.text, () => statedIn(block, declared, isTitle));
  return stated.map(({ index, length, ...h }) => ({ ...h, declared, range: blockRange(plan, block, index, index + length) }));
}

/** One key per way of reading a block (declared, title), for the memo. */
const STATED_KEYS = [memoKey(), memoKey(), memoKey(), memoKey()];

/** Reads the block's text (and a header row's cells) only. */
function statedIn(block: Block, declared: boolean, isTitle: boolean): Stated[] {
  const text = block.text;
  // Outside the title and a declaration, a period only describes the plan in a sentence about the plan.
  const aboutThePlan = (index: number) => {
    if (declared || isTitle) return true;
    const s = sentenceAt(block, index);
    return ABOUT_THE_PLAN.test(text.slice(s.start, s.end));
  };
  const found = (m: RegExpExecArray | null) => (m && aboutThePlan(m.index) ? m : null);
  if (declared && SLOT.test(text)) return [{ index: 0, length: text.length, kind: 'target', forward: true }];

  // A title or a declaration may name a period shorter than a year ("Q3", "2024H2").
  const period = periodIn(text, isTitle || declared);
  if (period) return [{ span: period.span, index: period.index, length: period.length, kind: 'period', forward: declared || isTitle || (period.forward && aboutThePlan(period.index)) }];
  // A table whose columns are horizons: | One year | Five years | Twenty years |
  if (block.kind === 'table-row' && !block.header && block.cells) {
    const cells = block.cells.map((c) => c.trim()).filter((c) => YEARS_CELL.test(c));
    if (cells.length > 0) return cells.map((c) => ({ span: spanOfYears(YEARS_CELL.exec(c)!), index: text.indexOf(c), length: c.length, kind: 'period', forward: true }));
  }
  const oneYear = found(NEXT_YEAR.exec(text));
  if (oneYear) return [{ span: exact(1), index: oneYear.index, length: oneYear[0].length, kind: 'period', forward: true }];
  const months = found(NEXT_MONTHS.exec(text));
  if (months) {
    const years = (Number(months[1]) || MONTHS[months[1].toLowerCase()]) / 12;
    return [{ span: exact(years), index: months.index, length: months[0].length, kind: 'period', forward: true }];
  }
  const named = found(PLAN_PERIOD.exec(text));
  if (named?.[1]) return [{ span: exact(/^q/i.test(named[1]) ? 0.25 : 0.5), index: named.index, length: named[0].length, kind: 'period', forward: true }];

  const target = TARGET_YEAR.exec(text);
  if (target) return [{ index: target.index, length: target[0].length, kind: 'target', forward: false }];
  // A declaration without a length still declares ("Horizon: until the merger closes").
  if (declared) return [{ index: 0, length: text.length, kind: 'target', forward: true }];
  // "Roadmap, as of 11/2024" dates the page, not the plan.
  const mention = named ?? (isTitle && !SNAPSHOT.test(text) ? ANY_YEAR.exec(text) : null);
  return mention ? [{ index: mention.index, length: mention[0].length, kind: 'mention', forward: false }] : [];
}

/** The lint and the scorecard both ask: found once per plan. */
const horizonsOf = new WeakMap<Plan, Horizon[]>();

/** Every horizon the plan states, the plan's own declaration (front matter, then a `Horizon:` line) first. */
export function findHorizons(plan: Plan): Horizon[] {
  let horizons = horizonsOf.get(plan);
  if (horizons) return horizons;
  const fm = fromFrontMatter(plan);
  const labelled = plan.blocks.filter((b) => b.label !== undefined && HORIZON_LABELS.has(b.label) && !b.inQuote);
  const declaring = new Set(labelled);
  const isTitle = (b: Block) => b.kind === 'heading' && plan.lines.position(b.start).line === plan.title.line;
  // Pushed block by block: lists of every block (and one per block) took tens of MB at a million lines.
  horizons = fm ? [fm] : [];
  for (const b of labelled) horizons.push(...fromBlock(plan, b, true, false));
  for (const b of plan.blocks) if (!b.inQuote && !declaring.has(b)) horizons.push(...fromBlock(plan, b, false, isTitle(b)));
  horizonsOf.set(plan, horizons);
  return horizons;
}

function describe(years: number): string {
  if (years === 0.25) return 'one quarter';
  if (years === 0.5) return 'half a year';
  if (!Number.isInteger(years)) return `${Math.round(years * 12)} months`;
  return `${years} year${years === 1 ? '' : 's'}`;
}

const DEFAULT_YEARS = { minYears: 2, maxYears: 7 };

/** `time-horizon: [info, { minYears: 3, maxYears: 5 }]`: the shortest and longest horizons that pass. */
const OPTIONS = z
  .object({
    minYears: z.number().min(0).optional().describe(`The shortest horizon, in years, that passes (default ${DEFAULT_YEARS.minYears}).`),
    maxYears: z.number().min(0).optional().describe(`The longest horizon, in years, that passes (default ${DEFAULT_YEARS.maxYears}).`),
  })
  .strict()
  .refine((o) => (o.minYears ?? DEFAULT_YEARS.minYears) <= (o.maxYears ?? DEFAULT_YEARS.maxYears), {
    message: `minYears must not be more than maxYears (defaults: ${DEFAULT_YEARS.minYears} and ${DEFAULT_YEARS.maxYears})`,
  });

export function timeHorizon(meta: RuleMeta): Rule {
  const bounds = (options: Readonly<Record<string, unknown>>) => ({
    min: typeof options.minYears === 'number' ? options.minYears : DEFAULT_YEARS.minYears,
    max: typeof options.maxYears === 'number' ? options.maxYears : DEFAULT_YEARS.maxYears,
  });

  /** The finding's message when the horizon is outside the bounds, else undefined. */
  const outOfBounds = (h: Horizon, min: number, max: number, words: string): string | undefined => {
    if (!h.span) return undefined;
    const what = `This plan covers ${describe(h.span.longest < min ? h.span.longest : h.span.shortest)} ("${words}")`;
    const advice = 'A customer strategy makes choices about customers, offerings and capabilities for roughly three to five years';
    if (h.span.longest < min) return `${what}, less than ${min} years. ${advice}: state the horizon these near-term goals serve, e.g. "Horizon: 2026–2029".`;
    if (h.span.shortest > max) return `${what}, more than ${max} years. ${advice}; over a longer period nothing forces a choice today. Keep the long view as the vision and state the horizon of this plan's choices.`;
    return undefined;
  };

  const assess = (plan: Plan, options: Readonly<Record<string, unknown>>): Assessment => {
    const { min, max } = bounds(options);
    const horizons = findHorizons(plan);
    const words = (h: Horizon) => plan.text.slice(plan.lines.offset(h.range.start), plan.lines.offset(h.range.end));
    const judge = (h: Horizon): Assessment => {
      const message = outOfBounds(h, min, max, words(h));
      return message ? { status: 'partly', evidence: h.range, message } : { status: 'addressed', evidence: h.range };
    };
    if (horizons.length === 0) return { status: 'missing' };
    const declared = horizons.find((h) => h.declared);
    if (declared) return judge(declared);
    const fitting = horizons.find((h) => h.kind === 'target' || (h.kind === 'period' && !outOfBounds(h, min, max, '')));
    if (fitting) return { status: 'addressed', evidence: fitting.range };
    // Only words that clearly state the plan's period count against it: "from 2010 to 2022" may be history.
    const stated = horizons.find((h) => h.forward);
    return stated ? judge(stated) : { status: 'partly', evidence: horizons[0].range };
  };

  /** `Horizon: [[start year]]–…` as a YAML key; the value quoted when it would read as YAML syntax (a `[[slot]]` opens a list). */
  const yamlKey = (line: string): string => {
    const value = line.replace(/^Horizon:\s*/, '');
    return `horizon: ${/^[[{&*!|>'"%@`#]/.test(value) ? JSON.stringify(value) : value}`;
  };

  /** Adds a horizon as the plan's own declaration: a front matter key, else a line under the title. */
  const addHorizon = (plan: Plan): Fix | undefined => {
    const title = meta.fix?.title ?? 'Add a horizon';
    const line = meta.fix?.template ?? 'Horizon: [[start year]]–[[end year]]';
    // Only into front matter that parsed and has no empty key of the same name, or the YAML would break.
    const fm = plan.frontMatter;
    if (plan.frontMatterSpan && fm && !FRONT_MATTER_KEYS.some((k) => k in fm)) return insertFrontMatterKey(plan, yamlKey(line), title);
    return insertAfterTitle(plan, line, title);
  };

  return {
    meta,
    optionsSchema: OPTIONS,
    assess,
    check(ctx) {
      const a = assess(ctx.plan, ctx.options);
      if (a.status === 'missing') {
        const fix = addHorizon(ctx.plan);
        ctx.report({ range: ctx.plan.title.range, fixes: fix ? [fix] : [] });
      } else if (a.message && a.evidence) {
        // A declared horizon is the user's own choice to revisit; anywhere else, declaring one settles it.
        const declared = findHorizons(ctx.plan).find((h) => h.declared);
        const fix = declared ? undefined : addHorizon(ctx.plan);
        ctx.report({ range: a.evidence, message: a.message, fixes: fix ? [fix] : [] });
      }
    },
  };
}
