import { headingMatchesAny } from './headings';
import { isTitleSection } from './scope';
import { emphasisOnly, isTemplateText, othersWords } from './slots';
import type { Block, Plan, Section } from './model';
import { anyMatch, type Match, type Pattern } from '../patterns/pattern';
import { listIndent, parentItem } from '../rules/kinds/scopes';

/**
 * Where a plan states its goals, as a reviewer finds them: the items of a list under a goal
 * heading ("Goals", "Success criteria", "Expected outcomes") or after a lead-in that announces
 * goals ("Our goals include:", "by the end of 2027:"), lines labelled `KR:` or `Goal:`, the goal
 * column of a table ("Goal | Owner") and the cells of a roadmap table whose columns are horizons
 * ("One year | Five years"). Lists are read whole: every item belongs to the list it came in.
 */
export interface GoalContext {
  /** Headings (aliases) whose sections hold goals, subsections included … */
  headings: readonly string[];
  /** … except these (non-goals, undesired outcomes). */
  exceptHeadings: readonly string[];
  /** The last sentence before a list (ending in ":") that announces goals … */
  leadIns: readonly Pattern[];
  /** … unless it says the list is something else (the means to a goal, candidates, non-goals). */
  notLeadIns: readonly Pattern[];
  /** Labels that make a line a goal wherever it is (`KR: …`). */
  labels: readonly string[];
  /** Table header cells that name goals, or the horizons a roadmap table is laid out by. */
  columns: readonly Pattern[];
  /** Words in a sentence that announce the goal stated after them ("The goal is to …", "Success here means …"). */
  sentences: readonly Pattern[];
  /** Words that state an intent ("We aim to …", "We're working to …"): a goal only in a goal section. */
  intents: readonly Pattern[];
}

export interface GoalItem {
  block: Block;
  /** Offsets of the goal's words in the block's text (label, tags and status marks left out). */
  start: number;
  end: number;
  /** The goal's words. */
  text: string;
  /** The block index where the item's list, table or paragraph starts: items sharing it are read together. */
  list: number;
  /**
   * Blocks [from, to) that hold the goal's own measures and key results: the section a goal
   * heading heads, or the items nested under a goal item.
   */
  below?: { from: number; to: number };
  /** An item of a list its lead-in names as metrics: a measure, reported only when it is work posing as one. */
  measure?: boolean;
}

const found = new WeakMap<Plan, Map<GoalContext, GoalItem[]>>();

/** The plan's goals in document order (worked out once per plan and context). */
export function goalItems(plan: Plan, ctx: GoalContext): GoalItem[] {
  let byContext = found.get(plan);
  if (!byContext) found.set(plan, (byContext = new Map()));
  let items = byContext.get(ctx);
  if (!items) byContext.set(ctx, (items = collect(plan, ctx)));
  return items;
}

