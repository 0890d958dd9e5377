import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, lintDocument, resolveConfig, type Finding } from '../../server/src/engine/index';
import { workspace } from './workspace';

/** The example pack in examples/packs, used as a team would: copied next to their config. */
const PACK = readFileSync(join(__dirname, '../../examples/packs/acme-planning.yaml'), 'utf8');
const root = workspace({ 'acme-planning.yaml': PACK, '.stratlint.yaml': 'extends: [stratlint:recommended, ./acme-planning.yaml]\n' });

function packFindings(text: string, ruleId: string): Finding[] {
  return lintDocument(text, { filePath: join(root, 'strategy.md'), stopDir: root }).findings.filter((f) => f.ruleId === ruleId);
}

/** "line:col-endCol words" of each finding, 1-based, for exact assertions. */
function spans(text: string, findings: Finding[]): string[] {
  const lines = text.split('\n');
  return findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.character + 1} ${lines[f.range.start.line].slice(f.range.start.character, f.range.end.character)}`);
}

/** Applies the finding's fix; the finding must be gone, every other line kept, and a second round must change nothing. */
function assertFixes(text: string, ruleId: string): string {
  const before = packFindings(text, ruleId);
  assert.equal(before.length, 1, 'one finding to fix');
  const fixed = applyEdits(text, before[0].fixes[0].edits);
  // The finding goes; an inserted template still to fill in may leave a lower "not filled in" one.
  const left = packFindings(fixed, ruleId);
  assert.deepEqual(left.filter((f) => !/not filled in/.test(f.message)), [], `the fix removes the finding:\n${fixed}`);
  for (const line of text.split('\n')) if (line.trim()) assert.ok(fixed.includes(line) || before[0].range.start.line === text.split('\n').indexOf(line), `kept: ${line}`);
  const again = packFindings(fixed, ruleId).flatMap((f) => f.fixes[0]?.edits ?? []);
  assert.equal(applyEdits(fixed, again), fixed);
  return fixed;
}

const PLAN = (body: string) => `# Payroll software customer strategy 2026–2029\n\n## Target customers\n\nAccounting firms with 10 to 50 staff that run payroll for small employers.\n\n${body}`;

describe('the example pack loads as data and its rules join the built-in ones', () => {
  it('compiles every rule, enabled at its severity, with docs next to the pack', () => {
    const config = resolveConfig({ filePath: join(root, 'strategy.md'), stopDir: root });
    const pack = config.settings.filter((s) => s.rule.meta.id.startsWith('acme/'));
    assert.deepEqual(
      pack.map((s) => `${s.rule.meta.id} ${s.rule.meta.kind} ${s.severity}`),
      ['acme/risks require-section warning', 'acme/hedged-commitment avoid-phrase info', 'acme/pilot-decision require-evidence warning', 'acme/okr-key-results section-content warning', 'acme/dated-target metric warning'],
    );
    assert.equal(pack[0].rule.meta.docsUrl, `file://${root}/README.md#acmerisks`);
    assert.deepEqual(config.sources, [join(root, '.stratlint.yaml'), join(root, 'acme-planning.yaml')]);
  });
});

describe('require-section through a pack (acme/risks)', () => {
  const weak = PLAN('## Metrics\n\n- Payroll close time from 4 hours to 1 hour by March 2027.\n\n## Appendix\n\nInterview notes.\n');
  it('fires on the title when no section or sentence does the job', () => {
    assert.deepEqual(spans(weak, packFindings(weak, 'acme/risks')), ['1:3-47 Payroll software customer strategy 2026–2029']);
  });
  it('does not fire for a section under an alias, or for evidence in prose', () => {
    assert.deepEqual(packFindings(PLAN('## Key risks\n\n- Firms may not trust automated corrections; early signal: manual overrides above 10%.\n'), 'acme/risks'), []);
    assert.deepEqual(packFindings(PLAN('The biggest risk is that firms keep their spreadsheets.\n'), 'acme/risks'), []);
  });
  it('inserts the section after the metrics, before the appendix', () => {
    const fixed = assertFixes(weak, 'acme/risks');
    assert.ok(fixed.indexOf('## Risks') > fixed.indexOf('## Metrics') && fixed.indexOf('## Risks') < fixed.indexOf('## Appendix'), fixed);
  });
});

