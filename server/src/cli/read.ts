import { FileAccessError, PLAN_MAX_BYTES, planTooLarge, readBoundedBytes } from '../engine/files/bounded-read';

export class ReadError extends Error {}

/** Reads a plan as UTF-8 text, refusing devices, FIFOs, files over PLAN_MAX_BYTES, binary and non-UTF-8 files with a clear reason. */
export function readText(path: string, shown: string): string {
  let bytes: Buffer;
  try {
    bytes = readBoundedBytes(path, PLAN_MAX_BYTES, shown);
  } catch (e) {
    if (e instanceof FileAccessError) throw new ReadError(`${shown}: cannot read file: ${e.reason}`);
    throw e;
  }
  if (bytes.includes(0)) throw new ReadError(`${shown}: not a text file (it contains NUL bytes)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ReadError(`${shown}: not a text file (it is not valid UTF-8)`);
  }
  const tooLarge = planTooLarge(text);
  if (tooLarge) throw new ReadError(`${shown}: cannot read file: ${tooLarge}`);
  return text;
}
