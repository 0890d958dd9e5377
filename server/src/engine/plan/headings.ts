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

/** Normalized aliases, padded: rules compare the same few hundred aliases with every block's sections. */
const aliases = new Map<string, string>();

/** Whether the normalized heading contains the alias as whole words. */
export function headingMatches(normalized: string, alias: string): boolean {
  let a = aliases.get(alias);
  if (a === undefined) {
    if (aliases.size > 10_000) aliases.clear();
    const n = normalizeHeading(alias);
    a = n ? ` ${n} ` : '';
    aliases.set(alias, a);
  }
  return a !== '' && ` ${normalized} `.includes(a);
}
