/**
 * The scorecard as HTML: one section per plan (chart, principle table, gaps) and a comparison
 * table. The CLI's `--format html` report and the editor's webview are both built from these,
 * so a plan looks the same in both. Nothing here loads anything: styles are inline, the chart is SVG.
 */
import type { Finding, PrincipleScore, PrincipleStatus, Scorecard } from '../engine/index';
import { esc } from './escape';
import { describeSources, SOURCE_LEGEND } from './sources';
import { gapAnchor, jumpAttributes, radarChart } from './radar';

export interface PlanCard {
  /** The plan's path as shown to the user. */
  file: string;
  /** The id of the plan's section in the page. */
  anchor: string;
  scorecard: Scorecard;
  /** Span findings to list under the counts (the report lists them; the editor shows them as diagnostics). */
  findings?: readonly Finding[];
  /** The editor's view opens file: links (a pack's own docs); a report file may travel, so it links to the web only. */
  fileLinks?: boolean;
}

const SYMBOL: Record<PrincipleStatus, string> = { addressed: '✔', partly: '◐', missing: '✖', 'n/a': '·', off: '–' };

/** Colours follow the VS Code theme inside the webview and fall back to a light theme elsewhere. */
export const REPORT_STYLE = `
:root {
  --fg: var(--vscode-foreground, #1f2328); --bg: var(--vscode-editor-background, #ffffff);
  --muted: var(--vscode-descriptionForeground, #59636e); --border: var(--vscode-panel-border, #d1d9e0);
  --link: var(--vscode-textLink-foreground, #0969da);
  --addressed: var(--vscode-charts-green, #1a7f37); --partly: var(--vscode-charts-yellow, #9a6700);
  --missing: var(--vscode-charts-red, #cf222e); --off: var(--vscode-disabledForeground, #8c959f);
}
body { margin: 0 auto; max-width: 1100px; padding: 24px; color: var(--fg); background: var(--bg);
  font: 14px/1.5 var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif); }
a { color: var(--link); }
h1 { font-size: 1.6em; margin: 0 0 4px; } h2 { font-size: 1.3em; margin: 0; } h3 { font-size: 1.05em; margin: 20px 0 8px; }
.muted, .file { color: var(--muted); margin: 2px 0; }
.plan { border-top: 1px solid var(--border); padding: 20px 0; }
.coverage { display: flex; align-items: center; gap: 10px; margin: 10px 0; flex-wrap: wrap; }
.figure { font-size: 1.8em; font-weight: 600; }
.meter { width: 160px; height: 13px; } .meter .track { fill: var(--border); } .meter .fill { fill: var(--link); }
.layout { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.radar { width: 560px; max-width: 100%; height: auto; font-size: 12px; }
.radar .ring { fill: none; stroke: var(--border); } .radar .axis { stroke: var(--border); }
.radar .ring, .radar .axis, .radar .shape { pointer-events: none; }
.radar .shape { fill: var(--link); fill-opacity: 0.15; stroke: var(--link); stroke-width: 2; }
.radar .label { fill: var(--fg); } .radar a .label { text-decoration: underline; }
.dot.addressed { fill: var(--addressed); } .dot.partly { fill: var(--partly); } .dot.missing { fill: var(--missing); }
.label.partly { fill: var(--partly); } .label.missing { fill: var(--missing); font-weight: 600; }
table { border-collapse: collapse; } th, td { text-align: left; padding: 3px 10px 3px 0; border-bottom: 1px solid var(--border); vertical-align: top; }
th { font-weight: 600; } tbody th { font-weight: normal; } td.num, th.num { text-align: right; }
.status { white-space: nowrap; font-weight: 600; }
.status.addressed { color: var(--addressed); } .status.partly { color: var(--partly); } .status.missing { color: var(--missing); } .status.off, .status.na { color: var(--off); font-weight: normal; }
.legend { display: grid; grid-template-columns: max-content 1fr; gap: 0 8px; margin-top: 10px; font-size: 0.9em; max-width: 520px; } .legend dd { margin: 0; }
.gaps li { margin-bottom: 8px; } .gaps .message { display: block; }
.compare td.status, .compare tfoot td { text-align: center; } .compare td.status a { color: inherit; text-decoration: none; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.interactive [data-line] { cursor: pointer; } .interactive .jump { color: var(--link); text-decoration: underline; }
`;

