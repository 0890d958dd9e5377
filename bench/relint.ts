/**
 * The lint behind an edit's diagnostics, in process: the language server's caches warm (chunks
 * read, pattern answers remembered), one character typed into the middle of the plan, then parse
 * and lint. The LSP rows time the same work from outside, where it is hidden when it finishes
 * within the typing pause (the server lints ahead of the pause's end).
 */
import { resolveConfig, parsePlan, lintPlan, assessPlan } from '../server/src/engine';
import { ChunkCache } from '../server/src/engine/plan/parse';
import { PatternMemo, withPatternMemo } from '../server/src/engine/patterns/memo';

/** Milliseconds per edit (median of `edits`), for a plan given as lines. */
export function relintMs(lines: string[], edits = 60): number {
  const config = resolveConfig({ noConfig: true });
  const cache = new ChunkCache();
  const memo = new PatternMemo();
  const line = lines.findIndex((l, i) => i > lines.length / 2 && /^[A-Z]/.test(l));
  const typed = [...lines];
  const times: number[] = [];
  for (let edit = 0; edit < edits + 5; edit++) {
    typed[line] += 'x';
    const text = typed.join('\n');
    cache.prepare(text); // the server reads the changed chunk as the edit arrives, before the pause ends
    const start = performance.now();
    withPatternMemo(memo, () => {
      const plan = parsePlan(text, cache);
      lintPlan(plan, config.settings, config.knownRuleIds);
      assessPlan(plan, config.settings);
    });
    memo.sweep();
    if (edit >= 5) times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}
