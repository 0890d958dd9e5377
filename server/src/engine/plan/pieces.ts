import { closesFence, fenceOpening, frontMatterEnd, type Chunk } from './chunks';
import { DELIMITER_ROW, parseMarkdown } from './markdown';

/**
 * Bounds what micromark parses at once: it holds kilobytes per line of the text it is given
 * (20 KB per list item), so a chunk of a million lines took gigabytes. A chunk of more than
 * `lines` lines is cut into pieces, each cut where parsing the pieces gives the blocks a parse of
 * the whole chunk gives (outside HTML blocks and comments):
 * - before an ATX heading, or before a line at column 0 that follows a blank line;
 * - before an item of a list whose items start at column 0 (a marker of the run's kind);
 * - between `|` rows of a table: the piece is parsed after the table's head and delimiter rows (`prefix`);
 * - inside fenced code opened at column 0: the piece is parsed after the opening fence (`prefix`);
 * - between lines of a run of plain lines (a letter or digit first, after `>` in a quote; no
 *   character that opens emphasis, code, a link or HTML; no trailing space), which continue one
 *   paragraph: the piece's first paragraph is joined to the block before it (`joins`).
 * Where none of these comes within `hard` lines, the piece is cut at a line anyway (an element
 * that spans that line is then read as two). Chunks of real plans stay far below `lines`, so
 * their reading never changes.
 */
export interface PieceSize {
  lines: number;
  hard: number;
}

export const PIECE_SIZE: PieceSize = { lines: 100, hard: 400 };

