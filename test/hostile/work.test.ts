import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli, describeOutcome, SCALE, tempDir } from './limits';

const PLAN = '---\nstratlint: true\n---\n# Growth strategy\n\nWe serve clinics.\n';

function repo(files: Record<string, string>): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'growth-plan.md'), PLAN);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('work a repository cannot make unbounded', () => {
  it('extends fan-out (each file extends the next twice, 25 levels) is linear', async () => {
    const files: Record<string, string> = { '.stratlint.yaml': 'extends: [./c0.yaml, ./c0.yaml]\n' };
    for (let i = 0; i < 25; i++) files[`c${i}.yaml`] = i < 24 ? `extends: [./c${i + 1}.yaml, ./c${i + 1}.yaml]\n` : 'rules: { buzzword-fluff: off }\n';
    files['fluff-plan.md'] = `${PLAN}\nWe offer world-class service.\n`;
    const o = await cli(['fluff-plan.md', '--format', 'json'], repo(files), { timeoutMs: 10_000, maxRssMb: 300 });
    assert.equal(o.stderr, '', describeOutcome(o));
    // The setting at the bottom of the fan-out applies: no buzzword-fluff finding.
    const ids = (JSON.parse(o.stdout) as { findings: { ruleId: string }[] }[])[0].findings.map((f) => f.ruleId);
    assert.ok(ids.length > 0 && !ids.includes('buzzword-fluff'), ids.join(', '));
  });

  it('a chain of 2,000 extends is refused at depth 32, at the key', async () => {
    const files: Record<string, string> = { '.stratlint.yaml': 'extends: ./c0.yaml\n' };
    for (let i = 0; i < 2000 * SCALE; i++) files[`c${i}.yaml`] = `extends: ./c${i + 1}.yaml\n`;
    files[`c${2000 * SCALE}.yaml`] = 'rules: {}\n';
    const dir = repo(files);
    const o = await cli(['growth-plan.md'], dir, { timeoutMs: 15_000, maxRssMb: 300 });
    assert.equal(o.code, 2, describeOutcome(o));
    assert.equal(o.stderr, `stratlint: ${join(dir, 'c30.yaml')}:1:10: extends: extends goes more than 32 files deep; flatten the chain\n`);
  });

  it('terms that nest ({t1}{t1} … 28 levels) stop at the size limit with a clear error', async () => {
    const terms = Array.from({ length: 28 }, (_, i) => `  t${i}: ['{t${i + 1}}{t${i + 1}}']`).join('\n');
    const pack = `terms:\n${terms}\n  t28: [ab]\nrules:\n  - { id: acme/x, kind: avoid-phrase, severity: warning, description: d, message: m, patterns: ['{t0}'] }\n`;
    const dir = repo({ 'pack.yaml': pack, '.stratlint.yaml': 'extends: [./pack.yaml]\n' });
    const o = await cli(['growth-plan.md'], dir, { timeoutMs: 10_000, maxRssMb: 300 });
    assert.equal(o.code, 2, describeOutcome(o));
    assert.match(o.stderr, new RegExp(`^stratlint: ${join(dir, 'pack.yaml')}:2:\\d+: terms\\.t0\\[0\\]: term \\{t\\d+\\} makes this pattern longer than 100,000 characters once expanded; terms nest or repeat too much\\n$`));
  });

  it('a YAML alias bomb is an error at the file, not an internal error', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(', ')}]`);
    const dir = repo({ '.stratlint.yaml': `${levels.join('\n')}\n` });
    const o = await cli(['growth-plan.md'], dir, { timeoutMs: 10_000, maxRssMb: 300 });
    assert.equal(o.code, 2, describeOutcome(o));
    assert.equal(o.stderr, `stratlint: ${join(dir, '.stratlint.yaml')}:1:1: uses YAML aliases (*name) too many times (more than 100 expansions); write the values out instead\n`);
  });

  it('an ignore list of 150,000 globs is refused at the key', async () => {
    const dir = repo({ '.stratlint.yaml': `ignore: [${Array(150_000).fill('a').join(',')}]\n` });
    const o = await cli(['growth-plan.md'], dir, { timeoutMs: 15_000, maxRssMb: 400 });
    assert.equal(o.code, 2, describeOutcome(o));
    assert.equal(o.stderr, `stratlint: ${join(dir, '.stratlint.yaml')}:1:9: ignore: expected at most 1000 items, got ["a","a","a","a","a","a","a","a","a","a","a","a","a","a",…\n`);
  });

  it('a paragraph of 100,000 short lines lints in linear time (micromark spliced its events once per line: 110 s of CPU for 140,000)', async () => {
    const dir = repo({ 'lines-plan.md': `---\nstratlint: true\n---\n# Growth strategy\n\n${'We grow revenue\n'.repeat(100_000)}` });
    const o = await cli(['lines-plan.md', '--format', 'json'], dir, { timeoutMs: 60_000, maxRssMb: 1000 });
    assert.equal(o.code, 1, describeOutcome(o));
    assert.equal(o.stderr, '');
  });

  it('an HTML table of 200,000 rows whose cells are never closed lints in linear time', async () => {
    const dir = repo({ 'html-plan.md': `---\nstratlint: true\n---\n# Growth strategy\n\n<table>\n${'<tr><td>Improve onboarding\n'.repeat(200_000)}</table>\n` });
    const o = await cli(['html-plan.md', '--format', 'json'], dir, { timeoutMs: 30_000, maxRssMb: 600 });
    assert.equal(o.stderr, '', describeOutcome(o));
    assert.equal(o.code, 1, describeOutcome(o));
  });

  it('a goal of one 20,000-letter word, a goal holding 200,000 spaces and a 300 KB lead-in before a list lint in linear time (a goal read as a short label backtracked over every split of the word; trailing marks were trimmed by an expression retried from each space)', async () => {
    const body = `## Goals\n\n- ${'a'.repeat(20_000)}!\n- a${' '.repeat(200_000)}b!\n\n${'we would like to '.repeat(20_000)}\n\n- Grow revenue\n`;
    const dir = repo({ 'word-plan.md': `---\nstratlint: true\n---\n# Growth strategy\n\n${body}` });
    const o = await cli(['word-plan.md', '--format', 'json'], dir, { timeoutMs: 30_000, maxRssMb: 600 });
    assert.equal(o.stderr, '', describeOutcome(o));
    assert.equal(o.code, 1, describeOutcome(o));
  });

  it('one long paragraph costs about what the same text in short paragraphs costs (no quadratic rule)', async () => {
    const sentence = 'Our world-class team delivers best-in-class synergy, as "customers always ask for more features" we will not chase. ';
    const size = 250_000 * SCALE;
    const body = sentence.repeat(Math.ceil(size / sentence.length));
    const head = '---\nstratlint: true\n---\n# Growth strategy\n\n';
    const dir = repo({ 'long-plan.md': `${head}${body}\n`, 'split-plan.md': `${head}${body.replace(/\. /g, '.\n\n')}\n` });
    const limits = { timeoutMs: 60_000 * SCALE, maxRssMb: 600 };
    const split = await cli(['split-plan.md', '--format', 'json'], dir, limits);
    const long = await cli(['long-plan.md', '--format', 'json'], dir, limits);
    assert.equal(split.code, 1, describeOutcome(split));
    assert.equal(long.code, 1, describeOutcome(long));
    // Quadratic rules took 7 s for 0.25 MB (96 s for 1 MB) against about 2 s split.
    assert.ok(long.ms < 2 * split.ms + 2000, `one paragraph ${long.ms} ms, split ${split.ms} ms`);
  });
});

