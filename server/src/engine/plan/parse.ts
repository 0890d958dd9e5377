import type { Blockquote, Heading, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { normalizeHeading } from './headings';
import { docOffsetOf, type Block, type HtmlComment, type Plan, type Section } from './model';
import { LineIndex } from './positions';
import { ProseBuilder } from './prose';
import { splitSentences } from './sentences';
import { splitChunks, type Chunk } from './chunks';
import { limitNesting } from './nesting';
import { parseMarkdown } from './markdown';

const LABEL = /^\s*([A-Za-z][A-Za-z0-9 /&-]{0,30}?)\s*:\s/;

/**
 * A chunk read on its own: its blocks, headings, comments and front matter in document order,
 * with offsets relative to the chunk's start. An edit shifts the chunks after it, not their content.
 */
type ChunkItem =
  | { type: 'heading'; depth: number; block: ChunkBlock }
  | { type: 'block'; block: ChunkBlock }
  | { type: 'comment'; comment: HtmlComment }
  | { type: 'yaml'; span: { start: number; end: number }; data: Record<string, unknown> | undefined };

type ChunkBlock = Omit<Block, 'section' | 'index'>;

/** Outside a block quote, in one that is the plan's own words, or in one that quotes someone (see Block.cited). */
type Quote = false | 'own' | 'cited';
/** "— Benjamin Kampmann", "-- a clinic manager", "~ Ada", "<cite>…": who said it. */
const ATTRIBUTION_LINE = /^(?:[-–—~]{1,2}\s*\S|<cite>|\*?(?:source|via):)/i;
/** The quote opens with a quotation mark: "“I just want it faster”". */
const OPENING_QUOTE = /^[*_]*["“‘„«]/;
/** "Our vision:", "The goal for 2027 is:": a lead-in to the plan's own statement. */
const OWN_LEAD_IN = /\b(?:our|the|his|her|their|its|this\s+plan'?s?|the\s+team'?s)\s+(?:[\p{L}-]+\s+){0,2}?(?:vision|mission|goal|aim|ambition|north\s+star|strategy|purpose|promise|objective|commitment)s?\b[^.!?]*:$/iu;

interface ChunkModel {
  items: ChunkItem[];
}

/** Chunks read by their text, so an editor re-reads only the chunks an edit touched. */
export class ChunkCache {
  private readonly models = new Map<string, ChunkModel>();
  private size = 0;
  /** The last document's chunks, and how many of them `prepare` has read. */
  private last?: { text: string; chunks: Chunk[]; prepared: number };

  constructor(private readonly maxChars = 8_000_000) {}

  /** The document's chunks; the last document's are remembered, for `prepare` and the lint after it. */
  chunksOf(text: string): Chunk[] {
    if (this.last?.text !== text) this.last = { text, chunks: splitChunks(text, text.charCodeAt(0) === 0xfeff ? 1 : 0), prepared: 0 };
    return this.last.chunks;
  }

  /**
   * Reads the chunks of a text ahead of its lint: the language server does it on each edit, before
   * the typing pause ends. Stops once `performance.now()` passes `until`; false if chunks are left.
   */
  prepare(text: string, until = Infinity): boolean {
    const chunks = this.chunksOf(text);
    const last = this.last!;
    while (last.prepared < chunks.length) {
      this.read(sourceOf(chunks[last.prepared++]));
      if (performance.now() > until) return last.prepared === chunks.length;
    }
    return true;
  }

  read(source: string): ChunkModel {
    const hit = this.models.get(source);
    if (hit) {
      this.models.delete(source);
      this.models.set(source, hit); // most recently used last
      return hit;
    }
    const model = readChunk(source);
    this.models.set(source, model);
    this.size += source.length;
    for (const [key] of this.models) {
      if (this.size <= this.maxChars || key === source) break;
      this.models.delete(key);
      this.size -= key.length;
    }
    return model;
  }
}

/**
 * Reads a Markdown document as a plan: sections, blocks and sentences with exact positions.
 * The document is parsed in top-level chunks (see chunks.ts); pass a cache to reuse chunks.
 */
export function parsePlan(text: string, cache?: ChunkCache): Plan {
  // micromark drops a byte order mark; offsets stay in the caller's terms.
  return parseChunks(text, cache ? cache.chunksOf(text) : splitChunks(text, text.charCodeAt(0) === 0xfeff ? 1 : 0), cache);
}

/** What a chunk is parsed as: its prefix, its text, then definitions (behind a blank line, so its nodes keep their offsets). */
function sourceOf(chunk: Chunk): string {
  const text = chunk.prefix ? chunk.prefix + chunk.text : chunk.text;
  return chunk.definitions ? `${text}\n\n${chunk.definitions}\n` : text;
}

/** Builds the plan from given chunks (tests compare a chunked parse with a whole one). */
export function parseChunks(text: string, chunks: readonly Chunk[], cache?: ChunkCache): Plan {
  const lines = new LineIndex(text);
  const builder = new PlanBuilder(text);
  for (const chunk of chunks) {
    const source = sourceOf(chunk);
    builder.place(cache ? cache.read(source) : readChunk(source), chunk);
  }
  const { sections, root } = builder.finishSections();
  const title = findTitle(builder, lines);
  return {
    text,
    lines,
    frontMatter: builder.frontMatter,
    frontMatterSpan: builder.frontMatterSpan,
    title,
    root,
    sections,
    blocks: builder.blocks,
    comments: builder.comments,
  };
}

/** Parses one chunk; a chunk the parser cannot take becomes one code block (no prose), never a crash. */
function parseTree(text: string): Root {
  try {
    return parseMarkdown(limitNesting(text));
  } catch {
    const end = { line: text.split('\n').length, column: 1, offset: text.length };
    return { type: 'root', children: [{ type: 'code', value: text, position: { start: { line: 1, column: 1, offset: 0 }, end } }] };
  }
}

function readChunk(source: string): ChunkModel {
  const reader = new ChunkReader(source);
  reader.walk(parseTree(source).children, false);
  return { items: reader.items };
}

/** Walks a chunk's tree into items; offsets are the chunk's own. */
class ChunkReader {
  readonly items: ChunkItem[] = [];

  constructor(private readonly source: string) {}

  private span(node: Nodes): { start: number; end: number } {
    return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
  }

  walk(nodes: readonly RootContent[], quote: Quote, inList = false): void {
    nodes.forEach((node, i) => this.visit(node, quote, inList, nodes[i - 1]));
  }

  private visit(node: RootContent, quote: Quote, inList: boolean, before: RootContent | undefined): void {
    switch (node.type) {
      case 'yaml':
        this.items.push({ type: 'yaml', span: this.span(node), data: readFrontMatter(node.value) });
        return;
      case 'heading':
        if (quote || inList) this.addBlock('paragraph', node, quote);
        else this.items.push({ type: 'heading', depth: node.depth, block: this.prose('heading', node, false) });
        return;
      case 'paragraph':
        this.addBlock(inList ? 'list-item' : 'paragraph', node, quote);
        return;
      case 'blockquote':
        this.walk(node.children, quote === 'cited' || this.cites(node, before) ? 'cited' : 'own', inList);
        return;
      case 'list':
        for (const item of node.children) this.walk(item.children, quote, true);
        return;
      case 'table':
        this.addTable(node, quote);
        return;
      case 'html':
        this.collectComments(node.value, this.span(node).start, true);
        this.addHtmlTable(node.value, this.span(node).start, quote);
        return;
      case 'footnoteDefinition':
        this.walk(node.children, quote, inList);
        return;
      default:
        // code, definitions, thematic breaks: not prose
        return;
    }
  }

  /**
   * Whether a block quote quotes someone else: it names who said it, opens with a quotation mark,
   * or stands in the middle of prose, after a paragraph that brings it in ("A rival's launch post
   * promised the same thing:", "… and the portal nobody used was the result."). A quote that opens
   * its section, or follows "Our vision:", is the plan's own statement set apart.
   */
  private cites(quote: Blockquote, before: RootContent | undefined): boolean {
    const { start, end } = this.span(quote);
    const lines = this.source.slice(start, end).split('\n').map((l) => l.replace(/^(?:\s*>)+\s*/, '').trim()).filter(Boolean);
    if (lines.some((l) => ATTRIBUTION_LINE.test(l)) || OPENING_QUOTE.test(lines[0] ?? '')) return true;
    if (before?.type !== 'paragraph') return false;
    return !OWN_LEAD_IN.test(this.source.slice(this.span(before).start, this.span(before).end).trim());
  }

  private addBlock(kind: Block['kind'], node: Paragraph | Heading, quote: Quote): void {
    this.items.push({ type: 'block', block: this.prose(kind, node, quote) });
  }

  private prose(kind: Block['kind'], node: Paragraph | Heading, quote: Quote): ChunkBlock {
    const { start, end } = this.span(node);
    const prose = new ProseBuilder(this.source, 0, start);
    const content = node.children.filter((c) => !(c.type === 'html' && c.value.startsWith('<!--')) && !(c.type === 'text' && c.value.trim() === ''));
    const only = content.length === 1 ? content[0] : undefined;
    // A line that is all one code span of words ("`Add 1 full time rust developer (ewd)`", how some
    // OKR pages set their key results) is that text, not code.
    if (only?.type === 'inlineCode' && CODE_AS_PROSE.test(only.value) && only.position?.start.offset !== undefined) {
      const at = this.source.indexOf(only.value, only.position.start.offset);
      if (at >= 0) prose.pushAt(only.value, at);
      else prose.phrasing(node.children);
    } else prose.phrasing(node.children);
    this.collectInlineComments(node);
    return chunkBlock({ kind, ...prose.build(end), start, end, inQuote: !!quote, cited: quote === 'cited' });
  }

  private addTable(table: Table, quote: Quote): void {
    let header: string[] | undefined;
    for (const row of table.children) {
      const { start, end } = this.span(row);
      const prose = new ProseBuilder(this.source, 0, start);
      // map, not push: a list grown by push holds room for 16 (180 bytes a row of a million-row table).
      const cells = row.children.map((cell) => {
        if (prose.length > 0) prose.pushAt(' | ', this.span(cell).start);
        const before = prose.length;
        prose.phrasing(cell.children);
        this.collectInlineComments(cell);
        return prose.build(0).text.slice(before).trim();
      });
      this.items.push({ type: 'block', block: chunkBlock({ kind: 'table-row', ...prose.build(end), start, end, inQuote: !!quote, cited: quote === 'cited', cells, header }) });
      header ??= cells;
    }
  }

  /**
   * The rows of a table written in HTML (`<tr><th>…</th><td>…</td></tr>`), read like a Markdown
   * table's: sites built with Jekyll or Hugo often state goals and outcomes that way. Tags inside a
   * cell are left out; the first row is the header.
   */
  private addHtmlTable(html: string, offset: number, quote: Quote): void {
    if (!/<table\b/i.test(html)) return;
    let header: string[] | undefined;
    for (const row of htmlElements(html, /<tr\b[^>]*>/gi, /<\/tr\s*>/gi)) {
      const start = offset + row.open;
      const content = html.slice(row.from, row.to);
      const prose = new ProseBuilder(this.source, 0, start);
      const cells: string[] = [];
      for (const cell of htmlElements(content, /<t[hd]\b[^>]*>/gi, /<\/t[hd]\s*>/gi)) {
        if (prose.length > 0) prose.pushAt(' | ', offset + row.from + cell.open);
        const before = prose.length;
        for (const part of content.slice(cell.from, cell.to).matchAll(HTML_TEXT)) {
          const raw = part[1];
          if (raw === undefined) continue; // a tag
          const at = offset + row.from + cell.from + part.index;
          const value = decodeEntities(raw);
          if (value === raw) prose.pushAt(value, at);
          else prose.pushAligned(value, at, at + raw.length);
        }
        cells.push(prose.build(0).text.slice(before).trim());
      }
      if (cells.length === 0) continue;
      const end = offset + row.close;
      this.items.push({ type: 'block', block: chunkBlock({ kind: 'table-row', ...prose.build(end), start, end, inQuote: !!quote, cited: quote === 'cited', cells, header }) });
      header ??= cells;
    }
  }

  private collectInlineComments(node: Nodes): void {
    // An explicit stack, in document order: inline nesting may be thousands deep.
    const stack: Nodes[] = [node];
    for (let n = stack.pop(); n; n = stack.pop()) {
      if (n.type === 'html') this.collectComments(n.value, this.span(n).start, false);
      else if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
    }
  }

  private collectComments(html: string, offset: number, isBlock: boolean): void {
    const re = /<!--([\s\S]*?)-->/g;
    for (let m = re.exec(html); m; m = re.exec(html)) {
      this.items.push({ type: 'comment', comment: { body: m[1], start: offset + m.index, end: offset + m.index + m[0].length, isBlock } });
    }
  }
}

/** A block from the prose built for it; `docOffsets` are the chunk's, the block's offsets are from its start. */
function chunkBlock({ docOffsets, ...b }: Omit<ChunkBlock, 'sentences' | 'label' | 'offsets'> & { docOffsets: Int32Array }): ChunkBlock {
  return { ...b, text: shared(b.text), offsets: fromStart(docOffsets, b.start), label: labelOf(b.kind, b.text), sentences: splitSentences(b.text) };
}

/**
 * A block from its fields, with only the optional ones it has, declared up front: a table row
 * has all, a block in a quote all but the table's, other blocks a label only if they have one.
 * Empty fields took 40 bytes a block (a million lines, 40 MB); adding fields after creation cost
 * more than it saved.
 */
function makeBlock(b: Omit<Block, 'label' | 'cells' | 'header'>, { label, cells, header }: Pick<Block, 'label' | 'cells' | 'header'>): Block {
  const { kind, text, offsets, start, end, inQuote, cited, sentences, section, index } = b;
  if (cells) return { kind, text, offsets, start, end, inQuote, cited, label, cells, header, sentences, section, index };
  if (inQuote) return { kind, text, offsets, start, end, inQuote, cited, label, sentences, section, index };
  if (label !== undefined) return { kind, text, offsets, start, end, label, sentences, section, index };
  return { kind, text, offsets, start, end, sentences, section, index };
}

/**
 * Short strings, one copy each while they recur: a plan of a million headings ("## Goals" over and
 * over) held a million copies of a few texts, and of their normalized forms.
 */
const SHARED_TEXT_MAX_LENGTH = 64;
const sharedTexts = new Map<string, string>();

function shared(text: string): string {
  if (text.length > SHARED_TEXT_MAX_LENGTH) return text;
  const known = sharedTexts.get(text);
  if (known !== undefined) return known;
  if (sharedTexts.size >= SHARED_MAX_LISTS) sharedTexts.clear();
  sharedTexts.set(text, text);
  return text;
}

function labelOf(kind: Block['kind'], text: string): string | undefined {
  return kind === 'heading' ? undefined : LABEL.exec(text)?.[1].trim().toLowerCase();
}

function startOf(item: ChunkItem): number {
  return item.type === 'yaml' ? item.span.start : item.type === 'comment' ? item.comment.start : item.block.start;
}

const NO_CHILDREN: readonly Section[] = Object.freeze([]);

/** A long list grown item by item has room for up to half as many again (a million headings: 4 MB in each of three lists). */
const EXACT_MIN_LENGTH = 4096;

/** The list in one of its own length, if it is long. */
function exactly<T>(list: T[]): T[] {
  return list.length >= EXACT_MIN_LENGTH ? list.slice() : list;
}

/** Places chunks at their document offsets and nests the sections their headings open. */
class PlanBuilder {
  blocks: Block[] = [];
  comments: HtmlComment[] = [];
  frontMatter: Record<string, unknown> | undefined;
  frontMatterSpan: { start: number; end: number } | undefined;
  private readonly root: Section;
  private readonly sections: Section[];
  private stack: Section[];
  /** A paragraph cut into pieces: its first block's index, and the rest with their document starts. */
  private joining?: { index: number; parts: { lineBreak: string; breakAt: number; block: ChunkBlock; start: number }[] };

  constructor(private readonly text: string) {
    this.root = { level: 0, title: '', normalized: '', start: 0, end: text.length, children: NO_CHILDREN, blockStart: 0, blockEnd: 0 };
    this.sections = [this.root];
    this.stack = [this.root];
  }

  /** Places a chunk's items at their document offsets, leaving out its prefix's; a joining chunk's first paragraph continues the last block. */
  place(model: ChunkModel, chunk: Chunk): void {
    const skip = chunk.prefix?.length ?? 0;
    const shift = chunk.start - skip;
    let joins = chunk.joins && this.blocks.length > 0;
    for (const item of model.items) {
      if (startOf(item) < skip) continue;
      switch (item.type) {
        case 'yaml':
          this.frontMatterSpan = { start: item.span.start + shift, end: item.span.end + shift };
          this.frontMatter = item.data;
          break;
        case 'comment':
          this.comments.push({ ...item.comment, start: item.comment.start + shift, end: item.comment.end + shift });
          break;
        case 'heading':
          this.openSection(item.depth, item.block.start + shift);
          this.finishHeading(this.pushBlock(item.block, shift));
          joins = false;
          break;
        case 'block':
          if (joins && item.block.kind === 'paragraph') this.join(item.block, shift, chunk.start);
          else this.pushBlock(item.block, shift);
          joins = false;
          break;
      }
    }
  }

  /** Adds the rest of a paragraph cut into pieces (see pieces.ts) to the last block; the parts are joined at the next block. */
  private join(b: ChunkBlock, shift: number, lineStart: number): void {
    const lineBreak = /\r?\n$|\r$/.exec(this.text.slice(Math.max(0, lineStart - 2), lineStart))?.[0] ?? '';
    this.joining ??= { index: this.blocks.length - 1, parts: [] };
    this.joining.parts.push({ lineBreak, breakAt: lineStart - lineBreak.length, block: b, start: b.start + shift });
  }

  private finishJoin(): void {
    const run = this.joining;
    if (!run) return;
    this.joining = undefined;
    const head = this.blocks[run.index];
    const text = head.text + run.parts.map((p) => p.lineBreak + p.block.text).join('');
    const offsets = new Int32Array(text.length + 1);
    offsets.set(head.offsets.subarray(0, head.text.length));
    let at = head.text.length;
    for (const { lineBreak, breakAt, block, start } of run.parts) {
      for (let i = 0; i < lineBreak.length; i++) offsets[at++] = breakAt + i - head.start;
      for (let i = 0; i < block.text.length; i++) offsets[at++] = block.offsets[i] + start - head.start;
    }
    const last = run.parts[run.parts.length - 1];
    offsets[at] = last.block.offsets[last.block.text.length] + last.start - head.start;
    const end = last.block.end + last.start - last.block.start;
    this.blocks[run.index] = makeBlock({ ...head, text, offsets, end, sentences: splitSentences(text) }, { ...head, label: labelOf(head.kind, text) });
  }

  private openSection(depth: number, start: number): void {
    while (this.stack.length > 1 && this.stack[this.stack.length - 1].level >= depth) this.close(start);
    const parent = this.stack[this.stack.length - 1];
    // `heading` is set once its block is read; declared here, it takes no property list of its own (40 bytes a section).
    const section: Section = { level: depth, title: '', normalized: '', heading: undefined, start, end: this.text.length, parent, children: NO_CHILDREN, blockStart: this.blocks.length, blockEnd: this.blocks.length };
    // A list of its own once a section has a subsection: an empty one each took 32 MB for a million headings.
    if (parent.children === NO_CHILDREN) parent.children = [section];
    else (parent.children as Section[]).push(section);
    this.sections.push(section);
    this.stack.push(section);
  }

  private finishHeading(heading: Block): void {
    const section = this.stack[this.stack.length - 1];
    section.heading = heading;
    section.title = heading.text.trim();
    section.normalized = shared(normalizeHeading(section.title));
  }

  private close(at: number): void {
    const s = this.stack.pop()!;
    s.end = at;
    s.blockEnd = this.blocks.length;
  }

  private pushBlock(b: ChunkBlock, shift: number): Block {
    this.finishJoin();
    const block = makeBlock({ ...b, start: b.start + shift, end: b.end + shift, section: this.stack[this.stack.length - 1], index: this.blocks.length }, b);
    this.blocks.push(block);
    return block;
  }

  finishSections(): { sections: Section[]; root: Section } {
    this.finishJoin();
    while (this.stack.length > 1) this.close(this.text.length);
    this.root.blockEnd = this.blocks.length;
    this.blocks = exactly(this.blocks);
    for (const section of this.sections) if (section.children.length >= EXACT_MIN_LENGTH) section.children = exactly(section.children as Section[]);
    return { sections: exactly(this.sections), root: this.root };
  }

  firstHeading(): Block | undefined {
    return this.sections[1]?.heading;
  }
}

/**
 * Offsets from `start`. Blocks of a short text with the same offsets (the same layout of prose in
 * their source: "- Grow 5%", "| 1 | 2 |") share one list: a million one-line items each held one.
 */
function fromStart(docOffsets: Int32Array, start: number): Int32Array {
  for (let i = 0; i < docOffsets.length; i++) docOffsets[i] -= start;
  if (docOffsets.length > SHARED_MAX_LENGTH) return docOffsets;
  const key = docOffsets.join(',');
  const shared = sharedOffsets.get(key);
  if (shared) return shared;
  if (sharedOffsets.size >= SHARED_MAX_LISTS) sharedOffsets.clear();
  sharedOffsets.set(key, docOffsets);
  return docOffsets;
}

const SHARED_MAX_LENGTH = 64;
const SHARED_MAX_LISTS = 10_000;
const sharedOffsets = new Map<string, Int32Array>();

function readFrontMatter(value: string): Record<string, unknown> | undefined {
  try {
    const data = parseYaml(value);
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function findTitle(builder: PlanBuilder, lines: LineIndex): Plan['title'] {
  const heading = builder.firstHeading();
  // A site page titled in its front matter ("title: Success measures") whose headings start below the top level.
  const titled = heading?.section.level === 1 ? undefined : frontMatterTitle(builder, lines);
  if (titled) return titled;
  if (heading && heading.text.trim()) {
    const lead = heading.text.length - heading.text.trimStart().length;
    const trail = heading.text.trimEnd().length;
    const start = docOffsetOf(heading, lead);
    const end = docOffsetOf(heading, trail - 1) + 1;
    return { text: heading.text.trim(), range: lines.range(start, end), line: lines.position(start).line };
  }
  // No heading: the first line with text after any front matter.
  const from = builder.frontMatterSpan ? lines.position(builder.frontMatterSpan.end).line + 1 : 0;
  for (let line = from; line < lines.lineCount; line++) {
    const t = lines.lineText(line);
    if (t.trim()) {
      const s = lines.lineStarts[line] + (t.length - t.trimStart().length);
      return { text: t.trim(), range: lines.range(s, lines.lineEnd(line)), line };
    }
  }
  return { text: '', range: lines.range(0, 0), line: 0 };
}

/** The `title:` line of a YAML front matter, as the plan's title. */
function frontMatterTitle(builder: PlanBuilder, lines: LineIndex): Plan['title'] | undefined {
  const span = builder.frontMatterSpan;
  if (!span || typeof builder.frontMatter?.title !== 'string' || !builder.frontMatter.title.trim()) return undefined;
  for (let line = lines.position(span.start).line; line < lines.position(span.end).line; line++) {
    const text = lines.lineText(line);
    if (!text.startsWith('title:')) continue;
    const value = text.slice(6).trim().replace(/^['"]|['"]$/g, '');
    if (!value) continue;
    const start = lines.lineStarts[line] + text.indexOf(value, 6);
    return { text: builder.frontMatter.title.trim(), range: lines.range(start, start + value.length), line };
  }
  return undefined;
}

/** Words, not code: starts with a capital letter, three or more words, none of code's punctuation. */
const CODE_AS_PROSE = /^\p{Lu}[\p{L}'’-]*(?:[ ,][^\s=;{}<>$`\\]+){2,}$/u;

/**
 * The elements of `text` that `open` starts and `close` ends: where each starts, where its content
 * runs and where it ends. Each search starts where the last one stopped, and an element left open
 * ends the walk, so a table of a million unclosed rows is read once, not once a row.
 */
function* htmlElements(text: string, open: RegExp, close: RegExp): Generator<{ open: number; from: number; to: number; close: number }> {
  open.lastIndex = 0;
  for (let o = open.exec(text); o; o = open.exec(text)) {
    close.lastIndex = o.index + o[0].length;
    const c = close.exec(text);
    if (!c) return;
    yield { open: o.index, from: o.index + o[0].length, to: c.index, close: c.index + c[0].length };
    open.lastIndex = c.index + c[0].length;
  }
}
/** A cell's text (group 1) and its tags (no group), in order. */
const HTML_TEXT = /([^<]+)|<[^>]*>?/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', ndash: '–', mdash: '—' };

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (m, name: string) =>
    name[0] === '#' ? String.fromCodePoint(parseInt(name[1] === 'x' || name[1] === 'X' ? name.slice(2) : name.slice(1), name[1] === 'x' || name[1] === 'X' ? 16 : 10)) : (ENTITIES[name.toLowerCase()] ?? m),
  );
}
