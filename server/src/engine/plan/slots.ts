import { docOffsetOf, type Block, type Plan } from './model';

/**
 * Template text: what a template asks the writer to put in a place, not what the plan says.
 * A reviewer reads prompts, placeholders and "TBD" as slots still to fill, never as content.
 */

/** Text set in italics alone (`*Design meeting*`, `_What data will you look at?_`): a label or a prompt. Bold is not: it stresses the plan's own words. */
export function emphasisOnly(plan: Plan, block: Block, start = 0, end = block.text.length): boolean {
  const text = block.text.slice(start, end);
  const s = start + (text.length - text.trimStart().length);
  const e = start + text.trimEnd().length;
  if (e <= s) return false;
  const from = docOffsetOf(block, s);
  const to = docOffsetOf(block, e - 1) + 1;
  const mark = plan.text[from - 1];
  if ((mark !== '*' && mark !== '_') || plan.text[to] !== mark) return false;
  // One span from first word to last: no mark of its kind inside, and no bold around it ("**_our mission_**" stresses).
  return !'*_'.includes(plan.text[from - 2] ?? '') && !'*_'.includes(plan.text[to + 1] ?? '') && !plan.text.slice(from, to).includes(mark);
}

/**
 * A slot's marker: `[[who they are]]` (what Stratlint's templates write: it shows in a Markdown
 * preview and on GitHub, where `<who they are>` is taken for an HTML tag and vanishes), and the
 * older `<who they are>`, `<<PROJECT NAME>>` that plans still hold.
 */
export const SLOT = /\[\[[a-z][^[\]\n]{0,80}\]\]|<<?[a-z][^<>\n]{0,80}>>?/i;

/** A slot left open: a marker, "TBD", "TODO" (opening the text, after a label, or alone; "Grow TODO membership" names a group), "to be defined". */
export const PLACEHOLDER = new RegExp(`${SLOT.source}|\\bT(?:BD|BC)\\b|^\\W*TODO\\b|[:(\\[|–—]\\s*TODO\\b|\\bTODO\\b(?![ \\t]+[A-Za-z])|\\bto be (?:defined|determined|decided|confirmed|written)\\b`, 'i');
/** Every placeholder of a text, for taking them out. */
export const PLACEHOLDERS = new RegExp(PLACEHOLDER.source, 'gi');

/** Words a template says to its writer: "Describe …", "List the challenges …", "You can use this section to …". */
const INSTRUCTION =
  /^(?:please\s+)?(?:describe|list|add|name|explain|include|identify|summari[sz]e|state|outline|write|insert|provide|specify|give|link|fill\s+in|replace|enter|call\s+out|be\s+sure|make\s+sure|feel\s+free|use\s+this\s+section|you\s+(?:can|may|should)\s+use\s+this)\b.*\b(?:here|this\s+section|your|you|this\s+(?:project|page|document|template))\b/is;

/** "Name of the SIG that will lead this work.", "Name(s) of project lead(s)": what goes in the slot. */
const DESCRIPTOR = /^(?:names?(?:\(s\))?|list|description|details|links?|summary|date|owner\(s\))\s+(?:and\s+\w+\s+)?(?:\w+\s+){0,3}?of\b/i;

/**
 * Whether a block is template text: a prompt set in emphasis or in a block quote that asks,
 * instructs or holds a placeholder, an instruction to the writer, a description of what goes in
 * the slot, a bare label ("Key result:"), an empty table row, or text that is mostly placeholders.
 */
export function isTemplateText(plan: Plan, block: Block): boolean {
  let answer = templateAnswers.get(block);
  if (answer === undefined) templateAnswers.set(block, (answer = templateText(plan, block)));
  return answer;
}

const templateAnswers = new WeakMap<Block, boolean>();

/**
 * Words in a block quote that are not the plan's own statement: a quote of someone else, or a
 * template's prompt set apart in a quote. A quote without either is the plan's vision or goal
 * statement, and rules read it as such.
 */
export function othersWords(plan: Plan, block: Block): boolean {
  return !!block.cited || (!!block.inQuote && isTemplateText(plan, block));
}

/** A block that opens by saying it is not written yet. */
const NOT_YET = /^\W*(?:tbd|tbc|todo|to\s+do|to\s+be\s+(?:defined|determined|decided|confirmed|written|added|\w+ed\s+and\s+\w+ed)|n\/a|coming\s+soon|\.\.\.|…)\b/i;

/** A block that tells its writer what to put there: "Describe the aim of this project", "List the challenges". */
const PROMPT = /^\W*(?:describe|list|explain|outline|summari[sz]e|specify|fill\s+in|enter)\s+(?:the|a|an|any|all|each|your|here|what|how|why|who|which)\b/i;

/**
 * Whether the block cannot be evidence that the plan addresses a principle: it holds a slot,
 * opens with "TBD", prompts its writer (also in italics or a quote), or has no words. (What a template
 * requires of every project, "Please also include maintainers from other SIGs", is content.)
 */
export function isUnfilled(plan: Plan, block: Block): boolean {
  const text = block.label ? block.text.replace(/^[^:]{0,40}:\s*/, '') : block.text;
  if (!/[\p{L}\p{N}]/u.test(text) || SLOT.test(text) || NOT_YET.test(text) || PROMPT.test(text)) return true;
  return block.kind !== 'heading' && isPrompt(plan, block, text.trim());
}

function templateText(plan: Plan, block: Block): boolean {
  const text = block.text.trim();
  if (block.kind === 'heading') return false;
  if (text === '' || /^[\p{P}\p{S}\s]*$/u.test(text)) return block.kind === 'table-row';
  if (/^[\p{L}\p{N} /&-]{1,30}:$/u.test(text)) return true;
  const withoutSlots = text.replace(PLACEHOLDERS, '').replace(/[\p{P}\s]+/gu, ' ').trim();
  if (PLACEHOLDER.test(text) && withoutSlots.split(' ').filter(Boolean).length <= 4) return true;
  if (isPrompt(plan, block, text)) return true;
  return INSTRUCTION.test(text) || DESCRIPTOR.test(text);
}

/** Emphasis and quotes also set notes and slogans apart: they are prompts only when they ask, instruct or hold a slot. */
function isPrompt(plan: Plan, block: Block, text: string): boolean {
  if (!block.inQuote && !emphasisOnly(plan, block)) return false;
  // A slot marks a prompt; "TBD: we will soon open a wishlist …" is a note that says what comes next.
  // A question, even one that lost its mark: "What are the measurable goals this team is going after."
  const question = text.endsWith('?') || /^(?:what|who|which|how|why|when|where)\s+(?:are|is|do|does|will|would|should|can)\b/i.test(text.trim());
  return question || INSTRUCTION.test(text) || SLOT.test(text) || /\byou\s+(?:can|could|should|may|might|will|need|want)\b/i.test(text);
}