describe('avoid-phrase through a pack (acme/hedged-commitment)', () => {
  const weak = PLAN('We will try to cut payroll corrections in half this year.\n');
  it('fires on the hedge', () => {
    assert.deepEqual(spans(weak, packFindings(weak, 'acme/hedged-commitment')), ['7:4-15 will try to']);
  });
  it('does not fire when customers are the ones trying, or in quotes', () => {
    assert.deepEqual(packFindings(PLAN('Customers often will try to fix payroll errors by hand.\n\nThe old plan said "we will try to grow".\n'), 'acme/hedged-commitment'), []);
  });
  it('replaces the hedge with the commitment', () => {
    assert.match(assertFixes(weak, 'acme/hedged-commitment'), /^We will cut payroll corrections in half this year\.$/m);
  });
});

describe('require-evidence through a pack (acme/pilot-decision)', () => {
  const weak = PLAN('In Q2 we will run a six-week pilot with twelve accounting firms.\n');
  it('fires on the trigger when the block has no decision rule (pack terms expand)', () => {
    assert.deepEqual(spans(weak, packFindings(weak, 'acme/pilot-decision')), ['7:15-35 run a six-week pilot']);
  });
  it('does not fire when the same block says how the pilot is decided, or for pilots who are people', () => {
    assert.deepEqual(packFindings(PLAN('In Q2 we will run a pilot with twelve firms and decide in June whether to roll it out.\n\nAirline pilots file their hours through our app.\n'), 'acme/pilot-decision'), []);
  });
  it('appends the decision rule to the block', () => {
    assert.match(assertFixes(weak, 'acme/pilot-decision'), /firms\. We will scale it if <result> by <date>, and stop it otherwise\.$/m);
  });
});

describe('section-content through a pack (acme/okr-key-results)', () => {
  const weak = PLAN('## OKRs\n\n**Objective:** Firms trust our payroll numbers.\n\n- **KR:** Payroll corrections from 6% to 1% of runs by Q4 2027.\n');
  it('fires on the heading of a section with too few items', () => {
    assert.deepEqual(spans(weak, packFindings(weak, 'acme/okr-key-results')), ['7:4-8 OKRs']);
  });
  it('does not fire with enough items, or when the plan has no such section', () => {
    const strong = `${weak}- **KR:** Support tickets about payroll from 300 to 100 a month by Q4 2027.\n`;
    assert.deepEqual(packFindings(strong, 'acme/okr-key-results'), []);
    assert.deepEqual(packFindings(PLAN('## Goals\n\n- Fewer payroll corrections.\n'), 'acme/okr-key-results'), []);
  });
  it('appends key-result templates to the section', () => {
    assert.match(assertFixes(weak, 'acme/okr-key-results'), /- \*\*KR:\*\* <metric> from <baseline> to <target> by <date>\n/);
  });
});

describe('metric through a pack (acme/dated-target)', () => {
  // No year in the title: lines under it would inherit the plan's dates.
  const weak = '# Payroll software customer strategy\n\n## Targets\n\n- Cut payroll corrections to 1% of runs.\n';
  it('fires on a target line without a date', () => {
    const f = packFindings(weak, 'acme/dated-target');
    assert.deepEqual(spans(weak, f), ['5:3-41 Cut payroll corrections to 1% of runs.']);
    assert.equal(f[0].message, 'A target needs a number and a date, so that the review can tell whether it was met. Missing: a date.');
  });
  it('does not fire for a line with a number and a date, or for a labelled line elsewhere that has both', () => {
    assert.deepEqual(packFindings(PLAN('## Targets\n\n- Payroll corrections from 6% to 1% of runs by December 2027.\n\n**Target:** 200 firms live by June 2027.\n'), 'acme/dated-target'), []);
  });
  it('appends the measurement template', () => {
    assert.match(assertFixes(weak, 'acme/dated-target'), /runs — from <baseline> to <target> by <date>\.$/m);
  });
});
