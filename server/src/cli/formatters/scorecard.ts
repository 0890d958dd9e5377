import type { PrincipleScore, PrincipleStatus, Scorecard } from '../../engine/index';
import type { FileResult, Formatter } from './types';

const SYMBOL: Record<PrincipleStatus, string> = { addressed: '✔', partly: '◐', missing: '✖', 'n/a': '·', off: '–' };
const COLOR: Record<PrincipleStatus, number> = { addressed: 32, partly: 33, missing: 31, 'n/a': 2, off: 2 };
const BAR_CELLS = 10;

/** The results with their scorecards; main computes them for the formats that need them. */
export function withScorecards(results: readonly FileResult[]): { result: FileResult; scorecard: Scorecard }[] {
  return results.map((result) => {
    if (!result.scorecard) throw new Error(`no scorecard was computed for ${result.file}`);
    return { result, scorecard: result.scorecard };
  });
}

const percent = (s: Scorecard) => `${Math.round(s.coverage * 100)}%`;

/** Where a row points: the fix position for a gap, the evidence for an addressed principle (1-based lines). */
function where(p: PrincipleScore): string {
  if (p.fixAt) return `fix at line ${p.fixAt.line + 1}`;
  return p.evidence ? `line ${p.evidence.start.line + 1}` : '';
}

/** A compact terminal table per plan (status of each principle, coverage, span findings), then a comparison when there are several. */
export const scorecard: Formatter = (results, { color }) => {
  const paint = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const cards = withScorecards(results);
  const out: string[] = [];
  for (const { result, scorecard: sc } of cards) {
    const filled = Math.round(sc.coverage * BAR_CELLS);
    const c = sc.counts;
    out.push(
      '',
      `${paint(4, result.file)}  ${sc.title}`,
      `  coverage ${paint(1, percent(sc).padStart(4))}  ${'█'.repeat(filled)}${paint(2, '░'.repeat(BAR_CELLS - filled))}  ${c.addressed} addressed, ${c.partly} partly, ${c.missing} missing${c['n/a'] ? `, ${c['n/a']} not applicable` : ''}${c.off ? `, ${c.off} off` : ''}`,
    );
    const assessed = sc.principles.filter((p) => p.status !== 'off' && p.status !== 'n/a');
    const wLabel = Math.max(0, ...assessed.map((p) => p.label.length));
    const wWhere = Math.max(0, ...assessed.map((p) => where(p).length));
    for (const p of assessed) {
      out.push(`  ${paint(COLOR[p.status], `${SYMBOL[p.status]} ${p.label.padEnd(wLabel)}  ${p.status.padEnd(9)}`)}  ${where(p).padEnd(wWhere)}  ${paint(2, p.id)}`);
    }
    const notApplicable = sc.principles.filter((p) => p.status === 'n/a');
    if (notApplicable.length) out.push(paint(COLOR['n/a'], `  ${SYMBOL['n/a']} not applicable: ${notApplicable.map((p) => p.id).join(', ')}`));
    const off = sc.principles.filter((p) => p.status === 'off');
    if (off.length) out.push(paint(COLOR.off, `  ${SYMBOL.off} off: ${off.map((p) => p.id).join(', ')}`));
    const span = sc.spanFindings;
    out.push(`  ${span.total} span finding${span.total === 1 ? '' : 's'}${span.total ? `: ${span.bySource.map((s) => `${s.source} ${s.count}`).join(', ')}` : ''}`);
  }
  if (cards.length > 1) out.push(...comparison(cards.map((x) => x.scorecard), cards.map((x) => x.result.file), paint));
  return out.length ? `${out.join('\n')}\n` : '';
};

function comparison(cards: Scorecard[], files: string[], paint: (code: number, s: string) => string): string[] {
  const labels = new Map<string, string>();
  for (const sc of cards) for (const p of sc.principles) if (!labels.has(p.id)) labels.set(p.id, p.label);
  const w = Math.max('Coverage'.length, ...[...labels.values()].map((l) => l.length));
  const col = (s: string) => s.padStart(5);
  const out = ['', paint(1, `Comparison`), `  ${''.padEnd(w)}${files.map((_, i) => col(`[${i + 1}]`)).join('')}`];
  for (const [id, label] of labels) {
    const cells = cards.map((sc) => {
      const status = sc.principles.find((p) => p.id === id)?.status ?? 'off';
      return paint(COLOR[status], col(SYMBOL[status]));
    });
    out.push(`  ${label.padEnd(w)}${cells.join('')}`);
  }
  out.push(`  ${paint(1, 'Coverage'.padEnd(w))}${cards.map((sc) => col(percent(sc))).join('')}`);
  files.forEach((f, i) => out.push(`  ${paint(2, `[${i + 1}] ${f}`)}`));
  return out;
}
