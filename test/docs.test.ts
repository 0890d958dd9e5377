import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { builtinRules } from '../server/src/engine/index';

const ROOT = join(__dirname, '..');

it('the README rule table lists every built-in rule as its data describes it', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/rules-table.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const rule of builtinRules().rules) assert.ok(readme.includes(`[\`${rule.meta.id}\`](rules/${rule.meta.id}/README.md)`), rule.meta.id);
});

it('the README shows the set-up commands and links every guide it names', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.match(readme.split('\n').slice(0, 30).join('\n'), /npm install[^\n]*\n\s*npm test/);
  for (const [, link] of readme.matchAll(/\]\(((?:docs|rules|examples)\/[^)#]+)\)/g)) {
    assert.doesNotThrow(() => readFileSync(join(ROOT, link)), `README links to missing ${link}`);
  }
});
