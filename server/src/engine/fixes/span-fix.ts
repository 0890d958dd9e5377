import { docOffsetOf, type Block, type Plan } from '../plan/model';
import { sentenceAt } from '../plan/scope';
import { keepFacts } from './keep-facts';
import type { Match } from '../patterns/pattern';
import type { Fix, FixTemplate } from '../rules/types';
import { PLACEHOLDER } from '../plan/slots';

export type SpanAction = 'replace-match' | 'replace-sentence' | 'append-sentence' | 'append-block' | 'insert-after' | 'insert-section';

/**
 * A fix for words in a block: replace them (or their sentence) with the template, append the
 * template after the sentence or block (in a table, after the cell), or insert it after the
 * block as its next sibling. `$0` in the template stands for the words found.
 */
export function spanFix(plan: Plan, block: Block, match: Match, fix: FixTemplate, action: SpanAction): Fix | undefined {
  const words = block.text.slice(match.start, match.end);
  const template = fix.template.replace(/\$0/g, words).trim();
  if (block.kind === 'heading' && (action === 'append-sentence' || action === 'append-block' || action === 'insert-after')) return paragraphAfter(plan, block, template, fix.title);
  if (action === 'insert-after') return siblingAfter(plan, block, template, fix.title);
  let from: number;
  let to: number;
  let newText: string;
  // Appending goes right after the last character kept, even when what follows it in the
  // document is not prose (a table's cell separator, a comment).
  let afterLast = false;
  switch (action) {
    case 'replace-match':
      [from, to, newText] = [match.start, match.end, template];
      break;
    case 'replace-sentence': {
      const s = sentenceAt(block, match.start);
      [from, to, newText] = [s.start, s.end, keepFacts(template, block.text.slice(s.start, s.end), words)];
      break;
    }
    case 'append-sentence': {
      const s = sentenceAt(block, match.start);
      [from, to, newText] = [s.end, s.end, ` ${template}`];
      break;
    }
    case 'append-block': {
      const end = appendPoint(block, match.start);
      // A template that continues the sentence ("so that …", "— measured by …") goes before its full stop.
      const continues = /^[\p{Ll}—–]/u.test(template) && /[.!?;]/.test(block.text.charAt(end - 1));
      [from, to, newText] = continues ? [end - 1, end - 1, ` ${template.replace(/[.!?]$/, '')}`] : [end, end, ` ${template}`];
      afterLast = !continues && end > 0;
      break;
    }
    default:
      return undefined;
  }
  const start = afterLast ? docOffsetOf(block, from - 1) + 1 : docOffset(block, from);
  const end = to > from ? docOffsetOf(block, to - 1) + 1 : start;
  // Words replaced by complete words are a rewrite; added text or a slot to fill in is a template.
  const safe = (action === 'replace-match' || action === 'replace-sentence') && !PLACEHOLDER.test(newText);
  return { title: fix.title, isPreferred: true, ...(safe && { safe }), edits: [{ range: plan.lines.range(start, end), newText }] };
}

/** Where a block ends for appending: the end of its text, or of the table cell holding text offset `at`. */
function appendPoint(block: Block, at: number): number {
  const next = block.kind === 'table-row' ? block.text.indexOf(' | ', at) : -1;
  return block.text.slice(0, next < 0 ? block.text.length : next).trimEnd().length;
}

/** Text appended to a heading would change the heading: it goes in a new paragraph below it instead. */
function paragraphAfter(plan: Plan, heading: Block, paragraph: string, title: string): Fix {
  const line = plan.lines.position(heading.end).line;
  const at = { line, character: plan.lines.lineText(line).length };
  return { title, isPreferred: true, edits: [{ range: { start: at, end: at }, newText: plan.lines.eol + plan.lines.eol + paragraph }] };
}

/** The template as the block's next sibling: a list item with the same marker, a table row, or a paragraph. */
function siblingAfter(plan: Plan, block: Block, text: string, title: string): Fix {
  const { eol } = plan.lines;
  const first = plan.lines.position(block.start);
  const last = plan.lines.position(block.end).line;
  const at = { line: last, character: plan.lines.lineText(last).length };
  // What precedes the block on its first line: a list marker, block-quote markers, indentation.
  const lead = plan.lines.lineText(first.line).slice(0, first.character);
  let newText: string;
  if (block.kind === 'table-row') newText = `${eol}${lead}| ${text} |${' |'.repeat(Math.max(0, (block.cells?.length ?? 1) - 1))}`;
  else if (block.kind === 'list-item') newText = eol + lead + text;
  else newText = eol + lead.trimEnd() + eol + lead + text;
  return { title, isPreferred: true, edits: [{ range: { start: at, end: at }, newText }] };
}

/** Document offset of a text position, including one just past the last character. */
function docOffset(block: Block, at: number): number {
  return at < block.text.length || at === 0 ? docOffsetOf(block, at) : docOffsetOf(block, at - 1) + 1;
}
