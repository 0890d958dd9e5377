import type { Rule, RuleMeta } from '../types';

/** A `stratlint-disable` comment naming a rule that does not exist silences nothing: usually a typo. */
export function unknownRule(meta: RuleMeta): Rule {
  return {
    meta,
    check(ctx) {
      for (const d of ctx.directives) {
        for (const r of d.rules) {
          if (ctx.knownRuleIds.has(r.id)) continue;
          const near = closest(r.id, ctx.knownRuleIds);
          ctx.report({
            range: r.range,
            message: `Unknown rule "${r.id}" in stratlint-${d.kind}: this comment switches nothing off.${near ? ` Did you mean "${near}"?` : ''}`,
          });
        }
      }
    },
  };
}

function closest(id: string, known: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(id.length / 3)) + 1;
  for (const k of known) {
    const d = editDistance(id, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
