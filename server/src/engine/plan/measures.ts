import { memoKey, remember } from '../patterns/memo';
import type { Plan, Section } from './model';
import { isTitleSection } from './scope';

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** Dates and deadlines a reader would accept: years, quarters, halves, months and days of them, "within 6 months", "by end of year". */
export const DATE = new RegExp(
  [
    // whole dates first, so that no part of "2022-07-31" or "31/12/2027" is left to read as an amount
    '\\b(?:19|20)\\d\\d-[01]?\\d(?:-[0-3]?\\d)?\\b',
    '\\b[0-3]?\\d[./][01]?\\d[./](?:19|20)?\\d\\d\\b',
    '\\b(?:19|20)\\d\\d\\b',
    '\\b(?:fy|cy)\\s?\\d{2,4}\\b',
    '\\b[qh][1-4]\\b',
    // a day of a month first, so that "January 3rd" is a date whole
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b\\.?`,
    `\\b${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?!\\s*%)`,
    `\\b${MONTH}\\b\\.?`,
    '\\b(?:within|in|over|for|after)\\s+(?:the\\s+(?:next|first)\\s+)?(?:\\d+|one|two|three|four|five|six|nine|twelve|eighteen)\\s+(?:days?|weeks?|months?|quarters?|years?)\\b',
    '\\b(?:by|before|until|through)\\s+(?:the\\s+)?(?:end|start|middle)\\s+of\\b',
    '\\b(?:this|next|each|every)\\s+(?:quarter|year|month|half)\\b',
    '\\b(?:quarterly|annually|monthly|weekly|per\\s+(?:quarter|year|month))\\b',
    '\\b(?:end of|eo)(?:q|y|year|quarter)\\b',
  ].join('|'),
  'i',
);
const NUMBER_WORDS = /\b(?:half|halve|halved|double|doubled|triple|tripled|twice|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million|billion|percent|majority)\b/i;
const DATE_GLOBAL = new RegExp(DATE.source, 'gi');
/** "one" that counts nothing: "no one nearby", "learn from one another", "one of the leading …", "1:1 contact". */
const ONE_AS_PRONOUN = /\b(?:no|any|every|some)[\s-]?one\b|\bone\s+(?:another|of|day|way)\b|\bone\s+(?:after|by)\s+(?:the\s+)?(?:other|one|another)\b|\bone\s+at\s+a\s+time\b|\bat\s+one\s+(?:point|time|stage)\b|\bthe\s+one\b|\b(?:the|a|an|this|that)\s+(?:new|old|dense|same|other|last|next|current|existing|previous|right|best|only|main|default|first|second|original|standard)\s+one\b|\b1:1\b|\bone-(?:to|on)-one\b/gi;
/** The size that picks out a segment, not a target: "organizations with 300+ hosts", "teams of more than 50 developers". */
const SEGMENT_SIZE = /\b(?:organi[sz]ations?|companies|company|customers?|users?|members?|contributors?|participants?|developers?|maintainers?|operators?|providers?|partners?|projects?|communities|institutions?|universities|nonprofits?|municipalities|cities|countries|governments?|labs?|teams?|clinics?|businesses|enterprises?|accounts?|firms?|groups?|schools?|hospitals?|councils?|agencies)\s+(?:with|of|that\s+have|having)\s+(?:more\s+than\s+|less\s+than\s+|fewer\s+than\s+|over\s+|under\s+|up\s+to\s+|at\s+least\s+|between\s+)?\d[\d,.]*\+?(?:\s*(?:-|–|to|and)\s*\d[\d,.]*)?\s+(?:[\w-]+\s+)?(?:hosts|employees|developers|engineers|users|seats|people|staff|members|locations|chairs|practitioners|repositories|repos|devices|endpoints|students|beds|sites)\b/gi;

/** Digits inside a name: "k6", "store v2", "S3", "B2B", "HTTP/2" — a product or version, not a quantity. */
const IDENTIFIER = /\b\p{L}+\d[\p{L}\d]*\b|\b[A-Za-z]+\/\d+(?:\.\d+)?\b/gu;
/** Versions: "0.4.0", "the 0.3 series of releases", "release 1.2" — a name, not a quantity. */
export const VERSION = /\bv?\d+\.\d+\.\d+(?:[-.+][\w.]+)?\b|\b\d+\.\d+\s+(?:series|releases?|versions?|branch(?:es)?|line)\b|\b(?:version|release|v)\s*\d+(?:\.\d+)+\b/gi;

/** Numbers that name rather than count: "Tier 1 renewals", "Phase 2", "Action 05", "Level 3 support". */
const NAMING_NUMBER = /\b(?:tier|phase|level|stage|step|version|wave|round|part|section|chapter|article|annex|appendix|action|goal|objective|kr|okr|priority|pillar|theme|workstream|sprint|iteration|milestone|horizon|track|grade|class|type|category)\s*#?\d+(?:\.\d+)*\b/gi;

/** An outline number opening the text: "1.1 Increase the proportion …", "3.1.2. Develop …" (a list's number kept as text, as in HTML). */
const OUTLINE_NUMBER = /^\s*(?:\d+\.)+\d*\s+(?=\p{Lu})/u;

/** How long something takes, which a target can be: "a refund in 3 days", "their first booking within 2 days of signing" (not "within 6 months", a deadline). */
const DURATION = /\b(?:in|within|under|below|less\s+than)\s+(?:\d+|one|two|three|four|five|ten)\s+(?:business\s+|working\s+)?(?:seconds?|minutes?|hours?|days?)\b/i;

const NUMBER_KEY = memoKey();
const DATE_KEY = memoKey();

/** Whether the text names a quantity (digits once dates and naming numbers are taken out, %, or a number word). */
export function hasNumber(text: string): boolean {
  return remember(NUMBER_KEY, text, () => {
    if (DURATION.test(text)) return true;
    const rest = text.replace(OUTLINE_NUMBER, ' ').replace(VERSION, ' ').replace(DATE_GLOBAL, ' ').replace(NAMING_NUMBER, ' ').replace(ONE_AS_PRONOUN, ' ').replace(IDENTIFIER, ' ').replace(SEGMENT_SIZE, ' ');
    return /\d|%/.test(rest) || NUMBER_WORDS.test(rest);
  });
}

export function hasDate(text: string): boolean {
  return remember(DATE_KEY, text, () => DATE.test(text));
}

/**
 * A date that applies to every line under a heading ("## Targets for 2027"), or in front matter.
 * Not the plan's title: "Payroll strategy 2027–2030" names the plan's period, and would date every
 * line of it, so that a rule asking each milestone for its date could never fire.
 */
export function inheritedDate(plan: Plan, section: Section): boolean {
  for (let s: Section | undefined = section; s; s = s.parent) if (s.level > 0 && !isTitleSection(plan, s) && hasDate(s.title)) return true;
  const fm = plan.frontMatter;
  return !!fm && ['horizon', 'date', 'period', 'quarter', 'deadline', 'due', 'timeframe', 'year'].some((k) => fm[k] !== undefined && fm[k] !== null && hasDate(String(fm[k])));
}
