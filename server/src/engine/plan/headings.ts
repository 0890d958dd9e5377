/**
 * Heading text as a reader compares it: lower case, numbering such as "3.", "2.1",
 * "IV." or "Part II:" removed, punctuation and emoji folded into single spaces.
 */
export function normalizeHeading(text: string): string {
  let t = text.toLowerCase().replace(/&/g, ' and ');
  t = t.replace(/^\s*(?:(?:part|section|chapter|step|phase|stage|pillar|theme)\s+(?:\d+|[ivxlc]+|[a-z])\b\s*[:.)\-–—]?\s*)/u, '');
  t = t.replace(/^\s*(?:\d+(?:\.\d+)*[.):]?|[ivxlc]+[.):]|[a-z][.)])\s+/u, '');
  t = t.replace(/[^\p{L}\p{N}]+/gu, ' ');
  return t.trim();
}

/** Answers by heading, then alias: rules ask about the same few headings and aliases for every block. */
const answers = new Map<string, Map<string, boolean>>();

/** Whether the normalized heading contains the alias as whole words. */
export function headingMatches(normalized: string, alias: string): boolean {
  let byAlias = answers.get(normalized);
  if (!byAlias) {
    if (answers.size > 10_000) answers.clear();
    answers.set(normalized, (byAlias = new Map()));
  }
  let found = byAlias.get(alias);
  if (found === undefined) {
    const a = normalizeHeading(alias);
    found = a !== '' && ` ${normalized} `.includes(` ${a} `);
    byAlias.set(alias, found);
  }
  return found;
}
