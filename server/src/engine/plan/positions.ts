/** Positions as LSP and VS Code count them: 0-based line, UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Maps string offsets to positions. Line breaks are \r\n, \n or \r, as in LSP. */
export class LineIndex {
  /** 4 bytes a line, exactly as many as there are lines (a list grown line by line held up to 12). */
  readonly lineStarts: Int32Array;

  constructor(readonly text: string) {
    let lines = 1;
    for (let i = breakAfter(text, 0); i >= 0; i = breakAfter(text, i)) lines++;
    const starts = new Int32Array(lines);
    for (let i = breakAfter(text, 0), line = 1; i >= 0; i = breakAfter(text, i)) starts[line++] = i;
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  offset(pos: Position): number {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, pos.line)];
    return Math.min(start + pos.character, this.lineEnd(pos.line));
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** Offset just past the line's content, before its line break. */
  lineEnd(line: number): number {
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  /** The line break style the document mostly uses, for inserted text. */
  get eol(): string {
    const i = this.text.indexOf('\n');
    return i > 0 && this.text[i - 1] === '\r' ? '\r\n' : '\n';
  }
}

/** Where the line after the one at or after `from` starts (\r\n, \n or \r ends a line), or -1 at the last. */
function breakAfter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) return i + 1;
    if (c === 13 /* \r */) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return -1;
}
