import type { Block, Plan } from '../../plan/model';
import { inSectionMatching, sectionBlocks, sentenceAt } from '../../plan/scope';
import { anyMatch, type Pattern } from '../../patterns/pattern';

export type Scope = 'sentence' | 'block' | 'section' | 'plan';

/** Whether one of the patterns appears in the scope around text offset `at` of the block. */
export function appearsInScope(plan: Plan, block: Block, at: number, scope: Scope, patterns: readonly Pattern[]): boolean {
  if (patterns.length === 0) return false;
  switch (scope) {
    case 'sentence': {
      const s = sentenceAt(block, at);
      return anyMatch(patterns, block.text.slice(s.start, s.end));
    }
    case 'block':
      return anyMatch(patterns, block.text);
    case 'section':
      return sectionBlocks(plan, block).some((b) => anyMatch(patterns, b.text));
    case 'plan':
      return plan.blocks.some((b) => anyMatch(patterns, b.text));
  }
}

/** Blocks a rule restricted to sections and/or labels looks at. */
export function blockInContext(block: Block, sections: readonly string[] | undefined, labels: readonly string[] | undefined): boolean {
  if (!sections && !labels) return true;
  if (sections && block.kind !== 'heading' && inSectionMatching(block, sections)) return true;
  return hasLabel(block, labels);
}

/** Whether the block starts with one of these labels (`KR: …`). */
export function hasLabel(block: Block, labels: readonly string[] | undefined): boolean {
  return !!labels && !!block.label && labels.some((l) => block.label === l.toLowerCase());
}

/** Whether text offset `at` lies inside "double" or “curly” quotation marks. */
export function insideQuotes(text: string, at: number): boolean {
  let open = false;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (c === '“') open = true;
    else if (c === '”') open = false;
    else if (c === '"') open = !open;
  }
  return open;
}

/** Spaces before a list item's marker (after any block-quote markers): more means nested deeper. */
export function listIndent(plan: Plan, block: Block): number {
  const at = plan.lines.position(block.start);
  const lead = plan.lines.lineText(at.line).slice(0, at.character).replace(/^(?:\s*>)*/, '');
  return lead.length - lead.trimStart().length;
}

/** The list item this one is nested under, if any. */
export function parentItem(plan: Plan, block: Block): Block | undefined {
  if (block.kind !== 'list-item') return undefined;
  const indent = listIndent(plan, block);
  for (let i = block.index - 1; i >= 0 && plan.blocks[i].kind === 'list-item'; i--) {
    if (listIndent(plan, plan.blocks[i]) < indent) return plan.blocks[i];
  }
  return undefined;
}
