import type { LineIndex, Range } from './positions';

/** A run of prose: a paragraph, list-item paragraph, table row or heading. */
export interface Block {
  kind: 'paragraph' | 'list-item' | 'table-row' | 'heading';
  /** Prose only: inline code, HTML and link URLs are left out; `<placeholders>` stay. */
  text: string;
  /**
   * offsets[i] is where text[i] is, from `start` (see docOffsetOf); one extra entry for the end.
   * Read-only: blocks whose text is their source as it is share one.
   */
  offsets: Int32Array;
  /** Document offsets of the block's source. */
  start: number;
  end: number;
  /** Set in block quotes (and table rows) only: two empty fields took 16 MB for a million lines. */
  inQuote?: boolean;
  /**
   * In a block quote that quotes someone else: attributed ("— a clinic manager", "As Parity put it:")
   * or in quotation marks. A quote without either is the plan's own words set apart (a vision, a
   * goal statement): rules read it as the plan's.
   */
  cited?: boolean;
  /** `Outcome:` or `**KR:**` at the start of the block, lower-cased, else undefined. */
  label?: string;
  /** Table rows: cell texts and the header's cell texts. */
  cells?: string[];
  header?: string[];
  /** Read-only: blocks may share one list. */
  sentences: readonly Sentence[];
  section: Section;
  index: number;
}

/** Offsets into the block's text. */
export interface Sentence {
  start: number;
  end: number;
}

export interface Section {
  /** 0 for the whole document, else the heading depth. */
  level: number;
  title: string;
  /** Lower-case heading words without numbering or punctuation, for alias matching. */
  normalized: string;
  heading?: Block;
  /** Document offsets: from the heading to just before the next heading of the same or higher rank. */
  start: number;
  end: number;
  parent?: Section;
  /** Read-only: sections without subsections share one empty list. */
  children: readonly Section[];
  /** Index range [blockStart, blockEnd) into Plan.blocks, subsections included. */
  blockStart: number;
  blockEnd: number;
}

/** The document offset of the block's text[i], for i up to text.length (the end). */
export function docOffsetOf(block: Block, i: number): number {
  return block.start + block.offsets[i];
}

export interface HtmlComment {
  /** The comment's inner text, without `<!--` and `-->`. */
  body: string;
  start: number;
  end: number;
  /** Whether the comment sits alone on its line(s), as a block. */
  isBlock: boolean;
}

export interface Plan {
  text: string;
  lines: LineIndex;
  frontMatter: Record<string, unknown> | undefined;
  /** Document offsets of the front matter block, fences included. */
  frontMatterSpan?: { start: number; end: number };
  title: { text: string; range: Range; line: number };
  root: Section;
  /** Every section in document order; root first. */
  sections: Section[];
  blocks: Block[];
  comments: HtmlComment[];
}
