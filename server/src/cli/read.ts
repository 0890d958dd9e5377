import { readFileSync } from 'node:fs';

export class ReadError extends Error {}

/** Reads a plan as UTF-8 text, refusing binary and non-UTF-8 files with a clear reason. */
export function readText(path: string, shown: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new ReadError(`${shown}: cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (bytes.includes(0)) throw new ReadError(`${shown}: not a text file (it contains NUL bytes)`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ReadError(`${shown}: not a text file (it is not valid UTF-8)`);
  }
}
