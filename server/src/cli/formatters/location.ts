import type { Range, Severity } from '../../engine/index';

/** A range as people and most CI tools count: 1-based lines and columns, end column exclusive. */
export function oneBased(range: Range): { line: number; column: number; endLine: number; endColumn: number } {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** Orders findings for reports that pick a few: errors first, then warnings, then infos. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
