import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './files';

/**
 * The files a branch changed since a git ref (`--changed-since origin/main`): what differs
 * between the merge base of the ref and HEAD and the working tree (committed, staged or not),
 * plus untracked files. Deleted files are left out; renamed ones remember their old path so
 * the plan can be compared with its earlier self.
 */
export class GitChanges {
  private constructor(
    readonly ref: string,
    /** The commit compared with: the merge base of the ref and HEAD, or the ref itself. */
    readonly base: string,
    private readonly root: string,
    /** Changed files by real absolute path → their path at the base, relative to the root (undefined when added). */
    private readonly files: Map<string, string | undefined>,
  ) {}

  static since(ref: string, cwd: string): GitChanges {
    const root = real(git(['rev-parse', '--show-toplevel'], cwd, () => `--changed-since needs a git repository, and ${cwd} is not in one`).trim());
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root, () => `--changed-since: '${ref}' is not a commit git knows (fetch it first?)`);
    let base: string;
    try {
      base = run(['merge-base', ref, 'HEAD'], root).trim();
    } catch {
      base = run(['rev-parse', `${ref}^{commit}`], root).trim();
    }
    const files = new Map<string, string | undefined>();
    const fields = run(['diff', '--name-status', '-z', '-M', '--diff-filter=ACMR', base, '--'], root).split('\0');
    for (let i = 0; i + 1 < fields.length; ) {
      const status = fields[i];
      if (status.startsWith('R')) {
        files.set(resolve(root, fields[i + 2]), fields[i + 1]);
        i += 3;
      } else {
        files.set(resolve(root, fields[i + 1]), status === 'A' ? undefined : fields[i + 1]);
        i += 2;
      }
    }
    for (const f of run(['ls-files', '--others', '--exclude-standard', '-z'], root).split('\0')) {
      if (f) files.set(resolve(root, f), undefined);
    }
    return new GitChanges(ref, base, root, files);
  }

  has(path: string): boolean {
    return this.files.has(real(path));
  }

  /** The file's text at the base, or undefined when it did not exist there. */
  textAtBase(path: string): string | undefined {
    const old = this.files.get(real(path));
    if (old === undefined) return undefined;
    return run(['show', `${this.base}:${old}`], this.root);
  }
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function run(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/** Runs git, turning a failure into a usage error (exit 2) with a message that says what to do. */
function git(args: string[], cwd: string, explain: () => string): string {
  try {
    return run(args, cwd);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError('--changed-since needs git, and git is not installed');
    throw new UsageError(explain());
  }
}
