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

/**
 * Whether the normalized heading contains the alias as whole words; with `stemmed`, each word
 * compared by its stem: `risks` matches "Risk register" and `goal` matches "Our goals".
 */
export function headingMatches(normalized: string, alias: string, stemmed = false): boolean {
  return containsAlias(comparedHeading(normalized, stemmed), comparedAlias(alias, stemmed));
}

/** The alias as headings are compared with it (normalized, stemmed if so), or undefined when it has no words. */
function comparedAlias(alias: string, stemmed: boolean): string | undefined {
  const a = normalizeHeading(alias);
  return a === '' ? undefined : stemmed ? stems(a) : a;
}

/** The heading as aliases are looked for in it: stemmed if so, between spaces. */
function comparedHeading(normalized: string, stemmed: boolean): string {
  return ` ${stemmed ? stems(normalized) : normalized} `;
}

function containsAlias(heading: string, alias: string | undefined): boolean {
  return alias !== undefined && heading.includes(` ${alias} `);
}

/**
 * Alias lists matched on word stems: pack rules' (a team writes `risks` and means "Risk register"
 * too). The built-in rules' lists name their forms one by one: stems there made them match
 * headings they must not (span agreement on the corpora fell from 0.86 to 0.79).
 */
const onStems = new WeakSet<readonly string[]>();

export function matchOnStems(aliases: readonly string[]): void {
  onStems.add(aliases);
}

/** The words' stems, space-separated. */
function stems(words: string): string {
  return words
    .split(' ')
    .map(stem)
    .join(' ');
}

/**
 * A plural's singular, by English spelling alone: strategies → strategy, processes → process,
 * risks → risk. Words that end in s without being plurals (process, status, analysis) stay.
 */
function stem(word: string): string {
  if (word.length <= 3 || /(?:ss|us|is)$/.test(word)) return word;
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh|z)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/**
 * Answers by alias list, then heading: the same few lists are asked about every section of every
 * lint. With them, the list's aliases as compared (headings numbered per section, as "Risks 3",
 * are new to the list each time, and normalizing its aliases again for each was most of the ask).
 */
const answers = new WeakMap<readonly string[], { byHeading: Map<string, boolean>; stemmed: boolean; compared: (string | undefined)[] }>();

/** Whether the normalized heading matches one of the aliases (pass the same array each time: answers are kept per array). */
export function headingMatchesAny(normalized: string, aliases: readonly string[]): boolean {
  let list = answers.get(aliases);
  if (!list) {
    const stemmed = onStems.has(aliases);
    answers.set(aliases, (list = { byHeading: new Map(), stemmed, compared: aliases.map((a) => comparedAlias(a, stemmed)) }));
  }
  if (list.byHeading.size > 10_000) list.byHeading.clear();
  let found = list.byHeading.get(normalized);
  if (found === undefined) {
    const heading = comparedHeading(normalized, list.stemmed);
    list.byHeading.set(normalized, (found = list.compared.some((a) => containsAlias(heading, a))));
  }
  return found;
}
