/**
 * Text that is still a template's slot, not the plan's content: a `<placeholder>`, "TBD", an
 * italic prompt ("_What data will you look at…_"), a bare label ("Key result:"). A reviewer
 * reads none of it as the plan addressing anything: such a block is never evidence.
 */
import type { Block, Plan } from './model';

const PLACEHOLDER = /<[a-z][a-z0-9 ,'’/-]*>/i;
/** An instruction to the plan's writer: "List the current challenges…", "Describe the aim of this project". */
const PROMPT = /^\W*(?:describe|list|explain|outline|summari[sz]e|specify|fill\s+in|enter)\s+(?:the|a|an|any|all|each|your|here|what|how|why|who|which)\b/i;
const TBD = /^\W*(?:tbd|tbc|todo|to\s+do|to\s+be\s+(?:defined|determined|decided|confirmed|written|added)|n\/a|coming\s+soon|\.\.\.|…)\b/i;

/** Whether the block is an unfilled slot of a template (answer kept per block). */
export function isUnfilled(plan: Plan, block: Block): boolean {
  let answer = answers.get(block);
  if (answer === undefined) answers.set(block, (answer = unfilled(plan, block)));
  return answer;
}

const answers = new WeakMap<Block, boolean>();

function unfilled(plan: Plan, block: Block): boolean {
  const text = block.label ? block.text.replace(/^[^:]{0,40}:\s*/, '') : block.text;
  if (PLACEHOLDER.test(text) || TBD.test(text) || PROMPT.test(text)) return true;
  if (!/[\p{L}\p{N}]/u.test(text)) return true;
  if (block.kind === 'heading') return false;
  // The source wholly in emphasis, after any list marker or quote: an italic prompt.
  const source = plan.text
    .slice(block.start, block.end)
    .replace(/^(?:\s*>)*\s*(?:[-*+]|\d+[.)])?\s*(?:\[[ xX]\]\s*)?/, '')
    .trim();
  return /^(?:_[^_]|\*[^*])[^]*(?:[^_]_|[^*]\*)[.:?]?$/.test(source) && !/^\*\*|^__/.test(source);
}
