import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../server/src/cli/main';

export const ROOT = join(__dirname, '../..');

/** A temporary folder holding the given files. */
export function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'stratlint-ci-'));
  write(dir, files);
  return dir;
}

export function write(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
}

/** Runs the CLI in-process, capturing what it prints. */
export async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) => new Writable({ write: (chunk, _e, cb) => (add(String(chunk)), cb()) });
  const code = await main(args, { cwd, stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)) });
  return { code, stdout, stderr };
}

/** Runs git in `cwd` with a fixed identity and no user or system config. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    },
  });
}

/** A git repository with the files committed on branch main. */
export function repo(files: Record<string, string>): string {
  const dir = tree(files);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'start');
  return dir;
}

/** The findings of a JSON report, as `file ruleId "words"` lines for readable assertions. */
export function jsonFindings(stdout: string, texts: Record<string, string>): string[] {
  const report = JSON.parse(stdout) as { file: string; findings: { ruleId: string; line: number; column: number; endColumn: number }[] }[];
  return report.flatMap((r) =>
    r.findings.map((f) => {
      const line = texts[r.file]?.split('\n')[f.line - 1] ?? '';
      return `${r.file} ${f.ruleId} "${line.slice(f.column - 1, f.endColumn - 1)}"`;
    }),
  );
}