export function percent(card: Scorecard): string {
  return `${Math.round(card.coverage * 100)}%`;
}

/** A coverage bar drawn in SVG, so the page needs no inline style attributes. */
function meter(coverage: number): string {
  return `<svg class="meter" viewBox="0 0 100 8" aria-hidden="true"><rect class="track" width="100" height="8" rx="4"/><rect class="fill" width="${Math.round(coverage * 100)}" height="8" rx="4"/></svg>`;
}

const line = (p: { line: number }) => `line ${p.line + 1}`;

function where(p: PrincipleScore): string {
  if (p.fixAt) return `<span class="jump" title="Where the fix goes"${jumpAttributes(p)}>fix at ${line(p.fixAt)}</span>`;
  return p.evidence ? line(p.evidence.start) : '';
}

/** CSS class and words for a status ("n/a" is no class name). */
const statusClass = (s: PrincipleStatus) => (s === 'n/a' ? 'na' : s);
const statusWords = (s: PrincipleStatus) => (s === 'n/a' ? 'not applicable' : s);

function principleRow(p: PrincipleScore, anchor: string): string {
  const name = p.status === 'partly' || p.status === 'missing' ? `<a href="#${gapAnchor(anchor, p.id)}">${esc(p.label)}</a>` : esc(p.label);
  return `<tr><td title="${esc(p.description)}">${name}</td><td class="status ${statusClass(p.status)}">${SYMBOL[p.status]} ${statusWords(p.status)}</td><td>${where(p)}</td><td class="muted" title="${esc(plain(describeSources(p.source)))}">${esc(p.source)}</td></tr>`;
}

/** The source codes spelled out, under the principle table: "S&-2" means nothing to a first-time reader. */
function sourceLegend(): string {
  const items = SOURCE_LEGEND.map((s) => `<dt>${esc(s.code)}</dt><dd>${esc(s.name).replace(/\*([^*]+)\*/g, '<em>$1</em>')}</dd>`);
  return `<dl class="legend muted">${items.join('')}</dl>`;
}

/** Markdown emphasis dropped, for a tooltip. */
const plain = (text: string) => text.replace(/\*/g, '');

function gapItem(p: PrincipleScore, card: PlanCard): string {
  return [
    `<li id="${gapAnchor(card.anchor, p.id)}"><span class="status ${p.status}">${SYMBOL[p.status]} ${p.status}</span> <strong>${esc(p.label)}</strong>`,
    ` <span class="message">${esc(p.message ?? p.description)}</span>`,
    `<span class="muted">${where(p)} · ${docLink(p.docsUrl, `rule ${p.id}`, card)}</span></li>`,
  ].join('');
}

function spanSummary(card: PlanCard): string {
  const { total, bySource } = card.scorecard.spanFindings;
  if (total === 0) return '<p class="muted">Nothing the plan says runs against a principle.</p>';
  const out = [
    `<p>${total} finding${total === 1 ? '' : 's'} on the plan's words, by principle source:</p>`,
    '<table class="sources"><thead><tr><th scope="col">Source</th><th scope="col" class="num">Findings</th></tr></thead><tbody>',
    ...bySource.map((s) => `<tr><td>${esc(s.source)}</td><td class="num">${s.count}</td></tr>`),
    '</tbody></table>',
  ];
  if (card.findings?.length) {
    out.push('<ul class="findings">');
    for (const f of card.findings) {
      out.push(`<li><span class="muted">${line(f.range.start)}</span> ${esc(f.message)} ${docLink(f.docsUrl, f.ruleId, card)}</li>`);
    }
    out.push('</ul>');
  }
  return out.join('');
}

