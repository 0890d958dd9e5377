import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { FORMATTERS } from '../../server/src/cli/formatters/index';
import { CONTEXT, RESULTS } from './format-input';
import { ROOT, run } from './helpers';

/**
 * The SARIF 2.1.0 schema as Microsoft's SARIF SDK publishes it on npm
 * (@microsoft/sarif-multitool-ts ships it as assets/sarif-2.1.0.schema.json, JSON Schema 2020-12).
 */
const schemaPath = join(dirname(require.resolve('@microsoft/sarif-multitool-ts')), '..', 'assets', 'sarif-2.1.0.schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as { title: string };
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, `SARIF does not match the schema:\n${JSON.stringify(validate.errors?.slice(0, 5), null, 2)}`);
}

describe('SARIF output validates against the SARIF 2.1.0 JSON schema', () => {
  it('uses the published schema', () => {
    assert.match(schema.title, /SARIF\) Version 2\.1\.0/);
  });

  it('the golden input: rules, fixes, fingerprints, baseline states, escaped URIs', () => {
    assertValid(JSON.parse(FORMATTERS.sarif(RESULTS, CONTEXT)));
  });

  it('a real run over the bundled examples with the built-in rules', async () => {
    const r = await run(['--no-config', '-f', 'sarif', 'examples'], ROOT);
    const log = JSON.parse(r.stdout) as { runs: { results: unknown[]; tool: { driver: { rules: unknown[] } } }[] };
    assert.ok(log.runs[0].results.length > 0 && log.runs[0].tool.driver.rules.length > 0);
    assertValid(log);
  });

  it('an empty run', () => {
    assertValid(JSON.parse(FORMATTERS.sarif([], CONTEXT)));
  });

  it('and the validator does reject what the schema forbids', () => {
    const log = JSON.parse(FORMATTERS.sarif(RESULTS, CONTEXT)) as { runs: { results: { level: string }[] }[] };
    log.runs[0].results[0].level = 'fatal';
    assert.equal(validate(log), false);
  });
});
