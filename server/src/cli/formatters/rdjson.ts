import type { Finding, Fix, Position, Range, Severity } from '../../engine/index';
import { LineIndex } from '../../engine/plan/positions';
import { textOf } from '../fingerprint';
import type { Formatter } from './types';
import { shareableDocsUrl } from './links';

const SEVERITY: Record<Severity, 'ERROR' | 'WARNING' | 'INFO'> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

/**
 * reviewdog's Diagnostic JSON (rdjson). Its columns count UTF-8 bytes, 1-based, so each
 * position is converted from the engine's UTF-16 columns against the line's text. The
 * rule's own fix, when there is one, rides along as a suggestion reviewdog can post.
 */
export const rdjson: Formatter = (results) =>
  JSON.stringify(
    {
      source: { name: 'stratlint' },
      diagnostics: results.flatMap((r) => {
        const lines = new LineIndex(textOf(r));
        return r.findings.map((f) => {
          const fix = suggestedFix(f);
          return {
            message: f.message,
            location: { path: r.file, range: byteRange(lines, f.range) },
            severity: SEVERITY[f.severity],
            code: { value: f.ruleId, ...(shareableDocsUrl(f.docsUrl) && { url: f.docsUrl }) },
            ...(fix ? { suggestions: fix.edits.map((e) => ({ range: byteRange(lines, e.range), text: e.newText })) } : {}),
          };
        });
      }),
    },
    null,
    2,
  );

/** The fix to suggest: the rule's preferred one, or the only one; alternatives are not applied together. */
function suggestedFix(f: Finding): Fix | undefined {
  const fix = f.fixes.find((x) => x.isPreferred) ?? (f.fixes.length === 1 ? f.fixes[0] : undefined);
  return fix?.edits.length ? fix : undefined;
}

function byteRange(lines: LineIndex, range: Range) {
  return { start: bytePosition(lines, range.start), end: bytePosition(lines, range.end) };
}

function bytePosition(lines: LineIndex, pos: Position) {
  const line = Math.min(pos.line, lines.lineCount - 1);
  const before = lines.lineText(line).slice(0, pos.character);
  return { line: line + 1, column: Buffer.byteLength(before, 'utf8') + 1 };
}
