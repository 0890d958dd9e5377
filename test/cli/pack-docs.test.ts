import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run, tree } from './helpers';

const PACK = `rules:
  - id: house/jargon
    kind: avoid-phrase
    severity: warning
    description: Plain words instead of jargon.
    message: Say it plainly.
    docs: docs/jargon.md#why
    replace:
      leverage: use
`;
const FILES = { 'house.yaml': PACK, '.stratlint.yaml': 'root: true\nextends: [./house.yaml]\nrules:\n  house/jargon: error\n  right-to-win: off\n  target-customers: off\n', 'plan.md': '# Payroll plan\n\nWe leverage our engine.\n' };

describe("CLI: a pack rule's docs link in the reports", () => {
  it('JSON findings carry docsUrl', async () => {
    const dir = tree(FILES);
    const r = await run(['-f', 'json', 'plan.md'], dir);
    const [file] = JSON.parse(r.stdout) as { findings: { ruleId: string; docsUrl: string }[] }[];
    const url = `${pathToFileURL(join(dir, 'docs/jargon.md')).href}#why`;
    assert.deepEqual(file.findings.filter((f) => f.ruleId === 'house/jargon').map((f) => f.docsUrl), [url]);
  });

  it('stylish lists the pages of pack rules (not built-in ones, which the README lists) after the summary', async () => {
    const dir = tree(FILES);
    const r = await run(['--quiet', 'plan.md'], dir);
    const url = `${pathToFileURL(join(dir, 'docs/jargon.md')).href}#why`;
    const outcomes = r.stdout.split('\n')[2];
    assert.match(outcomes, /^ {2}1:3 {2}error {2}This plan never says what results .* {2}customer-outcomes$/);
    assert.equal(r.stdout, `\nplan.md\n${outcomes}\n  3:4  error  Say it plainly.  house/jargon\n\n✖ 2 problems (2 errors, 0 warnings, 0 infos)\n\nRule pages:\n  house/jargon: ${url}\n`);
  });
});
