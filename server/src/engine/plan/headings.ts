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
  return a !== '' && ` ${normalized} `.includes(` ${a} `);
}

/** Answers by alias list, then heading: the same few lists are asked about every section of every lint. */
const answers = new WeakMap<readonly string[], Map<string, boolean>>();

/** Whether the normalized heading matches one of the aliases (pass the same array each time: answers are kept per array). */
export function headingMatchesAny(normalized: string, aliases: readonly string[]): boolean {
  let byHeading = answers.get(aliases);
  if (!byHeading || byHeading.size > 10_000) answers.set(aliases, (byHeading = new Map()));
  let found = byHeading.get(normalized);
  if (found === undefined) byHeading.set(normalized, (found = aliases.some((a) => headingMatches(normalized, a))));
  return found;
}
