/**
 * Edits that switch a rule off with an inline directive, the way markdownlint and ESLint do:
 * `<!-- stratlint-disable-line id -->` at the end of the finding's line, or
 * `<!-- stratlint-disable-file id -->` at the top of the plan. An existing directive of the same
 * kind gets the rule added, so a plan never collects a pile of comments.
 */
import type { Plan, TextEdit } from '../../engine/index';

/** An existing directive of the kind on the line: the rule IDs it names and where their list ends. */
function directiveOnLine(lineText: string, kind: 'disable-line' | 'disable-file'): { ids: string[]; idsEnd: number } | undefined {
  const name = `stratlint-${kind}`;
  const open = lineText.search(new RegExp(`<!--\\s*${name}(?=\\s|-->)`));
  const close = open < 0 ? -1 : lineText.indexOf('-->', open + 4);
  if (close < 0) return undefined;
  const listStart = lineText.indexOf(name, open) + name.length;
  const body = lineText.slice(listStart, close);
  const reason = body.search(/\s--(\s|$)/);
  const list = (reason >= 0 ? body.slice(0, reason) : body).trimEnd();
  return { ids: list.split(/[\s,]+/).filter(Boolean), idsEnd: listStart + list.length };
}

/** Names one more rule in a directive; nothing when it already covers the rule (or every rule). */
function addToDirective(existing: { ids: string[]; idsEnd: number }, line: number, ruleId: string): TextEdit | undefined {
  if (existing.ids.length === 0 || existing.ids.includes(ruleId)) return undefined;
  return insertAt(line, existing.idsEnd, ` ${ruleId}`);
}

function insertAt(line: number, character: number, newText: string): TextEdit {
  return { range: { start: { line, character }, end: { line, character } }, newText };
}

/** Undefined where a comment cannot go (inside front matter). */
export function disableForLine(plan: Plan, ruleId: string, line: number): TextEdit | undefined {
  const fm = plan.frontMatterSpan;
  if (fm && line >= plan.lines.position(fm.start).line && line <= plan.lines.position(fm.end).line) return undefined;
  const text = plan.lines.lineText(line);
  const existing = directiveOnLine(text, 'disable-line');
  if (existing) return addToDirective(existing, line, ruleId);
  const comment = `<!-- stratlint-disable-line ${ruleId} -->`;
  const body = text.trimEnd();
  // In a table row the comment must sit inside the last cell, or GFM drops it with the extra cell.
  if (/^\s*\|.*\|$/.test(body)) return insertAt(line, body.length - 1, `${body.endsWith(' |') ? '' : ' '}${comment} `);
  return insertAt(line, body.length, ` ${comment}`);
}

export function disableForFile(plan: Plan, ruleId: string): TextEdit | undefined {
  const first = plan.frontMatterSpan ? plan.lines.position(plan.frontMatterSpan.end).line + 1 : 0;
  for (let line = first; line < plan.lines.lineCount; line++) {
    const existing = directiveOnLine(plan.lines.lineText(line), 'disable-file');
    if (existing) return addToDirective(existing, line, ruleId);
  }
  const eol = plan.lines.eol;
  const atEnd = first >= plan.lines.lineCount;
  const nextIsBlank = !atEnd && plan.lines.lineText(first).trim() === '';
  const comment = `<!-- stratlint-disable-file ${ruleId} -->`;
  if (atEnd) return insertAt(plan.lines.lineCount - 1, plan.lines.lineText(plan.lines.lineCount - 1).length, `${eol}${comment}${eol}`);
  return insertAt(first, 0, `${comment}${eol}${nextIsBlank ? '' : eol}`);
}
