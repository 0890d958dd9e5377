import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintDocument, resolveConfig, type ResolvedConfig } from '../../server/src/engine/index';
import { configError, PLAN, where, workspace, writeFiles } from './workspace';

/** `id level` for the given rules, or `id off`, in a resolved config. */
function levels(config: ResolvedConfig, ids: string[]): string[] {
  return ids.map((id) => `${id} ${config.settings.find((s) => s.rule.meta.id === id)?.severity ?? 'off'}`);
}

function optionsOf(config: ResolvedConfig, id: string) {
  return config.settings.find((s) => s.rule.meta.id === id)?.options;
}

const PACK = (id: string, extra = '') => `rules:
  - id: ${id}
    kind: avoid-phrase
    severity: warning
    description: Plans say what they will do.
    message: Say what you will do.
    patterns: ['\\bhopefully\\b']
${extra}`;

describe('finding configs', () => {
  const root = workspace({
    '.stratlint.yaml': 'rules:\n  buzzword-fluff: off\n',
    'org/.stratlint.yaml': 'root: true\nrules:\n  ecosystem: off\n',
    'org/team/.stratlint.yml': 'rules:\n  time-horizon: error\n',
  });
  const at = (dir: string, stopDir?: string) => resolveConfig({ filePath: join(root, dir, 'plan.md'), stopDir });

  it('applies every config from the plan up, the nearest last', () => {
    assert.deepEqual(at('org/team').sources, [join(root, 'org/.stratlint.yaml'), join(root, 'org/team/.stratlint.yml')]);
    assert.deepEqual(levels(at('org/team'), ['ecosystem', 'time-horizon', 'buzzword-fluff']), ['ecosystem off', 'time-horizon error', 'buzzword-fluff info']);
  });

  it('stops at root: true, and at the workspace root', () => {
    assert.deepEqual(at('org').sources, [join(root, 'org/.stratlint.yaml')]);
    assert.deepEqual(at('org/team', join(root, 'org/team')).sources, [join(root, 'org/team/.stratlint.yml')]);
    assert.deepEqual(at('other').sources, [join(root, '.stratlint.yaml')]);
  });

  it('uses only the config named explicitly, wherever it is, and none with noConfig', () => {
    const outside = workspace({ 'team.yaml': 'extends: ./base.yaml\n', 'base.yaml': 'rules:\n  ownership: error\n' });
    const named = resolveConfig({ filePath: join(root, 'org/team/plan.md'), stopDir: root, configFile: join(outside, 'team.yaml') });
    assert.deepEqual(named.sources, [join(outside, 'team.yaml'), join(outside, 'base.yaml')]);
    assert.deepEqual(levels(named, ['ownership', 'time-horizon']), ['ownership error', 'time-horizon info']);
    assert.deepEqual(resolveConfig({ filePath: join(root, 'org/team/plan.md'), noConfig: true }).sources, []);
  });

  it('sees a config change on the next resolve', () => {
    const ws = workspace({ '.stratlint.yaml': 'rules:\n  ownership: error\n' });
    assert.deepEqual(levels(resolveConfig({ filePath: join(ws, 'plan.md') }), ['ownership']), ['ownership error']);
    writeFileSync(join(ws, '.stratlint.yaml'), 'rules:\n  ownership: off\n');
    assert.deepEqual(levels(resolveConfig({ filePath: join(ws, 'plan.md') }), ['ownership']), ['ownership off']);
  });
});

