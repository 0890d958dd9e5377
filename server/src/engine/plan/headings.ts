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

/** Whether the normalized heading contains the alias as whole words. */
export function headingMatches(normalized: string, alias: string): boolean {
  const a = normalizeHeading(alias);
  if (!a) return false;
  return ` ${normalized} `.includes(` ${a} `);
}
