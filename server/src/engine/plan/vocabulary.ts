/**
 * The plan's own words for its customers. Plans name whom they serve in their own terms —
 * "package managers", "engineering leaders", "purchasing teams" — and a reader takes those as
 * the plan's customers everywhere in it. Rules see them through the `{customer}` term (and
 * `{plan-customer}`, the plan's own groups only): see `withVocabulary` in patterns/pattern.ts.
 *
 * Where the words come from, once per plan:
 * - front matter: `customers:`, `segments:`, `audience:`, `users:` (a string or a list);
 * - the items, rows and subheadings of a target-customer section ("Target customers",
 *   "Audience", "Who we serve", "Primary users" …);
 * - phrases that say whom the plan is for: "we serve / focus on / support / help <group>",
 *   "built for / designed to support <group>", "<group> such as npm, PyPI".
 * A group is a plural noun that names people or organisations (developers, maintainers,
 * governments, package managers), with up to two words before it; groups the built-in
 * `{customer}` term already names by their last word (users, organisations) add nothing.
 */
import { headingMatchesAny } from './headings';
import type { Block, Plan } from './model';
import { memoKey, remember } from '../patterns/memo';

export interface Vocabulary {
  /** Lower-case group phrases, e.g. "package managers", in the order first found. */
  phrases: readonly string[];
  /** The phrases as one string: remembered rule answers hold for one set of groups (PatternMemo.useContext). */
  key: string;
}

export const NO_VOCABULARY: Vocabulary = Object.freeze({ phrases: Object.freeze([]) as readonly string[], key: '' });

/** At most this many groups: a plan chooses a few; more would be noise and slow every pattern. */
const MAX_PHRASES = 12;

const FRONT_MATTER_KEYS = ['customers', 'customer', 'target-customers', 'target_customers', 'targetCustomers', 'segments', 'segment', 'audience', 'audiences', 'users', 'personas'];

const TARGET_HEADINGS: readonly string[] = [
  'target customers', 'target customer', 'target segments', 'target segment', 'target market', 'target audience', 'target audiences',
  'target users', 'customer segments', 'segments', 'who we serve', 'who we are for', 'who it is for', 'who is it for', 'our customers',
  'our users', 'audience', 'audiences', 'primary users', 'secondary users', 'tertiary users', 'user groups', 'personas', 'where to play',
  'users', 'members', 'stakeholders', 'beneficiaries',
];

/** Head words the built-in {customer} term already covers (rules/terms.yaml, kept in step): a group ending in one adds nothing. */
const KNOWN_HEADS = /^(?:customers?|clients?|users?|buyers?|shoppers?|patients?|members?|subscribers?|citizens?|residents?|developers?|admins?|administrators?|operators?|engineers?|teams?|partners?|accounts?|organi[sz]ations?|agenc(?:y|ies)|businesses|smbs?|enterprises?|merchants?|retailers?|students?|learners?|travell?ers?|owners?|people|applicants?|claimants?|veterans?|researchers?|scientists?|maintainers?|contributors?|teachers?|clinicians?|caregivers?|families|parents?|farmers?|exporters?|importers?|creators?|sellers?|publishers?|readers?|taxpayers?|beneficiaries|recipients?|households?)$/;

/** Plural nouns for groups of people or organisations (besides agent nouns such as "maintainers"). */
const GROUP_HEADS = new Set(
  'companies firms startups governments municipalities cities councils authorities institutions bodies departments ministries schools universities hospitals clinics charities nonprofits non-profits communities households families newsrooms publishers vendors suppliers providers adopters maintainers contributors leaders managers'.split(
    ' ',
  ),
);

/** Agent nouns end like this (developers, operators, scientists, participants, librarians, employees). */
const AGENT = /(?:ers|ors|ists|ants|ents|ians|ees|ives)$/;
/** Plural words with those endings that are not people. */
const NOT_PEOPLE = new Set(
  'others numbers letters layers containers servers computers browsers clusters parameters headers filters markers papers orders chapters quarters matters centers centres folders powers borders barriers answers offers meters registers buffers trackers wrappers adapters helpers compilers installers schedulers routers timers drivers errors vectors factors sectors mirrors monitors editors processors connectors selectors descriptors pointers references iterators generators indicators elements components documents agents events requirements improvements investments assessments arguments segments environments statements moments comments contents experiments payments settlements objectives initiatives incentives alternatives narratives perspectives directives archives lives natives'.split(
    ' ',
  ),
);
/** Words that never start a group phrase. */
const STOP = new Set(
  'the a an our their its his her your my all any some many most more other these those such each every both new key main core different various several few which who that this and or of to for in on with by from at as into be is are was were will can could should would may might we they it them us how what when where why not no also only first primarily mainly specifically particularly especially large small potential existing current future prospective serve serves support supports help helps target targets use uses build builds make makes provide provides include includes distribute distributes reach reaches empower empowers seek seeks want wants need needs let lets enable enables'.split(
    ' ',
  ),
);

/** Whether a lower-case word names a group of people or organisations. */
export function isGroupWord(word: string): boolean {
  if (GROUP_HEADS.has(word)) return true;
  if (KNOWN_HEADS.test(word)) return true;
  return word.length > 4 && AGENT.test(word) && !NOT_PEOPLE.has(word);
}

/**
 * The group a phrase names: its leading words up to the first plural group noun, keeping
 * up to two words before it ("US-based government organizations and …" → "government
 * organizations"), or undefined when it names no group.
 */
