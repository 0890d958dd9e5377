import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { builtinRules } from '../../server/src/engine/index';
import { git, repo, ROOT, write } from './helpers';

interface Step {
  id?: string;
  uses?: string;
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const ACTION_TEXT = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const action = parse(ACTION_TEXT) as Action;
const lintStep = action.runs.steps.find((s) => s.id === 'lint')!;

/**
 * Runs the action's lint step as the Actions runner would: the step's env with the
 * `${{ inputs.* }}` and `${{ steps.install.outputs.cli }}` expressions filled in, the script run by
 * `bash --noprofile --norc -eo pipefail`, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
 */
function runAction(cwd: string, inputs: Record<string, string>) {
  for (const name of Object.keys(inputs)) assert.ok(name in action.inputs, `action.yml has no input ${name}`);
  const value = (name: string) => inputs[name] ?? action.inputs[name].default ?? '';
  const env: Record<string, string> = {};
  for (const [key, template] of Object.entries(lintStep.env ?? {})) {
    // The install step's CLI is this checkout's (test/cli/action-install.test.ts runs that step).
    env[key] = template.replace(/\$\{\{\s*(?:inputs\.([\w-]+)|steps\.install\.outputs\.(cli))\s*\}\}/g, (_, input: string | undefined) => (input ? value(input) : join(ROOT, 'bin', 'stratlint.js')));
    assert.doesNotMatch(env[key], /\$\{\{/, `unhandled expression in ${key}`);
  }
  const outputFile = join(cwd, '.github-output');
  const summaryFile = join(cwd, '.github-step-summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const script = join(cwd, '.lint-step.sh');
  writeFileSync(script, lintStep.run!);
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile },
  });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs, summary: readFileSync(summaryFile, 'utf8') };
}

const WEAK = '# Clinic growth plan\n\nWe will offer a world-class booking flow for every clinic.\n';

/** A repository on branch feature whose plans/growth-plan.md changed since main. */
function prRepo(): string {
  const dir = repo({ 'plans/growth-plan.md': WEAK, 'plans/east-plan.md': '# East plan\n\nWe will open an office.\n' });
  git(dir, 'checkout', '-q', '-b', 'feature');
  write(dir, { 'plans/growth-plan.md': `${WEAK}\nA seamless migration for every clinic.\n` });
  git(dir, 'commit', '-q', '-am', 'edit');
  return dir;
}

