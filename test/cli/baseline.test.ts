import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { jsonFindings, run, tree, write } from './helpers';

const V1 = `# Clinic growth plan

We will offer a world-class booking flow and a seamless migration for every clinic.

- Support answers every clinic within one working day.
`;

/** V1 after a week of edits: a new paragraph on top, one buzzword gone, one new. */
const V2 = `# Clinic growth plan

Owner: Dana Reyes. Reviewed every quarter by the leadership team.

We will offer a world-class booking flow and a migration that takes one weekend for every clinic.

- Support answers every clinic within one working day.
- A best-in-class reporting pack for clinic owners.
`;

const FILE = 'plans/growth-plan.md';

describe('baselines', () => {
  it('--baseline-write records every finding and reports none; --baseline then reports only new ones', async () => {
    const dir = tree({ [FILE]: V1 });
    const all = await run(['-f', 'json', '.'], dir);
    const count = (JSON.parse(all.stdout) as { findings: unknown[] }[])[0].findings.length;
    assert.equal(all.code, 1, 'the plan has errors (plan-level principles missing)');

    const write1 = await run(['--baseline-write', 'stratlint-baseline.json', '-f', 'json', '.'], dir);
    assert.deepEqual([write1.code, write1.stdout, write1.stderr], [0, `[\n  {\n    "file": "${FILE}",\n    "findings": []\n  }\n]\n`, `stratlint: recorded ${count} findings in stratlint-baseline.json\n`]);
    const baseline = JSON.parse(readFileSync(join(dir, 'stratlint-baseline.json'), 'utf8')) as { stratlintBaseline: number; files: Record<string, { rule: string; words: string }[]> };
    assert.equal(baseline.stratlintBaseline, 1);
    assert.equal(baseline.files[FILE].length, count);
    assert.deepEqual(
      baseline.files[FILE].filter((e) => e.rule === 'buzzword-fluff').map((e) => e.words),
      ['seamless', 'world-class'],
    );

    const same = await run(['--baseline', 'stratlint-baseline.json', '.'], dir);
    assert.deepEqual([same.code, same.stdout], [0, ''], 'nothing new: no findings, exit 0 despite the accepted errors');

    write(dir, { [FILE]: V2 });
    const after = await run(['--baseline', 'stratlint-baseline.json', '-f', 'json', '.'], dir);
    const found = jsonFindings(after.stdout, { [FILE]: V2 });
    assert.ok(found.includes(`${FILE} buzzword-fluff "best-in-class"`), found.join('\n'));
    const newLine = V2.split('\n').findIndex((l) => l.includes('best-in-class')) + 1;
    const lines = (JSON.parse(after.stdout) as { findings: { line: number }[] }[])[0].findings.map((f) => f.line);
    assert.deepEqual([...new Set(lines)], [newLine], 'only the added line is reported; the old findings moved down two lines and stay accepted');
  });

  it('the summary names the new and the fixed findings', async () => {
    const dir = tree({ [FILE]: V1 });
    await run(['--baseline-write', 'b.json', '.'], dir);
    write(dir, { [FILE]: V2 });
    const r = await run(['--baseline', 'b.json', '-f', 'summary', '.'], dir);
    assert.match(r.stdout, /since `b\.json`/);
    assert.match(r.stdout, /^Fixed: .*\[buzzword-fluff\]\([^)]*\) “seamless”/m);
    assert.match(r.stdout, /^1\. 🆕 \*\*info\*\* \[buzzword-fluff\]\([^)]*\) \(line 8, “best-in-class”\)/m);
  });

  it('keeps plan paths relative to the baseline file, so any working directory gives the same answer', async () => {
    const dir = tree({ [FILE]: V1 });
    await run(['--baseline-write', 'stratlint-baseline.json', '.'], dir);
    write(dir, { [FILE]: V2 });
    const fromRoot = await run(['--baseline', 'stratlint-baseline.json', '-f', 'json', FILE], dir);
    const fromPlans = await run(['--baseline', '../stratlint-baseline.json', '-f', 'json', 'growth-plan.md'], join(dir, 'plans'));
    const strip = (s: string) => (JSON.parse(s) as { findings: unknown[] }[])[0].findings;
    assert.deepEqual(strip(fromPlans.stdout), strip(fromRoot.stdout));
    assert.ok(strip(fromRoot.stdout).length > 0);
  });

  it('--baseline-write on some plans keeps the entries of the others, and drops plans that are gone', async () => {
    const other = 'plans/east-plan.md';
    const dir = tree({ [FILE]: V1, [other]: '# East plan\n\nA world-class office.\n', 'plans/gone-plan.md': '# Gone plan\n\nA seamless exit.\n' });
    await run(['--baseline-write', 'b.json', '.'], dir);
    const read = () => (JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')) as { files: Record<string, { rule: string; words: string }[]> }).files;
    const east = read()[other];
    assert.deepEqual(Object.keys(read()), ['plans/east-plan.md', 'plans/gone-plan.md', FILE]);
    rmSync(join(dir, 'plans/gone-plan.md'));
    write(dir, { [FILE]: V2 });
    await run(['--baseline-write', 'b.json', FILE], dir);
    assert.deepEqual(Object.keys(read()), ['plans/east-plan.md', FILE]);
    assert.deepEqual(read()[other], east);
    assert.ok(read()[FILE].some((e) => e.words === 'best-in-class'));
  });

  it('never overwrites a file that is not a baseline', async () => {
    const dir = tree({ [FILE]: V1, '.stratlint.json': '{"rules": {}}' });
    const r = await run(['--baseline-write', '.stratlint.json', '.'], dir);
    assert.deepEqual([r.code, r.stderr], [2, 'stratlint: .stratlint.json: not a Stratlint baseline (stratlintBaseline: Invalid input: expected 1); not overwriting it\n']);
    assert.equal(readFileSync(join(dir, '.stratlint.json'), 'utf8'), '{"rules": {}}');
  });

  it('refuses a missing or malformed baseline, and both options at once, with exit 2', async () => {
    const dir = tree({ [FILE]: V1, 'bad.json': '{"files": {}}', 'junk.json': 'not json' });
    const missing = await run(['--baseline', 'nope.json', '.'], dir);
    assert.deepEqual([missing.code, missing.stderr], [2, 'stratlint: nope.json: cannot read the baseline: no such file (create it with --baseline-write)\n']);
    const bad = await run(['--baseline', 'bad.json', '.'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^stratlint: bad\.json: not a Stratlint baseline \(stratlintBaseline: /);
    const junk = await run(['--baseline', 'junk.json', '.'], dir);
    assert.equal(junk.code, 2);
    assert.match(junk.stderr, /^stratlint: junk\.json: cannot read the baseline: /);
    const both = await run(['--baseline', 'a.json', '--baseline-write', 'b.json', '.'], dir);
    assert.deepEqual([both.code, both.stderr], [2, 'stratlint: use --baseline to compare with a baseline or --baseline-write to record one, not both\n']);
  });
});

describe('--output-file', () => {
  it('writes the chosen format to the file (creating its folder) and still prints stylish on the terminal', async () => {
    const dir = tree({ [FILE]: V1 });
    const ok = await run(['-f', 'sarif', '-o', 'out/report.sarif', '.'], dir);
    assert.equal(ok.code, 1);
    assert.equal((JSON.parse(readFileSync(join(dir, 'out/report.sarif'), 'utf8')) as { version: string }).version, '2.1.0');
    assert.match(ok.stdout, /^plans\/growth-plan\.md$/m);
    assert.match(ok.stdout, /✖ \d+ problems/);
    const blocked = await run(['-f', 'sarif', '-o', 'out/report.sarif/x', '.'], dir);
    assert.deepEqual([blocked.code, blocked.stderr], [2, 'stratlint: cannot write out/report.sarif/x: EEXIST\n']);
    const stylishToFile = await run(['-o', 'report.txt', '.'], dir);
    assert.equal(stylishToFile.stdout, '', 'stylish to a file is not printed twice');
    assert.match(readFileSync(join(dir, 'report.txt'), 'utf8'), /✖ \d+ problems/);
  });
});
