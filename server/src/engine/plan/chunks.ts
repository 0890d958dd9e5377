import { PIECE_SIZE, splitPieces } from './pieces';

/**
 * Splits a document into top-level chunks at ATX headings that start a line outside fenced
 * code and HTML comments. Each chunk parses on its own to the same tree as the whole document
 * would give, which keeps micromark's cost near linear on large plans and lets an editor
 * re-parse only the chunk that changed. A reference in one chunk may need a link reference
 * definition in another: a chunk carries the document's definitions of the labels it mentions,
 * parsed after its own text. Where definitions cannot be read safely line by line (footnotes, definitions in lists
 * or quotes, over several lines, or right under a paragraph) the document is not split at headings.
 * Chunks too long for the parser are cut further (pieces.ts).
 */
export interface Chunk {
  start: number;
  text: string;
  /** The document's link reference definitions of labels the chunk mentions, to parse after its text. */
  definitions?: string;
  /** Lines parsed before the text, whose blocks are not the chunk's: a cut table's head rows, a cut code fence's opening. */
  prefix?: string;
  /** The chunk starts inside a paragraph: its first paragraph continues the block before it. */
  joins?: boolean;
}

/** Something that may be a link reference or footnote definition, at any container depth. */
const DEFINITION_LIKE = /^[ \t>*+\-\d.)]*\[[^\]\n]+\]:/;
/** A complete one-line link reference definition at the top level: label, destination, optional title. */
const DEFINITION = /^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S+(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$/;

const MIN_CHUNK = 2048;

export function splitChunks(text: string, from = 0, size = PIECE_SIZE): Chunk[] {
  const body = text.slice(from);
  // Not split at headings; still cut if too long for the parser (references across pieces are then lost).
  const whole = () => splitPieces({ start: from, text: body }, size);
  const definitions: string[] = [];
  // A definition cannot interrupt a paragraph: one counts only after a blank line, a heading or another definition.
  let definitionMayStart = true;
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let fence: string | undefined;
  let inComment = false;
  let inHtml = false;
  // Front matter may hold "# comments": never split inside it.
  let pos = /^---[ \t]*\r?\n/.test(body) ? frontMatterEnd(body) : 0;
  while (pos < body.length) {
    let end = body.indexOf('\n', pos);
    if (end < 0) end = body.length;
    const line = body.slice(pos, end).replace(/\r$/, '');
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else if (inHtml) {
      if (line.trim() === '') inHtml = false;
    } else if (DEFINITION_LIKE.test(line)) {
      if (!definitionMayStart || !DEFINITION.test(line)) return whole();
      definitions.push(line);
    } else {
      const open = fenceOpening(line);
      if (open) fence = open;
      else if (/^ {0,3}<!--/.test(line)) inComment = !line.includes('-->');
      else if (/^ {0,3}<[A-Za-z/?!]/.test(line)) inHtml = true;
      else if (line.startsWith('#') && /^#{1,6}(?:\s|$)/.test(line) && pos - chunkStart >= MIN_CHUNK) {
        chunks.push({ start: from + chunkStart, text: body.slice(chunkStart, pos) });
        chunkStart = pos;
      }
    }
    definitionMayStart = !fence && !inComment && !inHtml && (line.trim() === '' || /^ {0,3}#{1,6}(?:\s|$)/.test(line) || DEFINITION.test(line));
    pos = end + 1;
  }
  chunks.push({ start: from + chunkStart, text: body.slice(chunkStart) });
  const pieces = chunks.flatMap((chunk) => splitPieces(chunk, size));
  if (definitions.length === 0) return pieces;
  // An unclosed fence or comment would swallow the definitions appended to the last chunk.
  if (fence || inComment || pieces.length === 1) return whole();
  // The first definition of a label is the one that counts.
  const byLabel = new Map<string, string>();
  for (const line of definitions) {
    const label = normalizeLabel(/\[([^\]]+)\]/.exec(line)![1]);
    if (!byLabel.has(label)) byLabel.set(label, line);
  }
  const labelled = Array.from(byLabel, ([label, line]) => ({ label, line }));
  // Labels with escapes or brackets are not worth matching exactly: give such documents every definition.
  const all = labelled.some((d) => /[\\[\]]/.test(d.label));
  return pieces.map((c) => {
    const mentioned = new Set(Array.from(c.text.matchAll(/\[([^[\]]+)\]/g), (m) => normalizeLabel(m[1])));
    const used = labelled.filter((d) => all || mentioned.has(d.label)).map((d) => d.line);
    return used.length ? { ...c, definitions: used.join('\n') } : c;
  });
}

/** Labels match as micromark matches them: white space collapsed, case folded. */
function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase();
}

/** The fence a line opens (``` or ~~~, three or more), if it opens one. */
export function fenceOpening(line: string): string | undefined {
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
  return open && !(open[1][0] === '`' && line.slice(open[0].length).includes('`')) ? open[1] : undefined;
}

export function closesFence(line: string, fence: string): boolean {
  return new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(line);
}

/**
 * Whether the text ends inside a fenced code block or an HTML comment that is never closed:
 * whatever is appended to it would be code or comment, not a section.
 */
export function endsInsideCode(text: string): boolean {
  // Every missing section's fix asks about the same plan.
  if (lastAsked?.text !== text) lastAsked = { text, inside: scanForOpenCode(text) };
  return lastAsked.inside;
}

let lastAsked: { text: string; inside: boolean } | undefined;

function scanForOpenCode(text: string): boolean {
  let fence: string | undefined;
  let inComment = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else {
      fence = fenceOpening(line);
      if (!fence && /^ {0,3}<!--/.test(line)) inComment = !line.includes('-->');
    }
  }
  return fence !== undefined || inComment;
}

export function frontMatterEnd(body: string): number {
  const m = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(body.slice(3));
  return m ? 3 + m.index + m[0].length : body.length;
}
