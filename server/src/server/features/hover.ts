/**
 * Hover on a finding. The editor already shows the finding's message above this; the hover adds
 * at most one line of why, the weak → strong example and the rule's page. The full principle
 * and its sources stay on that page. On the title, where the plan-level findings gather as a
 * checklist, it says only how to act on them all.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Finding, RuleMeta } from '../../engine/index';
import { planResult, type LintOutcome } from '../linting';
import { INSERT_ALL_TITLE } from './insertAllSections';
import { ruleMeta } from './ruleMeta';
import { firstSentence, onTitle } from './titleLine';

const contains = (f: Finding, p: Position) =>
  (f.range.start.line < p.line || (f.range.start.line === p.line && f.range.start.character <= p.character)) &&
  (p.line < f.range.end.line || (p.line === f.range.end.line && p.character <= f.range.end.character));

/** Why, weak → strong, and the page: what completion shows beside a section, too. */
export function explainRule(meta: RuleMeta): string {
  const lines = [`**${meta.id}**: ${firstSentence(meta.principle.trim().replace(/\s+/g, ' '))}`];
  if (meta.example) lines.push('', `*Weak:* ${meta.example.weak}  `, `*Strong:* ${meta.example.strong}`);
  lines.push('', `[Read the ${meta.id} rule page](${meta.docsUrl})`);
  return lines.join('\n');
}

export function hover(outcome: LintOutcome | undefined, position: Position): Hover | null {
  const result = planResult(outcome);
  if (!result) return null;
  const here = result.findings.filter((f) => contains(f, position));
  const ids = [...new Set(here.map((f) => f.ruleId))];
  const checklist = here.filter((f) => onTitle(result, f));
  if (new Set(checklist.map((f) => f.ruleId)).size > 1) {
    const value = `**${checklist.length} principles to address**, one line each; a rule ID opens its page. The quick fix *${INSERT_ALL_TITLE}* adds a template for each one missing.`;
    return { contents: { kind: MarkupKind.Markdown, value } };
  }
  const sections = ids.map((id) => ruleMeta(result, id)).filter((m): m is RuleMeta => !!m).map(explainRule);
  if (sections.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') } };
}
