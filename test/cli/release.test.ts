import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { lintDocument } from '../../server/src/engine/index';
import { starterWorkflow } from '../../server/src/cli/init';
import { ROOT, run, tree } from './helpers';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const PLAN = '# Payroll software customer strategy 2026–2029\n\nWe will be the best partner for everyone.\n';

describe('CHANGELOG.md (Keep a Changelog)', () => {
  const text = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
  const versions = [...text.matchAll(/^## \[([^\]]+)\](.*)$/gm)].map((m) => ({ name: m[1], rest: m[2] }));

  it('opens with Unreleased, then the package version with its date', () => {
    assert.match(text, /^# Changelog\n/);
    assert.match(text, /\[Keep a Changelog\]\(https:\/\/keepachangelog\.com\/en\/1\.1\.0\/\)/);
    assert.deepEqual(versions[0], { name: 'Unreleased', rest: '' });
    assert.equal(versions[1].name, version);
    assert.match(versions[1].rest, /^ - \d{4}-\d{2}-\d{2}$/);
  });

  it('groups changes under the six kinds only, and links every version', () => {
    const kinds = [...text.matchAll(/^### (.*)$/gm)].map((m) => m[1]);
    assert.deepEqual(kinds.filter((k) => !['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'].includes(k)), []);
    for (const v of versions) assert.match(text, new RegExp(`^\\[${v.name.replace(/\./g, '\\.')}\\]: https://github\\.com/stratlint/stratlint/`, 'm'));
  });
});

describe('--print-config <plan>', () => {
  it('prints the resolved config: config files, globs, and every rule with its level and options', async () => {
    const dir = tree({
      '.stratlint.yaml': 'root: true\nextends: stratlint:strict\nignore: ["archive/**"]\nrules:\n  buzzword-fluff: off\n  time-horizon: [warning, { minYears: 3, maxYears: 5 }]\n',
      'strategy.md': `---\nstratlint:\n  rules:\n    ecosystem: off\n---\n${PLAN}`,
    });
    const r = await run(['--print-config', 'strategy.md'], dir);
    assert.equal(r.stderr, '');
    assert.equal(r.code, 0);
    const printed = JSON.parse(r.stdout) as { file: string; isPlan: boolean; configFiles: string[]; ignore: string[]; rules: Record<string, unknown> };
    assert.equal(printed.file, 'strategy.md');
    assert.equal(printed.isPlan, true);
    assert.deepEqual(printed.configFiles, ['.stratlint.yaml']);
    assert.deepEqual(printed.ignore, [`${dir}/archive/**`]);
    assert.equal(printed.rules['buzzword-fluff'], 'off');
    assert.equal(printed.rules.ecosystem, 'off'); // the plan's own front matter, applied last
    assert.deepEqual(printed.rules['time-horizon'], ['warning', { minYears: 3, maxYears: 5 }]);
    assert.equal(printed.rules['customer-outcomes'], 'error');
    assert.equal(printed.rules['unused-suppression'], 'error'); // opt-in, turned on by strict one step up
    // The same rules and levels the lint runs with.
    const config = lintDocument(readFileSync(join(dir, 'strategy.md'), 'utf8'), { filePath: join(dir, 'strategy.md'), stopDir: dir }).config;
    const on = Object.entries(printed.rules).filter(([, v]) => v !== 'off').map(([id, v]) => `${id} ${Array.isArray(v) ? v[0] : v}`);
    assert.deepEqual(on, config.settings.map((s) => `${s.rule.meta.id} ${s.severity}`).sort());
  });

  it('says when a file would not be linted through a folder, and honours --no-config', async () => {
    const dir = tree({ '.stratlint.yaml': 'rules:\n  buzzword-fluff: off\n', 'notes.md': PLAN });
    const r = await run(['--print-config', 'notes.md', '--no-config'], dir);
    const printed = JSON.parse(r.stdout) as { isPlan: boolean; configFiles: string[]; rules: Record<string, unknown> };
    assert.equal(printed.isPlan, false);
    assert.deepEqual(printed.configFiles, []);
    assert.equal(printed.rules['buzzword-fluff'], 'info');
  });

  it('exits 2 naming the problem: an invalid config, a missing plan, files to lint as well', async () => {
    const dir = tree({ '.stratlint.yaml': 'rules:\n  no-such-rule: off\n', 'strategy.md': PLAN });
    const bad = await run(['--print-config', 'strategy.md'], dir);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, `stratlint: ${join(dir, '.stratlint.yaml')}:2:3: rules.no-such-rule: unknown rule 'no-such-rule'\n`);
    const missing = await run(['--print-config', 'absent.md'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^stratlint: absent\.md: cannot read file/);
    const both = await run(['--print-config', 'strategy.md', 'other.md'], dir);
    assert.deepEqual(both, { code: 2, stdout: '', stderr: 'stratlint: --print-config <plan> lints nothing; lint other.md in another run\n' });
  });
});

describe('--init', () => {
  it('writes a starter config that lints as no config does, and the GitHub workflow', async () => {
    const dir = tree({});
    const r = await run(['--init'], dir);
    assert.deepEqual(r, { code: 0, stdout: 'stratlint: wrote .stratlint.yaml\nstratlint: wrote .github/workflows/stratlint.yml\n', stderr: '' });
    const config = readFileSync(join(dir, '.stratlint.yaml'), 'utf8');
    assert.match(config, new RegExp(`^# Every key: https://github\\.com/stratlint/stratlint/blob/v${version.replace(/\./g, '\\.')}/docs/configure\\.md$`, 'm'));
    const withStarter = lintDocument(PLAN, { filePath: join(dir, 'strategy.md'), stopDir: dir });
    assert.deepEqual(withStarter.config.sources, [join(dir, '.stratlint.yaml')]);
    assert.deepEqual(withStarter.findings, lintDocument(PLAN, { filePath: join(dir, 'strategy.md'), noConfig: true }).findings);
    const workflow = readFileSync(join(dir, '.github/workflows/stratlint.yml'), 'utf8');
    const steps = (parse(workflow) as { jobs: { stratlint: { steps: { uses: string }[] } } }).jobs.stratlint.steps;
    assert.deepEqual(steps.map((s) => s.uses), ['actions/checkout@v4', `stratlint/stratlint@v${version}`]);
  });

  it('keeps files that exist, a config under another name included', async () => {
    const dir = tree({ '.stratlint.json': '{}\n', '.github/workflows/stratlint.yml': 'name: ours\n' });
    const r = await run(['--init'], dir);
    assert.deepEqual(r, { code: 0, stdout: 'stratlint: kept .stratlint.json: it exists already\nstratlint: kept .github/workflows/stratlint.yml: it exists already\n', stderr: '' });
    assert.equal(readFileSync(join(dir, '.github/workflows/stratlint.yml'), 'utf8'), 'name: ours\n');
  });

  it('writes the workflow that examples/ci shows', () => {
    assert.equal(starterWorkflow(), readFileSync(join(ROOT, 'examples/ci/github-workflow.yml'), 'utf8'));
  });
});
