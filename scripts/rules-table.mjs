// Writes the README's rule table from rules/<id>/rule.yaml (`--check` fails when it is stale).
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const readme = join(root, 'README.md');

export function rulesTable() {
  const rules = readdirSync(join(root, 'rules'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, 'rules', e.name, 'rule.yaml')))
    .map((e) => parse(readFileSync(join(root, 'rules', e.name, 'rule.yaml'), 'utf8')));
  const scope = (r) => (r.kind === 'require-section' || r.report === 'title' || r.scope === 'plan' ? 'plan' : 'span');
  const order = (r) => (scope(r) === 'plan' ? 0 : r.id === 'unknown-rule' ? 2 : 1);
  rules.sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id));
  const rows = rules.map((r) => `| [\`${r.id}\`](rules/${r.id}/README.md) | ${scope(r)} | ${r.severity} | ${r.description.trim()} | ${r.source} |`);
  return ['| Rule | Scope | Default | Checks that… | Source |', '|---|---|---|---|---|', ...rows].join('\n');
}

const text = readFileSync(readme, 'utf8');
const updated = text.replace(/(<!-- rules-table:start -->\n)[^]*?(<!-- rules-table:end -->)/, `$1${rulesTable()}\n$2`);
if (process.argv.includes('--check')) {
  if (updated !== text) {
    console.error('README.md rule table is out of date: run node scripts/rules-table.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(readme, updated);
}
