import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../cli/helpers';
import { parseDirectives } from '../../server/src/engine/directives';
import { applyEdits, lintDocument, parsePlan, type Finding } from '../../server/src/engine/index';
import { workspace } from './workspace';

/** Lints with a config in a fresh workspace; returns the findings of the given rules as "rule line:col words". */
function lint(text: string, config: string, ids: string[]): { shown: string[]; findings: Finding[] } {
  const root = workspace({ '.stratlint.yaml': config });
  const findings = lintDocument(text, { filePath: join(root, 'strategy.md'), stopDir: root }).findings.filter((f) => ids.includes(f.ruleId));
  const lines = text.split('\n');
  return { findings, shown: findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1} ${lines[f.range.start.line].slice(f.range.start.character, f.range.end.line === f.range.start.line ? f.range.end.character : undefined)}`) };
}

const TITLE = '# Payroll software customer strategy 2026–2029\n\n';
const FLUFF = 'Our world-class support team answers every payroll question within an hour.\n';

describe('a disable comment may carry a reason and an expiry', () => {
  it('reads both after " -- "', () => {
    const [d] = parseDirectives(parsePlan(`${TITLE}<!-- stratlint-disable-next-line right-to-win -- owner agreed, until 2027-03-31 -->\n`));
    assert.deepEqual([d.kind, d.rules.map((r) => r.id), d.reason, d.until], ['disable-next-line', ['right-to-win'], 'owner agreed, until 2027-03-31', '2027-03-31']);
  });

  it('suppresses up to and including its last day, and nothing after it', () => {
    const plan = parsePlan(`${TITLE}<!-- stratlint-disable-file right-to-win -- owner agreed, until 2027-03-31 -->\n`);
    assert.equal(parseDirectives(plan, '2027-03-31')[0].expired, false);
    assert.equal(parseDirectives(plan, '2027-04-01')[0].expired, true);
  });

  it('an expired suppression lets its findings through again and is reported at its date', () => {
    const text = `${TITLE}<!-- stratlint-disable-next-line buzzword-fluff -- launch copy, until 2025-12-31 -->\n${FLUFF}`;
    const r = lint(text, 'rules: {}\n', ['buzzword-fluff', 'expired-suppression']);
    assert.deepEqual(r.shown, ['expired-suppression 3:65 until 2025-12-31', 'buzzword-fluff 4:5 world-class']);
    assert.equal(r.findings[0].severity, 'warning');
    assert.equal(r.findings[0].message, 'This suppression of buzzword-fluff expired on 2025-12-31, so it no longer switches anything off. Fix what the findings point at, or, if the exception still holds, renew it: a new date and the reason it still applies.');
  });

  it('a suppression that has not expired still works', () => {
    const text = `${TITLE}<!-- stratlint-disable-next-line buzzword-fluff -- launch copy, until 2099-12-31 -->\n${FLUFF}`;
    assert.deepEqual(lint(text, 'rules: {}\n', ['buzzword-fluff', 'expired-suppression']).shown, []);
  });

  it('an impossible date is reported; the suppression never expires', () => {
    const text = `${TITLE}<!-- stratlint-disable-next-line buzzword-fluff -- launch copy, until 2027-02-30 -->\n${FLUFF}`;
    const r = lint(text, 'rules: {}\n', ['buzzword-fluff', 'expired-suppression']);
    assert.deepEqual(r.shown, ['expired-suppression 3:65 until 2027-02-30']);
    assert.equal(r.findings[0].message, '"until 2027-02-30" is not a real date, so this suppression never expires. Write the last day it should hold as YYYY-MM-DD.');
  });

  it('a blanket disable comment cannot hide the report about an expired one', () => {
    const text = `${TITLE}<!-- stratlint-disable-file -->\n<!-- stratlint-disable-next-line buzzword-fluff -- until 2020-01-01 -->\n${FLUFF}`;
    assert.deepEqual(lint(text, 'rules: {}\n', ['buzzword-fluff', 'expired-suppression']).shown, ['expired-suppression 4:52 until 2020-01-01']);
  });
});

describe('a config can require reasons', () => {
  const text = `${TITLE}<!-- stratlint-disable-file right-to-win -->\n<!-- stratlint-disable-next-line buzzword-fluff -- until 2099-01-01 -->\n${FLUFF}<!-- stratlint-disable-next-line ownership -- the COO owns this plan -->\n<!-- stratlint-enable -->\n`;

  it('off by default', () => {
    assert.deepEqual(lint(text, 'rules: {}\n', ['suppression-reason']).shown, []);
  });

  it('on: every disable comment without a reason is reported; a date alone is not a reason', () => {
    const r = lint(text, 'rules:\n  suppression-reason: error\n', ['suppression-reason']);
    assert.deepEqual(r.shown, ['suppression-reason 3:6 stratlint-disable-file', 'suppression-reason 4:6 stratlint-disable-next-line']);
    assert.equal(r.findings[0].severity, 'error');
    assert.match(r.findings[0].message, /^Say why this finding is accepted: write the reason after " -- "/);
  });
});

describe('unused disable comments', () => {
  const text = [
    '# Payroll software customer strategy 2026–2029',
    '',
    '<!-- stratlint-disable-next-line buzzword-fluff -- launch copy agreed -->',
    FLUFF.trim(),
    '',
    '<!-- stratlint-disable-next-line buzzword-fluff -- left over from the old copy -->',
    'Our support team answers every payroll question within one working hour.',
    '',
    'We serve everyone. <!-- stratlint-disable-line buzzword-fluff, everyone-is-a-customer, ownership -->',
    '',
    '<!-- stratlint-disable-next-line buzzwrd-fluff -->',
    'Plain words.',
    '',
  ].join('\n');
  const config = 'rules:\n  unused-suppression: warning\n';
  const ids = ['unused-suppression'];

  it('off by default', () => {
    assert.deepEqual(lint(text, 'rules: {}\n', ids).shown, []);
  });

  it('reports each rule a comment names but that reports nothing there; typos are left to unknown-rule', () => {
    assert.deepEqual(lint(text, config, ids).shown, ['unused-suppression 6:34 buzzword-fluff', 'unused-suppression 9:48 buzzword-fluff', 'unused-suppression 9:88 ownership']);
  });

  it('a comment for a rule the config turns off suppresses nothing', () => {
    const r = lint(`${TITLE}<!-- stratlint-disable-next-line buzzword-fluff -- launch copy -->\n${FLUFF}`, `${config}  buzzword-fluff: off\n`, ids);
    assert.deepEqual(r.shown, ['unused-suppression 3:34 buzzword-fluff']);
  });

  it('fixes: the whole comment line goes when nothing in it is used; otherwise only the unused IDs', () => {
    const { findings } = lint(text, config, ids);
    const once = applyEdits(text, findings.flatMap((f) => f.fixes[0].edits));
    assert.equal(
      once,
      text
        .replace('<!-- stratlint-disable-next-line buzzword-fluff -- left over from the old copy -->\n', '')
        .replace('buzzword-fluff, everyone-is-a-customer, ownership', 'everyone-is-a-customer'),
    );
    assert.deepEqual(lint(once, config, ids).shown, []);
    // Each fix alone leaves a valid comment too.
    const ownershipOnly = applyEdits(text, findings[2].fixes[0].edits);
    assert.match(ownershipOnly, /<!-- stratlint-disable-line buzzword-fluff, everyone-is-a-customer -->/);
    const fluffOnly = applyEdits(text, findings[1].fixes[0].edits);
    assert.match(fluffOnly, /<!-- stratlint-disable-line everyone-is-a-customer, ownership -->/);
  });

  it('an inline comment is removed with the space before it; a blank line around a removed line is not doubled', () => {
    const inline = `${TITLE}Plain words. <!-- stratlint-disable-line buzzword-fluff -->\n\n<!-- stratlint-disable ownership -->\n\nMore plain words.\n`;
    const { findings } = lint(inline, config, ids);
    assert.equal(applyEdits(inline, findings.flatMap((f) => f.fixes[0].edits)), `${TITLE}Plain words.\n\nMore plain words.\n`);
  });

  it('a blanket comment that hides nothing is reported on its keyword', () => {
    const r = lint(`${TITLE}<!-- stratlint-disable -->\nPlain words.\n<!-- stratlint-enable -->\n`, `extends: stratlint:recommended\nrules:\n  unused-suppression: info\n  time-horizon: off\n  customer-outcomes: off\n`, ids);
    assert.deepEqual(r.shown, ['unused-suppression 3:6 stratlint-disable']);
  });
});

describe('CLI', () => {
  const plan = `${TITLE}<!-- stratlint-disable-next-line buzzword-fluff -- old copy -->\nPlain words.\n`;

  it('--report-unused-disable-directives reports them as errors and fails the run', async () => {
    const root = workspace({ 'strategy.md': plan, '.stratlint.yaml': 'rules: {}\n' });
    const unused = (out: string) => (JSON.parse(out) as { findings: { ruleId: string; severity: string; line: number; column: number }[] }[])[0].findings.filter((f) => f.ruleId === 'unused-suppression');
    const without = await run(['--format', 'json', 'strategy.md'], root);
    assert.deepEqual(unused(without.stdout), []);
    const withFlag = await run(['--format', 'json', '--report-unused-disable-directives', 'strategy.md'], root);
    assert.deepEqual(unused(withFlag.stdout).map((f) => `${f.severity} ${f.line}:${f.column}`), ['error 3:34']);
    assert.equal(withFlag.code, 1);
  });

  it('an invalid config exits 2 with the file, line, key and what is allowed', async () => {
    const root = workspace({ 'strategy.md': plan, '.stratlint.yaml': 'rules:\n  right-to-win: eror\n' });
    const r = await run(['strategy.md'], root);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `stratlint: ${join(root, '.stratlint.yaml')}:2:17: rules.right-to-win: expected one of off|info|warning|error, got 'eror' (did you mean 'error'?)\n`);
    assert.equal(r.stdout, '');
  });

  it('--config is read from the current folder even outside the workspace; configs above the git repository are not', async () => {
    const root = workspace({
      '.stratlint.yaml': 'rules:\n  right-to-win: eror\n',
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/strategy.md': plan,
      'shared/team.yaml': 'rules:\n  buzzword-fluff: error\n',
    });
    const inRepo = await run(['--format', 'json', 'strategy.md'], join(root, 'repo'));
    assert.notEqual(inRepo.code, 2, inRepo.stderr);
    const named = await run(['--format', 'json', '--config', '../shared/team.yaml', 'strategy.md'], join(root, 'repo'));
    assert.notEqual(named.code, 2, named.stderr);
  });
});
