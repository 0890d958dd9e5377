// Runs every test file under test/ with node's test runner (TypeScript through tsx), and fails the
// run when any of it read a path outside the repository, ../shared, the real-editor cache and the
// run's own temporary folder (see test/support/fs-audit.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = realpathSync(new URL('..', import.meta.url));
const only = process.argv.slice(2);
function collect(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' || e.name === 'node_modules' ? [] : collect(p);
    return e.name.endsWith('.test.ts') ? [relative(root, p)] : [];
  });
}
const files = collect(join(root, 'test')).filter((f) => only.length === 0 || only.some((o) => f.includes(o))).sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

// A temporary folder of the run's own, so that scratch files the tests make are told apart from
// whatever else is in /tmp; removed afterwards.
const tmp = mkdtempSync(join(tmpdir(), 'stratlint-test-'));
const audit = join(tmp, 'fs-audit.log');
const e2eCache = process.env.STRATLINT_E2E_CACHE || join(homedir(), '.cache', 'stratlint-e2e');
// What the system says about itself, read by Playwright and the VS Code server (platform, login
// shells, cgroup limits): every machine has it, and it is no test's data.
const system = ['/proc', '/sys', '/dev', '/etc/os-release', '/etc/shells'];
const allowed = [root, join(root, '..', 'shared'), e2eCache, tmp].flatMap((p) => (existsSync(p) ? [p, realpathSync(p)] : [p])).concat(system);
const env = {
  ...process.env,
  TMPDIR: tmp,
  STRATLINT_FS_AUDIT: audit,
  STRATLINT_FS_AUDIT_ALLOW: allowed.join(delimiter),
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(join(root, 'test', 'support', 'fs-audit.mjs'))}`.trim(),
};
// The real-editor tests, and others that drive a browser, run one at a time after the rest, so
// that two of them never compete for the two cores (a loaded machine drops keys and clicks).
const drivesABrowser = (f) => /playwright-core|support\/(?:setup|workbench)['"]/.test(readFileSync(join(root, f), 'utf8'));
const editors = files.filter((f) => f.startsWith(join('test', 'e2e')) || drivesABrowser(f));
const rest = files.filter((f) => !editors.includes(f));
const statuses = [
  [rest, 2],
  [editors, 1],
].flatMap(([batch, concurrency]) =>
  batch.length === 0 ? [] : [spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...batch], { cwd: root, stdio: 'inherit', env }).status ?? 1],
);

const reads = new Map();
for (const line of existsSync(audit) ? readFileSync(audit, 'utf8').split('\n').filter(Boolean) : []) {
  const [path, by] = line.split('\t');
  if (!reads.has(path)) reads.set(path, by);
}
rmSync(tmp, { recursive: true, force: true });
if (reads.size > 0) {
  console.error(`\nThe tests read ${reads.size} path(s) outside the repository, ../shared and the real-editor cache (${e2eCache}):`);
  for (const [path, by] of reads) console.error(`  ${path}\n      by ${by}`);
  process.exit(1);
}
process.exit(statuses.find((status) => status !== 0) ?? 0);