const BLANK = /^[ \t]*$/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** A list item's marker at column 0 with text after it; group 1 is an ordered marker's delimiter. */
const ITEM = /^(?:[-*+]|\d{1,9}([.)]))[ \t]+\S/;
const PLAIN = /^(?!\d{1,9}[.)])[\p{L}\p{N}][^*_~`<>[\]\\!&|]*(?<![ \t])$/u;
const PIPE_ROW = /^\|/;
/** HTML blocks that end at a given text rather than at a blank line (CommonMark kinds 1, 3, 4 and 5); comments are tracked apart. */
const HTML_ENDS: [RegExp, string][] = [
  [/^ {0,3}<(?:pre|script|style|textarea)(?:[\s>]|$)/i, '</'],
  [/^ {0,3}<\?/, '?>'],
  [/^ {0,3}<!\[CDATA\[/, ']]>'],
  [/^ {0,3}<![A-Za-z]/, '>'],
];

interface Cut {
  at: number;
  prefix?: string;
  joins?: boolean;
}

/** The kind of list item a line starts at column 0: 'bullet', '.' or ')'. */
function itemKind(line: string): string | undefined {
  const m = ITEM.exec(line);
  return m && !THEMATIC.test(line) ? (m[1] ?? 'bullet') : undefined;
}

/** How a plain line continues a paragraph: at the top level or after `>`. */
function plainKind(line: string): 'top' | 'quote' | undefined {
  if (PLAIN.test(line)) return 'top';
  return line.startsWith('>') && PLAIN.test(line.slice(line[1] === ' ' ? 2 : 1)) ? 'quote' : undefined;
}

/** Whether these head and delimiter rows open a table when a parse starts with them. */
function opensTable(head: string, delimiter: string): boolean {
  const [node] = parseMarkdown(`${head}\n${delimiter}\n`).children;
  return node?.type === 'table' && node.children.length === 1;
}

/** The text where each HTML block that started on this line ends ('' at a blank line), undefined if it ended on it. */
function htmlEndOf(line: string): string | undefined {
  const kind = HTML_ENDS.find(([open]) => open.test(line));
  if (!kind) return '';
  return line.slice(line.indexOf('<') + 2).includes(kind[1]) ? undefined : kind[1];
}

/** What a chunk's lines are inside of, line by line, and where they may be cut. */
class Scanner {
  private fence?: { mark: string; opening: string; atColumn0: boolean };
  private html?: string;
  private comment = false;
  private tableBlock = false;
  private table?: string;
  private list?: string;
  private plain?: 'top' | 'quote';
  private previous?: string;
  private previousStartsBlock = false;

  /** Where the line may be cut before, given the lines before it. */
  cutBefore(line: string, at: number, forced: boolean): Cut | undefined {
    if (this.previous === undefined) return undefined;
    if (this.fence) return this.fence.atColumn0 || forced ? { at, prefix: this.fence.opening } : undefined;
    if (this.html !== undefined || this.comment) return forced ? { at } : undefined;
    if (this.table && PIPE_ROW.test(line)) return { at, prefix: this.table };
    const afterBlank = BLANK.test(this.previous);
    if ((afterBlank && /^[^ \t]/.test(line)) || HEADING.test(line) || (this.list && itemKind(line) === this.list)) return { at };
    if (this.plain && plainKind(line) === this.plain) return { at, joins: true };
    return forced ? { at, joins: !afterBlank } : undefined;
  }

  /** Takes the line in. */
  read(line: string): void {
    const blank = BLANK.test(line);
    const startsBlock = this.previous === undefined || BLANK.test(this.previous) || HEADING.test(this.previous);
    if (this.fence) {
      if (closesFence(line, this.fence.mark)) this.fence = undefined;
    } else if (this.comment) {
      this.comment = !line.includes('-->');
    } else if (this.html !== undefined) {
      if (this.html === '' ? blank : line.includes(this.html)) this.html = undefined;
    } else {
      const mark = fenceOpening(line);
      if (mark) this.fence = { mark, opening: `${line}\n`, atColumn0: !/^[ \t]/.test(line) };
      else if (/^ {0,3}<!--/.test(line)) this.comment = !line.includes('-->');
      else if (/^ {0,3}<[A-Za-z/?!]/.test(line)) this.html = htmlEndOf(line);
    }
    const outside = !this.fence && !this.comment && this.html === undefined && !blank && !HEADING.test(line);
    this.tableBlock = outside && (this.tableBlock || DELIMITER_ROW.test(line));
    this.table = outside && PIPE_ROW.test(line) ? (this.table ?? this.tableAt(line)) : undefined;
    this.list = this.listAfter(line, outside, startsBlock);
    const plain = outside && !this.tableBlock ? plainKind(line) : undefined;
    this.plain = plain && (this.plain === undefined || this.plain === plain) ? plain : undefined;
    this.previousStartsBlock = startsBlock;
    this.previous = line;
  }

  /** A table's head and delimiter rows, when this line is the delimiter row of one that starts a block. */
  private tableAt(line: string): string | undefined {
    const head = this.previous;
    if (!this.previousStartsBlock || head === undefined || !PIPE_ROW.test(head) || !DELIMITER_ROW.test(line)) return undefined;
    return opensTable(head, line) ? `${head}\n${line}\n` : undefined;
  }

  /** The kind of the run of column-0 list items this line is in, if it is in one. */
  private listAfter(line: string, outside: boolean, startsBlock: boolean): string | undefined {
    if (HEADING.test(line)) return undefined;
    if (!outside) return this.list;
    const kind = itemKind(line);
    // A bullet with text always starts an item; an ordered marker only after a block's end or in its own run.
    if (kind && (kind === 'bullet' || startsBlock || kind === this.list)) return kind;
    return /^[ \t]/.test(line) ? this.list : undefined;
  }
}

/** The lines of `text` from `from`: their start and text, at \n, \r\n and \r. */
function* linesOf(text: string, from: number): Generator<{ start: number; text: string }> {
  const breaks = /\r\n|\r|\n/g;
  breaks.lastIndex = from;
  for (let start = from; start < text.length; ) {
    const m = breaks.exec(text);
    const end = m ? m.index : text.length;
    yield { start, text: text.slice(start, end) };
    start = m ? end + m[0].length : text.length;
  }
}

/** Cuts a chunk of more than `size.lines` lines into pieces (see above); a shorter one stays whole. */
export function splitPieces(chunk: Chunk, size: PieceSize = PIECE_SIZE): Chunk[] {
  const { text } = chunk;
  const scanner = new Scanner();
  const cuts: Cut[] = [];
  let lines = 0;
  for (const line of linesOf(text, /^---[ \t]*\r?\n/.test(text) ? frontMatterEnd(text) : 0)) {
    if (++lines > size.lines) {
      const cut = scanner.cutBefore(line.text, line.start, lines > size.hard);
      if (cut) {
        cuts.push(cut);
        lines = 1;
      }
    }
    scanner.read(line.text);
  }
  if (cuts.length === 0) return [chunk];
  const pieces: Chunk[] = [];
  let start = 0;
  let from: Cut = { at: 0 };
  for (const cut of [...cuts, { at: text.length }]) {
    pieces.push({ start: chunk.start + start, text: text.slice(start, cut.at), prefix: from.prefix, joins: from.joins });
    start = cut.at;
    from = cut;
  }
  return pieces;
}
