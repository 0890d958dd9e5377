import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, run, tree } from './helpers';

const PACK = readFileSync(join(ROOT, 'examples/packs/acme-planning.yaml'), 'utf8');
const CONFIG = 'root: true\nextends: [./acme.yaml]\n';
const PLAN = '---\ntype: strategy\n---\n# Payroll plan\n\nWe will try to cut payroll errors. We shall attempt to keep them low.\n';
const FIXED = '---\ntype: strategy\n---\n# Payroll plan\n\nWe will cut payroll errors. We will keep them low.\n';

/** The pack's findings in a JSON report (the built-in rules' are another test's business). */
function packFindings(stdout: string): string[] {
  const [file] = JSON.parse(stdout) as { findings: { ruleId: string; line: number; column: number }[] }[];
  return file.findings.filter((f) => f.ruleId.startsWith('acme/')).map((f) => `${f.line}:${f.column} ${f.ruleId}`);
}

describe('CLI: --fix, --fix-dry-run, --fix-type', () => {
  it('--fix applies safe fixes only, reports what is left, and changes nothing on a second run', async () => {
    const dir = tree({ 'acme.yaml': PACK, '.stratlint.yaml': CONFIG, 'plan.md': PLAN });
    const r = await run(['--fix', '-f', 'json', 'plan.md'], dir);
    assert.equal(readFileSync(join(dir, 'plan.md'), 'utf8'), FIXED);
    assert.deepEqual(packFindings(r.stdout), ['4:3 acme/risks']);
    assert.equal(r.stderr, '');
    const again = await run(['--fix', '-f', 'json', 'plan.md'], dir);
    assert.equal(readFileSync(join(dir, 'plan.md'), 'utf8'), FIXED);
    assert.equal(again.stdout, r.stdout);
  });

  it('--fix-dry-run prints the diff and leaves the file alone', async () => {
    const dir = tree({ 'acme.yaml': PACK, '.stratlint.yaml': CONFIG, 'plan.md': PLAN });
    const r = await run(['--fix-dry-run', 'plan.md'], dir);
    assert.equal(readFileSync(join(dir, 'plan.md'), 'utf8'), PLAN);
    assert.equal(
      r.stdout,
      [
        '--- a/plan.md',
        '+++ b/plan.md',
        '@@ -3,4 +3,4 @@',
        ' ---',
        ' # Payroll plan',
        ' ',
        '-We will try to cut payroll errors. We shall attempt to keep them low.',
        '+We will cut payroll errors. We will keep them low.',
        '',
      ].join('\n'),
    );
  });

  it('inserts templates only with --fix-type template', async () => {
    const dir = tree({ 'acme.yaml': PACK, '.stratlint.yaml': CONFIG, 'plan.md': PLAN });
    await run(['--fix', '--fix-type', 'template', 'plan.md'], dir);
    const text = readFileSync(join(dir, 'plan.md'), 'utf8');
    assert.match(text, /\n## Risks\n\n- \*\*Risk:\*\* <what could go wrong> — early signal: <what we would see first>\.\n$/);
    assert.match(text, /\nWe will try to cut payroll errors\. We shall attempt to keep them low\.\n/, 'the hedged words stay: only templates were asked for');
  });

  it('never touches a plan whose front matter does not parse, and says so', async () => {
    const broken = '---\ntype: strategy\nowner: [unclosed\n---\n# Payroll plan\n\nWe will try to cut payroll errors.\n';
    const dir = tree({ 'acme.yaml': PACK, '.stratlint.yaml': CONFIG, 'plan.md': broken });
    const r = await run(['--fix', 'plan.md'], dir);
    assert.equal(readFileSync(join(dir, 'plan.md'), 'utf8'), broken);
    assert.equal(r.stderr, 'stratlint: plan.md: not fixed: its front matter is not valid YAML\n');
  });

  it('refuses contradictory or unknown fix options with exit 2', async () => {
    const dir = tree({ 'plan.md': PLAN });
    const both = await run(['--fix', '--fix-dry-run', 'plan.md'], dir);
    assert.deepEqual([both.code, both.stderr], [2, 'stratlint: use --fix to change the files or --fix-dry-run to see the changes, not both\n']);
    const alone = await run(['--fix-type', 'template', 'plan.md'], dir);
    assert.deepEqual([alone.code, alone.stderr], [2, 'stratlint: --fix-type goes with --fix or --fix-dry-run\n']);
    const unknown = await run(['--fix', '--fix-type', 'layout', 'plan.md'], dir);
    assert.deepEqual([unknown.code, unknown.stderr], [2, "stratlint: unknown fix type 'layout'; choose from safe, template\n"]);
  });
});
