import { UNTIL, type Directive } from '../../directives';
import type { Plan } from '../../plan/model';
import type { Range } from '../../plan/positions';
import type { Fix, Rule, RuleMeta, TextEdit } from '../types';

/*
 * Rules about stratlint-disable comments themselves ("managed suppressions"). They are code because
 * they read the directives and what the other rules reported, which no pattern can see.
 */


/** The words of the comment that match `re` (e.g. "until 2027-03-31"), else the whole comment. */
function rangeInComment(plan: Plan, d: Directive, re: RegExp): Range {
  const start = plan.lines.offset(d.range.start);
  const m = re.exec(plan.text.slice(start, plan.lines.offset(d.range.end)));
  return m ? plan.lines.range(start + m.index, start + m.index + m[0].length) : d.range;
}

function ruleList(d: Directive): string {
  return d.rules.length === 0 ? 'every rule' : d.rules.map((r) => r.id).join(', ');
}

/** A suppression whose `until` date has passed stops suppressing; this says so where the comment is. */
export function expiredSuppression(meta: RuleMeta): Rule {
  return {
    meta,
    check(ctx) {
      for (const d of ctx.directives) {
        if (d.badUntil) {
          ctx.report({
            range: rangeInComment(ctx.plan, d, UNTIL),
            message: `"until ${d.badUntil}" is not ${/^\d{4}-\d{2}-\d{2}$/.test(d.badUntil) ? 'a real date' : 'a date written as YYYY-MM-DD'}, so this suppression never expires. Write the last day it should hold as YYYY-MM-DD.`,
          });
        } else if (d.expired) {
          ctx.report({
            range: rangeInComment(ctx.plan, d, UNTIL),
            message: `This suppression of ${ruleList(d)} expired on ${d.until}, so it no longer switches anything off. Fix what the findings point at, or, if the exception still holds, renew it: a new date and the reason it still applies.`,
          });
        }
      }
    },
  };
}

/** `stratlint-…` in the comment: where a finding about the directive as a whole sits. */
const KEYWORD = /stratlint-[a-z-]+/;

/** A disable comment without a reason after ` -- ` (an expiry date alone is not a reason). */
export function suppressionReason(meta: RuleMeta): Rule {
  return {
    meta,
    check(ctx) {
      for (const d of ctx.directives) {
        if (d.kind === 'enable') continue;
        const why = (d.reason ?? '').replace(UNTIL, '').replace(/[\s,;.:()-]+/g, ' ').trim();
        if (why) continue;
        ctx.report({ range: rangeInComment(ctx.plan, d, KEYWORD) });
      }
    },
  };
}

/**
 * A disable comment that switched nothing off in this run. It runs after every other rule (see
 * DIRECTIVE_RULES), when each directive knows which rules it silenced. Unknown IDs are left to
 * unknown-rule and expired comments to expired-suppression.
 */
export function unusedSuppression(meta: RuleMeta): Rule {
  return {
    meta,
    check(ctx) {
      const { plan } = ctx;
      for (const d of ctx.directives) {
        if (d.kind === 'enable' || d.expired) continue;
        if (d.rules.length === 0) {
          if (d.suppressed.size > 0) continue;
          ctx.report({
            range: rangeInComment(plan, d, KEYWORD),
            message: `This stratlint-${d.kind} comment switches nothing off: no rule reports anything where it applies. Remove it, so that it does not hide a future finding nobody has looked at.`,
            fixes: [removeComment(plan, d)],
          });
          continue;
        }
        const unused = d.rules.filter((r) => ctx.knownRuleIds.has(r.id) && !d.suppressed.has(r.id));
        for (const r of unused) {
          ctx.report({
            range: r.range,
            message: `"${r.id}" reports nothing where this stratlint-${d.kind} comment applies, so the comment need not name it. Remove it, so that it does not hide a future finding nobody has looked at.`,
            fixes: [unused.length === d.rules.length ? removeComment(plan, d) : removeId(d, r, unused)],
          });
        }
      }
    },
  };
}

/** Deletes the comment: its whole line when it stands alone (and one blank line around it), else the comment and the space before it. */
function removeComment(plan: Plan, d: Directive): Fix {
  const { lines } = plan;
  const start = lines.offset(d.range.start);
  const end = lines.offset(d.range.end);
  const first = d.range.start.line;
  const last = d.range.end.line;
  const alone = lines.lineText(first).slice(0, d.range.start.character).trim() === '' && lines.lineText(last).slice(d.range.end.character).trim() === '';
  let edit: TextEdit;
  if (alone) {
    const blank = (l: number) => l >= 0 && l < lines.lineCount && lines.lineText(l).trim() === '';
    const to = blank(first - 1) && blank(last + 1) ? last + 2 : last + 1;
    const endPos = to < lines.lineCount ? { line: to, character: 0 } : lines.position(plan.text.length);
    edit = { range: { start: { line: first, character: 0 }, end: endPos }, newText: '' };
  } else {
    const before = plan.text.slice(0, start).match(/[ \t]*$/)![0].length;
    edit = { range: lines.range(start - before, end), newText: '' };
  }
  return { title: 'Remove the unused stratlint comment', isPreferred: true, safe: true, edits: [edit] };
}

/**
 * Deletes one ID from the comment's list with the separator that joins it to a neighbour. Each
 * removed ID takes a different separator, so the fixes for several IDs of one comment never overlap:
 * an ID takes the separator after it, unless every ID after it goes too, then the one before it.
 */
function removeId(d: Directive, r: Directive['rules'][number], removed: readonly Directive['rules'][number][]): Fix {
  const i = d.rules.indexOf(r);
  const trailing = d.rules.slice(i + 1).every((x) => removed.includes(x));
  const [from, to] = trailing ? [d.rules[i - 1].range.end, r.range.end] : [r.range.start, d.rules[i + 1].range.start];
  return { title: `Remove "${r.id}" from the stratlint comment`, isPreferred: true, safe: true, edits: [{ range: { start: from, end: to }, newText: '' }] };
}