describe('the GitHub Action (action.yml)', () => {
  it('is a composite action whose script takes inputs from the environment only', () => {
    assert.equal(action.runs.using, 'composite');
    assert.doesNotMatch(lintStep.run!, /\$\{\{/, 'no expression is spliced into the script text');
    for (const [, name] of ACTION_TEXT.matchAll(/inputs\.([\w-]+)/g)) assert.ok(name in action.inputs, `inputs.${name} is not declared`);
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    assert.match(upload.if!, /always\(\) && inputs\.upload-sarif == 'true' && steps\.lint\.outputs\.sarif-file != ''/);
    assert.equal(upload.with!.sarif_file, '${{ steps.lint.outputs.sarif-file }}');
    assert.deepEqual(Object.keys(action.outputs), ['exit-code', 'sarif-file']);
  });

  it('annotates the changed plans, writes the job summary, and fails on errors', () => {
    const dir = prRepo();
    const r = runAction(dir, { 'changed-since': 'main' });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(r.outputs, { 'exit-code': '1' });
    assert.match(r.stdout, /^::error file=plans\/growth-plan\.md,line=1,col=3,/m);
    assert.match(r.stdout, /^::notice file=plans\/growth-plan\.md,line=5,col=3,endLine=5,endColumn=11,title=buzzword-fluff \(Stratlint\)::/m);
    assert.doesNotMatch(r.stdout, /east-plan/, 'unchanged plans are not linted');
    assert.match(r.summary, /^## Stratlint: 1 plan, /);
    assert.match(r.summary, /^1 new finding and 0 fixed since `main`\.$/m);
  });

  it('fail-level none never fails on findings; warning fails on a warning alone', () => {
    const dir = prRepo();
    const none = runAction(dir, { 'fail-level': 'none' });
    assert.deepEqual([none.status, none.outputs['exit-code']], [0, '1']);

    // Every rule off but buzzword-fluff, raised to a warning: the plan has warnings and no errors.
    const rules = Object.fromEntries(builtinRules().rules.map((r) => [r.meta.id, r.meta.id === 'buzzword-fluff' ? 'warning' : 'off']));
    writeFileSync(join(dir, 'warnings-only.json'), JSON.stringify({ rules }));
    const base = { config: 'warnings-only.json', paths: 'plans/growth-plan.md' };
    assert.deepEqual(runAction(dir, { ...base, 'fail-level': 'error' }).status, 0);
    const strict = runAction(dir, { ...base, 'fail-level': 'warning' });
    assert.deepEqual([strict.status, strict.outputs['exit-code']], [1, '1']);
    assert.match(strict.stdout, /^::warning file=plans\/growth-plan\.md,line=3,/m);
  });

  it('writes SARIF for upload when asked, without printing the findings twice', () => {
    const dir = prRepo();
    const r = runAction(dir, { 'upload-sarif': 'true', 'sarif-file': 'reports/stratlint.sarif', paths: 'plans/growth-plan.md\nplans/east-plan.md' });
    assert.equal(r.status, 1);
    assert.deepEqual(r.outputs, { 'exit-code': '1', 'sarif-file': 'reports/stratlint.sarif' });
    const log = JSON.parse(readFileSync(join(dir, 'reports/stratlint.sarif'), 'utf8')) as { version: string; runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.equal(log.version, '2.1.0');
    assert.deepEqual([...new Set(log.runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri))], ['plans/growth-plan.md', 'plans/east-plan.md'], 'in the order of the paths input');
    assert.equal(r.stdout.match(/^::error file=plans\/growth-plan\.md,line=1,col=3,[^\n]*title=customer-outcomes /gm)?.length, 1);
    assert.doesNotMatch(r.stdout, /✖ \d+ problems/, 'the SARIF run prints nothing');
  });

  it('passes globs to Stratlint unexpanded and rejects an unknown fail-level', () => {
    const dir = prRepo();
    write(dir, { 'plans/-dash-plan.md': WEAK });
    const globbed = runAction(dir, { paths: 'plans/*-plan.md', format: 'json' });
    assert.deepEqual((JSON.parse(globbed.stdout) as { file: string }[]).map((f) => f.file), ['plans/-dash-plan.md', 'plans/east-plan.md', 'plans/growth-plan.md']);
    const bad = runAction(dir, { 'fail-level': 'sometimes' });
    assert.equal(bad.status, 2);
    assert.equal(bad.stdout, "::error title=Stratlint::fail-level must be error, warning or none, not 'sometimes'\n");
    assert.equal(existsSync(join(dir, 'stratlint.sarif')), false);
  });
});

describe('the documented CI examples', () => {
  it('the GitHub workflow uses only inputs the action declares', () => {
    const workflow = parse(readFileSync(join(ROOT, 'examples/ci/github-workflow.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    const uses = steps.find((s) => s.uses?.includes('/stratlint@'))!;
    for (const name of Object.keys(uses.with ?? {})) assert.ok(name in action.inputs, `the example passes unknown input ${name}`);
    assert.equal(steps.find((s) => s.uses?.startsWith('actions/checkout@'))!.with!['fetch-depth'], 0);
  });

  it('the GitLab job writes the Code Quality and JUnit reports its artifacts name', () => {
    const ci = parse(readFileSync(join(ROOT, 'examples/ci/gitlab-ci.yml'), 'utf8')) as Record<string, { script: string[]; artifacts: { reports: Record<string, string> } }>;
    const job = ci.stratlint;
    const dir = prRepo();
    for (const line of job.script.filter((l) => l.startsWith('npx stratlint '))) {
      const r = spawnSync('bash', ['-c', line.replace(/^npx stratlint /, `node ${JSON.stringify(join(ROOT, 'bin/stratlint.js'))} `)], { cwd: dir, encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
    }
    const issues = JSON.parse(readFileSync(join(dir, job.artifacts.reports.codequality), 'utf8')) as { fingerprint: string; location: { path: string } }[];
    assert.ok(issues.length > 0 && issues.every((i) => i.fingerprint && i.location.path.startsWith('plans/')));
    assert.match(readFileSync(join(dir, job.artifacts.reports.junit), 'utf8'), /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="stratlint"/);
  });
});
