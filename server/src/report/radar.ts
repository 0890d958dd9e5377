import type { PrincipleScore, PrincipleStatus, Scorecard } from '../engine/index';
import { esc } from './escape';

/** How far along its axis a status reaches: the coverage weights, so the shape's area tracks the coverage figure. */
const REACH: Record<Exclude<PrincipleStatus, 'off' | 'n/a'>, number> = { addressed: 1, partly: 0.5, missing: 0 };
const RADIUS = 120;
const LABEL_GAP = 12;

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

/** The id of a gap's entry in the report, so the chart and the comparison table can link to it. */
export function gapAnchor(planAnchor: string, id: string): string {
  return `${planAnchor}-gap-${id.replace(/[^a-z0-9-]/gi, '-')}`;
}

/** Attributes that let the editor's webview jump to where a gap's fix would go (0-based, as in LSP). */
export function jumpAttributes(p: PrincipleScore): string {
  return p.fixAt ? ` data-line="${p.fixAt.line}" data-character="${p.fixAt.character}"` : '';
}

/**
 * A radar chart of the assessed principles, one axis each: addressed reaches the rim, partly
 * half way, missing stays at the centre. Gaps link to their entry in the report (`#…-gap-id`).
 */
export function radarChart(card: Scorecard, planAnchor: string): string {
  const shown = card.principles.filter((p): p is PrincipleScore & { status: keyof typeof REACH } => p.status !== 'off' && p.status !== 'n/a');
  const n = shown.length;
  const at = (i: number, r: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
    return { x: Math.cos(angle) * r, y: Math.sin(angle) * r, cos: Math.cos(angle), sin: Math.sin(angle) };
  };
  const ring = (r: number) => shown.map((_, i) => `${fmt(at(i, r).x)},${fmt(at(i, r).y)}`).join(' ');
  const out: string[] = [
    `<svg class="radar" viewBox="-290 -165 580 330" role="img" aria-label="${esc(`Principle coverage of ${card.title}: ${Math.round(card.coverage * 100)}%`)}" xmlns="http://www.w3.org/2000/svg">`,
    `<polygon class="ring" points="${ring(RADIUS)}"/>`,
    `<polygon class="ring" points="${ring(RADIUS / 2)}"/>`,
  ];
  shown.forEach((_, i) => {
    const end = at(i, RADIUS);
    out.push(`<line class="axis" x1="0" y1="0" x2="${fmt(end.x)}" y2="${fmt(end.y)}"/>`);
  });
  const dots = shown.map((p, i) => at(i, RADIUS * REACH[p.status as keyof typeof REACH]));
  if (n > 0) out.push(`<polygon class="shape" points="${dots.map((d) => `${fmt(d.x)},${fmt(d.y)}`).join(' ')}"/>`);
  shown.forEach((p, i) => {
    const dot = dots[i];
    const label = at(i, RADIUS + LABEL_GAP);
    const anchor = label.cos > 0.15 ? 'start' : label.cos < -0.15 ? 'end' : 'middle';
    const dy = label.sin < -0.5 ? '-0.2em' : label.sin > 0.5 ? '0.9em' : '0.35em';
    const tip = `<title>${esc(`${p.label}: ${p.status} — ${p.description}`)}</title>`;
    const mark = `${tip}<circle class="dot ${p.status}" cx="${fmt(dot.x)}" cy="${fmt(dot.y)}" r="5"/><text class="label ${p.status}" x="${fmt(label.x)}" y="${fmt(label.y)}" dy="${dy}" text-anchor="${anchor}">${esc(p.label)}</text>`;
    out.push(p.status === 'addressed' ? `<g>${mark}</g>` : `<a class="gap" href="#${gapAnchor(planAnchor, p.id)}"${jumpAttributes(p)}>${mark}</a>`);
  });
  out.push('</svg>');
  return out.join('');
}