function collect(plan: Plan, ctx: GoalContext): GoalItem[] {
  const items: GoalItem[] = [];
  const goalSection = sectionTest(ctx, isGoalsDocument(plan, ctx), isRoadmap(plan));
  let listStart = -1;
  let listIsGoals = false;
  // A list its lead-in names as metrics ("*Tactical metrics in 2018:*"): measures, of which one that is work is output posing as a measure.
  let listIsMeasures = false;
  // The items the current item may be nested under, each with whether its children are goals.
  let parents: { indent: number; goals: boolean }[] = [];
  // The table being read: its header, first row and goal columns.
  let table: { header: readonly string[]; start: number; columns: number[] } | undefined;
  for (const block of plan.blocks) {
    if (block.kind !== 'list-item') listStart = -1;
    if (othersWords(plan, block)) continue;
    const labelled = isGoalLabel(block, ctx);
    if (block.kind === 'heading') {
      if (labelled || isGoalHeading(plan, block, ctx)) {
        push(items, block, 0, block.text.length, block.index, labelled, { from: block.index + 1, to: block.section.blockEnd }, true);
      }
      continue;
    }
    if (block.kind === 'list-item') {
      if (listStart < 0) {
        listStart = block.index;
        // A lead-in ending in ":" says what the list is ("Some avenues for improvement:"); without one, the section does.
        const before = plan.blocks[block.index - 1];
        const leadIn = leadInOf(before) ?? unfinishedLeadIn(before, ctx);
        const title = leadIn === undefined ? titleOf(before) : undefined;
        // A title over the list ("Our strategic goals for 2022-2024") may name goals; one that does not leaves it to the section.
        listIsGoals =
          (leadIn ? announcesGoals(leadIn, ctx) : title && announcesGoals(title, ctx) ? true : goalSection(block.section)) ||
          ((leadIn === undefined || isGroupLabel(leadIn, ctx)) && setsTargets(plan, block));
        listIsMeasures = !listIsGoals && leadIn !== undefined && METRICS_LEAD_IN.test(leadIn.replace(/[*_]/g, ''));
        parents = [];
      }
      const indent = listIndent(plan, block);
      while (parents.length > 0 && parents[parents.length - 1].indent >= indent) parents.pop();
      const inGoals = parents.length > 0 ? parents[parents.length - 1].goals : listIsGoals;
      // An item that says what its children are ("**Goals:**", "Non-goals:") decides for them.
      parents.push({ indent, goals: itemLeadIn(block, ctx) ?? inGoals });
      // "* we want to earn the confidence of values-aligned investors": an item that states the plan's intent is a goal wherever its list is.
      const intent = !inGoals && !labelled && parents.length === 1 ? ITEM_INTENT.exec(block.text) : null;
      if (intent && !headingMatchesAny(block.section.normalized, ctx.exceptHeadings)) {
        push(items, block, intent[0].length, block.text.length, listStart, false, nestedItems(plan, block, indent));
        continue;
      }
      const measure = !inGoals && !labelled && listIsMeasures && parents.length === 1;
      if (!labelled && !((inGoals || measure) && isGoalItem(plan, block, ctx))) continue;
      // Prompts are slots, not goals; "KR: TBD" is a goal still without a target.
      if (isTemplateText(plan, block) && !/\bT(?:BD|BC)\b/.test(block.text)) continue;
      const item = push(items, block, 0, block.text.length, listStart, labelled, nestedItems(plan, block, indent));
      if (item && measure) item.measure = true;
    } else if (block.kind === 'table-row') {
      if (!block.header || !block.cells) continue;
      if (table?.header !== block.header) table = { header: block.header, start: block.index, columns: goalColumnsOf(block.header, ctx) };
      const { columns: headed, start: first } = table;
      // A table laid out by rows: a row headed "Goals" holds goals in its other cells.
      const columns = headed.length === 0 && isRowLabel(block.cells[0], ctx) ? block.cells.map((_, i) => i).slice(1) : headed;
      if (columns.length === 0) continue;
      let from = 0;
      block.cells.forEach((cell, i) => {
        const at = block.text.indexOf(cell, from);
        if (at < 0) return;
        from = at + cell.length;
        if (!columns.includes(i) || /^\s*↳/.test(cell) || emphasisOnly(plan, block, at, at + cell.length)) return;
        for (const [s, e] of cellItems(cell)) push(items, block, at + s, at + e, first, false);
      });
    } else if (labelled) {
      push(items, block, 0, block.text.length, block.index, true, labelledBelow(plan, block));
    } else if (isGoalStatementQuote(plan, block) && goalSection(block.section)) {
      push(items, block, 0, block.text.length, block.index, false);
    } else if (block.kind === 'paragraph' && !linesAsItems(block, ctx, goalSection, items)) {
      // A goal stated in prose: "The goal should be that every change is completed by October."
      const inProseGoals = goalSection(block.section) && statedInProse(plan, block.section);
      // "## Goals" > "Foster Mentorship: Each member must …": a goal named, then said in full.
      const named = inProseGoals ? NAMED_GOAL.exec(block.text) : null;
      if (named && block.sentences.length > 0) {
        push(items, block, 0, block.sentences[0].end, block.index, false);
        continue;
      }
      const intended = ctx.intents.length > 0 && inProseGoals && anyMatch(ctx.intents, block.text);
      if (!intended && !anyMatch(ctx.sentences, block.text)) continue;
      for (const sentence of block.sentences) {
        const text = block.text.slice(sentence.start, sentence.end);
        const m = firstOf(ctx.sentences, text) ?? (intended ? firstOf(ctx.intents, text) : undefined);
        if (m) push(items, block, sentence.start + m.end, sentence.end, block.index, false);
      }
    }
  }
  return items;
}

