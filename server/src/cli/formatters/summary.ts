import type { Finding, PrincipleStatus, RuleMeta, Scorecard, Severity } from '../../engine/index';
import { LineIndex } from '../../engine/plan/positions';
import { fingerprintsOf, shownWords, textOf } from '../fingerprint';
import { SEVERITY_RANK } from './location';
import type { FileResult, Formatter } from './types';
import { shareableDocsUrl } from './links';

const STATUS: Record<PrincipleStatus, string> = { addressed: '✅ addressed', partly: '🟡 partly', missing: '❌ missing', 'n/a': '➖ not applicable', off: '➖ off' };
const TOP = 3;
const MAX_FIXED = 10;

/**
 * Markdown for a pull-request comment or a job summary. Per plan: how many principles it
 * addresses (before → after when the run compares with a git ref), which findings are new
 * and which were fixed, and the three findings most worth a reviewer's attention, each
 * linked to its rule's page.
 */
export const summary: Formatter = (results, ctx) => {
  const all = results.flatMap((r) => r.findings);
  const newFlags = results.map((r) => newFindings(r, ctx.rules));
  const against = results.find((r) => r.before)?.before?.label;
  const out = [`## Stratlint: ${plural(results.length, 'plan')}, ${countPhrase(all)}`, ''];
  if (against) {
    const news = newFlags.flat().filter(Boolean).length;
    const fixed = results.reduce((n, r) => n + (r.before?.fixed.length ?? 0), 0);
    out.push(`${plural(news, 'new finding')} and ${fixed} fixed since \`${code(against)}\`.`, '');
  }
  if (results.length === 0) out.push(ctx.changedSince ? `No plan changed since \`${code(ctx.changedSince)}\`.` : 'No plans found.', '');
  results.forEach((r, i) => out.push(...planSection(r, newFlags[i], ctx.rules)));
  return out.join('\n');
};

/** For each finding, whether it is new since the comparison point (never, without one). */
function newFindings(r: FileResult, rules: ReadonlyMap<string, RuleMeta>): boolean[] {
  const fingerprints = fingerprintsOf(r, rules);
  return fingerprints.map((fp) => (r.before ? !r.before.fingerprints.has(fp) : false));
}

function planSection(r: FileResult, newFlags: boolean[], rules: ReadonlyMap<string, RuleMeta>): string[] {
  const out = [`### ${md(r.file)}`, ''];

  if (r.scorecard) out.push(...coverageLines(r), '');

  const newCount = newFlags.filter(Boolean).length;
  const changes = r.before ? ` · ${newCount} new · ${r.before.fixed.length} fixed since \`${code(r.before.label)}\`` : '';
  out.push(`**Findings:** ${r.findings.length ? countPhrase(r.findings) : 'none'}${changes}`, '');
  if (r.before?.fixed.length) {
    const fixed = r.before.fixed.slice(0, MAX_FIXED).map((x) => `${ruleLink(x.ruleId, rules)}${x.words ? ` “${md(x.words)}”` : ''}`);
    const more = r.before.fixed.length - fixed.length;
    out.push(`Fixed: ${fixed.join(', ')}${more > 0 ? ` and ${more} more` : ''}`, '');
  }

  const top = r.findings
    .map((f, i) => ({ f, isNew: newFlags[i] }))
    .sort((a, b) => Number(b.isNew) - Number(a.isNew) || SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.f.range.start.line - b.f.range.start.line)
    .slice(0, TOP);
  if (top.length) {
    const lines = new LineIndex(textOf(r));
    if (r.findings.length > TOP) out.push(`Top ${TOP} of ${r.findings.length}:`, '');
    top.forEach(({ f, isNew }, n) => {
      const words = shownWords(lines, f, rules);
      const where = `line ${f.range.start.line + 1}${words ? `, “${md(words)}”` : ''}`;
      out.push(`${n + 1}. ${isNew ? '🆕 ' : ''}**${f.severity}** ${ruleLink(f.ruleId, rules)} (${where}): ${md(f.message.replace(/\s+/g, ' '))}`);
    });
    out.push('');
  }
  return out;
}

/** "Principles addressed: 3 of 8 → 5 of 8", what changed, and the full table folded away. */
function coverageLines(r: FileResult): string[] {
  const now = r.scorecard!;
  const then = r.before?.scorecard;
  const thenStatus = new Map(then?.principles.map((p) => [p.id, p.status]));
  const tally = (s: Scorecard) => `${s.counts.addressed} of ${s.counts.addressed + s.counts.partly + s.counts.missing}`;
  const out: string[] = [];
  if (then) {
    const nowPartly = now.counts.partly ? ` (now ${now.counts.partly} partly)` : '';
    out.push(`**Principles addressed:** ${tally(then)} → ${tally(now)} since \`${code(r.before!.label)}\`${nowPartly}`);
    const changed = now.principles.filter((p) => thenStatus.get(p.id) !== p.status);
    if (changed.length) {
      out.push('');
      for (const p of changed) out.push(`- ${link(p.label, p.docsUrl)}: ${STATUS[thenStatus.get(p.id) ?? 'off']} → ${STATUS[p.status]}`);
    }
  } else {
    const partly = now.counts.partly ? ` (${now.counts.partly} partly)` : '';
    out.push(`**Principles addressed:** ${tally(now)}${partly}${r.before?.newPlan ? ' (new plan)' : ''}`);
  }
  const thenHead = then ? ` \`${code(r.before!.label)}\` |` : '';
  out.push('', '<details><summary>Principle coverage</summary>', '', `| Principle | Source |${thenHead} Now |`, `|---|---|${then ? '---|' : ''}---|`);
  for (const p of now.principles) {
    const thenCell = then ? ` ${STATUS[thenStatus.get(p.id) ?? 'off']} |` : '';
    out.push(`| ${link(p.label, p.docsUrl)} | ${md(p.source)} |${thenCell} ${STATUS[p.status]} |`);
  }
  out.push('', '</details>');
  return out;
}

function ruleLink(id: string, rules: ReadonlyMap<string, RuleMeta>): string {
  return link(id, rules.get(id)?.docsUrl ?? '');
}

function link(text: string, docsUrl: string): string {
  const url = shareableDocsUrl(docsUrl);
  return url ? `[${md(text)}](${url.replace(/[()\s]/g, encodeURIComponent)})` : md(text);
}

function countPhrase(findings: readonly Finding[]): string {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return `${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${plural(n('info'), 'info')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Escapes Markdown (and table pipes) in text from plans and rule data; `&` only where it would start an entity. */
function md(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, '\\$&').replace(/&(?=#?\w+;)/g, '&amp;');
}

/** Text inside a code span cannot hold backticks; refs and file names rarely do. */
function code(s: string): string {
  return s.replace(/`/g, "'");
}
