import { LineIndex } from '../../engine/plan/positions';
import { shownWords, textOf } from '../fingerprint';
import { oneBased } from './location';
import type { Formatter } from './types';
import { shareableDocsUrl } from './links';

/**
 * JUnit XML for CI test reports: one suite per plan, one failing test case per finding, one
 * passing case for a plan without findings. A case is named by rule and flagged words rather
 * than by line, so the same finding keeps its name when lines above it move.
 */
export const junit: Formatter = (results, ctx) => {
  const total = results.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  const failures = results.reduce((n, r) => n + r.findings.length, 0);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="stratlint" tests="${total}" failures="${failures}" errors="0">`];
  for (const r of results) {
    const lines = new LineIndex(textOf(r));
    const file = attr(r.file);
    out.push(`  <testsuite name="${file}" tests="${Math.max(1, r.findings.length)}" failures="${r.findings.length}" errors="0">`);
    if (r.findings.length === 0) out.push(`    <testcase classname="${file}" name="no findings"/>`);
    for (const f of r.findings) {
      const p = oneBased(f.range);
      const words = shownWords(lines, f, ctx.rules);
      const name = words ? `${f.ruleId}: "${words}"` : f.ruleId;
      const body = `${r.file}:${p.line}:${p.column} ${f.severity}: ${f.message}\nPrinciple: ${f.source}${docs(f.docsUrl)}`;
      out.push(
        `    <testcase classname="${file}" name="${attr(name)}">`,
        `      <failure type="${f.severity}" message="${attr(f.message)}">${xml(body)}</failure>`,
        '    </testcase>',
      );
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n');
};

/** Escapes element text, dropping characters XML 1.0 cannot hold. */
function xml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Escapes an attribute value; line breaks as references, since parsers fold literal ones into spaces. */
function attr(s: string): string {
  return xml(s).replace(/"/g, '&quot;').replace(/\r?\n|\r/g, '&#10;');
}

function docs(docsUrl: string): string {
  const url = shareableDocsUrl(docsUrl);
  return url ? `\nDocs: ${url}` : '';
}
