import type { Plan } from '../plan/model';
import type { Fix } from '../rules/types';
import { PLACEHOLDER } from '../plan/slots';

/** Inserts `key: value` as the last line of the plan's front matter. */
export function insertFrontMatterKey(plan: Plan, line: string, title: string): Fix | undefined {
  if (!plan.frontMatterSpan) return undefined;
  const closing = plan.lines.position(plan.frontMatterSpan.end).line;
  const at = { line: closing, character: 0 };
  // A complete key is a safe edit; `horizon: <start year>–<end year>` waits for the writer's years.
  const safe = !PLACEHOLDER.test(line);
  return { title, isPreferred: true, ...(safe && { safe }), edits: [{ range: { start: at, end: at }, newText: line + plan.lines.eol }] };
}

/** Inserts a paragraph right after the title heading (or at the top when there is none). */
export function insertAfterTitle(plan: Plan, paragraph: string, title: string): Fix {
  const eol = plan.lines.eol;
  const heading = plan.sections[1]?.heading;
  if (!heading) {
    const at = { line: 0, character: 0 };
    return { title, isPreferred: true, edits: [{ range: { start: at, end: at }, newText: paragraph.trim() + eol + eol }] };
  }
  const line = plan.lines.position(heading.end).line;
  const at = { line, character: plan.lines.lineText(line).length };
  return { title, isPreferred: true, edits: [{ range: { start: at, end: at }, newText: eol + eol + paragraph.trim() }] };
}
