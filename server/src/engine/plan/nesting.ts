/**
 * Keeps pathological nesting away from the parser. micromark and the mdast utilities recurse
 * once per container level, so a list or quote nested thousands deep overflows the stack or
 * takes minutes. Lines nested deeper than MAX_DEPTH keep their text, but their extra container
 * markers become spaces: the text keeps its length, so every offset still points at the same
 * character, and the parser sees a continuation (or indented code) of the deepest allowed level.
 * Runs of emphasis or bracket characters longer than MAX_DEPTH (quadratic for micromark's
 * emphasis and link resolution) are cut the same way.
 */
const MAX_DEPTH = 64;
const MAX_INDENT = 2 * MAX_DEPTH;
/** A container marker with the whitespace before it: `>`, or a list bullet/number followed by a space. */
const MARKER = /[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/y;
const DEEP = new RegExp(`^(?:[ \\t]{${MAX_INDENT},}|(?:[ \\t]*(?:>|[-*+][ \\t]|\\d{1,9}[.)][ \\t])){${MAX_DEPTH},})`, 'm');

const LONG_RUN = new RegExp(`([*_~[])\\1{${MAX_DEPTH},}`, 'g');

export function limitNesting(text: string): string {
  LONG_RUN.lastIndex = 0;
  const cut = LONG_RUN.test(text) ? text.replace(LONG_RUN, (run) => run.slice(0, MAX_DEPTH) + ' '.repeat(run.length - MAX_DEPTH)) : text;
  return DEEP.test(cut) ? cut.replace(/^.*$/gm, flattenLine) : cut;
}

function flattenLine(line: string): string {
  let depth = 0;
  let pos = 0;
  let out = '';
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(line); m; m = MARKER.exec(line)) {
    depth++;
    const marker = m[0].trimStart();
    const blank = m[0].length - marker.length;
    // Indentation alone nests lists too: past MAX_INDENT columns a marker starts nothing new.
    const tooDeep = depth > MAX_DEPTH || pos + blank > MAX_INDENT;
    out += tooDeep ? m[0].slice(0, blank) + ' '.repeat(marker.length) : m[0];
    pos = MARKER.lastIndex;
  }
  return depth === 0 ? line : out + line.slice(pos);
}
