import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintDocument, resolveConfig } from '../../server/src/engine/index';
import { configError, PLAN, where, workspace } from './workspace';

/** The error resolving the config for `plans/plan.md` in a workspace holding these files. */
function errorFor(files: Record<string, string>, opts: { configFile?: string } = {}) {
  const root = workspace({ 'plans/plan.md': PLAN, ...files });
  const e = configError(() => resolveConfig({ filePath: join(root, 'plans/plan.md'), stopDir: root, configFile: opts.configFile && join(root, opts.configFile) }));
  return { at: where(e, root), detail: e.detail, e };
}

describe('config errors name the file, line, column and key, and say what is allowed', () => {
  const cases: [string, Record<string, string>, string, string][] = [
    ['a misspelt level', { '.stratlint.yaml': 'rules:\n  customer-outcomes: eror\n' }, '.stratlint.yaml:2:22 rules.customer-outcomes', "expected one of off|info|warning|error, got 'eror' (did you mean 'error'?)"],
    ['an ESLint-style level', { '.stratlint.yaml': 'rules:\n  customer-outcomes: warn\n' }, '.stratlint.yaml:2:22 rules.customer-outcomes', "expected one of off|info|warning|error, got 'warn' (did you mean 'warning'?)"],
    ['a boolean level', { '.stratlint.yaml': 'rules:\n  customer-outcomes: false\n' }, '.stratlint.yaml:2:22 rules.customer-outcomes', 'expected a level (off|info|warning|error) or [level, { options }], got false (levels are words: off, info, warning, error)'],
    ['an empty rule entry list', { '.stratlint.yaml': 'rules:\n  customer-outcomes: []\n' }, '.stratlint.yaml:2:22 rules.customer-outcomes', 'expected [level] or [level, { options }], got a list of 0 items'],
    ['a rule entry list of three', { '.stratlint.yaml': 'rules:\n  customer-outcomes: [warning, {}, 3]\n' }, '.stratlint.yaml:2:22 rules.customer-outcomes', 'expected [level] or [level, { options }], got a list of 3 items'],
    ['a number where the level goes', { '.stratlint.yaml': 'rules:\n  customer-outcomes: [2]\n' }, '.stratlint.yaml:2:23 rules.customer-outcomes[0]', 'expected a level first (off|info|warning|error), got 2'],
    ['a misspelt level in a list', { '.stratlint.yaml': 'rules:\n  time-horizon: [warnig, { minYears: 3 }]\n' }, '.stratlint.yaml:2:18 rules.time-horizon[0]', "expected one of off|info|warning|error, got 'warnig' (did you mean 'warning'?)"],
    ['options that are not a mapping', { '.stratlint.yaml': 'rules:\n  time-horizon: [warning, 3]\n' }, '.stratlint.yaml:2:27 rules.time-horizon[1]', 'expected the rule\'s options as a mapping (e.g. { minYears: … }), got 3'],
    ['options for a rule that takes none', { '.stratlint.yaml': 'rules:\n  customer-outcomes: [error, { minYears: 3 }]\n' }, '.stratlint.yaml:2:30 rules.customer-outcomes[1]', "rule 'customer-outcomes' takes no options; give its level only, e.g. customer-outcomes: warning"],
    ['an option of the wrong type', { '.stratlint.yaml': 'rules:\n  time-horizon: [warning, { minYears: three }]\n' }, '.stratlint.yaml:2:39 rules.time-horizon[1].minYears', "expected a number, got 'three'"],
    ['a misspelt option', { '.stratlint.yaml': 'rules:\n  time-horizon: [warning, { minYear: 3 }]\n' }, '.stratlint.yaml:2:29 rules.time-horizon[1].minYear', "unknown key 'minYear' (did you mean 'minYears'?); allowed here: minYears, maxYears"],
    ['options that contradict each other', { '.stratlint.yaml': 'rules:\n  time-horizon: [warning, { minYears: 8 }]\n' }, '.stratlint.yaml:2:27 rules.time-horizon[1]', 'minYears must not be more than maxYears (defaults: 2 and 7)'],
    ['an unknown rule ID', { '.stratlint.yaml': 'rules:\n  customer-outcome: error\n' }, '.stratlint.yaml:2:3 rules.customer-outcome', "unknown rule 'customer-outcome' (did you mean 'customer-outcomes'?)"],
    ['a pack rule without its pack', { '.stratlint.yaml': 'rules:\n  acme/okr-owner: error\n' }, '.stratlint.yaml:2:3 rules.acme/okr-owner', "unknown rule 'acme/okr-owner'; a pack's rules are known once the pack is in extends (in this file or a parent config)"],
    ['an unknown top-level key', { '.stratlint.yaml': 'rule:\n  customer-outcomes: off\n' }, '.stratlint.yaml:1:1 rule', "unknown key 'rule' (did you mean 'rules'?); allowed here: $schema, root, extends, files, ignore, rules, docsBaseUrl"],
    ['a quoted boolean', { '.stratlint.yaml': 'root: "true"\n' }, '.stratlint.yaml:1:7 root', "expected true or false, got 'true' (write true or false without quotes)"],
    ['extends of the wrong type', { '.stratlint.yaml': 'extends: 3\n' }, '.stratlint.yaml:1:10 extends', 'expected a pack name or a list of them, got 3'],
    ['an empty extends entry', { '.stratlint.yaml': 'extends: [stratlint:strict, ""]\n' }, '.stratlint.yaml:1:29 extends[1]', 'expected a non-empty text, got an empty one'],
    ['files as a single glob', { '.stratlint.yaml': 'files: strategy/**/*.md\n' }, '.stratlint.yaml:1:8 files', 'expected a list, got \'strategy/**/*.md\' (write a list, e.g. ["strategy/**/*.md"])'],
    ['a negated files glob', { '.stratlint.yaml': 'files: ["plans/**", "!plans/old/**"]\n' }, '.stratlint.yaml:1:21 files[1]', "negated globs are not supported; list the files to leave out under 'ignore'"],
    ['rules as a list', { '.stratlint.yaml': 'rules:\n  - customer-outcomes\n' }, '.stratlint.yaml:2:3 rules', 'expected a mapping of keys to values, got ["customer-outcomes"]'],
    ['rules left empty', { '.stratlint.yaml': 'rules:\n' }, '.stratlint.yaml:1:7 rules', 'expected a mapping of keys to values, got an empty value'],
    ['a config that is a list', { '.stratlint.yaml': '- rules\n' }, '.stratlint.yaml:1:1 ', 'expected a mapping of settings (root, extends, files, ignore, rules), got a list'],
    ['YAML that does not parse', { '.stratlint.yaml': 'rules:\n  customer-outcomes: [error\n' }, '.stratlint.yaml:3:1 ', 'not valid YAML or JSON: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['a key written twice', { '.stratlint.yaml': 'rules:\n  customer-outcomes: off\nrules:\n  time-horizon: off\n' }, '.stratlint.yaml:3:1 ', 'not valid YAML or JSON: Map keys must be unique'],
    ['a JSON config', { '.stratlint.json': '{\n  "rules": {\n    "time-horizon": ["info", { "maxYears": "5" }]\n  }\n}\n' }, '.stratlint.json:3:44 rules.time-horizon[1].maxYears', "expected a number, got '5'"],
    ['an unknown built-in pack', { '.stratlint.yaml': 'extends: stratlint:strickt\n' }, '.stratlint.yaml:1:10 extends', "unknown built-in pack 'stratlint:strickt' (did you mean 'stratlint:strict'?); built-in packs: stratlint:recommended, stratlint:strict, stratlint:all"],
    ['a missing local pack', { '.stratlint.yaml': 'extends:\n  - ./rules/acme.yaml\n' }, '.stratlint.yaml:2:5 extends[0]', "cannot find './rules/acme.yaml' (looked for <root>/rules/acme.yaml)"],
    ['a missing npm package', { '.stratlint.yaml': 'extends: [\'@acme/strategy-rules\']\n' }, '.stratlint.yaml:1:11 extends[0]', "cannot find the npm package '@acme/strategy-rules' in node_modules at or above <root> (inside the workspace)"],
    ['a path written without ./', { '.stratlint.yaml': 'extends: rules/acme.yaml\n' }, '.stratlint.yaml:1:10 extends', "cannot find the npm package 'rules' in node_modules at or above <root> (inside the workspace); for a file next to this config write './rules/acme.yaml'"],
    ['a name that is neither a pack, a path nor a package', { '.stratlint.yaml': 'extends: "@@acme"\n' }, '.stratlint.yaml:1:10 extends', "'@@acme' is neither a built-in pack (stratlint:…), a path (./file.yaml) nor an npm package name"],
    ['a file a package does not have', { '.stratlint.yaml': 'extends: acme-rules/okr.yaml\n', 'node_modules/acme-rules/package.json': '{}' }, '.stratlint.yaml:1:10 extends', "the package 'acme-rules' has no file okr.yaml"],
    ['a package whose "stratlint" field is not a path', { '.stratlint.yaml': 'extends: acme-rules\n', 'node_modules/acme-rules/package.json': '{ "stratlint": true }' }, 'node_modules/acme-rules/package.json:1:16 stratlint', 'expected the path of the package’s pack file, e.g. "stratlint": "pack.yaml"'],
    ['a package that holds no pack', { '.stratlint.yaml': 'extends: acme-rules\n', 'node_modules/acme-rules/package.json': '{ "main": "index.js" }' }, '.stratlint.yaml:1:10 extends', 'the package \'acme-rules\' holds no pack: add "stratlint": "<pack file>" to its package.json, or a stratlint.yaml / stratlint.yml / stratlint.json at its root'],
    ['a negated ignore glob', { '.stratlint.yaml': 'ignore: ["!archive/keep/**"]\n' }, '.stratlint.yaml:1:10 ignore[0]', "negated globs are not supported in 'ignore'"],
    ['an option below its minimum', { '.stratlint.yaml': 'rules:\n  time-horizon: [info, { minYears: -1 }]\n' }, '.stratlint.yaml:2:36 rules.time-horizon[1].minYears', 'expected a number ≥ 0, got -1'],
    ['a pack outside the workspace', { '.stratlint.yaml': 'extends: ../../shared/acme.yaml\n' }, '.stratlint.yaml:1:10 extends', "'../../shared/acme.yaml' is outside the workspace (<root>); Stratlint reads files outside the workspace only when you name them yourself (--config, or the editor setting stratlint.configPath)"],
  ];
  for (const [name, files, at, detail] of cases) {
    it(name, () => {
      const r = errorFor(files);
      const root = r.e.file.slice(0, r.e.file.length - r.at.split(':')[0].length - 1);
      assert.equal(r.at, at);
      assert.equal(r.detail, detail.replaceAll('<root>', root));
      assert.equal(r.e.message, `${r.e.file}:${r.e.line}:${r.e.column}: ${r.e.key ? `${r.e.key}: ` : ''}${r.e.detail}`);
    });
  }

  it('two config files in one folder', () => {
    const r = errorFor({ '.stratlint.yaml': 'rules: {}\n', '.stratlint.json': '{}\n' });
    assert.equal(r.at, '.stratlint.json:1:1 ');
    assert.equal(r.detail, '.stratlint.yaml is in the same folder; keep one config file per folder so that it is clear which one applies');
  });

  it('a --config file that does not exist', () => {
    const r = errorFor({}, { configFile: 'team.yaml' });
    assert.equal(r.at, 'team.yaml:1:1 ');
    assert.equal(r.detail, 'cannot read this config or pack file: no such file');
  });

  it('a --config that is a folder', () => {
    const r = errorFor({ 'team/README.md': '# Team\n' }, { configFile: 'team' });
    assert.equal(r.at, 'team:1:1 ');
    assert.equal(r.detail, 'cannot read this config or pack file: it is a folder, not a file');
  });

  it('spans the whole key or value, for the editor to underline', () => {
    const { e } = errorFor({ '.stratlint.yaml': 'rules:\n  customer-outcomes: eror\n' });
    assert.deepEqual([e.line, e.column, e.endLine, e.endColumn], [2, 22, 2, 26]);
    const unknown = errorFor({ '.stratlint.yaml': 'rules:\n  customer-outcome: error\n' }).e;
    assert.deepEqual([unknown.line, unknown.column, unknown.endLine, unknown.endColumn], [2, 3, 2, 19]);
  });
});

describe('front matter errors point at the plan line', () => {
  const plan = (settings: string) => `---\ntitle: Retail banking\n${settings}---\n# Retail banking customer strategy 2026–2029\n\nText.\n`;
  function frontMatterError(settings: string) {
    const root = workspace({});
    const e = configError(() => lintDocument(plan(settings), { filePath: join(root, 'plan.md'), stopDir: root }));
    return { at: where(e, root), detail: e.detail.replaceAll(root, '<root>') };
  }

  it('are marked as front matter errors (the editor shows them in the plan); config file errors are not', () => {
    const root = workspace({ '.stratlint.yaml': 'rules:\n  ownership: eror\n' });
    const inPlan = configError(() => lintDocument(plan('stratlint: { rules: { ownership: eror } }\n'), { filePath: join(root, 'plan.md'), noConfig: true }));
    assert.deepEqual([inPlan.file, inPlan.line, inPlan.column, inPlan.endLine, inPlan.endColumn, inPlan.inFrontMatter], [join(root, 'plan.md'), 3, 34, 3, 38, true]);
    assert.equal(configError(() => lintDocument(plan(''), { filePath: join(root, 'plan.md') })).inFrontMatter, false);
  });

  it('a misspelt level', () => {
    assert.deepEqual(frontMatterError('stratlint:\n  extends: stratlint:strict\n  rules:\n    customer-outcomes: eror\n'), {
      at: 'plan.md:6:24 stratlint.rules.customer-outcomes',
      detail: "expected one of off|info|warning|error, got 'eror' (did you mean 'error'?)",
    });
  });

  it('a key a plan cannot set', () => {
    assert.deepEqual(frontMatterError('stratlint:\n  root: true\n'), {
      at: 'plan.md:4:3 stratlint.root',
      detail: "unknown key 'root'; allowed here: extends, rules",
    });
  });

  it('an unknown rule', () => {
    assert.deepEqual(frontMatterError('stratlint: { rules: { right-to-wim: off } }\n'), {
      at: 'plan.md:3:23 stratlint.rules.right-to-wim',
      detail: "unknown rule 'right-to-wim' (did you mean 'right-to-win'?)",
    });
  });

  it('a value that is neither a switch nor settings', () => {
    assert.deepEqual(frontMatterError('stratlint: maybe\n'), {
      at: 'plan.md:3:12 stratlint',
      detail: "expected true, false or the plan's settings ({ extends: …, rules: … }), got 'maybe'",
    });
  });

  it('a front matter pack that does not exist, relative to the plan', () => {
    assert.deepEqual(frontMatterError('stratlint:\n  extends: [./okr-pack.yaml]\n'), {
      at: 'plan.md:4:13 stratlint.extends[0]',
      detail: "cannot find './okr-pack.yaml' (looked for <root>/okr-pack.yaml)",
    });
  });
});

describe('rule pack errors name the pack file, line and key', () => {
  const rule = (lines: string) => `rules:\n  - id: acme/risks\n    severity: warning\n    description: Plans name their risks.\n    message: Name the risks.\n${lines}`;
  const packError = (pack: string) => errorFor({ '.stratlint.yaml': 'extends: [./acme.yaml]\n', 'acme.yaml': pack });
  const cases: [string, string, string, string | RegExp][] = [
    ['a misspelt kind', rule('    kind: require-sectoin\n    headings: [risks]\n'), 'acme.yaml:6:11 rules[acme/risks].kind', "expected one of require-section|avoid-phrase|require-evidence|section-content|metric|goal-list|code, got 'require-sectoin' (did you mean 'require-section'?)"],
    ['a missing kind', rule('    headings: [risks]\n'), 'acme.yaml:2:5 rules[acme/risks].kind', "missing 'kind': give one of require-section|avoid-phrase|require-evidence|section-content|metric|goal-list|code"],
    ['a key of another spelling', rule('    kind: avoid-phrase\n    pattern: [risky]\n'), 'acme.yaml:7:5 rules[acme/risks].pattern', /^unknown key 'pattern' \(did you mean 'patterns'\?\); allowed here: id, severity, source, description, message, principle, example, docs, fix, recommended, kind, patterns, replace, unless, /],
    ['a missing message', 'rules:\n  - id: acme/risks\n    kind: require-section\n    severity: warning\n    description: Plans name their risks.\n    headings: [risks]\n', 'acme.yaml:2:5 rules[acme/risks].message', 'missing: give a text'],
    ['a malformed ID', rule('    kind: require-section\n    headings: [risks]\n').replace('acme/risks', 'Acme_Risks'), 'acme.yaml:2:9 rules[0].id', 'expected lower-case words joined by "-", optionally "pack/rule", got \'Acme_Risks\''],
    ['a misspelt severity', rule('    kind: require-section\n    headings: [risks]\n').replace('severity: warning', 'severity: warn'), 'acme.yaml:3:15 rules[acme/risks].severity', "expected one of error|warning|info, got 'warn' (did you mean 'warning'?)"],
    ['an empty pattern list', rule('    kind: avoid-phrase\n    patterns: []\n'), 'acme.yaml:7:15 rules[acme/risks].patterns', 'expected at least 1 item, got []'],
    ['half of a require-evidence pair', rule('    kind: require-evidence\n    trigger: [pilot]\n'), 'acme.yaml:2:5 rules[acme/risks]', 'give either "trigger" and "evidence", or "checks"'],
    ['a built-in rule ID', rule('    kind: require-section\n    headings: [risks]\n').replace('acme/risks', 'right-to-win'), 'acme.yaml:2:9 rules[right-to-win].id', "'right-to-win' is a built-in rule ID; give pack rules their own IDs (e.g. 'acme/right-to-win') and switch the built-in off in the config if it should not run"],
    ['one ID twice', `${rule('    kind: require-section\n    headings: [risks]\n')}  - id: acme/risks\n    kind: require-section\n    severity: info\n    description: Again.\n    message: Again.\n    headings: [risks]\n`, 'acme.yaml:8:9 rules[1].id', "the rule ID 'acme/risks' appears twice in this pack"],
    ['an unquoted fix template with ": " in it', rule('    kind: avoid-phrase\n    patterns: [synergy]\n    fix:\n      title: Say what is better\n      template: <claim: what is better, for whom>\n'), 'acme.yaml:10:17 ', 'not valid YAML or JSON: Nested mappings are not allowed in compact mappings; quote this template: template: "<claim: what is better, for whom>"'],
    ['the second rule, named by its ID', `${rule('    kind: require-section\n    headings: [risks]\n')}  - id: acme/hedge\n    kind: avoid-phrase\n    severity: info\n    description: No hedging.\n    message: Commit.\n    pattern: [try to]\n`, 'acme.yaml:13:5 rules[acme/hedge].pattern', /^unknown key 'pattern' \(did you mean 'patterns'\?\)/],
    ['a code rule in a pack', rule('    kind: code\n    scope: plan\n'), 'acme.yaml:6:11 rules[acme/risks].kind', /^rule "acme\/risks" has kind "code", which only built-in rules may use \(/],
    ['a key a pack cannot have', `extends: [stratlint:strict]\n${rule('    kind: require-section\n    headings: [risks]\n')}`, 'acme.yaml:1:1 extends', "unknown key 'extends'; allowed here: terms, rules"],
  ];
  for (const [name, pack, at, detail] of cases) {
    it(name, () => {
      const r = packError(pack);
      assert.equal(r.at, at);
      if (typeof detail === 'string') assert.equal(r.detail, detail);
      else assert.match(r.detail, detail);
    });
  }
});

describe('patterns RE2 cannot run are errors at the pattern', () => {
  const pack = (patterns: string, terms = '') => `${terms}rules:\n  - id: acme/hedge\n    kind: avoid-phrase\n    severity: info\n    description: No hedging.\n    message: Commit.\n    patterns:\n${patterns}`;
  const packError = (text: string) => errorFor({ '.stratlint.yaml': 'extends: [./acme.yaml]\n', 'acme.yaml': text });

  it('lookahead, with what to use instead', () => {
    const r = packError(pack("      - '\\bwill try\\b'\n      - 'try to(?= grow)'\n"));
    assert.equal(r.at, 'acme.yaml:9:9 rules[acme/hedge].patterns[1]');
    assert.equal(r.detail, 'invalid pattern "try to(?= grow)": error parsing regexp: invalid or unsupported Perl syntax: `(?=`. Patterns run on RE2, which has no lookahead or lookbehind: use the rule\'s unless, unlessFollowedBy or unlessPrecededBy keys instead');
  });

  it('a backreference', () => {
    const r = packError(pack("      - '(very) \\1'\n"));
    assert.equal(r.at, 'acme.yaml:8:9 rules[acme/hedge].patterns[0]');
    assert.match(r.detail, /invalid escape sequence: `\\1`\. Patterns run on RE2, which has no backreferences$/);
  });

  it('an unknown term', () => {
    const r = packError(pack("      - '\\b{segmnet}\\b'\n"));
    assert.equal(r.at, 'acme.yaml:8:9 rules[acme/hedge].patterns[0]');
    assert.match(r.detail, /^unknown term \{segmnet\} in pattern "\\\\b\{segmnet\}\\\\b" \(known: .*customer.*\)$/);
  });

  it('a pack term that does not compile, at the term', () => {
    const r = packError(pack("      - '{hedge}'\n", "terms:\n  hedge: ['try to', 'aim (to']\n"));
    assert.equal(r.at, 'acme.yaml:2:21 terms.hedge[1]');
    assert.match(r.detail, /^invalid pattern "aim \(to": error parsing regexp: missing closing \)/);
  });
});
