import { blockRange, sectionsMatching, blocksOf } from '../../plan/scope';
import { anyMatch, compileAll, type Terms } from '../../patterns/pattern';
import type { RuleDataOf } from '../schema';
import type { Rule, RuleMeta } from '../types';

/** A section, when present, must contain certain content or at least N items. Finding on its heading. */
export function sectionContent(data: RuleDataOf<'section-content'>, meta: RuleMeta, terms: Terms): Rule {
  const required = compileAll(data.require, terms);
  return {
    meta,
    check(ctx) {
      for (const section of sectionsMatching(ctx.plan, data.sections)) {
        const blocks = blocksOf(ctx.plan, section).filter((b) => b !== section.heading);
        const items = blocks.filter((b) => b.kind === 'list-item' || (b.kind === 'table-row' && b.header !== undefined)).length;
        const missingContent = required.length > 0 && !blocks.some((b) => anyMatch(required, b.text));
        const tooFew = data.minItems !== undefined && items < data.minItems;
        if (!missingContent && !tooFew) continue;
        const h = section.heading!;
        const fixes = [];
        if (meta.fix) {
          const at = ctx.plan.lines.position(section.end);
          const eol = ctx.plan.lines.eol;
          fixes.push({ title: meta.fix.title, isPreferred: true, edits: [{ range: { start: at, end: at }, newText: meta.fix.template.trim().replace(/\r?\n/g, eol) + eol + eol }] });
        }
        // The heading's words, not a comment or anchor after them.
        ctx.report({ range: blockRange(ctx.plan, h, 0, h.text.trimEnd().length), fixes });
      }
    },
  };
}
