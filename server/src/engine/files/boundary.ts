/**
 * The workspace boundary on real paths: a link inside the repository must not make Stratlint read
 * a file outside it. Files that do not exist resolve as written (reading them fails on its own).
 */
import { isAbsolute, relative } from 'node:path';
import { fileHost } from './host';

/** Whether `file` is `dir` or inside it, as written. */
export function isInside(file: string, dir: string): boolean {
  const rel = relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export function realPath(path: string): string {
  return fileHost().realPath(path);
}

/** Whether `file`, links resolved, is inside `dir` (links resolved too). */
export function isReallyInside(file: string, dir: string): boolean {
  return isInside(realPath(file), realPath(dir));
}
