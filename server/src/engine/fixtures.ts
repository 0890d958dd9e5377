/**
 * Fixtures that mark their expected findings inline, as markdownlint's and the built-in rules' do:
 * `<!-- expect rule-id "the exact words" -->`. The rule tests and `stratlint test-pack` read them here.
 */
import { parsePlan } from './plan/parse';
import type { Finding } from './rules/types';

/** A mark that cannot be read: words that are not on its line, an expect-end with no expect. */
export class MarkError extends Error {}

export interface Expected {
  ruleId: string;
  line: number;
  start: number;
  end: number;
  /** A finding over several lines (a list of goals) ends on this line, at `end`. */
  endLine?: number;
}

const MARKER = /<!--\s*expect\s+([a-z0-9/-]+)(?:\s+"([^"]+)")?\s*-->/g;
const END_MARKER = /<!--\s*expect-end\s+([a-z0-9/-]+)\s+"([^"]+)"\s*-->/g;

/**
 * Reads the expectations a fixture marks inline: `<!-- expect rule-id "the exact words" -->`
 * on the line holding the words, or `<!-- expect rule-id -->` on the title line for a plan-level finding.
 * A finding over several lines (a list) ends where `<!-- expect-end rule-id "its last words" -->` says.
 */
export function expectations(text: string): Expected[] {
  const plan = parsePlan(text);
  const out: Expected[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((lineText, line) => {
    for (const m of lineText.matchAll(MARKER)) {
      const [, ruleId, words] = m;
      if (words === undefined) {
        const r = plan.title.range;
        if (r.start.line !== line) throw new MarkError(`expect ${ruleId} without words must sit on the title line (${r.start.line + 1}), not ${line + 1}`);
        out.push({ ruleId, line, start: r.start.character, end: r.end.character });
      } else {
        const start = lineText.indexOf(words);
        if (start < 0 || start > m.index!) throw new MarkError(`line ${line + 1}: "${words}" is not on this line before its marker`);
        out.push({ ruleId, line, start, end: start + words.length });
      }
    }
    for (const m of lineText.matchAll(END_MARKER)) {
      const [, ruleId, words] = m;
      const open = [...out].reverse().find((e) => e.ruleId === ruleId && e.endLine === undefined && e.line < line);
      const end = lineText.indexOf(words);
      if (!open || end < 0 || end > m.index!) throw new MarkError(`line ${line + 1}: expect-end ${ruleId} "${words}" has no open expect above it or is not on this line`);
      open.endLine = line;
      open.end = end + words.length;
    }
  });
  return out;
}

/** A finding as a fixture would mark it. */
export function asExpected(f: Finding): Expected {
  if (f.range.start.line !== f.range.end.line)
    return { ruleId: f.ruleId, line: f.range.start.line, start: f.range.start.character, end: f.range.end.character, endLine: f.range.end.line };
  return { ruleId: f.ruleId, line: f.range.start.line, start: f.range.start.character, end: f.range.end.character };
}

/** `rule-id 6:4-15 "the words"`, as a mismatch is reported. */
export function show(e: Expected, text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  const lineText = lines[e.line] ?? '';
  if (e.endLine !== undefined) {
    const last = lines[e.endLine] ?? '';
    return `${e.ruleId} ${e.line + 1}:${e.start + 1}-${e.endLine + 1}:${e.end + 1} "${lineText.slice(e.start)}" … "${last.slice(0, e.end)}"`;
  }
  return `${e.ruleId} ${e.line + 1}:${e.start + 1}-${e.end + 1} "${lineText.slice(e.start, e.end)}"`;
}