describe('a monorepo with one config per team folder', () => {
  const root = workspace({
    '.stratlint.yaml': 'extends: [./packs/org.yaml]\nignore: [archive/**]\nrules:\n  buzzword-fluff: off\n',
    'packs/org.yaml': PACK('org/no-hope'),
    'teams/growth/.stratlint.yaml': 'files: ["okrs/**/*.md"]\nignore: ["drafts/**"]\nrules:\n  time-horizon: [warning, { minYears: 1, maxYears: 2 }]\n  org/no-hope: error\n',
    'teams/platform/.stratlint.json': '{ "root": true, "rules": { "right-to-win": "off" } }\n',
  });
  const config = (dir: string) => resolveConfig({ filePath: join(root, dir, 'x.md'), stopDir: root });
  const isPlan = (path: string) => lintDocument('# Growth\n\nText.\n', { filePath: join(root, path), stopDir: root }).isPlan;

  it('each team inherits the organisation config and changes what it needs', () => {
    const growth = config('teams/growth/okrs');
    assert.deepEqual(levels(growth, ['buzzword-fluff', 'time-horizon', 'org/no-hope', 'right-to-win']), ['buzzword-fluff off', 'time-horizon warning', 'org/no-hope error', 'right-to-win error']);
    assert.deepEqual(optionsOf(growth, 'time-horizon'), { minYears: 1, maxYears: 2 });
    assert.deepEqual(levels(config('teams/other'), ['time-horizon', 'org/no-hope']), ['time-horizon info', 'org/no-hope warning']);
  });

  it('a team with root: true starts from the built-in defaults', () => {
    const platform = config('teams/platform');
    assert.deepEqual(levels(platform, ['buzzword-fluff', 'right-to-win']), ['buzzword-fluff info', 'right-to-win off']);
    assert.ok(!platform.knownRuleIds.has('org/no-hope'));
  });

  it('files: the nearest config decides which files are plans; ignore adds up along the chain', () => {
    assert.deepEqual(config('teams/growth').files, [`${root}/teams/growth/okrs/**/*.md`]);
    assert.deepEqual(config('teams/growth').ignore, [`${root}/archive/**`, `${root}/teams/growth/drafts/**`]);
    assert.equal(isPlan('teams/growth/okrs/q3.md'), true);
    assert.equal(isPlan('teams/growth/growth-plan.md'), false);
    assert.equal(isPlan('teams/growth/okrs/drafts/q3.md'), true, 'drafts/** is relative to the growth folder: okrs/drafts is not ignored');
    assert.equal(isPlan('teams/growth/drafts/q3-plan.md'), false);
    assert.equal(isPlan('archive/2020-plan.md'), false);
    assert.equal(isPlan('teams/platform/platform-plan.md'), true);
  });

  it('an ignored file is still linted when named explicitly', () => {
    const r = lintDocument('# Growth\n\nText.\n', { filePath: join(root, 'archive/2020-plan.md'), stopDir: root, forcePlan: true });
    assert.equal(r.isPlan, true);
  });
});

