import { builtinRuleIds, type Finding, type Severity } from '../../engine/index';
import { collected, type StreamingFormatter } from './types';

const COLORS = { red: 31, yellow: 33, cyan: 36, dim: 2, bold: 1, underline: 4 } as const;

/**
 * ESLint's familiar layout: findings grouped by file, line:column, severity, message, rule ID, a
 * summary. On a terminal each rule ID links to its page (OSC 8, as eslint-formatter-pretty does);
 * a CI log has no links, so the pages of pack rules, which no README lists, follow the summary.
 */
/** Built-in rules' pages are listed in the README; only the pages of pack rules follow a report. */
const isBuiltin = (id: string) => builtinRuleIds().has(id);

export const stylishStream: StreamingFormatter = ({ color }) => {
  const paint = (c: keyof typeof COLORS, s: string) => (color ? `\x1b[${COLORS[c]}m${s}\x1b[0m` : s);
  const link = (f: Finding) => (color && f.docsUrl ? `\x1b]8;;${f.docsUrl}\x1b\\${f.ruleId}\x1b]8;;\x1b\\` : f.ruleId);
  const packDocs = new Map<string, string>();
  const sevColor: Record<Severity, keyof typeof COLORS> = { error: 'red', warning: 'yellow', info: 'cyan' };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  return {
    file: (r) => {
      if (r.findings.length === 0) return '';
      const rows = r.findings.map((f) => {
        counts[f.severity]++;
        if (f.docsUrl && !isBuiltin(f.ruleId)) packDocs.set(f.ruleId, f.docsUrl);
        return [`${f.range.start.line + 1}:${f.range.start.character + 1}`, f.severity, f.message.replace(/\s+/g, ' '), link(f)];
      });
      const w0 = Math.max(...rows.map((x) => x[0].length));
      const w1 = Math.max(...rows.map((x) => x[1].length));
      const lines = rows.map(([pos, sev, msg, id]) => `  ${paint('dim', pos.padEnd(w0))}  ${paint(sevColor[sev as Severity], sev.padEnd(w1))}  ${msg}  ${paint('dim', id)}`);
      return `\n${paint('underline', r.file)}\n${lines.join('\n')}\n`;
    },
    end: () => {
      const total = counts.error + counts.warning + counts.info;
      if (total === 0) return '';
      const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
      const summary = `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')})`;
      const docs = [...packDocs].sort(([a], [b]) => a.localeCompare(b)).map(([id, url]) => `  ${id}: ${url}`);
      const footer = docs.length ? `\nRule pages:\n${docs.join('\n')}\n` : '';
      return `\n${paint('bold', paint(counts.error ? 'red' : counts.warning ? 'yellow' : 'cyan', summary))}\n${footer}`;
    },
  };
};

export const stylish = collected(stylishStream);