/**
 * A list whose items mostly set targets ("Boost hack-night participation by 25%", "Raise at least
 * $25,000 in 2018"), a third of them or more, is a list of goals under any heading ("How we win" included): its items without one are goals without a target.
 */
function setsTargets(plan: Plan, first: Block): boolean {
  let items = 0;
  let targets = 0;
  for (let i = first.index; i < plan.blocks.length && plan.blocks[i].kind === 'list-item' && items < 50; i++, items++) {
    if (TARGET.test(plan.blocks[i].text)) targets++;
  }
  return items >= 3 && targets >= 2 && targets * 3 >= items;
}

/** "**Engage our community:**": a short label over a group of items, not a sentence that says what they are. */
function isGroupLabel(leadIn: string, ctx: GoalContext): boolean {
  return /^[^.!?]{1,60}:\s*$/.test(leadIn.replace(/[*_]/g, '')) && !anyMatch(ctx.notLeadIns, leadIn);
}

const TARGET = /^\W*(?:\w+ly\s+)?(?:increase|raise|grow|boost|reduce|cut|double|reach|achieve|get|recruit|engage|attract|secure|lift|add|develop|deliver|complete|host|hold|train|publish|launch|prototype|support|involve|expand|welcome|onboard|retain|bring|hire|sign|win|convert|serve|mentor|ensure|keep|maintain)\b[^.;]{0,120}?(?:\bat\s+least\s+(?:\S*\d|one|two|three|four|five|six|ten)\b|\bby\s+\d[\d,.]*\s*%|\bto\s+\$?\d|\bfrom\s+\$?\d[\d,.]*\s*%?\s+to\s+\$?\d|\$\s?\d)/i;

const prose = new WeakMap<Section, boolean>();

/** A section that states its goals in prose: no list or table in it (an intent before a list of goals only frames them). */
function statedInProse(plan: Plan, section: Section): boolean {
  let answer = prose.get(section);
  if (answer === undefined) {
    answer = true;
    for (let i = section.blockStart; i < section.blockEnd && answer; i++) answer = plan.blocks[i].kind !== 'list-item' && plan.blocks[i].kind !== 'table-row';
    prose.set(section, answer);
  }
  return answer;
}

/**
 * Whether a list item is a goal of its list: not a title grouping the goals nested under it
 * ("Front desk"), not a lead-in with nothing under it, and not a detail nested under a goal
 * (its owner, its approach), unless that goal opens a list of its own ("Improve governance:").
 */
function isGoalItem(plan: Plan, block: Block, ctx: GoalContext): boolean {
  if (LINK_ONLY.test(plan.text.slice(block.start, block.end)) || RATIONALE.test(block.text)) return false;
  if ((block.label !== undefined && FIELD_LABELS.has(block.label)) || FIELD_LABELS.has(fieldName(block.text))) return false;
  // "- **Final Score**" over a table: a title set in bold, not a goal.
  if (isGroupTitle(block.text) && emphasisOnly(plan, block, 0, block.text.length)) return false;
  const next = plan.blocks[block.index + 1];
  const hasChildren = next?.kind === 'list-item' && listIndent(plan, next) > listIndent(plan, block);
  const opensList = block.text.trimEnd().endsWith(':');
  // An item that opens its means ("Bring async Rust closer to parity with sync Rust via:") is read through the items under it.
  if (hasChildren ? isGroupTitle(block.text) || UNFINISHED.test(block.text) || itemLeadIn(block, ctx) === false : opensList) return false;
  if (USER_STORY.test(block.text)) return false;
  const parent = parentItem(plan, block);
  // Under "Key results: Martin and Bedeho" (a goal label with who owns them): the key results.
  if (parent && NOTES_TITLE.test(parent.text)) return false;
  if (!parent) return true;
  if (!titlesGoals(parent, ctx) || NOTE_ON_PARENT.test(block.text)) return false;
  // A title among a goal's own sub-points ("Discuss whether to favour one OS because of:") lists details
  // of that work, not goals; one that names goals ("Objective:") still heads goals.
  if (itemLeadIn(parent, ctx) === true) return true;
  if (FOLLOWING.test(parent.text)) return false;
  const grandparent = parentItem(plan, parent);
  return !grandparent || titlesGoals(grandparent, ctx);
}