/** One plan: coverage, the radar chart beside the principle table, the gaps and the span findings. */
export function planSection(card: PlanCard): string {
  const sc = card.scorecard;
  const gaps = sc.principles.filter((p) => p.status === 'partly' || p.status === 'missing');
  const c = sc.counts;
  return [
    `<section class="plan" id="${esc(card.anchor)}">`,
    `<h2>${esc(sc.title)}</h2><p class="file">${esc(card.file)}</p>`,
    `<div class="coverage"><span class="figure">${percent(sc)}</span>${meter(sc.coverage)}`,
    `<span>coverage: ${c.addressed} addressed · ${c.partly} partly · ${c.missing} missing${c['n/a'] ? ` · ${c['n/a']} not applicable` : ''}${c.off ? ` · ${c.off} off` : ''}</span></div>`,
    `<div class="layout">${radarChart(sc, card.anchor)}`,
    `<div><table class="principles"><thead><tr><th scope="col">Principle</th><th scope="col">Status</th><th scope="col">Where</th><th scope="col">Source</th></tr></thead>`,
    `<tbody>${sc.principles.map((p) => principleRow(p, card.anchor)).join('')}</tbody></table>${sourceLegend()}</div></div>`,
    '<h3>Gaps</h3>',
    gaps.length ? `<ol class="gaps">${gaps.map((p) => gapItem(p, card)).join('')}</ol>` : '<p class="muted">None: every principle assessed is addressed.</p>',
    '<h3>What the plan says against the principles</h3>',
    spanSummary(card),
    '</section>',
  ].join('\n');
}

/** Several plans side by side: one row per principle, one column per plan, coverage last. */
export function comparisonTable(cards: readonly PlanCard[]): string {
  const rows = new Map<string, string>();
  for (const card of cards) for (const p of card.scorecard.principles) if (!rows.has(p.id)) rows.set(p.id, p.label);
  const head = cards.map((c) => `<th scope="col"><a href="#${esc(c.anchor)}" title="${esc(c.scorecard.title)}">${esc(c.file)}</a></th>`).join('');
  const body = [...rows].map(([id, label]) => {
    const cells = cards.map((c) => {
      const p = c.scorecard.principles.find((x) => x.id === id);
      if (!p) return '<td class="status off">–</td>';
      const mark = `${SYMBOL[p.status]}<span class="sr"> ${statusWords(p.status)}</span>`;
      const content = p.status === 'partly' || p.status === 'missing' ? `<a href="#${gapAnchor(c.anchor, p.id)}">${mark}</a>` : mark;
      return `<td class="status ${statusClass(p.status)}" title="${statusWords(p.status)}">${content}</td>`;
    });
    return `<tr><th scope="row">${esc(label)}</th>${cells.join('')}</tr>`;
  });
  const coverage = `<tr><th scope="row">Coverage</th>${cards.map((c) => `<td class="num">${percent(c.scorecard)}</td>`).join('')}</tr>`;
  return `<table class="compare"><thead><tr><th scope="col">Principle</th>${head}</tr></thead><tbody>${body.join('')}</tbody><tfoot>${coverage}</tfoot></table>`;
}

/** A complete page. `csp` is the Content-Security-Policy it declares; `script` an inline script (webview only). */
export function htmlDocument(opts: { title: string; csp: string; body: string; script?: { nonce: string; code: string } }): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(opts.csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(opts.title)}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head>',
    '<body>',
    opts.body,
    opts.script ? `<script nonce="${esc(opts.script.nonce)}">${opts.script.code}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * A link to a rule's page: only web links (and file links in the editor's view) become hrefs,
 * because a rule's docs come from packs, which a repository writes; anything else stays text.
 */
function docLink(url: string, text: string, card: PlanCard): string {
  const safe = card.fileLinks ? /^(?:https?|file):/i : /^https?:/i;
  return safe.test(url) ? `<a href="${esc(url)}">${esc(text)}</a>` : esc(text);
}
