import type { Sentence } from './model';

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'inc', 'ltd', 'co', 'corp', 'mr', 'ms', 'mrs', 'dr', 'no', 'fig', 'approx', 'est', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'q1', 'q2', 'q3', 'q4', 'u.s', 'u.k']);

/** Splits prose at sentence ends (., ! or ? followed by a space and a capital, digit or quote). */
export function splitSentences(text: string): readonly Sentence[] {
  const out: Sentence[] = [];
  let start = skipSpace(text, 0);
  const re = /[.!?]+["'”’)]*(?=\s+["'“‘(]?[\p{Lu}\p{N}])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && (isAbbreviation(text, m.index) || /^\s*[\dA-Za-z]{0,4}$/.test(text.slice(start, m.index)))) continue;
    if (end > start) out.push({ start, end });
    start = skipSpace(text, end);
  }
  const last = text.trimEnd().length;
  if (last > start) out.push({ start, end: last });
  return out.length === 1 ? shared(out[0]) : out;
}

/**
 * Lists of one short sentence, shared by the blocks that have the same one (they are never
 * changed): a plan of a million one-line items would otherwise hold a million of them.
 */
const SHARED_MAX = 256;
const oneSentence = new Map<number, readonly Sentence[]>();

function shared(s: Sentence): readonly Sentence[] {
  if (s.end >= SHARED_MAX) return [s];
  const key = s.start * SHARED_MAX + s.end;
  let list = oneSentence.get(key);
  if (!list) oneSentence.set(key, (list = Object.freeze([Object.freeze(s)])));
  return list;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1])) s--;
  const word = text.slice(s, dot).toLowerCase();
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
}
