import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli, describeOutcome, tempDir } from './limits';

const PLAN = '---\nstratlint: true\n---\n# Growth strategy\n\nWe serve clinics.\n';

/** A workspace with a plan, plus `setup` run in it. */
function repo(setup: (dir: string) => void): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'growth-plan.md'), PLAN);
  setup(dir);
  return dir;
}

describe('files that are not regular files, or too large', () => {
  it('a config named with --config that links to /dev/zero is refused at once, naming the link', async () => {
    const dir = repo((d) => symlinkSync('/dev/zero', join(d, 'team.yaml')));
    const o = await cli(['--config', 'team.yaml', 'growth-plan.md'], dir);
    assert.equal(o.code, 2, describeOutcome(o));
    assert.equal(o.stderr, `stratlint: ${join(dir, 'team.yaml')}:1:1: cannot read this config or pack file: it is a character device, not a regular file; Stratlint reads regular files only\n`);
  });

  it('a .stratlint.yaml linked to /dev/zero is outside the workspace: refused without reading it', async () => {
    const dir = repo((d) => symlinkSync('/dev/zero', join(d, '.stratlint.yaml')));
    const o = await cli(['growth-plan.md'], dir);
    assert.equal(o.code, 2, describeOutcome(o));
    assert.equal(o.stderr, `stratlint: ${join(dir, '.stratlint.yaml')}:1:1: is a link to a file outside the workspace (${dir}); Stratlint reads files outside the workspace only when you name them yourself (--config, or the editor setting stratlint.configPath)\n`);
  });

  it('a plan named on the command line that links to /dev/zero is refused', async () => {
    const dir = repo((d) => symlinkSync('/dev/zero', join(d, 'zero-plan.md')));
    const o = await cli(['zero-plan.md'], dir);
    assert.equal(o.code, 2, describeOutcome(o));
    assert.equal(o.stderr, 'stratlint: zero-plan.md: cannot read file: it is a character device, not a regular file; Stratlint reads regular files only\n');
  });

  it('a FIFO named .stratlint.yaml does not hang', async () => {
    const dir = repo((d) => execFileSync('mkfifo', [join(d, '.stratlint.yaml')]));
    const o = await cli(['growth-plan.md'], dir);
    assert.equal(o.code, 2, describeOutcome(o));
    assert.match(o.stderr, /\.stratlint\.yaml:1:1: cannot read this config or pack file: it is a FIFO \(named pipe\), not a regular file/);
  });

  it('a plan found in a folder that links to /dev/zero is refused', async () => {
    const dir = repo((d) => {
      mkdirSync(join(d, 'plans'));
      symlinkSync('/dev/zero', join(d, 'plans', 'evil.md'));
    });
    const o = await cli(['plans'], dir);
    assert.equal(o.code, 2, describeOutcome(o));
    assert.equal(o.stderr, 'stratlint: plans/evil.md: is a link to a file outside plans and its workspace; Stratlint does not read it (name it on the command line to lint it)\n');
  });

  it('a plan named on the command line that is a FIFO is refused', async () => {
    const dir = repo((d) => execFileSync('mkfifo', [join(d, 'pipe-plan.md')]));
    const o = await cli(['pipe-plan.md'], dir);
    assert.equal(o.code, 2, describeOutcome(o));
    assert.equal(o.stderr, 'stratlint: pipe-plan.md: cannot read file: it is a FIFO (named pipe), not a regular file; Stratlint reads regular files only\n');
  });

  it("an npm package named by extends whose package.json links to /dev/zero", async () => {
    const dir = repo((d) => {
      mkdirSync(join(d, 'node_modules', 'evil-pack'), { recursive: true });
      symlinkSync('/dev/zero', join(d, 'node_modules', 'evil-pack', 'package.json'));
      writeFileSync(join(d, '.stratlint.yaml'), 'extends: [evil-pack]\n');
    });
    const o = await cli(['growth-plan.md'], dir);
    assert.equal(o.code, 2, describeOutcome(o));
    assert.equal(o.stderr, `stratlint: ${join(dir, 'node_modules/evil-pack/package.json')}:1:1: is a link to a file outside the workspace (${dir}); Stratlint reads files outside the workspace only when you name them yourself (--config, or the editor setting stratlint.configPath)\n`);
  });

  it('a config over 1 MB and a plan over 10 MB are refused with their size', async () => {
    const dir = repo((d) => {
      writeFileSync(join(d, 'big.yaml'), `# ${'x'.repeat(1 << 20)}\n`);
      writeFileSync(join(d, 'huge-plan.md'), `# Plan\n\n${'word '.repeat(2_200_000)}\n`);
    });
    const config = await cli(['--config', 'big.yaml', 'growth-plan.md'], dir);
    assert.equal(config.code, 2, describeOutcome(config));
    assert.equal(config.stderr, `stratlint: ${join(dir, 'big.yaml')}:1:1: cannot read this config or pack file: too large (1 MB; the limit is 1 MB)\n`);
    const plan = await cli(['huge-plan.md'], dir);
    assert.equal(plan.code, 2, describeOutcome(plan));
    assert.equal(plan.stderr, 'stratlint: huge-plan.md: cannot read file: too large (10.5 MB; the limit is 10 MB)\n');
  });
});

describe('plans of more than 1,000,000 lines', () => {
  it('are refused before parsing, within the memory limit', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lines-plan.md'), `# Plan\n\n${'a\n'.repeat(999_999)}`);
    const o = await cli(['lines-plan.md'], dir, { timeoutMs: 20_000, maxRssMb: 500 });
    assert.equal(o.code, 2, describeOutcome(o));
    assert.equal(o.stderr, 'stratlint: lines-plan.md: cannot read file: too many lines (more than 1,000,000, the limit for plans)\n');
  });
});
