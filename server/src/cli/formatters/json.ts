import type { Formatter } from './types';

/** The JSON contract: 1-based lines and columns in UTF-16 code units, endColumn exclusive. */
export const json: Formatter = (results) =>
  JSON.stringify(
    results.map((r) => ({
      file: r.file,
      findings: r.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        source: f.source,
        fixes: f.fixes.map((x) => ({ title: x.title })),
      })),
    })),
    null,
    2,
  );
