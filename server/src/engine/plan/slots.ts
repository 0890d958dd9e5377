import type { Block, Plan } from './model';

/**
 * Template text: what a template asks the writer to put in a place, not what the plan says.
 * A reviewer reads prompts, placeholders and "TBD" as slots still to fill, never as content.
 */

/** Text set in emphasis alone (`*Design meeting*`, `_What data will you look at?_`): a label or a prompt. */
export function emphasisOnly(plan: Plan, block: Block, start = 0, end = block.text.length): boolean {
  const text = block.text.slice(start, end);
  const s = start + (text.length - text.trimStart().length);
  const e = start + text.trimEnd().length;
  if (e <= s) return false;
  const before = plan.text[block.docOffsets[s] - 1];
  const after = plan.text[block.docOffsets[e - 1] + 1];
  return (before === '*' || before === '_') && before === after;
}

/** `<who they are>`, `<<PROJECT NAME>>`, `[TBD]`, "TODO": a slot left open. */
export const PLACEHOLDER = /<<?[a-z][^<>\n]{0,80}>>?|\bT(?:BD|BC|ODO)\b|\bto be (?:defined|determined|decided|confirmed|written)\b/i;

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
  const text = block.text.trim();
  if (block.kind === 'heading') return false;
  if (text === '' || /^[\p{P}\p{S}\s]*$/u.test(text)) return block.kind === 'table-row';
  if (/^[\p{L}\p{N} /&-]{1,30}:$/u.test(text)) return true;
  const withoutSlots = text.replace(new RegExp(PLACEHOLDER.source, 'gi'), '').replace(/[\p{P}\s]+/gu, ' ').trim();
  if (PLACEHOLDER.test(text) && withoutSlots.split(' ').filter(Boolean).length <= 4) return true;
  // Emphasis and quotes also set notes and slogans apart: they are prompts only when they ask or instruct.
  const asks = text.endsWith('?') || INSTRUCTION.test(text) || /\byou\s+(?:can|could|should|may|might|will|need|want)\b/i.test(text);
  if ((block.inQuote || emphasisOnly(plan, block)) && (asks || PLACEHOLDER.test(text))) return true;
  return INSTRUCTION.test(text) || DESCRIPTOR.test(text);
}
