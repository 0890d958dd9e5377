import { headingMatchesAny } from './headings';
import { docOffsetOf, type Block, type Plan, type Section } from './model';
import type { Range } from './positions';

/** Sections whose heading matches one of the aliases, outermost first. */
/**
 * Whether the section is the plan's title: a lone top-level heading that opens the plan. It names
 * the plan ("Payroll risks and strategy 2027–2030"); it is no section of its own, nor a milestone.
 */
export function isTitleSection(plan: Plan, section: Section): boolean {
  if (section.level !== 1 || section.heading?.index !== 0) return false;
  // Counted once per plan: the title's section is asked about from every section under it.
  let lone = loneTitle.get(plan);
  if (lone === undefined) loneTitle.set(plan, (lone = plan.sections.filter((s) => s.level === 1).length === 1));
  return lone;
}

const loneTitle = new WeakMap<Plan, boolean>();

export function sectionsMatching(plan: Plan, aliases: readonly string[]): Section[] {
  return plan.sections.filter((s) => s.level > 0 && headingMatchesAny(s.normalized, aliases));
}

/**
 * The last answer per alias list: rules ask for every block, in order, and a section holds many.
 * (Answers kept for every section took 700 bytes each: a plan of a million headings, 700 MB.)
 */
const lastAnswers = new WeakMap<readonly string[], { section: Section; found: boolean }>();

/** Whether the block lies in a section (or subsection of one) whose heading matches an alias. */
export function inSectionMatching(block: Block, aliases: readonly string[]): boolean {
  return inSection(block.section, aliases);
}

function inSection(section: Section, aliases: readonly string[]): boolean {
  const last = lastAnswers.get(aliases);
  if (last?.section === section) return last.found;
  let found = false;
  for (let s: Section | undefined = section; !found && s && s.level > 0; s = s.parent) found = headingMatchesAny(s.normalized, aliases);
  lastAnswers.set(aliases, { section, found });
  return found;
}

export function blocksOf(plan: Plan, section: Section): Block[] {
  return plan.blocks.slice(section.blockStart, section.blockEnd);
}

/**
 * Whether a block of the section (subsections included) passes the test, read in place: the
 * title's section holds every block, and a copy per question took 8 MB each at a million lines.
 */
export function someBlockOf(plan: Plan, section: Section, test: (block: Block) => boolean): boolean {
  for (let i = section.blockStart; i < section.blockEnd; i++) if (test(plan.blocks[i])) return true;
  return false;
}

/** Range of text[start, end) of a block, in document positions. */
export function blockRange(plan: Plan, block: Block, start: number, end: number): Range {
  const s = docOffsetOf(block, start);
  const e = end > start ? docOffsetOf(block, end - 1) + 1 : s;
  return plan.lines.range(s, e);
}

/** Words in the section's own prose (heading excluded). */
export function wordCount(plan: Plan, section: Section): number {
  let n = 0;
  for (let i = section.blockStart; i < section.blockEnd; i++) {
    const b = plan.blocks[i];
    if (b === section.heading) continue;
    n += b.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  }
  return n;
}

/**
 * The text of the sentence around `at`, one string per sentence asked about: what patterns
 * remember of a text is then found without comparing its characters (a new copy of a
 * paragraph-long sentence per match cost a compare of its whole text per match).
 */
export function sentenceTextAt(block: Block, at: number): string {
  const s = sentenceAt(block, at);
  const last = lastSentence.get(block);
  if (last?.start === s.start && last.end === s.end) return last.text;
  const text = s.start === 0 && s.end === block.text.length ? block.text : block.text.slice(s.start, s.end);
  lastSentence.set(block, { start: s.start, end: s.end, text });
  return text;
}

const lastSentence = new WeakMap<Block, { start: number; end: number; text: string }>();

/** The sentence of the block that contains text offset `at`. */
export function sentenceAt(block: Block, at: number): { start: number; end: number } {
  // Sentences are in order and do not overlap: a binary search keeps rules linear in long paragraphs.
  const { sentences } = block;
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return { start: 0, end: block.text.length };
}