/** An item that heads the goals nested under it: "Open repository:", a short group title, a `Key results:` label. */
function titlesGoals(item: Block, ctx: GoalContext): boolean {
  return item.text.trimEnd().endsWith(':') || isGroupTitle(item.text) || (item.label !== undefined && ctx.labels.includes(item.label.replace(/s$/, '')));
}

/** "This would remove the need for …", "If possible, we would test …": a nested item that speaks of the one above it, or of when it applies. */
const NOTE_ON_PARENT = /^\W*(?:\[.\]\s*)?(?:this|that|these|those|it|if|when|which)\b/i;

/** "Tracking Notes", "Comments": what is nested under it is remarks, not goals. */
const NOTES_TITLE = /^\s*(?:[\p{L}-]+\s+)?(?:notes|comments|remarks|updates|status)\s*:?\s*$/iu;

/**
 * A goal set apart in a block quote at the head of its section ("### Package Managers" >
 * "The most used package managers are powered by IPFS."): the plan's own words, not a quote of
 * someone, and not the plan's title section (where a quote introduces the document).
 */
function isGoalStatementQuote(plan: Plan, block: Block): boolean {
  if (block.kind !== 'paragraph' || !block.inQuote || othersWords(plan, block) || block.section.level <= 1 || QUOTED_NOTE.test(block.text)) return false;
  const before = plan.blocks[block.index - 1];
  return before === block.section.heading && isTitleSection(plan, block.section) === false;
}

const ITEM_INTENT = /^\W*(?:and\s+)?we\s+want\s+to\s+/i;

/** A paragraph opening with a goal's short name in title case and a colon: "Enhanced Autonomy: Members …". */
const NAMED_GOAL = /^(?:\p{Lu}[\p{L}-]*\s+(?:(?:&|and|of|for|the)\s+)?){1,4}?\p{Lu}[\p{L}-]*:\s+\S/u;

/** "> note: we review the roadmap with the new team first": a remark set apart, not the section's goal. */
const QUOTED_NOTE = /^\s*(?:note|nb|n\.b\.|update|edit|tip|warning|caution|important|aside)\s*:/i;

/** "Tracked: every other Tuesday", "Status: on track": a field of a goal's record, not a goal. */
const FIELD_LABELS = new Set(
  'tracked|tracking|tracking manager|active from|start|start date|end date|deadline|due|due date|kr measurement deadline|measurement deadline|status|state|score|final score|grade|progress|date|updated|last updated|note|notes|comment|comments|assignee|assigned to|links|link|issue|issues|ticket|tracking issue|priority|effort|size|estimate|scope|owner|owners|team|teams|label|labels|gitlab label|github label|epic link|milestone|category|type|area|version|release|quarter|timeline|timeframe|budget|cost|costs|funding|headcount|staffing|focus|dashboard'.split('|'),
);

/** "As a community member, I want to suggest a dataset": a user story, what someone needs, not a goal of the plan. */
const USER_STORY = /^\W*as\s+(?:a|an|the)\s+[^,]{1,60},\s*I\s+(?:want|need|would\s+like|can)\b/i;

/** "Why? Enable answering …", "How: …": the reason for a goal or its means, not a goal. */
const RATIONALE = /^\s*(?:why|how|because|rationale|reason)\s*[?:]/i;

/** "… have them tell us the following without prompting:": the items under it are what the sentence names, not goals of their own. */
const FOLLOWING = /\b(?:the\s+following|as\s+follows)\b[^.!?]*:\s*$/i;

/** A sentence its nested items finish ("Encourage members to" > "serve on advisory boards"): a lead-in, not a goal. */
const UNFINISHED = /\b(?:to|and|or|by|with|for|of|the|a|an|that|which|in|on|as)\s*$/i;

