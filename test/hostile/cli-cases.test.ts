import assert from 'node:assert/strict';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FORMATTERS } from '../../server/src/cli/formatters/index';
import { run, tree } from '../cli/helpers';

const PLAN = '---\nstratlint: true\n---\n# Growth strategy\n\nWe serve clinics.\n';

describe('every hostile or mistaken input gets a clear message and exit 2', () => {
  it('--format names an Object property', async () => {
    const dir = tree({ 'growth-plan.md': PLAN });
    for (const format of ['__proto__', 'constructor', 'toString']) {
      const r = await run(['--format', format, 'growth-plan.md'], dir);
      assert.equal(r.code, 2, format);
      assert.match(r.stderr, new RegExp(`^stratlint: unknown format '${format}'; choose one of stylish, json`));
    }
  });

  it("--max-warnings '' is not 0", async () => {
    const r = await run(['--max-warnings', '', 'growth-plan.md'], tree({ 'growth-plan.md': PLAN }));
    assert.deepEqual([r.code, r.stderr], [2, "stratlint: --max-warnings expects a whole number ≥ 0, got ''\n"]);
  });

  it('--config with --no-config', async () => {
    const r = await run(['--config', 'x.yaml', '--no-config', 'growth-plan.md'], tree({ 'growth-plan.md': PLAN }));
    assert.deepEqual([r.code, r.stderr], [2, 'stratlint: use --config to lint with a config file or --no-config to lint with the built-in rules only, not both\n']);
  });

  it('-o onto a plan being linted is refused and the plan is untouched', async () => {
    const dir = tree({ 'growth-plan.md': PLAN });
    const r = await run(['-f', 'json', '-o', 'growth-plan.md', 'growth-plan.md'], dir);
    assert.deepEqual([r.code, r.stderr], [2, 'stratlint: --output-file growth-plan.md is the plan growth-plan.md, which this run lints; write the report elsewhere\n']);
    assert.equal(readFileSync(join(dir, 'growth-plan.md'), 'utf8'), PLAN);
  });

  it('--baseline-write into a missing or unwritable folder', async () => {
    const dir = tree({ 'growth-plan.md': PLAN, 'locked/.keep': '' });
    const missing = await run(['--baseline-write', 'nope/baseline.json', 'growth-plan.md'], dir);
    assert.equal(missing.stderr.split('\n').at(-2), 'stratlint: cannot write the baseline nope/baseline.json: its folder does not exist');
    assert.equal(missing.code, 2);
    // root writes anyway: only another user sees the permission problem
    if (process.getuid?.() === 0) return;
    chmodSync(join(dir, 'locked'), 0o500);
    const locked = await run(['--baseline-write', 'locked/baseline.json', 'growth-plan.md'], dir);
    chmodSync(join(dir, 'locked'), 0o700);
    assert.equal(locked.code, 2);
    assert.equal(locked.stderr.split('\n').at(-2), 'stratlint: cannot write the baseline locked/baseline.json: permission denied');
  });

  it('a report too large for one string (SARIF of 20,000 plans) says so', async () => {
    const sarif = FORMATTERS.sarif;
    FORMATTERS.sarif = () => {
      throw new RangeError('Invalid string length');
    };
    try {
      const r = await run(['-f', 'sarif', 'growth-plan.md'], tree({ 'growth-plan.md': PLAN }));
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^stratlint: the sarif report of 1 file and \d+ findings is too large to build \(Invalid string length\); lint fewer files per run, or use --format json, which is written file by file\n$/);
    } finally {
      FORMATTERS.sarif = sarif;
    }
  });

  it("front matter 'stratlint: [' that is not YAML", async () => {
    const dir = tree({ 'growth-plan.md': '---\nstratlint: [\n---\n# Growth strategy\n' });
    const r = await run(['growth-plan.md'], dir);
    assert.deepEqual([r.code, r.stderr], [2, `stratlint: ${join(dir, 'growth-plan.md')}:3:1: not valid YAML or JSON: Flow sequence in block collection must be sufficiently indented and end with a ]\n`]);
  });

  it('rules: {__proto__: error} and .inf / .nan values', async () => {
    const proto = await run(['growth-plan.md'], tree({ 'growth-plan.md': PLAN, '.stratlint.yaml': 'rules: {__proto__: error}\n' }));
    assert.equal(proto.code, 2);
    assert.match(proto.stderr, /\.stratlint\.yaml:1:9: rules\.__proto__: '__proto__' cannot be used as a key\n$/);
    const inf = await run(['growth-plan.md'], tree({ 'growth-plan.md': PLAN, '.stratlint.yaml': 'rules:\n  time-horizon: [warning, { minYears: .inf }]\n' }));
    assert.equal(inf.code, 2);
    assert.match(inf.stderr, /rules\.time-horizon\[1\]\.minYears: .*got \.inf \(infinity\)\n$/);
  });

  it('a pack docs link with javascript: is refused', async () => {
    const pack = 'rules:\n  - { id: acme/x, kind: avoid-phrase, severity: warning, description: d, message: m, patterns: [synergy], docs: "javascript:alert(1)" }\n';
    const r = await run(['growth-plan.md'], tree({ 'growth-plan.md': PLAN, 'pack.yaml': pack, '.stratlint.yaml': 'extends: [./pack.yaml]\n' }));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /pack\.yaml:2:\d+: rules\[acme\/x\]\.docs: expected an https:, http: or file: link, or a path relative to this pack\n$/);
  });

  it('directive dates not written YYYY-MM-DD are flagged, not silently "no expiry"', async () => {
    const plan = (until: string) => `${PLAN}\n<!-- stratlint-disable buzzword-fluff -- vendor copy, until ${until} -->\nWorld-class.\n`;
    for (const [until, why] of [
      ['2027-2-3', 'a date written as YYYY-MM-DD'],
      ['31/12/2020', 'a date written as YYYY-MM-DD'],
      ['99999-99-99', 'a date written as YYYY-MM-DD'],
      ['2027-02-30', 'a real date'],
    ]) {
      const r = await run(['-f', 'json', 'growth-plan.md'], tree({ 'growth-plan.md': plan(until) }));
      const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; message: string }[] }[])[0].findings;
      const expired = findings.filter((f) => f.ruleId === 'expired-suppression').map((f) => f.message);
      assert.deepEqual(expired, [`"until ${until}" is not ${why}, so this suppression never expires. Write the last day it should hold as YYYY-MM-DD.`], until);
    }
  });
});
