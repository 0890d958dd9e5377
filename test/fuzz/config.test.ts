import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { ConfigError, lintDocument, resolveConfig } from '../../server/src/engine/index';
import { workspace, writeFiles } from '../config/workspace';
import { assertRangesInside, fuzz } from './support';

const PACK = parse(readFileSync(join(__dirname, '../../examples/packs/acme-planning.yaml'), 'utf8')) as unknown;
const CONFIG = { extends: ['stratlint:recommended', './pack.yaml'], rules: { 'time-horizon': ['warning', { minYears: 2 }], ecosystem: 'off' }, files: ['**/*.md'] };
const PLAN = '# Acme customer strategy 2026–2028\n\n## Target customers\n\nWe will try to serve mid-size accounting firms.\n';

/** Values a slip or a hostile file could hold at any key. */
const value = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1e309, '', 'off', 'error', '(', '(?=x)', '\\1', '{customer', '{nope}', '*', '../../..', 'stratlint:nope', [], {}, ['x'], { x: 1 }),
  fc.string({ maxLength: 10 }),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Paths to every node of a JSON-like value. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) out.push(...paths(c, [...at, Array.isArray(v) ? Number(k) : k]));
  return out;
}

/** The value with random nodes replaced or deleted. */
function mutate(base: unknown, edits: { pick: number; value: unknown; remove: boolean }[]): unknown {
  let doc = structuredClone(base);
  for (const e of edits) {
    const all = paths(doc);
    const path = all[e.pick % all.length];
    if (path.length === 0) {
      doc = e.value;
      continue;
    }
    let parent = doc as Record<string | number, unknown>;
    for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
    const key = path[path.length - 1];
    if (e.remove && Array.isArray(parent)) parent.splice(key as number, 1);
    else if (e.remove) delete parent[key];
    else parent[key] = e.value;
  }
  return doc;
}

const edits = fc.array(fc.record({ pick: fc.nat(), value, remove: fc.boolean() }), { minLength: 1, maxLength: 4 });

const outcomes = { valid: 0, errors: 0 };

/** Either a usable config (and a lint that works) or a ConfigError: never another exception. */
function configOrError(files: Record<string, string>): void {
  const root = join(base, String(outcomes.valid + outcomes.errors)); // fresh files: no config cache hit
  writeFiles(root, files);
  try {
    const r = lintDocument(PLAN, { filePath: join(root, 'plan.md'), stopDir: root });
    assertRangesInside(PLAN, r.findings);
    assert.deepEqual(r.ruleErrors.map((e) => `${e.ruleId}: ${e.error.message}`), []);
    outcomes.valid++;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    assert.ok(e.message.length > 0);
    outcomes.errors++;
  }
}

const base = workspace({});

describe('fuzz: random configs and packs give a config error, never a crash', () => {
  it('the unmodified example config and pack are valid', () => {
    const root = join(base, 'valid');
    writeFiles(root, { '.stratlint.yaml': stringify(CONFIG), 'pack.yaml': stringify(PACK) });
    assert.ok(resolveConfig({ filePath: join(root, 'plan.md'), stopDir: root }).settings.some((s) => s.rule.meta.id === 'acme/hedged-commitment'));
  });

  it('a config with random values at random keys', () => {
    fuzz(
      fc.property(edits, (e) => {
        configOrError({ '.stratlint.yaml': stringify(mutate(CONFIG, e)), 'pack.yaml': stringify(PACK) });
      }),
      60,
    );
  });

  it('a rule pack with random values at random keys', () => {
    fuzz(
      fc.property(edits, (e) => {
        configOrError({ '.stratlint.yaml': stringify(CONFIG), 'pack.yaml': stringify(mutate(PACK, e)) });
      }),
      60,
    );
  });

  it('config files that are not YAML at all', () => {
    fuzz(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('.stratlint.yaml', '.stratlint.json', 'pack.yaml'), (text, name) => {
        configOrError({ '.stratlint.yaml': stringify(CONFIG), 'pack.yaml': stringify(PACK), [name]: text });
      }),
      60,
    );
  });

  it('both outcomes happened: the mutations are not all harmless, nor all fatal', () => {
    assert.ok(outcomes.valid > 10 && outcomes.errors > 10, JSON.stringify(outcomes));
  });

  it('plan front matter with random stratlint settings', () => {
    const settings = fc.record({ rules: fc.dictionary(fc.constantFrom('ownership', 'time-horizon', 'nope', '*'), value), extends: value }, { requiredKeys: [] });
    fuzz(
      fc.property(settings, value, (s, stratlint) => {
        const text = `---\n${stringify({ stratlint: s, period: stratlint })}---\n${PLAN}`;
        try {
          assertRangesInside(text, lintDocument(text, { noConfig: true, forcePlan: true }).findings);
        } catch (e) {
          if (!(e instanceof ConfigError)) throw e;
        }
      }),
      60,
    );
  });
});