/** An item that is only a link ("[Strategic Goals 2022](#proposed-2022)"): a table of contents, not a goal. */
const LINK_ONLY = /^\s*\[[^\]\n]*\]\([^)\n]*\)\s*$/;

/** A few words naming a group rather than stating a goal: "Front desk", "Basic requirements:". */
function isGroupTitle(text: string): boolean {
  const t = text.trim();
  return t.split(/\s+/).length <= 4 && !/[.!?]$/.test(t) && !/\d/.test(t);
}

/** Lines written as a list without markers, after a lead-in ("We will consider this project a success when:"). */
function linesAsItems(block: Block, ctx: GoalContext, goalSection: (s: Section) => boolean, items: GoalItem[]): boolean {
  const lines = block.text.split('\n');
  const opener = lines.findIndex((l) => /[:.]\s*$/.test(l));
  const rest = lines.slice(opener + 1);
  if (opener < 0 || rest.length < 2 || !rest.every(isItemLine)) return false;
  const lead = lines[opener].trim();
  if (!(lead.endsWith(':') ? announcesGoals(lead, ctx) : goalSection(block.section))) return false;
  let at = lines.slice(0, opener + 1).join('\n').length + 1;
  for (const line of rest) {
    push(items, block, at, at + line.length, block.index, false);
    at += line.length + 1;
  }
  return true;
}

/** Adds the goal (its words without label, tags and marks), unless they hold no letter; the item added, if one is. */
function push(items: GoalItem[], block: Block, start: number, end: number, list: number, labelled: boolean, below?: GoalItem['below'], heading = false): GoalItem | undefined {
  const head = goalWords(block.text.slice(start, end), labelled, heading);
  if (!/\p{L}/u.test(head.text)) return undefined;
  const s = start + head.offset;
  const item: GoalItem = { block, start: s, end: s + head.text.length, text: head.text, list, ...(below ? { below } : {}) };
  items.push(item);
  return item;
}

/**
 * What follows a labelled line ("Goal: …", "Metric: …") in its section, up to the next line with
 * the same label: its metric, its current value and target ("- Current: 2", "- Target: 2 or more").
 */
function labelledBelow(plan: Plan, block: Block): GoalItem['below'] {
  const label = labelOf(block);
  const end = block.section.blockEnd;
  let to = block.index + 1;
  while (to < end && plan.blocks[to].kind !== 'heading' && labelOf(plan.blocks[to]) !== label) to++;
  return to > block.index + 1 ? { from: block.index + 1, to } : undefined;
}

function labelOf(block: Block): string | undefined {
  const label = block.label ?? NUMBERED_LABEL.exec(block.text)?.[1] ?? (block.kind === 'heading' ? HEADING_LABEL.exec(block.text)?.[1] : undefined);
  return label?.toLowerCase().replace(/[\s\d.#]+$/, '');
}

/** "#### Goal: Cultivate a healthy community": a heading that labels its own words (blocks other than headings carry their label from the parser). */
const HEADING_LABEL = /^\s*([A-Za-z][A-Za-z /&-]{0,30}?)\s*:\s+\S/;

/** The items nested under a list item (its key results, its details), if any. */
function nestedItems(plan: Plan, block: Block, indent: number): GoalItem['below'] {
  let to = block.index + 1;
  while (to < plan.blocks.length && plan.blocks[to].kind === 'list-item' && listIndent(plan, plan.blocks[to]) > indent) to++;
  return to > block.index + 1 ? { from: block.index + 1, to } : undefined;
}

/**
 * A goal stated as a heading: right under a heading that only labels it ("### GOAL 1:" > "####
 * Build regional capacity to empower communities"), or an indicator whose section opens with its
 * baseline or target. A heading in a goals section is otherwise a topic, its goals in the text below.
 */
function isGoalHeading(plan: Plan, block: Block, ctx: GoalContext): boolean {
  if (block.section.heading !== block || !/\p{L}/u.test(block.text)) return false;
  // An indicator: its section opens with its baseline or target ("#### Our community grows" > "- Baseline: …").
  const next = plan.blocks[block.index + 1];
  if (INDICATOR_LABELS.has(next?.label ?? '')) return true;
  // A goal whose section opens with its test of done: "## Datum Compute Live (Drew)" > "We will know this is done when …".
  if (next && next.section === block.section && DONE_WHEN.test(next.text)) return true;
  const parent = block.section.parent;
  if (!parent?.heading || plan.blocks[block.index - 1] !== parent.heading) return false;
  const label = parent.normalized.replace(/[\s\d]+$/, '');
  return label === 'objective' || ctx.labels.includes(label);
}

const INDICATOR_LABELS = new Set(['baseline', 'target']);
const DONE_WHEN = /^\s*(?:we(?:['’]ll|\s+will)\s+know\s+(?:this|it|we(?:['’]re|\s+are))\s+(?:is\s+)?(?:done|complete|achieved|there)\s+when|done\s+when|this\s+is\s+done\s+when)\b/i;

/** The goal's own words: without its label ("KR:") or a heading's numbering, team tags ("[People]"), status marks (✅ ❌ 🔁 ~) and edge spaces. */
function goalWords(raw: string, labelled: boolean, heading = false): { text: string; offset: number } {
  let text = raw;
  let offset = 0;
  // A heading's numbering ("4. Our community grows") is no amount.
  const lead = (labelled ? /^\s*[^:]{1,31}:\s*/ : heading ? /^\s*(?:\d+(?:\.\d+)*[.)]\s+)?/ : /^\s*/).exec(text)![0];
  offset += lead.length;
  text = text.slice(lead.length);
  const tags = /^(?:\[[^\]]{1,60}\]\s*)+/.exec(text)?.[0] ?? '';
  offset += tags.length;
  text = text.slice(tags.length);
  text = text.slice(0, endWithoutMarks(text));
  return { text, offset };
}