describe('extends', () => {
  it('applies entries in order, later ones winning, then the file’s own rules', () => {
    const root = workspace({
      '.stratlint.yaml': 'extends: [./base.yaml, stratlint:strict]\nrules:\n  ownership: off\n',
      'base.yaml': 'extends: ./acme.yaml\nrules:\n  customer-outcomes: warning\n  time-horizon: [info, { maxYears: 5 }]\n',
      'acme.yaml': PACK('acme/no-hope'),
    });
    const c = resolveConfig({ filePath: join(root, 'plan.md'), stopDir: root });
    assert.deepEqual(c.sources, [join(root, '.stratlint.yaml'), join(root, 'base.yaml'), join(root, 'acme.yaml')]);
    assert.deepEqual(levels(c, ['customer-outcomes', 'time-horizon', 'ownership', 'acme/no-hope']), ['customer-outcomes error', 'time-horizon warning', 'ownership off', 'acme/no-hope warning']);
    assert.deepEqual(optionsOf(c, 'time-horizon'), { maxYears: 5 }, 'a pack changes how loud a rule is, not its options');
  });

  it('a level alone keeps the options set earlier in the chain', () => {
    const root = workspace({ '.stratlint.yaml': 'rules:\n  time-horizon: [info, { minYears: 3 }]\n', 'team/.stratlint.yaml': 'rules:\n  time-horizon: error\n' });
    const c = resolveConfig({ filePath: join(root, 'team/plan.md'), stopDir: root });
    assert.deepEqual([levels(c, ['time-horizon']), optionsOf(c, 'time-horizon')], [['time-horizon error'], { minYears: 3 }]);
  });

  it('the same pack through two paths is fine; two packs defining one rule ID are not', () => {
    const root = workspace({
      '.stratlint.yaml': 'extends: [./a.yaml, ./b.yaml]\n',
      'a.yaml': 'extends: ./pack.yaml\n',
      'b.yaml': 'extends: [./pack.yaml]\n',
      'pack.yaml': PACK('acme/no-hope'),
      'other/.stratlint.yaml': 'extends: [../pack.yaml, ./copy.yaml]\n',
      'other/copy.yaml': PACK('acme/no-hope'),
    });
    assert.deepEqual(levels(resolveConfig({ filePath: join(root, 'plan.md'), stopDir: root }), ['acme/no-hope']), ['acme/no-hope warning']);
    const e = configError(() => resolveConfig({ filePath: join(root, 'other/plan.md'), stopDir: root }));
    assert.equal(where(e, root), 'other/copy.yaml:2:9 rules[acme/no-hope].id');
    assert.equal(e.detail, `the rule 'acme/no-hope' is already defined by ${join(root, 'pack.yaml')}; give this one another ID`);
  });

  it('reports a cycle at the entry that closes it, with the whole chain', () => {
    const root = workspace({ '.stratlint.yaml': 'extends: ./a.yaml\n', 'a.yaml': 'extends: [./b.yaml]\n', 'b.yaml': 'rules: {}\nextends: [stratlint:all, ./a.yaml]\n' });
    const e = configError(() => resolveConfig({ filePath: join(root, 'plan.md'), stopDir: root }));
    assert.equal(where(e, root), 'b.yaml:2:26 extends[1]');
    assert.equal(e.detail, 'extends loops back to a file already in the chain: a.yaml → b.yaml → a.yaml');
    const self = workspace({ '.stratlint.yaml': 'extends: ./.stratlint.yaml\n' });
    assert.equal(configError(() => resolveConfig({ filePath: join(self, 'plan.md'), stopDir: self })).detail, 'extends loops back to a file already in the chain: .stratlint.yaml → .stratlint.yaml');
  });

  it('a pack rule with recommended: false stays off until a config turns it on', () => {
    const root = workspace({ '.stratlint.yaml': 'extends: ./pack.yaml\n', 'pack.yaml': PACK('acme/no-hope', '    recommended: false\n'), 'on/.stratlint.yaml': 'rules:\n  acme/no-hope: info\n' });
    assert.deepEqual(levels(resolveConfig({ filePath: join(root, 'plan.md'), stopDir: root }), ['acme/no-hope']), ['acme/no-hope off']);
    assert.deepEqual(levels(resolveConfig({ filePath: join(root, 'on/plan.md'), stopDir: root }), ['acme/no-hope']), ['acme/no-hope info']);
  });
});

