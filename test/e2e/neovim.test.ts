/**
 * Neovim (Debian's package) as a second, non-VS Code LSP client: it starts `stratlint-ls --stdio`,
 * receives the plan's diagnostics and code actions, and applies the template quick fix.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyEdits, lintDocument } from '../../server/src/engine/index';
import { copyWorkspace, ensureEditors, ROOT } from './support/setup';

type Line = { kind: string; [key: string]: unknown };

test('Neovim attaches the server over stdio and gets diagnostics and code actions', { timeout: 600000 }, () => {
  ensureEditors();
  const workspace = copyWorkspace();
  const out = join(workspace, 'nvim-result.jsonl');
  try {
    const plan = join(workspace, 'plans', 'growth-strategy.md');
    const before = readFileSync(plan, 'utf8');
    const r = spawnSync('nvim', ['--headless', '--clean', '-u', join(__dirname, 'neovim', 'init.lua'), plan], {
      cwd: workspace,
      env: { ...process.env, HOME: workspace, XDG_STATE_HOME: join(workspace, '.state'), XDG_DATA_HOME: join(workspace, '.data'), STRATLINT_LS: join(ROOT, 'bin', 'stratlint-ls.js'), STRATLINT_NVIM_OUT: out },
      encoding: 'utf8',
      timeout: 90000,
    });
    const lines: Line[] = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(r.status, 0, `nvim exited ${r.status}:\n${readFileSync(out, 'utf8')}\n${r.stderr}`);
    assert.match(String(lines[0].version), /^0\.\d+\.\d+$/);

    const expected = lintDocument(before, { filePath: plan, stopDir: workspace }).findings;
    const diagnostics = lines.filter((l) => l.kind === 'diagnostic');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.line, d.col, d.source]).sort(),
      expected.map((f) => [f.ruleId, f.range.start.line, f.range.start.character, 'stratlint']).sort(),
    );
    const titles = lines.filter((l) => l.kind === 'action').map((l) => l.title);
    assert.ok(titles.includes('Insert a "Customer outcomes" section'), JSON.stringify(titles));
    // on the title: the plan-level menu (issue 13), nothing per line
    assert.ok(titles.includes('Insert all missing sections'), JSON.stringify(titles));
    assert.ok(titles.includes('Disable customer-outcomes for this plan'));
    assert.ok(!titles.some((t) => / for this line$/.test(String(t))));
    assert.ok(titles.includes('Fix all auto-fixable Stratlint problems'));
    const fixed = lines.find((l) => l.kind === 'fixed');
    assert.ok(fixed, 'the customer-outcomes diagnostic went away after the fix');
    const fix = expected.find((f) => f.ruleId === 'customer-outcomes')!.fixes[0];
    const after = lintDocument(applyEdits(before, fix.edits), { filePath: plan, stopDir: workspace }).findings;
    assert.equal(fixed.count, after.length);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
});
