import type { Block, Plan } from '../../plan/model';
import type { Range } from '../../plan/positions';
import { blockRange } from '../../plan/scope';
import type { Pattern } from '../../patterns/pattern';

/** The first place in the given blocks (default: the whole plan) where one of the patterns matches. */
export function findEvidence(plan: Plan, patterns: readonly Pattern[], blocks: readonly Block[] = plan.blocks): Range | undefined {
  if (patterns.length === 0) return undefined;
  for (const block of blocks) {
    for (const p of patterns) {
      const m = p.firstMatch(block.text);
      if (m) return blockRange(plan, block, m.start, m.end);
    }
  }
  return undefined;
}
