import type { TextEdit } from '../../server/src/engine/index';

/** Lines of `before` that the edits do not touch must all survive, in order. */
export function keepsUntouchedLines(before: string, after: string, touched: Set<number>): boolean {
  const kept = after.split(/\r\n|\r|\n/);
  let j = 0;
  for (const [i, line] of before.split(/\r\n|\r|\n/).entries()) {
    if (touched.has(i)) continue;
    while (j < kept.length && kept[j] !== line) j++;
    if (j === kept.length) return false;
    j++;
  }
  return true;
}

/** Whether an edit changes line `l`: a replacement does; an insertion only when it lands inside the line's text. */
export function changesLine(text: string, e: TextEdit, l: number): boolean {
  const { start, end } = e.range;
  if (start.line !== end.line || start.character !== end.character) return true;
  const atLineEnd = start.character === (text.split(/\r\n|\r|\n/)[l] ?? '').length;
  return !((start.character === 0 && /[\r\n]$/.test(e.newText)) || (atLineEnd && /^[\r\n]/.test(e.newText)));
}

/** The lines a fix's edits change. */
export function touchedLines(text: string, edits: readonly TextEdit[]): Set<number> {
  const touched = new Set<number>();
  for (const e of edits) for (let l = e.range.start.line; l <= e.range.end.line; l++) if (changesLine(text, e, l)) touched.add(l);
  return touched;
}
