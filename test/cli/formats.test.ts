import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FORMATTERS } from '../../server/src/cli/formatters/index';
import { CONTEXT, RESULTS } from './format-input';

/** Golden files: `UPDATE_GOLDEN=1 node scripts/run-tests.mjs test/cli/formats` rewrites them; review the diff. */
const GOLDEN = join(__dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const GOLDEN_FILES: Record<string, string> = {
  stylish: 'stylish.txt',
  json: 'json.json',
  sarif: 'sarif.json',
  github: 'github.txt',
  codeclimate: 'codeclimate.json',
  rdjson: 'rdjson.json',
  junit: 'junit.xml',
  summary: 'summary.md',
};

const render = (format: string) => FORMATTERS[format](RESULTS, CONTEXT);

describe('every format matches its golden file', () => {
  for (const [format, name] of Object.entries(GOLDEN_FILES)) {
    it(format, () => {
      const path = join(GOLDEN, name);
      if (UPDATE) writeFileSync(path, render(format));
      assert.ok(existsSync(path), `no golden file ${name}: run UPDATE_GOLDEN=1 node scripts/run-tests.mjs test/cli/formats`);
      assert.equal(render(format), readFileSync(path, 'utf8'));
    });
  }
});

describe('format details the golden files must not hide', () => {
  it('github: escapes %, line breaks, and the property separators in file names and titles', () => {
    const lines = render('github').split('\n');
    assert.equal(lines.length, 8);
    const vague = lines.find((l) => l.includes('vague-target'))!;
    assert.equal(
      vague,
      '::warning file=plans/growth-plan.md,line=9,col=11,endLine=9,endColumn=58,title=vague-target (Stratlint)::This target is 100%25 vague: say by how much, by when.%0AExample: "onboarding in 2 days, down from 9, by Q3".',
    );
    assert.ok(lines.some((l) => l.startsWith('::error file=plans/q3%2C east region-plan.md,line=1,col=3,')));
    assert.ok(lines.some((l) => l.startsWith('::notice file=plans/growth-plan.md,line=6,')), 'info findings are notices');
  });

  it('rdjson: columns count UTF-8 bytes, so "world-class" after é, ☕ and 🚀 starts at byte 39, not UTF-16 column 34', () => {
    const diagnostics = (JSON.parse(render('rdjson')) as { diagnostics: { location: { range: { start: { line: number; column: number } } }; message: string; suggestions?: unknown[] }[] }).diagnostics;
    const first = diagnostics.find((d) => d.message.includes('world-class'))!;
    assert.deepEqual(first.location.range.start, { line: 6, column: 39 });
    const line = RESULTS[0].text!.split('\n')[5];
    assert.equal(line.indexOf('world-class') + 1, 34);
    assert.equal(Buffer.byteLength(line.slice(0, line.indexOf('world-class'))) + 1, 39);
    assert.deepEqual(first.suggestions, [{ range: { start: { line: 6, column: 39 }, end: { line: 6, column: 50 } }, text: 'rated 4.8/5 by clinics' }]);
  });

  it('codeclimate: fingerprints are unique across the report, even for the same words in two plans', () => {
    const issues = JSON.parse(render('codeclimate')) as { fingerprint: string; check_name: string; location: { path: string } }[];
    assert.equal(issues.length, 8);
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, 8);
  });

  it('junit: one failing case per finding, a passing case for a clean plan, XML escaped', () => {
    const xml = render('junit');
    assert.match(xml, /<testsuites name="stratlint" tests="9" failures="8" errors="0">/);
    assert.match(xml, /<testcase classname="plans\/clean-plan.md" name="no findings"\/>/);
    assert.match(xml, /name="vague-target: &quot;&quot;better&quot; onboarding &lt;soon&gt; &amp; more \| all \*round\*&quot;"/);
    assert.doesNotMatch(xml, /<soon>/);
  });

  it('sarif: new and unchanged results when the run compares with an earlier state, none otherwise', () => {
    const log = JSON.parse(render('sarif')) as { runs: { results: { baselineState?: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const states = log.runs[0].results.map((r) => `${r.locations[0].physicalLocation.artifactLocation.uri} ${r.baselineState ?? '-'}`);
    assert.deepEqual(states.slice(5), ['plans/q3%2C%20east%20region-plan.md unchanged', 'plans/q3%2C%20east%20region-plan.md unchanged', 'plans/q3%2C%20east%20region-plan.md new']);
    assert.ok(states.slice(0, 5).every((s) => s.endsWith(' -')));
  });

  it('summary: coverage before → after, new and fixed findings, new ones first among the top three', () => {
    const md = render('summary');
    assert.match(md, /^## Stratlint: 3 plans, 2 errors, 1 warning, 5 infos$/m);
    assert.match(md, /^1 new finding and 1 fixed since `origin\/main`\.$/m);
    assert.match(md, /^\*\*Principles addressed:\*\* 0 of 2 → 1 of 2 since `origin\/main` \(now 1 partly\)$/m);
    assert.match(md, /^- \[Target customers\]\(https:\/\/stratlint\.example\/rules\/target-customers\/\): ❌ missing → 🟡 partly$/m);
    assert.match(md, /^- \[Customer outcomes\]\(https:\/\/stratlint\.example\/rules\/customer-outcomes\/\): ❌ missing → ✅ addressed$/m);
    assert.match(md, /^\*\*Findings:\*\* 1 error, 0 warnings, 2 infos · 1 new · 1 fixed since `origin\/main`$/m);
    assert.match(md, /^1\. 🆕 \*\*info\*\* \[buzzword-fluff\]\(https:\/\/stratlint\.example\/rules\/buzzword-fluff\/\) \(line 5, “seamless”\)/m);
    assert.match(md, /^Fixed: \[vague-target\]\(.*\) “improve \\\| grow \\\*fast\\\*”$/m);
    assert.match(md, /^\*\*Principles addressed:\*\* 0 of 2 \(1 partly\)$/m);
  });
});

describe('a finding over a list names each place it covers', () => {
  const TEXT = '# Plan\n\n## Goals\n\n- Launch the booking app.\n- Ship reminders.\n';
  const place = (line: number, end: number) => ({ start: { line, character: 2 }, end: { line, character: end } });
  const finding = {
    ruleId: 'vague-target',
    severity: 'warning' as const,
    message: '2 goals in this list are deliverables, not results.',
    range: { start: place(4, 25).start, end: place(5, 17).end },
    source: 'CPV-3',
    docsUrl: 'https://stratlint.example/rules/vague-target/',
    fixes: [],
    related: [
      { range: place(4, 25), message: 'A deliverable, not a result: "Launch the booking app."' },
      { range: place(5, 17), message: 'A deliverable, not a result: "Ship reminders."' },
    ],
  };
  const results = [{ file: 'plan.md', text: TEXT, findings: [finding] }];

  it('json: a related array of 1-based lines and columns with messages', () => {
    const [entry] = JSON.parse(FORMATTERS.json(results, CONTEXT)) as { findings: { endLine: number; related: unknown[] }[] }[];
    assert.equal(entry.findings[0].endLine, 6);
    assert.deepEqual(entry.findings[0].related, [
      { line: 5, column: 3, endLine: 5, endColumn: 26, message: 'A deliverable, not a result: "Launch the booking app."' },
      { line: 6, column: 3, endLine: 6, endColumn: 18, message: 'A deliverable, not a result: "Ship reminders."' },
    ]);
  });

  it('sarif: relatedLocations with their messages', () => {
    const log = JSON.parse(FORMATTERS.sarif(results, CONTEXT)) as { runs: { results: { relatedLocations: { id: number; physicalLocation: { region: { startLine: number } }; message: { text: string } }[] }[] }[] };
    const related = log.runs[0].results[0].relatedLocations;
    assert.deepEqual(
      related.map((r) => [r.id, r.physicalLocation.region.startLine, r.message.text]),
      [
        [0, 5, 'A deliverable, not a result: "Launch the booking app."'],
        [1, 6, 'A deliverable, not a result: "Ship reminders."'],
      ],
    );
  });
});
