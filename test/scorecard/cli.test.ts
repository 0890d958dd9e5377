import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { builtinRules } from '../../server/src/engine/index';
import { main } from '../../server/src/cli/main';
import { CATALOG } from './catalog';

const ROOT = join(__dirname, '../..');
const EXAMPLES = ['examples/clinic-scheduling-strategy.md', 'examples/weak-declared-centricity-plan.md', 'examples/weak-feature-race-plan.md'];

async function run(args: string[], cwd: string) {
  let stdout = '';
  const sink = new Writable({ write: (chunk, _e, cb) => ((stdout += String(chunk)), cb()) });
  const quiet = new Writable({ write: (_c, _e, cb) => cb() });
  const code = await main(args, { cwd, stdout: sink as unknown as NodeJS.WriteStream, stderr: quiet as unknown as NodeJS.WriteStream });
  return { code, stdout };
}

/** A plan and a config that keeps three rules, so the table below stays exact as the catalog grows. */
function smallPlan(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stratlint-scorecard-'));
  const keep: Record<string, string> = { 'customer-outcomes': 'error', 'target-customers': 'error', 'buzzword-fluff': 'info' };
  const rules = builtinRules().rules.map((r) => `  ${r.meta.id}: ${keep[r.meta.id] ?? 'off'}`);
  writeFileSync(join(dir, '.stratlint.yaml'), `rules:\n${rules.join('\n')}\n`);
  writeFileSync(
    join(dir, 'growth-plan.md'),
    '# Growth plan 2027\n\n## Target customers\n\nWe serve independent dental clinics with 3 to 15 practitioners in the UK and Ireland, where one person at the front desk handles phones, payments and rebooking.\n\n## Plan\n\nWe will launch a world-class mobile app.\n',
  );
  return dir;
}

/** The built-in plan-level rules the small plan's config switches off, in the catalog's order. */
const offIds = () => {
  const plan = new Set(builtinRules().rules.filter((r) => r.meta.scope === 'plan').map((r) => r.meta.id));
  return CATALOG.filter((id) => plan.has(id) && id !== 'customer-outcomes' && id !== 'target-customers');
};

describe('--format scorecard', () => {
  it('prints each principle with its status and location, the principles off, the coverage and span findings by source', async () => {
    const r = await run(['-f', 'scorecard', 'growth-plan.md'], smallPlan());
    assert.equal(r.code, 1);
    const off = offIds();
    assert.equal(
      r.stdout,
      [
        '',
        'growth-plan.md  Growth plan 2027',
        '  coverage  50%  █████░░░░░  1 addressed, 0 partly, 1 missing, ' + `${off.length} off`,
        '  ✖ Customer outcomes  missing    fix at line 7  customer-outcomes',
        '  ✔ Target customers   addressed  line 3         target-customers',
        `  – off: ${off.join(', ')}`,
        '  1 span finding: CVC (Hamel) 1, S&-3 1',
        '',
      ].join('\n'),
    );
  });

  it('compares several plans side by side', async () => {
    const r = await run(['--no-config', '-f', 'scorecard', ...EXAMPLES], ROOT);
    const table = r.stdout.slice(r.stdout.indexOf('Comparison'));
    assert.match(table, /^ {2}Customer outcomes +✔ +✖ +✖$/m);
    assert.match(table, /^ {2}Coverage +100% +\d+% +\d+%$/m);
    assert.match(table, /^ {2}\[3\] examples\/weak-feature-race-plan\.md$/m);
  });
});

describe('--format html', () => {
  it('writes one valid, self-contained page: a chart and the gaps per plan, a comparison table', async () => {
    const { stdout: html } = await run(['--no-config', '-f', 'html', ...EXAMPLES], ROOT);

    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
    assert.deepEqual(report.results.flatMap((x) => x.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)), []);

    // Nothing loads from anywhere: no scripts, stylesheets, images, frames or fonts; a CSP that forbids them.
    assert.doesNotMatch(html, /<(?:script|link|img|iframe|object|embed)\b/i);
    assert.doesNotMatch(html, /\bsrc=|url\(|@import/i);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;">/);
    // Links go to the page itself or to the rule pages in the repository; the SVG namespace is a name, not a request.
    const HOME = 'https://github.com/stratlint/stratlint/blob/v';
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    const external = hrefs.filter((h) => !h.startsWith('#') && !h.startsWith(HOME));
    assert.deepEqual(external, []);
    assert.deepEqual(html.match(/https?:\/\/[^"\s<]*/g)?.filter((u) => !u.startsWith(HOME)), ['http://www.w3.org/2000/svg', 'http://www.w3.org/2000/svg', 'http://www.w3.org/2000/svg']);
    const ids = new Set([...html.matchAll(/id="([^"]*)"/g)].map((m) => m[1]));
    for (const h of hrefs.filter((x) => x.startsWith('#'))) assert.ok(ids.has(h.slice(1)), `link ${h} points nowhere`);

    assert.equal(html.match(/<svg class="radar"/g)?.length, 3);
    // The source codes are spelled out: a legend under each principle table, and each cell's tooltip.
    assert.equal(html.match(/<dl class="legend muted">/g)?.length, 3);
    assert.match(html, /<dt>S&amp;-n<\/dt><dd>Strategy&amp;, <em>10 Principles of Customer Strategy<\/em><\/dd>/);
    assert.match(html, /<dt>CPV-n<\/dt><dd>Narducci, <em>Seven Leadership Principles for Creating Customer Powered Value<\/em><\/dd>/);
    assert.match(html, /<td class="muted" title="Narducci, Seven Leadership Principles for Creating Customer Powered Value \(principles 1 and 3\); Klaidman &amp; Drake, Customer Value Creation">CPV-1, CPV-3, CVC<\/td>/);
    assert.equal(html.match(/<table class="compare">/g)?.length, 1);
    // Every rule doc a gap links to is the rule's README.
    const docs = hrefs.filter((h) => h.startsWith(HOME));
    assert.ok(docs.length > 0);
    for (const d of docs) assert.match(d, /\/blob\/v\d+\.\d+\.\d+\/rules\/[a-z-]+\/README\.md$/);
    assert.ok(docs.some((d) => d.endsWith('/rules/customer-outcomes/README.md')));
  });

  it('leaves out the comparison for a single plan and says when a plan has no gaps', async () => {
    const { stdout: html } = await run(['--no-config', '-f', 'html', EXAMPLES[0]], ROOT);
    assert.doesNotMatch(html, /class="compare"/);
    assert.match(html, /None: every principle assessed is addressed\./);
    assert.match(html, /<span class="figure">100%<\/span>/);
  });

  it('escapes the plan text it shows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stratlint-scorecard-'));
    writeFileSync(join(dir, 'plan.md'), '# Plan <script>alert(1)</script> & "more"\n\nWe will grow.\n');
    const { stdout: html } = await run(['--no-config', '-f', 'html', 'plan.md'], dir);
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /<h2>Plan &lt;script&gt;alert\(1\).*&amp; &quot;more&quot;<\/h2>/);
  });
});
