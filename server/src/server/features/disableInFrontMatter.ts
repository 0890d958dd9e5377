/**
 * "Disable <rule> for this plan": the rule turned off in the plan's own settings, in its front
 * matter (`stratlint: { rules: { id: off } }`). A plan-level finding has no line to switch off,
 * and the plan's settings are where a reader looks for what it has opted out of.
 */
import { isMap, parseDocument } from 'yaml';
import type { Plan, TextEdit } from '../../engine/index';

/** Undefined when the front matter does not parse, is not a map, or already turns the rule off. */
export function disableInFrontMatter(plan: Plan, ruleId: string): TextEdit | undefined {
  const { eol } = plan.lines;
  const span = plan.frontMatterSpan;
  if (!span) {
    const yaml = ['---', 'stratlint:', '  rules:', `    ${ruleId}: off`, '---', '', ''].join(eol);
    return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: yaml };
  }
  // the YAML between the fences, as whole lines
  const first = plan.lines.position(span.start).line + 1;
  const closing = plan.lines.position(span.end).line;
  const start = plan.lines.lineStarts[first];
  const end = plan.lines.lineStarts[closing];
  if (start === undefined || end === undefined || end < start) return undefined;
  const doc = parseDocument(plan.text.slice(start, end));
  if (doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) return undefined;
  const current = doc.get('stratlint');
  if (current !== undefined && current !== true && !isMap(current)) return undefined;
  if (doc.getIn(['stratlint', 'rules', ruleId]) === 'off') return undefined;
  if (isMap(current)) doc.setIn(['stratlint', 'rules', ruleId], 'off');
  else doc.set('stratlint', doc.createNode({ rules: { [ruleId]: 'off' } }));
  const text = doc.toString({ lineWidth: 0 }).replace(/\n/g, eol);
  return { range: plan.lines.range(start, end), newText: text };
}