describe('plans of many short lines: 100,000 of each shape, 1,000,000 under npm run fuzz', () => {
  const lines = Math.min(SCALE, 10) * 100_000;
  const head = '---\nstratlint: true\n---\n# Growth plan\n\n';
  // Line breaks left for the body: `lines` lines in all, the last one empty (1,000,000 is the limit).
  const n = lines - head.split('\n').length;
  // Each at most 10 MB (the size limit); micromark took 2.5 GB for a list of 140,000 items read at once.
  const shapes: Record<string, { body: string; maxRssMb: number }> = {
    'one-line paragraphs': { body: 'Grow 5%.\n\n'.repeat(n / 2), maxRssMb: 500 },
    'one list': { body: '- Grow 5%\n'.repeat(n), maxRssMb: 500 },
    'one paragraph': { body: 'Grow 5%.\n'.repeat(n), maxRssMb: 500 },
    'one table': { body: `| a | b |\n|---|---|\n${'| 1 | 2 |\n'.repeat(n - 2)}`, maxRssMb: 500 },
    // A section each as well as a block.
    headings: { body: Array.from({ length: n }, (_, i) => `## G ${i % 1000}\n`).join(''), maxRssMb: 500 },
  };
  for (const [shape, { body, maxRssMb }] of Object.entries(shapes)) {
    it(`${shape}: ${lines.toLocaleString('en-US')} lines lint within ${maxRssMb} MB`, async () => {
      const dir = repo({ 'lines-plan.md': head + body });
      const o = await cli(['lines-plan.md', '--format', 'json'], dir, { timeoutMs: 150_000 * (lines / 100_000), maxRssMb });
      assert.equal(o.code, 1, describeOutcome(o));
      assert.equal(o.stderr, '');
      // Linted as a plan: the plan-level principles it leaves out are reported.
      const ids = (JSON.parse(o.stdout) as { findings: { ruleId: string }[] }[])[0].findings.map((f) => f.ruleId);
      assert.ok(ids.includes('customer-outcomes') && ids.includes('target-customers'), ids.join(', '));
    });
  }
});
