/**
 * The plan's outline: its sections nested by heading level. A section that addresses a
 * plan-level principle says which in its detail ("right-to-win"), so the outline doubles as a
 * map of what the plan covers. Editors with an outline of their own for Markdown (VS Code) are
 * not given this one, which would list every heading twice: they show the same map as code
 * lenses on the headings (sectionLenses).
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Section } from '../../engine/index';
import { planResult, type LintOutcome } from '../linting';

/** The principles each section addresses (partly or fully), by where the plan's evidence is. */
export function principlesBySection(outcome: LintOutcome): Map<Section, string[]> {
  const { plan } = planResult(outcome)!;
  const addressedIn = new Map<Section, string[]>();
  for (const [ruleId, a] of outcome.assessments) {
    if (a.status === 'missing' || !a.evidence) continue;
    const at = plan.lines.offset(a.evidence.start);
    const section = innermost(plan.root, at);
    if (section && section.level > 0) addressedIn.set(section, [...(addressedIn.get(section) ?? []), ruleId]);
  }
  return addressedIn;
}

export function documentSymbols(outcome: LintOutcome | undefined): DocumentSymbol[] {
  const result = planResult(outcome);
  if (!outcome || !result) return [];
  const { plan } = result;
  const addressedIn = principlesBySection(outcome);
  const symbol = (s: Section): DocumentSymbol => {
    const headingSpan = s.heading ? { start: s.heading.start, end: s.heading.end } : { start: s.start, end: s.start };
    const heading = plan.lines.range(headingSpan.start, headingSpan.end);
    // the outline requires the heading inside the section's range, even for a bare "## "
    const body = trimmed(plan.text, Math.min(s.start, headingSpan.start), Math.max(s.end, headingSpan.end), headingSpan.end);
    return {
      name: s.title.trim() || '(untitled section)',
      detail: addressedIn.get(s)?.join(', '),
      kind: s.level <= 1 ? SymbolKind.Module : SymbolKind.Namespace,
      range: plan.lines.range(body.start, body.end),
      selectionRange: heading,
      children: s.children.map(symbol),
    };
  };
  return plan.root.children.map(symbol);
}

function innermost(section: Section, offset: number): Section | undefined {
  // a section ends where the next heading starts: that offset belongs to the next one
  if (offset < section.start || (offset >= section.end && section.level > 0)) return undefined;
  for (const child of section.children) {
    const found = innermost(child, offset);
    if (found) return found;
  }
  return section;
}

/** A section's span without the blank lines before the next heading (never shorter than its heading). */
function trimmed(text: string, start: number, end: number, headingEnd: number): { start: number; end: number } {
  let e = end;
  while (e > headingEnd && /\s/.test(text[e - 1])) e--;
  return { start, end: e };
}
