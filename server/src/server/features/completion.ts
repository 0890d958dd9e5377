/**
 * After `## ` at the start of a line: the plan-level sections the plan is still missing,
 * each inserting its rule's template (placeholders as tab stops where the client takes snippets).
 * Offered only when asked for (Ctrl+Space) on a heading with no words yet, never on a typed
 * character: a list that pops up while a writer types a heading takes the Enter that was meant to
 * start the next line. (Editors that suggest as words are typed ask the same way Ctrl+Space does;
 * a heading with words is one the writer is typing.)
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { RuleMeta } from '../../engine/index';
import { planResult, type LintOutcome } from '../linting';
import { normalizeHeading } from '../../engine/plan/headings';
import { toSnippet } from '../snippets';
import { explainRule } from './hover';

const HEADING_START = /^(#{1,6}) +$/;

/** Whether the text before the cursor is a heading's `## ` (where section completion applies). */
export function startsHeading(linePrefix: string): boolean {
  return HEADING_START.test(linePrefix);
}

/** The rule's template with its headings moved to the level the writer typed. */
function relevel(template: string, level: number): string | undefined {
  const lines = template.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const first = /^(#{1,6})\s/.exec(lines[0]);
  if (!first) return undefined; // not a section template
  const shift = level - first[1].length;
  return lines
    .map((l) => l.replace(/^(#{1,6})(?=\s)/, (h) => '#'.repeat(Math.min(6, Math.max(1, h.length + shift)))))
    .join('\n');
}

export function completions(outcome: LintOutcome | undefined, position: Position, lineText: string, snippets: boolean): CompletionItem[] {
  const result = planResult(outcome);
  const typed = HEADING_START.exec(lineText.slice(0, position.character));
  if (!outcome || !result || !typed) return [];
  const level = typed[1].length;
  const eol = result.plan.lines.eol;
  const items: CompletionItem[] = [];
  for (const { rule } of result.config.settings) {
    const meta: RuleMeta = rule.meta;
    if (meta.scope !== 'plan' || !meta.fix || outcome.assessments.get(meta.id)?.status === 'addressed') continue;
    const template = relevel(meta.fix.template, level);
    if (!template) continue;
    const heading = template.split('\n')[0];
    // A section the plan has already (e.g. a template still to fill in) is not offered again.
    if (result.plan.sections.some((s) => s.level > 0 && s.normalized === normalizeHeading(heading.replace(/^#+\s+/, '')))) continue;
    const text = template.split('\n').join(eol);
    items.push({
      label: heading.replace(/^#+\s+/, ''),
      kind: CompletionItemKind.Snippet,
      detail: `Stratlint: ${meta.fix.title}`,
      documentation: { kind: MarkupKind.Markdown, value: explainRule(meta) },
      filterText: heading,
      sortText: `${meta.severity === 'error' ? 0 : meta.severity === 'warning' ? 1 : 2}-${meta.id}`,
      insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: {
        range: { start: { line: position.line, character: 0 }, end: position },
        newText: snippets ? toSnippet(text) : text,
      },
    });
  }
  return items;
}
