import type { Block, Plan, Section } from '../../plan/model';
import { inSectionMatching, someBlockOf, sentenceTextAt } from '../../plan/scope';
import { anyMatch, type Pattern } from '../../patterns/pattern';

export type Scope = 'sentence' | 'block' | 'section' | 'plan';

/** Whether one of the patterns appears in the scope around text offset `at` of the block. */
export function appearsInScope(plan: Plan, block: Block, at: number, scope: Scope, patterns: readonly Pattern[]): boolean {
  if (patterns.length === 0) return false;
  switch (scope) {
    case 'sentence':
      return anyMatch(patterns, sentenceTextAt(block, at));
    case 'block':
      return anyMatch(patterns, block.text);
    case 'section':
      return wideAnswer(block.section, patterns, () => someBlockOf(plan, block.section, (b) => anyMatch(patterns, b.text)));
    case 'plan':
      return wideAnswer(plan, patterns, () => plan.blocks.some((b) => anyMatch(patterns, b.text)));
  }
}

/** Section- and plan-wide answers, asked for every trigger in the scope: worked out once per lint. */
const wideAnswers = new WeakMap<object, Map<readonly Pattern[], boolean>>();

function wideAnswer(scope: Section | Plan, patterns: readonly Pattern[], compute: () => boolean): boolean {
  let answers = wideAnswers.get(scope);
  if (!answers) wideAnswers.set(scope, (answers = new Map()));
  let found = answers.get(patterns);
  if (found === undefined) answers.set(patterns, (found = compute()));
  return found;
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
  return quotesOf(text)(at);
}

/**
 * `insideQuotes` for many offsets of one text: the text is read once, each offset is a binary
 * search (asking each offset from the start again is quadratic in a long paragraph).
 */
export function quotesOf(text: string): (at: number) => boolean {
  const marks: number[] = [];
  const openAfter: boolean[] = [];
  let open = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '“' && c !== '”' && c !== '"') continue;
    open = c === '“' ? true : c === '”' ? false : !open;
    marks.push(i);
    openAfter.push(open);
  }
  return (at) => {
    // The last mark before `at` says whether a quotation is open there.
    let lo = 0;
    let hi = marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && openAfter[lo - 1];
  };
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
