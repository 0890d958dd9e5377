/**
 * Reading files a repository controls. A path may be a link to /dev/zero, a FIFO that never
 * ends, or a file of gigabytes: every read opens without blocking, checks what it opened is a
 * regular file under a size limit, and reads no more than that limit.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** Config files, packs and package.json files. */
export const CONFIG_MAX_BYTES = 1 << 20;
/** Plans (documented in docs/configure.md): larger files are refused, not linted. */
export const PLAN_MAX_BYTES = 10 << 20;
/**
 * Plans with more lines are refused too. The parser reads bounded pieces (plan/pieces.ts), so
 * memory grows with the plan model, about 250 bytes a line: a million short lines or a million
 * headings lint in under 500 MB (test/hostile/work.test.ts, at full size under `npm run fuzz`).
 */
export const PLAN_MAX_LINES = 1_000_000;

/** Why a plan's text is too large to lint (over PLAN_MAX_LINES lines), if it is. */
export function planTooLarge(text: string): string | undefined {
  if (text.length <= PLAN_MAX_LINES) return undefined;
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines <= PLAN_MAX_LINES; i = text.indexOf('\n', i + 1)) lines++;
  return lines > PLAN_MAX_LINES ? `too many lines (more than ${PLAN_MAX_LINES.toLocaleString('en-US')}, the limit for plans)` : undefined;
}

export class FileAccessError extends Error {
  constructor(
    readonly path: string,
    /** Why, without any of the file's content. */
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'FileAccessError';
  }
}

const CODES: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ELOOP: 'too many levels of symbolic links',
  ENXIO: 'it is a socket or device, not a regular file',
};

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1 << 20)) * 10) / 10} MB`;
}

/** The bytes of a regular file of at most `maxBytes`; throws FileAccessError naming `shown` otherwise. */
export function readBoundedBytes(path: string, maxBytes: number, shown = path): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it has no effect on regular files.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new FileAccessError(shown, CODES[code] ?? (code || (e as Error).message));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new FileAccessError(shown, 'it is a folder, not a file');
    if (!stat.isFile()) throw new FileAccessError(shown, `it is ${kindOf(stat)}, not a regular file; Stratlint reads regular files only`);
    if (stat.size > maxBytes) throw new FileAccessError(shown, `too large (${megabytes(stat.size)}; the limit is ${megabytes(maxBytes)})`);
    // The size can change while reading (or be 0, as in /proc): read until the end, at most one byte past the limit.
    const parts: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(maxBytes + 1 - total, Math.max(stat.size - total, 0) + 65_536));
      const got = readSync(fd, buf, 0, buf.length, null);
      if (got === 0) break;
      parts.push(buf.subarray(0, got));
      total += got;
      if (total > maxBytes) throw new FileAccessError(shown, `too large (over the limit of ${megabytes(maxBytes)})`);
    }
    return Buffer.concat(parts, total);
  } catch (e) {
    if (e instanceof FileAccessError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new FileAccessError(shown, CODES[code] ?? (code || (e as Error).message));
  } finally {
    closeSync(fd);
  }
}

/** A regular file of at most `maxBytes` as UTF-8 text. */
export function readBoundedText(path: string, maxBytes: number, shown = path): string {
  return readBoundedBytes(path, maxBytes, shown).toString('utf8');
}
