/**
 * The title line, as the editor presents it. A weak plan gets a finding on its title for every
 * plan-level principle it misses; shown in full, they fill the hover with ten screens of advice
 * and the Problems panel with rows that all begin "This plan never says…". On the title each
 * reads as one line of a checklist instead ("Missing: Right to win"); the advice stays one step
 * away: the quick fix inserts a template that asks for it, and the rule ID links to its page.
 * The engine's findings (and so the CLI, and the rule per finding) are unchanged.
 */
import type { Assessment, DocumentLint, Finding } from '../../engine/index';
import { titleLine } from '../linting';
import { ruleMeta } from './ruleMeta';

/** A finding about the whole plan, shown on its title. */
export function onTitle(result: DocumentLint, f: Finding): boolean {
  return ruleMeta(result, f.ruleId)?.scope === 'plan' && f.range.start.line === titleLine(result);
}

/** The principle's name as a plan would head its section ("Right to win"), else its rule ID in words. */
export function principleName(result: DocumentLint, ruleId: string): string {
  const heading = /^#{1,6}\s+(.+)$/m.exec(ruleMeta(result, ruleId)?.fix?.template.split(/\r?\n/)[0] ?? '');
  const name = heading ? heading[1].trim() : ruleId.replace(/-/g, ' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The message a finding shows in the editor: on the title, one checklist line. `assessments`: the plan's, by rule. */
export function editorMessage(assessments: ReadonlyMap<string, Assessment>, result: DocumentLint, f: Finding): string {
  if (!onTitle(result, f)) return f.message;
  const name = principleName(result, f.ruleId);
  if (assessments.get(f.ruleId)?.status !== 'partly') return `Missing: ${name}`;
  return `Partly: ${name} — ${firstSentence(f.message)}`;
}

export function firstSentence(text: string): string {
  return text.split(/(?<=[.!?])\s+(?=["“(]?[A-Z])/)[0];
}