describe('extends from npm packages (data only)', () => {
  const root = workspace({
    'ws/.stratlint.yaml': "extends:\n  - '@acme/strategy-rules'\n  - plain-pack\n  - '@acme/strategy-rules/extra.yaml'\n  - shared-config\n",
    'ws/node_modules/@acme/strategy-rules/package.json': JSON.stringify({ name: '@acme/strategy-rules', main: 'index.js', stratlint: 'packs/main.yaml' }),
    'ws/node_modules/@acme/strategy-rules/index.js': "require('node:fs').writeFileSync(require('node:path').join(__dirname, 'EXECUTED'), '');\n",
    'ws/node_modules/@acme/strategy-rules/packs/main.yaml': PACK('acme/no-hope'),
    'ws/node_modules/@acme/strategy-rules/extra.yaml': PACK('acme/extra'),
    'ws/node_modules/plain-pack/package.json': '{ "name": "plain-pack" }',
    'ws/node_modules/plain-pack/stratlint.yaml': PACK('plain/no-hope'),
    'ws/node_modules/shared-config/package.json': '{ "name": "shared-config", "stratlint": "config.yaml" }',
    'ws/node_modules/shared-config/config.yaml': 'extends: stratlint:strict\nrules:\n  acme/no-hope: error\n',
  });
  const ws = join(root, 'ws');

  it('resolves scoped packages by their "stratlint" field, plain ones by stratlint.yaml, subpaths, and shared configs', () => {
    const c = resolveConfig({ filePath: join(ws, 'plans/plan.md'), stopDir: ws });
    const pkg = join(ws, 'node_modules');
    assert.deepEqual(c.sources, [join(ws, '.stratlint.yaml'), join(pkg, '@acme/strategy-rules/packs/main.yaml'), join(pkg, 'plain-pack/stratlint.yaml'), join(pkg, '@acme/strategy-rules/extra.yaml'), join(pkg, 'shared-config/config.yaml')]);
    assert.deepEqual(levels(c, ['acme/no-hope', 'plain/no-hope', 'acme/extra', 'customer-outcomes']), ['acme/no-hope error', 'plain/no-hope warning', 'acme/extra warning', 'customer-outcomes error']);
  });

  it('never runs the package’s code', () => {
    resolveConfig({ filePath: join(ws, 'plan.md'), stopDir: ws });
    assert.equal(existsSync(join(ws, 'node_modules/@acme/strategy-rules/EXECUTED')), false);
  });

  it('does not look in node_modules above the workspace', () => {
    writeFiles(root, {
      'node_modules/outer-pack/package.json': '{}',
      'node_modules/outer-pack/stratlint.yaml': PACK('outer/no-hope'),
      'ws/team/.stratlint.yaml': 'root: true\nextends: outer-pack\n',
    });
    const e = configError(() => resolveConfig({ filePath: join(ws, 'team/plan.md'), stopDir: ws }));
    assert.equal(e.detail, `cannot find the npm package 'outer-pack' in node_modules at or above ${join(ws, 'team')} (inside the workspace)`);
    assert.deepEqual(levels(resolveConfig({ filePath: join(ws, 'team/plan.md') }), ['outer/no-hope']), ['outer/no-hope warning'], 'without a workspace limit it is found');
  });

  it('keeps a package’s pack inside the package', () => {
    writeFiles(root, {
      'ws/node_modules/escape/package.json': '{\n  "stratlint": "../../../secret.yaml"\n}\n',
      'ws/elsewhere/.stratlint.yaml': 'root: true\nextends: [escape]\n',
      'ws/subpath/.stratlint.yaml': 'root: true\nextends: ["@acme/strategy-rules/../../plain-pack/stratlint.yaml"]\n',
    });
    const e = configError(() => resolveConfig({ filePath: join(ws, 'elsewhere/plan.md'), stopDir: ws }));
    assert.equal(where(e, root), 'ws/node_modules/escape/package.json:2:16 stratlint');
    assert.equal(e.detail, "'../../../secret.yaml' points outside the package");
    const sub = configError(() => resolveConfig({ filePath: join(ws, 'subpath/plan.md'), stopDir: ws }));
    assert.equal(where(sub, root), 'ws/subpath/.stratlint.yaml:2:11 extends[0]');
    assert.equal(sub.detail, "'@acme/strategy-rules/../../plain-pack/stratlint.yaml' points outside the package '@acme/strategy-rules'");
  });
});

