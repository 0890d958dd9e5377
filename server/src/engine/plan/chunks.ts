/**
 * Splits a document into top-level chunks at ATX headings that start a line outside fenced
 * code and HTML comments. Each chunk parses on its own to the same tree as the whole document
 * would give, which keeps micromark's cost near linear on large plans and lets an editor
 * re-parse only the chunk that changed. Documents with link reference definitions are not
 * split: a reference in one chunk may need a definition in another.
 */
export interface Chunk {
  start: number;
  text: string;
}

const MIN_CHUNK = 2048;

export function splitChunks(text: string, from = 0): Chunk[] {
  const body = text.slice(from);
  if (/^ {0,3}\[[^\]\n]+\]:/m.test(body)) return [{ start: from, text: body }];
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
      if (new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(line)) fence = undefined;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
    } else if (inHtml) {
      if (line.trim() === '') inHtml = false;
    } else {
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (open && !(open[1][0] === '`' && line.slice(open[0].length).includes('`'))) fence = open[1];
      else if (/^ {0,3}<!--/.test(line)) inComment = !line.includes('-->');
      else if (/^ {0,3}<[A-Za-z/?!]/.test(line)) inHtml = true;
      else if (line.startsWith('#') && /^#{1,6}(?:\s|$)/.test(line) && pos - chunkStart >= MIN_CHUNK) {
        chunks.push({ start: from + chunkStart, text: body.slice(chunkStart, pos) });
        chunkStart = pos;
      }
    }
    pos = end + 1;
  }
  chunks.push({ start: from + chunkStart, text: body.slice(chunkStart) });
  return chunks;
}

function frontMatterEnd(body: string): number {
  const m = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(body.slice(3));
  return m ? 3 + m.index + m[0].length : body.length;
}