export function groupPhrase(text: string): string | undefined {
  const words = text
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 0);
  for (let i = 0; i < Math.min(words.length, 8); i++) {
    const w = words[i];
    if (!isGroupWord(w)) continue;
    if (NOT_PEOPLE.has(w) && !GROUP_HEADS.has(w)) continue;
    const before: string[] = [];
    for (let j = i - 1; j >= 0 && before.length < 2; j--) {
      const m = words[j];
      if (STOP.has(m) || /^\d/.test(m) || isGroupWord(m)) break;
      before.unshift(m);
    }
    return [...before, w].join(' ');
  }
  return undefined;
}

/** A group phrase worth adding: more than what {customer} already says by its last word. */
function adds(phrase: string | undefined): phrase is string {
  if (!phrase) return false;
  const words = phrase.split(' ');
  return !KNOWN_HEADS.test(words[words.length - 1]);
}

/**
 * Phrases that say whom a plan is for; group 1 is the start of the group. Each is a plain
 * regular expression (JavaScript), run once per block text.
 */
const FOR_WHOM = [
  /\bwe\s+(?:will\s+|want\s+to\s+|aim\s+to\s+)?(?:primarily\s+|mainly\s+|first\s+|only\s+|also\s+)?(?:serve|target|focus\s+on|build\s+for|support|help|empower|seek)\s+(?:the\s+|our\s+)?((?:[\w-]+\s+){0,2}[\w-]+)/gi,
  /\b(?:built|designed|made|intended)\s+(?:first\s+|primarily\s+|specifically\s+|mainly\s+)?(?:for|to\s+(?:support|serve|help))\s+(?:the\s+|our\s+)?((?:[\w-]+\s+){0,2}[\w-]+)/gi,
  /\b(?:support(?:ing)?|support\s+for|help(?:ing)?|empower(?:ing)?|serv(?:e|ing))\s+(?:the\s+|our\s+)?((?:[\w-]+\s+){0,2}[\w-]+)\s+(?:in|to|with|who|that)\b/gi,
  /\b((?:[\w-]+\s+){0,2}[\w-]+s)\s*,?\s*\(?\s*(?:such\s+as|e\.?g\.?,?|for\s+example|including)\s+[\w.-]+\s*,\s*[\w.-]+/gi,
  /\bwork\s+(?:closely\s+)?with\s+(?:the\s+|our\s+|different\s+|many\s+)?((?:[\w-]+\s+){0,2}[\w-]+)/gi,
];

const BLOCK_KEY = memoKey();

/** Group phrases a block's text names as the plan's customers (remembered per text). */
function blockGroups(block: Block): readonly string[] {
  return remember(BLOCK_KEY, block.text, () => {
    const out: string[] = [];
    const text = block.text;
    // Most blocks say none of this: one cheap test first.
    if (!/\b(?:serve|target|focus|build|support|help|empower|seek|built|designed|made|intended|such\s+as|e\.?g|for\s+example|including|work)/i.test(text)) return out;
    for (const re of FOR_WHOM) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const phrase = groupPhrase(m[1]);
        if (adds(phrase) && !out.includes(phrase)) out.push(phrase);
      }
    }
    return out;
  });
}

const cache = new WeakMap<Plan, Vocabulary>();

/** The plan's customer groups in its own words (worked out once per plan). */
export function planVocabulary(plan: Plan): Vocabulary {
  let v = cache.get(plan);
  if (v) return v;
  const found: string[] = [];
  const add = (p: string | undefined) => {
    if (adds(p) && !found.includes(p) && found.length < MAX_PHRASES) found.push(p);
  };
  const fm = plan.frontMatter;
  if (fm) {
    for (const k of FRONT_MATTER_KEYS) {
      const value = fm[k];
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) if (typeof item === 'string') add(groupPhrase(item) ?? groupPhraseLoose(item));
    }
  }
  for (const section of plan.sections) {
    if (section.level === 0 || !headingMatchesAny(section.normalized, TARGET_HEADINGS)) continue;
    for (let i = section.blockStart; i < section.blockEnd; i++) {
      const b = plan.blocks[i];
      if (b === section.heading) continue;
      if (b.kind === 'list-item' || b.kind === 'heading') add(groupPhrase(b.text.split(/[—:;(.,–]| - /)[0]));
      else if (b.kind === 'table-row' && b.cells?.length) add(groupPhrase(b.cells[0]));
    }
  }
  for (const block of plan.blocks) {
    if (found.length >= MAX_PHRASES) break;
    for (const p of blockGroups(block)) add(p);
  }
  v = found.length === 0 ? NO_VOCABULARY : { phrases: found, key: found.join('|') };
  cache.set(plan, v);
  return v;
}

/** Front matter names its customers on purpose: take its words even when no group noun ends them. */
function groupPhraseLoose(text: string): string | undefined {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter((w) => w && !STOP.has(w));
  return words.length > 0 && words.length <= 3 ? words.join(' ') : undefined;
}

/** A group phrase as a pattern fragment: any spacing, singular or plural last word. */
export function phrasePattern(phrase: string): string {
  const words = phrase.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const last = words.length - 1;
  const w = words[last];
  if (/ies$/.test(w)) words[last] = `${w.slice(0, -3)}(?:y|ies)`;
  else if (/s$/.test(w) && !/ss$/.test(w)) words[last] = `${w.slice(0, -1)}s?`;
  else words[last] = `${w}s?`;
  return words.join('\\s+');
}
