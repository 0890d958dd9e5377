import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli, describeOutcome, tempDir } from './limits';

const SECRET = 'sk-live-SECRET-1234567890';
const PLAN = '---\nstratlint: true\n---\n# Growth strategy\n\nWe serve clinics.\n';

/** A secret outside the workspace, shaped to fail config validation (so an error would quote it). */
function secretOutside(): string {
  const outside = tempDir('stratlint-secret-');
  writeFileSync(join(outside, 'secret.yaml'), `rules:\n  right-to-win: ${SECRET}\n`);
  writeFileSync(join(outside, 'package.json'), `{ "name": "${SECRET}", "stratlint": 5 }\n`);
  writeFileSync(join(outside, 'secret-plan.md'), `---\nstratlint: { rules: { right-to-win: ${SECRET} } }\n---\n# Plan\n`);
  return outside;
}

function workspaceWith(setup: (dir: string, outside: string) => void): string {
  const outside = secretOutside();
  const dir = tempDir();
  writeFileSync(join(dir, 'growth-plan.md'), PLAN);
  setup(dir, outside);
  return dir;
}

const REFUSED = (dir: string, link: string) =>
  `stratlint: ${join(dir, link)}:1:1: is a link to a file outside the workspace (${dir}); Stratlint reads files outside the workspace only when you name them yourself (--config, or the editor setting stratlint.configPath)\n`;

describe('links out of the workspace: refused on real paths, the secret never shown', () => {
  it('a .stratlint.yaml that links outside', async () => {
    const dir = workspaceWith((d, out) => symlinkSync(join(out, 'secret.yaml'), join(d, '.stratlint.yaml')));
    const o = await cli(['growth-plan.md', '--format', 'json'], dir);
    assert.equal(o.code, 2, describeOutcome(o));
    assert.equal(o.stderr, REFUSED(dir, '.stratlint.yaml'));
    assert.ok(!o.stdout.includes(SECRET));
  });

  it('an extends target that links outside', async () => {
    const dir = workspaceWith((d, out) => {
      symlinkSync(join(out, 'secret.yaml'), join(d, 'team.yaml'));
      writeFileSync(join(d, '.stratlint.yaml'), 'extends: [./team.yaml]\n');
    });
    const o = await cli(['growth-plan.md'], dir);
    assert.equal(o.code, 2, describeOutcome(o));
    assert.equal(o.stderr, REFUSED(dir, 'team.yaml'));
  });

  it('a node_modules package folder that links outside', async () => {
    const dir = workspaceWith((d, out) => {
      mkdirSync(join(d, 'node_modules'));
      symlinkSync(out, join(d, 'node_modules', 'team-pack'));
      writeFileSync(join(d, '.stratlint.yaml'), 'extends: [team-pack]\n');
    });
    const o = await cli(['growth-plan.md'], dir);
    assert.equal(o.code, 2, describeOutcome(o));
    assert.equal(o.stderr, REFUSED(dir, 'node_modules/team-pack'));
  });

  it('a plan found in a folder that links outside', async () => {
    const dir = workspaceWith((d, out) => {
      mkdirSync(join(d, 'plans'));
      symlinkSync(join(out, 'secret-plan.md'), join(d, 'plans', 'linked-plan.md'));
    });
    const o = await cli(['plans'], dir);
    assert.equal(o.code, 2, describeOutcome(o));
    assert.equal(o.stderr, 'stratlint: plans/linked-plan.md: is a link to a file outside plans and its workspace; Stratlint does not read it (name it on the command line to lint it)\n');
  });

  it('the same file named by the user with --config is read (its errors may quote it)', async () => {
    const dir = workspaceWith(() => {});
    const named = join(secretOutside(), 'secret.yaml');
    const o = await cli(['--config', named, 'growth-plan.md'], dir);
    assert.equal(o.code, 2, describeOutcome(o));
    assert.equal(o.stderr, `stratlint: ${named}:2:17: rules.right-to-win: expected one of off|info|warning|error, got '${SECRET}'\n`);
  });

  it('no output of any case contains the secret', async () => {
    const dir = workspaceWith((d, out) => {
      symlinkSync(join(out, 'secret.yaml'), join(d, 'a.yaml'));
      writeFileSync(join(d, '.stratlint.yaml'), 'extends: [./a.yaml]\n');
    });
    for (const format of ['stylish', 'json', 'sarif', 'html']) {
      const o = await cli(['growth-plan.md', '--format', format], dir);
      assert.equal(o.code, 2, describeOutcome(o));
      assert.ok(!`${o.stdout}${o.stderr}`.includes('SECRET'), format);
    }
  });
});
