import { collected, type FileResult, type StreamingFormatter } from './types';

/** The JSON contract: 1-based lines and columns in UTF-16 code units, endColumn exclusive. */
function entry(r: FileResult) {
  return {
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
      docsUrl: f.docsUrl,
      fixes: f.fixes.map((x) => ({ title: x.title })),
      ...(f.related && {
        related: f.related.map((r) => ({
          line: r.range.start.line + 1,
          column: r.range.start.character + 1,
          endLine: r.range.end.line + 1,
          endColumn: r.range.end.character + 1,
          message: r.message,
        })),
      }),
    })),
  };
}

/** An array of entries, printed as JSON.stringify(entries, null, 2) would print it, one entry at a time. */
export const jsonStream: StreamingFormatter = () => {
  let first = true;
  return {
    file: (r) => {
      // The entry as an element of a list, indented one level: "[\n" + item + "\n]". Indenting the
      // entry's own text instead took a pass over it (a tenth of a second for 25,000 findings).
      const item = JSON.stringify([entry(r)], null, 2).slice(2, -2);
      const out = first ? `[\n${item}` : `,\n${item}`;
      first = false;
      return out;
    },
    end: () => (first ? '[]' : '\n]'),
  };
};

export const json = collected(jsonStream);
