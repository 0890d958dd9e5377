import { endsInsideCode } from '../plan/chunks';
import { headingMatchesAny, normalizeHeading } from '../plan/headings';
import type { Plan, Section } from '../plan/model';
import { sectionsMatching } from '../plan/scope';
import type { Fix, FixTemplate } from '../rules/types';

const BACK_MATTER = ['appendix', 'appendices', 'annex', 'references', 'glossary', 'footnotes', 'further reading', 'changelog', 'revision history', 'change log', 'sources', 'bibliography'];

/**
 * A fix that inserts a section template where a reader expects it: after the related
 * section, else before the back matter (appendices, references), else at the end.
 * Returns undefined when the plan already has a section with the template's heading,
 * so applying it twice never duplicates anything, and when the place is inside unclosed code.
 */
export function insertSectionFix(plan: Plan, fix: FixTemplate): Fix | undefined {
  const templateLines = fix.template.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const headingLine = /^(#{1,6})\s+(.*)$/.exec(templateLines[0]);
  if (!headingLine) return undefined;
  const headingText = headingLine[2];
  const normalized = normalizeHeading(headingText);
  if (plan.sections.some((s) => s.level > 0 && s.normalized === normalized)) return undefined;

  const level = sectionLevel(plan);
  const offset = insertionOffset(plan, fix.after ?? [], level);
  // At the end of a plan that ends in an unclosed code fence or comment, the section would not be one.
  if (offset === plan.text.length && endsInsideCode(plan.text)) return undefined;
  const body = [`${'#'.repeat(level)} ${headingText}`, ...templateLines.slice(1)];
  const eol = plan.lines.eol;
  const before = plan.text.slice(0, offset);
  const lead = before.length === 0 ? '' : before.endsWith(`${eol}${eol}`) || /(\r?\n|\r)[ \t]*(\r?\n|\r)$/.test(before) ? '' : before.endsWith(eol) || before.endsWith('\n') ? eol : eol + eol;
  const after = plan.text.slice(offset);
  const trail = after.length === 0 ? eol : eol + eol;
  const pos = plan.lines.position(offset);
  return {
    title: fix.title,
    edits: [{ range: { start: pos, end: pos }, newText: lead + body.join(eol) + trail }],
    isPreferred: true,
  };
}

/** The heading level of the plan's main sections: one below a lone title, else the shallowest used. */
function sectionLevel(plan: Plan): number {
  // One pass, no lists: each missing section's fix asks, and a plan may have a million headings.
  let headed = 0;
  let top = 6;
  let atTop = 0;
  for (const s of plan.sections) {
    if (s.level === 0) continue;
    headed++;
    if (s.level < top) [top, atTop] = [s.level, 0];
    if (s.level === top) atTop++;
  }
  if (headed === 0) return 2;
  if (atTop === 1 && headed > 1) {
    let below = 6;
    for (const s of plan.sections) if (s.level > top && s.level < below) below = s.level;
    return below;
  }
  return headed === 1 ? Math.min(top + 1, 6) : top;
}

function insertionOffset(plan: Plan, after: readonly string[], level: number): number {
  // The plan's title ("Payments strategy") can match an alias; inserting "after" it would mean the end of the plan.
  const related = sectionsMatching(plan, after).find((s) => s.level >= level);
  if (related) return ancestorAtLevel(related, level).end;
  const back = plan.sections.find((s) => s.level > 0 && s.level <= level && headingMatchesAny(s.normalized, BACK_MATTER));
  if (back) return back.start;
  return plan.text.length;
}

function ancestorAtLevel(section: Section, level: number): Section {
  let s = section;
  while (s.parent && s.parent.level >= level) s = s.parent;
  return s;
}
