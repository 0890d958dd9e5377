import type { Plan, Section } from '../../plan/model';
import { blockRange } from '../../plan/scope';
import { isTemplateText, PLACEHOLDER, PLACEHOLDERS } from '../../plan/slots';
import type { Related, Rule, RuleMeta } from '../types';

/**
 * Sections still holding only template text (prompts, instructions to the writer, placeholders,
 * "TBD", bare labels, empty rows). A reviewer says it once per section; several such sections
 * make one finding on the first, each section listed as related information, so a half-filled
 * template reads as one gap rather than a column of identical warnings. Code, not data: it reads
 * the emphasis and quoting around the prose, which patterns cannot see.
 */
export function unfilledTemplate(meta: RuleMeta): Rule {
  return {
    meta,
    check(ctx) {
      const unfilled = ctx.plan.sections.filter((s) => isUnfilled(ctx.plan, s));
      if (unfilled.length === 0) return;
      const range = (s: Section) => blockRange(ctx.plan, s.heading!, 0, s.heading!.text.trimEnd().length);
      if (unfilled.length === 1) {
        ctx.report({ range: range(unfilled[0]) });
        return;
      }
      const related: Related[] = unfilled.map((s) => ({ range: range(s), message: `Not filled in: "${s.title}"` }));
      ctx.report({
        range: range(unfilled[0]),
        message: `${unfilled.length} sections of this plan are still template text: their prompts, placeholders or "TBD" are not filled in, so they say nothing about this plan yet. Write the plan's own answer in their place, or remove the sections that do not apply.`,
        related,
      });
    },
  };
}

/** A heading that is itself a placeholder, or a section whose own text (before any subsection) is template text only. */
function isUnfilled(plan: Plan, section: Section): boolean {
  const heading = section.heading;
  if (!heading) return false;
  if (PLACEHOLDER.test(heading.text) && heading.text.replace(PLACEHOLDERS, '').trim() === '') return true;
  const ownEnd = section.children[0]?.blockStart ?? section.blockEnd;
  // A table's header row is the template's structure: what the rows under it say decides.
  const own = plan.blocks.slice(heading.index + 1, ownEnd).filter((b) => !(b.kind === 'table-row' && !b.header));
  return own.length > 0 && own.every((b) => isTemplateText(plan, b));
}
