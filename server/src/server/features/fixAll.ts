/**
 * "Fix all auto-fixable problems": applies every finding's preferred fix, re-lints and repeats
 * while that still changes the text (a fix may only be offered once another has landed), then
 * returns the whole change as one edit spanning just the text that differs.
 */
import { applyEdits, lintPlan, parsePlan, type DocumentLint, type Finding, type TextEdit } from '../../engine/index';

const MAX_PASSES = 5;

function preferredEdits(findings: readonly Finding[]): TextEdit[] {
  return findings.flatMap((f) => f.fixes.find((fix) => fix.isPreferred)?.edits ?? []);
}

export function hasAutoFixes(result: DocumentLint): boolean {
  return preferredEdits(result.findings).length > 0;
}

export function fixAllEdit(result: DocumentLint): TextEdit | undefined {
  const original = result.plan.text;
  let text = original;
  let edits = preferredEdits(result.findings);
  for (let pass = 0; pass < MAX_PASSES && edits.length > 0; pass++) {
    const next = applyEdits(text, edits);
    if (next === text) break;
    text = next;
    edits = preferredEdits(lintPlan(parsePlan(text), result.config.settings, result.config.knownRuleIds).findings);
  }
  return text === original ? undefined : spanningEdit(result, text);
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
