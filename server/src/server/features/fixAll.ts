/**
 * "Fix all auto-fixable problems": applies every finding's preferred fix, templates included
 * (the writer sees them land and fills them in), as the engine's fixText does, then returns the
 * whole change as one edit spanning just the text that differs.
 */
import { fixText, lintPlan, preferredEdits, type DocumentLint, type TextEdit } from '../../engine/index';

export function hasAutoFixes(result: DocumentLint): boolean {
  return preferredEdits(result.findings).length > 0;
}

export function fixAllEdit(result: DocumentLint): TextEdit | undefined {
  const text = fixText(result.plan, result.findings, (plan) => lintPlan(plan, result.config.settings, result.config.knownRuleIds).findings);
  return text === result.plan.text ? undefined : spanningEdit(result, text);
}

/** One edit turning the plan's text into `text`: the differing middle, never splitting \r\n or a surrogate pair. */
function spanningEdit(result: DocumentLint, text: string): TextEdit {
  const original = result.plan.text;
  let start = 0;
  while (start < original.length && start < text.length && original[start] === text[start]) start++;
  let end = 0;
  while (end < original.length - start && end < text.length - start && original[original.length - 1 - end] === text[text.length - 1 - end]) end++;
  const splits = (s: string, i: number) => i > 0 && i < s.length && ((s[i - 1] === '\r' && s[i] === '\n') || /[\uD800-\uDBFF]/.test(s[i - 1]));
  while (start > 0 && (splits(original, start) || splits(text, start))) start--;
  while (end > 0 && (splits(original, original.length - end) || splits(text, text.length - end))) end--;
  return { range: result.plan.lines.range(start, original.length - end), newText: text.slice(start, text.length - end) };
}
