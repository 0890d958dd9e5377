import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { git, repo, run, tree, write } from './helpers';

const GROWTH_V1 = `# Clinic growth plan

We will offer a world-class booking flow and a seamless migration for every clinic.

- Support answers every clinic within one working day.

Our customers are independent clinics.
`;

/** On the branch: customer outcomes added, "seamless" gone, "best-in-class" new. */
const GROWTH_V2 = `# Clinic growth plan

## Customer outcomes

- **Outcome:** clinic managers fill 95% of appointment slots, up from 80%, by Q4 2027.

We will offer a world-class booking flow and a migration that takes one weekend for every clinic.

- Support answers every clinic within one working day.
- A best-in-class reporting pack for clinic owners.

Our customers are independent clinics.
`;

const EAST = `# East region plan

We will open two offices in the east.
`;

/**
 * main: growth, east and old-name plans. Branch feature (from main): growth edited and
 * committed, old-name renamed, a new plan left untracked. main then moves on (east edited):
 * the merge base keeps that change out of the branch's changes.
 */
function branchRepo(): string {
  const dir = repo({ 'plans/growth-plan.md': GROWTH_V1, 'plans/east-plan.md': EAST, 'plans/old-name-plan.md': EAST.replace('East region', 'West region') });
  git(dir, 'checkout', '-q', '-b', 'feature');
  write(dir, { 'plans/growth-plan.md': GROWTH_V2 });
  git(dir, 'mv', 'plans/old-name-plan.md', 'plans/renamed-plan.md');
  git(dir, 'commit', '-q', '-am', 'edit growth, rename west');
  git(dir, 'checkout', '-q', 'main');
  write(dir, { 'plans/east-plan.md': `${EAST}\nMore offices later.\n` });
  git(dir, 'commit', '-q', '-am', 'edit east on main');
  git(dir, 'checkout', '-q', 'feature');
  write(dir, { 'plans/new-plan.md': '# New market plan\n\nWe will enter Spain.\n' });
  return dir;
}

const files = (stdout: string) => (JSON.parse(stdout) as { file: string }[]).map((r) => r.file);

describe('--changed-since', () => {
  it('lints only the plans changed since the merge base with the ref: edited, renamed and untracked ones', async () => {
    const dir = branchRepo();
    const r = await run(['--changed-since', 'main', '-f', 'json', '.'], dir);
    assert.deepEqual(files(r.stdout), ['plans/growth-plan.md', 'plans/new-plan.md', 'plans/renamed-plan.md']);
    assert.deepEqual(files((await run(['-f', 'json', '.'], dir)).stdout).length, 4, 'without it every plan is linted');
  });

  it('counts uncommitted edits, and skips plans named explicitly that did not change', async () => {
    const dir = branchRepo();
    write(dir, { 'plans/east-plan.md': `${EAST}\nA working-tree edit.\n` });
    const r = await run(['--changed-since', 'HEAD', '-f', 'json', 'plans/east-plan.md', 'plans/renamed-plan.md'], dir);
    assert.deepEqual(files(r.stdout), ['plans/east-plan.md']);
  });

  it('summarizes coverage before → after, new and fixed findings, and new plans, per changed plan', async () => {
    const dir = branchRepo();
    const r = await run(['--changed-since', 'main', '-f', 'summary', '.'], dir);
    const section = (file: string) => r.stdout.split(/^### /m).find((s) => s.startsWith(file))!;
    const growth = section('plans/growth-plan.md');
    // Principles that do not apply (no customers or rivals mentioned yet) are left out, so the totals may differ.
    assert.match(growth, /^\*\*Principles addressed:\*\* (\d+) of (\d+) → (\d+) of (\d+) since `main`( \(now \d+ partly\))?$/m);
    const [, before, , after] = /(\d+) of (\d+) → (\d+)/.exec(growth)!;
    assert.ok(Number(after) > Number(before), growth);
    assert.match(growth, /^- \[Customer outcomes\]\([^)]*\): ❌ missing → ✅ addressed$/m);
    assert.match(growth, /^Fixed: .*\[buzzword-fluff\]\([^)]*\) “seamless”/m);
    assert.match(growth, /🆕 \*\*info\*\* \[buzzword-fluff\]\([^)]*\) \(line 10, “best-in-class”\)/);
    assert.doesNotMatch(growth, /🆕[^\n]*“world-class”/, 'the old buzzword moved down but is not new');
    assert.match(section('plans/new-plan.md'), /^\*\*Principles addressed:\*\* \d+ of \d+( \(\d+ partly\))? \(new plan\)$/m);
    assert.match(section('plans/renamed-plan.md'), / · 0 new · 0 fixed since `main`$/m, 'a renamed plan is compared with its old self');
  });

  it('with --format github on Actions, also appends the summary to the job summary', async () => {
    const dir = branchRepo();
    const summaryFile = join(dir, 'step-summary.md');
    writeFileSync(summaryFile, '# Earlier step\n');
    const outer = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = summaryFile;
    try {
      const r = await run(['--changed-since', 'main', '-f', 'github', '.'], dir);
      assert.match(r.stdout, /^::error file=plans\/growth-plan\.md,line=1,/m);
    } finally {
      if (outer === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = outer;
    }
    const text = readFileSync(summaryFile, 'utf8');
    assert.match(text, /^# Earlier step\n## Stratlint: 3 plans, /);
    assert.match(text, /→ .* since `main`/);
  });

  it('says so in the summary when no plan changed', async () => {
    const dir = repo({ 'plans/a-plan.md': EAST });
    const r = await run(['--changed-since', 'HEAD', '-f', 'summary', '.'], dir);
    assert.deepEqual([r.code, r.stdout], [0, '## Stratlint: 0 plans, 0 errors, 0 warnings, 0 infos\n\nNo plan changed since `HEAD`.\n']);
  });

  it('says what is wrong when there is no repository or no such ref (exit 2)', async () => {
    const plain = tree({ 'plans/a-plan.md': EAST });
    const noRepo = await run(['--changed-since', 'main', '.'], plain);
    assert.deepEqual([noRepo.code, noRepo.stderr], [2, `stratlint: --changed-since needs a git repository, and ${plain} is not in one\n`]);
    const dir = branchRepo();
    const noRef = await run(['--changed-since', 'origin/nope', '.'], dir);
    assert.deepEqual([noRef.code, noRef.stderr], [2, "stratlint: --changed-since: 'origin/nope' is not a commit git knows (fetch it first?)\n"]);
  });
});
