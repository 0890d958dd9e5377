/** Hover on a finding: the principle behind it, where it comes from, weak → strong, and the rule's page. */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { DocumentLint, Finding, RuleMeta } from '../../engine/index';
import { planResult, type LintOutcome } from '../linting';
import { describeSources } from './sources';

const contains = (f: Finding, p: Position) =>
  (f.range.start.line < p.line || (f.range.start.line === p.line && f.range.start.character <= p.character)) &&
  (p.line < f.range.end.line || (p.line === f.range.end.line && p.character <= f.range.end.character));

export function ruleMeta(result: DocumentLint, ruleId: string): RuleMeta | undefined {
  return result.config.settings.find((s) => s.rule.meta.id === ruleId)?.rule.meta;
}

export function explainRule(meta: RuleMeta): string {
  const lines = [`**${meta.id}** — ${meta.description}`, '', meta.principle];
  if (meta.source) lines.push('', `*Source:* ${describeSources(meta.source)}`);
  if (meta.example) lines.push('', `*Weak:* ${meta.example.weak}  `, `*Strong:* ${meta.example.strong}`);
  lines.push('', `[Read the ${meta.id} rule page](${meta.docsUrl})`);
  return lines.join('\n');
}

export function hover(outcome: LintOutcome | undefined, position: Position): Hover | null {
  const result = planResult(outcome);
  if (!result) return null;
  const here = result.findings.filter((f) => contains(f, position));
  const ids = [...new Set(here.map((f) => f.ruleId))];
  const sections = ids.map((id) => ruleMeta(result, id)).filter((m): m is RuleMeta => !!m).map(explainRule);
  if (sections.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') } };
}
