import { createHash } from 'node:crypto';
import type { Finding, RuleMeta } from '../engine/index';
import { LineIndex } from '../engine/plan/positions';
import type { FileResult } from './formatters/types';

/**
 * Fingerprints identify a finding across edits so baselines, GitHub code scanning and GitLab
 * Code Quality can tell new findings from old ones. A fingerprint hashes the rule ID, the
 * normalized words the finding flags, and which occurrence of those words (for that rule) it
 * is — never the line number, so edits above a finding leave it alone. Plan-level findings
 * sit on the title only for want of a better place: their identity is the rule alone.
 */
export function fingerprintFindings(text: string, findings: readonly Finding[], rules: ReadonlyMap<string, RuleMeta>): string[] {
  const lines = new LineIndex(text);
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const words = rules.get(f.ruleId)?.scope === 'plan' ? '' : flaggedWords(lines, f).toLowerCase();
    const key = `${f.ruleId}\u0000${words}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}

/** A result's fingerprints: the ones computed before filtering, or computed now. */
export function fingerprintsOf(result: FileResult, rules: ReadonlyMap<string, RuleMeta>): string[] {
  return result.fingerprints ?? fingerprintFindings(textOf(result), result.findings, rules);
}

/** The text of a result that kept it (TEXT_FORMATS); a run drops texts to hold findings only. */
export function textOf(result: FileResult): string {
  if (result.text === undefined) throw new Error(`the text of ${result.file} was not kept`);
  return result.text;
}

/** The flagged words with white space collapsed: the whole line when the range is empty. */
export function flaggedWords(lines: LineIndex, f: Finding): string {
  const start = lines.offset(f.range.start);
  const end = lines.offset(f.range.end);
  const words = end > start ? lines.text.slice(start, end) : lines.lineText(f.range.start.line);
  return words.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The flagged words as a report names a finding: shortened, and none for a plan-level finding. */
export function shownWords(lines: LineIndex, f: Finding, rules: ReadonlyMap<string, RuleMeta>, max = 60): string {
  if (rules.get(f.ruleId)?.scope === 'plan') return '';
  const chars = [...flaggedWords(lines, f)];
  return chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : chars.join('');
}

/** A fingerprint unique across files too, where a format needs one per report (GitLab Code Quality). */
export function fileFingerprint(file: string, fingerprint: string): string {
  return createHash('sha256').update(`${file}\u0000${fingerprint}`).digest('hex').slice(0, 32);
}

/**
 * The result with only the findings `keep` accepts. Their fingerprints travel with them, as
 * computed over every finding, so filtering never renumbers occurrences.
 */
export function keepFindings(result: FileResult, rules: ReadonlyMap<string, RuleMeta>, keep: (f: Finding, fingerprint: string) => boolean): FileResult {
  const fingerprints = fingerprintsOf(result, rules);
  const kept = result.findings.map((_, i) => i).filter((i) => keep(result.findings[i], fingerprints[i]));
  return { ...result, findings: kept.map((i) => result.findings[i]), fingerprints: kept.map((i) => fingerprints[i]) };
}
