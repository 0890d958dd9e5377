/**
 * "Insert all missing sections": every section template the plan's title findings offer, as one
 * edit (one undo, one snippet whose tab stops walk through them all), in the order a new plan
 * lays them out. They go where the first of them would go on its own.
 */
import type { DocumentLint, Finding, Rule, TextEdit } from '../../engine/index';
import { readingOrder } from './newPlan';

export const INSERT_ALL_TITLE = 'Insert all missing sections';

/** The edit, when at least two findings each offer a section of their own to insert. */
export function insertAllSections(result: DocumentLint, findings: readonly Finding[]): TextEdit | undefined {
  const inserts = new Map<string, TextEdit>();
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.isPreferred);
    const edit = fix?.edits.length === 1 ? fix.edits[0] : undefined;
    // a section of its own, inserted (a partly finding's fix fills a section the plan has)
    if (edit && isInsertion(edit) && /^#{1,6}\s/.test(edit.newText.trimStart())) inserts.set(f.ruleId, edit);
  }
  if (inserts.size < 2) return undefined;
  const rules = result.config.settings.map((s) => s.rule).filter((r: Rule) => inserts.has(r.meta.id));
  const edits = readingOrder(rules).map((r) => inserts.get(r.meta.id)!);
  const [first] = edits;
  const lead = /^(?:\r?\n)*/.exec(first.newText)![0];
  const trail = /(?:\r?\n)*$/.exec(first.newText)![0];
  const { eol } = result.plan.lines;
  const body = edits.map((e) => e.newText.trim()).join(eol + eol);
  return { range: first.range, newText: lead + body + trail };
}

function isInsertion(edit: TextEdit): boolean {
  return edit.range.start.line === edit.range.end.line && edit.range.start.character === edit.range.end.character;
}