describe('built-in packs', () => {
  const ids = ['customer-outcomes', 'time-horizon', 'expired-suppression', 'unused-suppression', 'suppression-reason'];
  const withExtends = (ext: string) => {
    const root = workspace({ '.stratlint.yaml': `extends: ${ext}\n` });
    return levels(resolveConfig({ filePath: join(root, 'plan.md'), stopDir: root }), ids);
  };

  it('recommended (the default): every catalog rule at its severity, opt-in rules off', () => {
    const expected = ['customer-outcomes error', 'time-horizon info', 'expired-suppression warning', 'unused-suppression off', 'suppression-reason off'];
    assert.deepEqual(levels(resolveConfig({ noConfig: true }), ids), expected);
    assert.deepEqual(withExtends('stratlint:recommended'), expected);
  });

  it('strict: every built-in rule, one step more severe', () => {
    assert.deepEqual(withExtends('stratlint:strict'), ['customer-outcomes error', 'time-horizon warning', 'expired-suppression error', 'unused-suppression error', 'suppression-reason error']);
  });

  it('all: every built-in rule at its own severity', () => {
    assert.deepEqual(withExtends('stratlint:all'), ['customer-outcomes error', 'time-horizon info', 'expired-suppression warning', 'unused-suppression warning', 'suppression-reason warning']);
  });

  it('the later pack wins', () => {
    assert.deepEqual(withExtends('[stratlint:strict, stratlint:recommended]'), withExtends('stratlint:recommended'));
  });

  it('--report-unused-disable-directives turns unused-suppression on as an error, over any config', () => {
    const root = workspace({ '.stratlint.yaml': 'rules:\n  unused-suppression: off\n' });
    assert.deepEqual(levels(resolveConfig({ filePath: join(root, 'plan.md'), reportUnusedDisableDirectives: true }), ['unused-suppression']), ['unused-suppression error']);
  });
});

describe('a plan picks its own pack and rules in its front matter', () => {
  const root = workspace({
    '.stratlint.yaml': 'rules:\n  time-horizon: off\n',
    'okrs/okr-pack.yaml': PACK('okr/no-hope'),
  });
  const lint = (frontMatter: string, dir = '') => lintDocument(`---\n${frontMatter}---\n# Q3 OKRs\n\nHopefully we grow.\n`, { filePath: join(root, dir, 'q3.md'), stopDir: root });

  it('extends a built-in pack and sets rules over the folder config', () => {
    const r = lint('stratlint:\n  extends: stratlint:strict\n  rules:\n    customer-outcomes: warning\n');
    assert.equal(r.isPlan, true);
    assert.deepEqual(levels(r.config, ['customer-outcomes', 'time-horizon', 'ownership']), ['customer-outcomes warning', 'time-horizon warning', 'ownership warning']);
  });

  it('extends a pack relative to the plan, and its findings appear', () => {
    const r = lint('stratlint: { extends: [./okr-pack.yaml], rules: { okr/no-hope: error } }\n', 'okrs');
    assert.deepEqual(
      r.findings.filter((f) => f.ruleId === 'okr/no-hope').map((f) => `${f.severity} ${f.range.start.line + 1}:${f.range.start.character + 1}`),
      ['error 6:1'],
    );
  });

  it('cannot reach outside the workspace', () => {
    const e = configError(() => lint('stratlint:\n  extends: ../../../etc/pack.yaml\n', 'okrs'));
    assert.equal(where(e, root), 'okrs/q3.md:3:12 stratlint.extends');
    assert.match(e.detail, /^'\.\.\/\.\.\/\.\.\/etc\/pack\.yaml' is outside the workspace/);
  });

  it('still applies with noConfig (it is part of the plan)', () => {
    const r = lintDocument(`---\nstratlint: { rules: { ownership: off } }\n---\n# Q3 OKRs\n`, { filePath: join(root, 'q3.md'), noConfig: true });
    assert.deepEqual(levels(r.config, ['ownership', 'time-horizon']), ['ownership off', 'time-horizon info']);
  });

  it('stratlint: false opts out, whatever the globs say', () => {
    assert.equal(lintDocument(PLAN.replace('stratlint: true', 'stratlint: false'), { filePath: join(root, 'strategy.md'), stopDir: root }).isPlan, false);
  });
});