/** Where the text ends without trailing spaces and status marks, found one character at a time from the end (an expression ending in `+$` retried a long run of spaces from each of its positions). */
function endWithoutMarks(text: string): number {
  let end = text.length;
  let mark: RegExpExecArray | null;
  // The last two code units hold the last character, a status mark outside the basic plane included.
  while ((mark = TRAILING_MARK.exec(text.slice(Math.max(0, end - 2), end)))) end -= mark[0].length;
  return end;
}

const TRAILING_MARK = /[\s~✅❌🔁☑✔✖✗⏳🚧]$/u;

/** A line's text as a field name: lower case, without a closing colon ("Status:" → "status"). */
function fieldName(text: string): string {
  const t = text.trim().toLowerCase();
  return t.endsWith(':') ? t.slice(0, -1).trimEnd() : t;
}

/** `KR: …`, `KR 1.2: …`, `Goal 3: …`: a line labelled as a goal, numbered or not. */
function isGoalLabel(block: Block, ctx: GoalContext): boolean {
  const label = labelOf(block);
  return !!label && ctx.labels.includes(label);
}

const NUMBERED_LABEL = /^\s*([A-Za-z][A-Za-z /&-]{0,30}?\s*#?\d+(?:\.\d+)*)\s*:\s/;

/**
 * A document whose title names goals ("TODO Strategic Goals", "FY27 Q1 OKRs") is a list of goals
 * throughout: its other top-level sections ("2022", "2021") hold goals too, unless their headings
 * say otherwise.
 */
function isGoalsDocument(plan: Plan, ctx: GoalContext): boolean {
  const title = documentTitle(plan);
  // "# Objective of this Document" says what the page is for: the page is not a list of goals.
  return !!title && namesGoals(title, ctx) && !/\b(?:this|the)\s+(?:document|page|doc|paper)\b/.test(title.normalized);
}

/** A roadmap ("# Roadmap 2023", "Grafana k6 roadmap"): what its horizons hold ("## Q1", "### 2024", "## Next") is what it commits to. */
function isRoadmap(plan: Plan): boolean {
  const title = documentTitle(plan);
  return !!title && /\broad\s?maps?\b/i.test(title.title);
}

/** The section of the `#` heading that opens the document, if one does. */
function documentTitle(plan: Plan): Section | undefined {
  const title = plan.sections[1];
  return title && title.level === 1 && title.heading?.index === 0 ? title : undefined;
}

/**
 * Whether a heading names goals: one of the goal headings, but not as a kind of something else
 * ("Outcome-Driven Roadmap") nor in a yes-or-no question ("### 1. Does it achieve an outcome?";
 * "What are the objectives of the beta?" does name them).
 */
function namesGoals(section: Section, ctx: GoalContext): boolean {
  if (!headingMatchesAny(section.normalized, ctx.headings) || /\s(?:driven|based|focused|oriented|led)\b/.test(section.normalized)) return false;
  return !(section.title.trimEnd().endsWith('?') && YES_NO_QUESTION.test(section.normalized));
}

/** A heading (normalized) that asks a yes-or-no question. */
const YES_NO_QUESTION = /^(?:does|do|did|is|are|can|could|will|would|should|has|have)\s/;

/** A lead-in that names the list after it as metrics: "Tactical metrics in 2018:", "Key metrics:". */
const METRICS_LEAD_IN = /\b(?:metrics|kpis|key\s+performance\s+indicators)\b[^.!?:]{0,30}:\s*$/i;

const HORIZON = /^(?:(?:q[1-4]|h[12])(?:\s+(?:fy\s?)?(?:19|20)?\d\d)?|(?:fy\s?)?(?:19|20)\d\d(?:\s+(?:q[1-4]|h[12]))?|now|next|later|short\s+term|medium\s+term|mid\s+term|long\s+term|this\s+(?:quarter|year)|next\s+(?:quarter|year))$/;

/** Whether the section (or one it lies in) is about goals, and no nearer one is about what is not a goal. */
function sectionTest(ctx: GoalContext, goalsDocument: boolean, roadmap = false): (section: Section) => boolean {
  const answers = new Map<Section, boolean>();
  // "## Prior years' goals" > "### 2026": a horizon under a section about something else.
  const lookingBack = (section: Section): boolean => {
    for (let s = section.parent; s && s.level > 0; s = s.parent) if (headingMatchesAny(s.normalized, ctx.exceptHeadings)) return true;
    return false;
  };
  const test = (section: Section): boolean => {
    let answer = answers.get(section);
    if (answer === undefined) {
      if (section.level === 0) answer = goalsDocument;
      // "### Goal #2: Make focus areas consistent with use cases" is a goal, whatever else its words name.
      else if (section.heading && isGoalLabel(section.heading, ctx)) answer = true;
      else if (headingMatchesAny(section.normalized, ctx.exceptHeadings) && !VERB_HEADING.test(section.normalized)) answer = false;
      else answer = namesGoals(section, ctx) || (!!section.parent && test(section.parent)) || (roadmap && HORIZON.test(section.normalized) && !lookingBack(section));
      answers.set(section, answer);
    }
    return answer;
  };
  return test;
}

/** "Expand resources awareness", "Improve our metrics": a heading that opens with a change asked is a goal, whatever its object (not a *Resources* or *Metrics* section). */
const VERB_HEADING = /^(?:expand|improve|increase|grow|raise|reduce|cut|build|foster|strengthen|cultivate|create|make|enhance|broaden|deepen|widen|support|enable|promote|drive|boost|develop)\s/;

/** The text of a paragraph that ends in ":" or an ellipsis ("In this vision, all agencies…"): the lead-in of the list after it. */
function leadInOf(block: Block | undefined): string | undefined {
  if (!block || block.kind !== 'paragraph') return undefined;
  const text = block.text.trimEnd();
  return /(?::|\.\.\.|…)$/.test(text) ? text : undefined;
}

/** A sentence the list finishes, without its colon ("Some specific goals include"), or one naming the list as goals: a lead-in only when it announces goals. */
function unfinishedLeadIn(block: Block | undefined, ctx: GoalContext): string | undefined {
  if (!block || block.kind !== 'paragraph') return undefined;
  // Its last 300 characters: a lead-in is short, and a long paragraph is read in linear time.
  const last = lastSentence(block.text).slice(-300);
  // Only the clause that names the goals is read ("they're not technical projects, but they are important goals").
  const naming = GOALS_NAMED.exec(last)?.[0];
  if (!naming && !UNFINISHED_LEAD_IN.test(last)) return undefined;
  const text = `${(naming ?? block.text).trimEnd()}:`;
  return announcesGoals(text, ctx) ? text : undefined;
}

/** "Some specific goals include", "We'd like to fund these tools to": a sentence that waits for its list ("The goal of the roadmap is to" is the document's purpose). */
const UNFINISHED_LEAD_IN = /(?:\b(?:include|includes|including|are|as\s+follows)|\bwe(?:['’]d|\s+would|\s+want|\s+aim|\s+intend|\s+hope|\s+plan)\b.*\bto|\b(?:aims|intends|seeks|strives|hopes)\s+to)\s*$/i;

/** "…, but they are important goals for the project.": a finished sentence that names the list after it. */
const GOALS_NAMED = /\b(?:these|they|the\s+following|below|here)\s+(?:are|include|list)\s+(?:[\w-]+\s+){0,3}?(?:goals|objectives|priorities|aims|targets)\b[^.!?]{0,40}[.!]?\s*$/i;

/** A short title line over a list ("Our strategic goals for 2022-2024"), read as a lead-in ending in ":". */
function titleOf(block: Block | undefined): string | undefined {
  if (!block || block.kind !== 'paragraph') return undefined;
  const text = block.text.trim();
  // "The goal of the roadmap is to" waits for its list: a sentence, not a caption.
  return TITLE_LINE.test(text) && !UNFINISHED.test(text) ? `${text}:` : undefined;
}

/** A few words with no sentence's end: a caption over the list it names. */
const TITLE_LINE = /^[^.!?\n]{3,80}$/;

/** What a list item ending in ":" says its nested items are: goals, something else, or nothing said (undefined). */
function itemLeadIn(block: Block, ctx: GoalContext): boolean | undefined {
  const text = block.text.trimEnd();
  if (!text.endsWith(':')) return undefined;
  const sentence = lastSentence(text);
  if (anyMatch(ctx.notLeadIns, sentence)) return false;
  return anyMatch(ctx.leadIns, sentence) ? true : undefined;
}

function announcesGoals(leadIn: string, ctx: GoalContext): boolean {
  const sentence = lastSentence(leadIn);
  return anyMatch(ctx.leadIns, sentence) && !anyMatch(ctx.notLeadIns, sentence);
}

function lastSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const cut = Math.max(flat.lastIndexOf('. ', flat.length - 2), flat.lastIndexOf('? ', flat.length - 2), flat.lastIndexOf('! ', flat.length - 2));
  return flat.slice(cut + 1);
}

/** Short lines that read as items of a list written without markers. */
function isItemLine(line: string): boolean {
  const t = line.trim();
  return /^\p{Lu}/u.test(t) && t.split(/\s+/).length <= 20 && !/[,;]$/.test(t);
}

/** A first cell that only names what its row holds: "Goals", "Objective". */
function isRowLabel(cell: string | undefined, ctx: GoalContext): boolean {
  if (!cell) return false;
  const words = cell.trim().toLowerCase().split(/\s+/);
  // "| Epic Link | TODO: Add Link |", "| Target Release | … |": a field of a record, not a row of goals.
  return words.length <= 2 && anyMatch(ctx.columns, cell.trim()) && !FIELD_LABELS.has(words.join(' ')) && !FIELD_LABELS.has(words[words.length - 1]);
}

function goalColumnsOf(header: readonly string[], ctx: GoalContext): number[] {
  return header.flatMap((cell, i) => (anyMatch(ctx.columns, cell.trim()) ? [i] : []));
}

/** A table cell's items: list items written as HTML inside the cell leave two or more spaces between them. */
function cellItems(cell: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /(?:\{::nomarkdown\}|\{:\/\})|\s{2,}/g;
  let from = 0;
  for (let m = re.exec(cell); ; m = re.exec(cell)) {
    const to = m ? m.index : cell.length;
    if (cell.slice(from, to).trim()) out.push([from, to]);
    if (!m) return out;
    from = m.index + m[0].length;
  }
}

/** The first match of the first pattern that matches: locating every match of a long sentence cost far more. */
function firstOf(patterns: readonly Pattern[], text: string): Match | undefined {
  for (const p of patterns) {
    const m = p.firstMatch(text);
    if (m) return m;
  }
  return undefined;
}
