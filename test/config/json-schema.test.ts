import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { generatedSchemas } from '../../server/src/engine/config/json-schema';
import { builtinRulesDir } from '../../server/src/engine/index';

const SYNTAXES = join(__dirname, '../../syntaxes');
const schemas = generatedSchemas();
const ajv = new Ajv({ allErrors: true });
const validConfig = ajv.compile(schemas['stratlint-config.schema.json']);
const validPack = ajv.compile(schemas['stratlint-pack.schema.json']);

describe('the JSON Schemas editors use', () => {
  it('are the generated ones (the build writes them from the zod schemas)', () => {
    for (const [name, schema] of Object.entries(schemas)) {
      assert.deepEqual(JSON.parse(readFileSync(join(SYNTAXES, name), 'utf8')), schema, `${name} is stale: run node scripts/build.mjs`);
    }
  });

  it('accept the config of the contract, and name every built-in rule with its options', () => {
    const config = parse('$schema: ./node_modules/stratlint/syntaxes/stratlint-config.schema.json\nextends: [stratlint:recommended, ./strategy-rules/acme.yaml]\nfiles: ["strategy/**/*.md"]\nignore: ["archive/**"]\nrules:\n  buzzword-fluff: [info, { allow: [seamless] }]\n  right-to-win: error\n  time-horizon: [warning, { minYears: 3, maxYears: 5 }]\n  acme/risks: warning\n');
    assert.equal(validConfig(config), true, JSON.stringify(validConfig.errors));
    const rules = (schemas['stratlint-config.schema.json'].properties as { rules: { properties: Record<string, { description: string }> } }).rules.properties;
    assert.match(rules['time-horizon'].description, /^The plan states the period it covers.* Default: info\.$/);
    assert.match(rules['unused-suppression'].description, /Default: off \(opt-in\)\.$/);
  });

  it('reject what the loader rejects', () => {
    for (const bad of ['rules: { right-to-win: eror }', 'rule: {}', 'rules: { time-horizon: [warning, { minYear: 3 }] }', 'rules: { right-to-win: [error, { any: 1 }] }', 'files: strategy/**', 'root: "yes"']) {
      assert.equal(validConfig(parse(bad)), false, bad);
    }
  });

  it('accept the example pack and every built-in rule as pack data', () => {
    const example = parse(readFileSync(join(__dirname, '../../examples/packs/acme-planning.yaml'), 'utf8'));
    assert.equal(validPack(example), true, JSON.stringify(validPack.errors));
    const dir = builtinRulesDir();
    const builtins = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'rule.yaml')))
      .map((e) => parse(readFileSync(join(dir, e.name, 'rule.yaml'), 'utf8')));
    assert.equal(validPack({ rules: builtins }), true, JSON.stringify(validPack.errors));
    assert.equal(validPack({ rules: [{ id: 'acme/x', kind: 'avoid-phrase' }] }), false);
  });
});
