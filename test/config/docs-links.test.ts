import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { builtinRules, computeScorecard, ConfigError, lintDocument, resolveConfig } from '../../server/src/engine/index';
import { toDiagnostic } from '../../server/src/server/features/diagnostics';
import { explainRule } from '../../server/src/server/features/hover';
import { run, ROOT, tree } from '../cli/helpers';
import { workspace } from './workspace';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const HOME = `https://github.com/stratlint/stratlint/blob/v${version}/rules`;
const PLAN = '# Payroll software customer strategy 2026–2029\n\nWe will be the best partner for everyone.\n';

describe('rule pages have one canonical home', () => {
  it('links every built-in rule to its page in the repository at this version’s tag', () => {
    for (const { meta } of builtinRules().rules) {
      assert.equal(meta.docsUrl, `${HOME}/${meta.id}/README.md`);
      assert.ok(existsSync(join(ROOT, 'rules', meta.id, 'README.md')), `rules/${meta.id}/README.md`);
    }
  });

  it('gives the editor the same web link in the diagnostic and the hover', () => {
    const r = lintDocument(PLAN, { noConfig: true, forcePlan: true });
    const f = r.findings.find((x) => x.ruleId === 'target-customers')!;
    assert.equal(toDiagnostic(f, 'file:///plan.md').codeDescription?.href, `${HOME}/target-customers/README.md`);
    assert.ok(explainRule(builtinRules().rules.find((x) => x.meta.id === 'target-customers')!.meta).endsWith(`(${HOME}/target-customers/README.md)`));
  });
});

describe('docsBaseUrl', () => {
  const mirror = 'https://git.example.com/mirrors/stratlint/blob/v1/rules/';
  const root = workspace({ '.stratlint.yaml': `docsBaseUrl: ${mirror}\nrules:\n  no-tradeoffs: off\n` });

  it('links built-in rules, findings and switched-off principles to the team’s own copy', () => {
    const r = lintDocument(PLAN, { filePath: join(root, 'strategy.md'), stopDir: root });
    assert.ok(r.findings.length > 0);
    assert.deepEqual(r.findings.filter((f) => f.docsUrl !== `${mirror}${f.ruleId}/README.md`), []);
    const off = computeScorecard(r.plan, r.config.settings, r.findings, undefined, r.config.docsBaseUrl).principles.find((p) => p.id === 'no-tradeoffs')!;
    assert.equal(off.status, 'off');
    assert.equal(off.docsUrl, `${mirror}no-tradeoffs/README.md`);
  });

  it('leaves the findings otherwise unchanged', () => {
    const plain = lintDocument(PLAN, { noConfig: true, forcePlan: true }).findings;
    const mirrored = lintDocument(PLAN, { filePath: join(root, 'strategy.md'), stopDir: root, forcePlan: true }).findings;
    const strip = (fs: typeof plain) => fs.map(({ docsUrl: _, ...rest }) => rest);
    assert.deepEqual(strip(mirrored), strip(plain.filter((f) => f.ruleId !== 'no-tradeoffs')));
  });

  it('takes only web links, saying which key is wrong', () => {
    for (const bad of ['file:///srv/docs', 'javascript:alert(1)', 'docs/rules']) {
      const dir = workspace({ '.stratlint.yaml': `docsBaseUrl: "${bad}"\n` });
      assert.throws(
        () => resolveConfig({ filePath: join(dir, 'strategy.md'), stopDir: dir }),
        (e: unknown) => e instanceof ConfigError && /docsBaseUrl: expected an https:\/\/ \(or http:\/\/\) URL, e\.g\. .*, got '/.test(e.message),
      );
    }
  });
});

describe('no file: link leaves the machine', () => {
  // A pack rule documented by a file beside the pack: the editor links it, reports must not.
  const pack = 'rules:\n  - id: acme/risks\n    kind: require-section\n    severity: warning\n    message: Name the risks.\n    source: ACME\n    description: Plans name their risks.\n    principle: A plan that names no risk has not looked for any.\n    docs: README.md#risks\n    headings: [Risks]\n';
  const files = { '.stratlint.yaml': 'extends: [stratlint:recommended, ./pack.yaml]\n', 'pack.yaml': pack, 'README.md': '# Risks\n', 'strategy.md': PLAN };

  it('keeps the file link for the editor', () => {
    const dir = workspace(files);
    const f = lintDocument(PLAN, { filePath: join(dir, 'strategy.md'), stopDir: dir }).findings.find((x) => x.ruleId === 'acme/risks')!;
    assert.equal(f.docsUrl, `file://${dir}/README.md#risks`);
  });

  for (const format of ['sarif', 'summary', 'junit', 'rdjson', 'codeclimate', 'html']) {
    it(`--format ${format} links built-in rules to the web and leaves the pack's file out`, async () => {
      const dir = tree(files);
      const r = await run(['strategy.md', '--format', format], dir);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /acme\/risks|Acme risks/); // the summary names principles by label
      assert.ok(r.stdout.includes(`${HOME}/`));
      // SARIF names the checkout as its source root (originalUriBaseIds): a location, not a link.
      const links = format === 'sarif' ? r.stdout.replace(/"uri": "file:\/\/[^"]*"/, '') : r.stdout;
      assert.doesNotMatch(links, /file:/);
    });
  }

  it('SARIF describes the pack rule without a helpUri', async () => {
    const r = await run(['strategy.md', '--format', 'sarif'], tree(files));
    const rules = (JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri?: string; help: { markdown: string } }[] } } }[] }).runs[0].tool.driver.rules;
    const acme = rules.find((x) => x.id === 'acme/risks')!;
    assert.equal(acme.helpUri, undefined);
    assert.equal(acme.help.markdown, 'A plan that names no risk has not looked for any.\n\nSource: ACME.');
    assert.equal(rules.find((x) => x.id === 'target-customers')!.helpUri, `${HOME}/target-customers/README.md`);
  });
});
