import { CONFIG_MAX_BYTES, FileAccessError } from '../files/bounded-read';
import { isReallyInside } from '../files/boundary';
import { fileHost } from '../files/host';
import { SourceFile, UnreadFileError } from './errors';

/** A config, pack or package.json file, parsed with positions; throws UnreadFileError when it cannot be read safely. */
export function readDataFile(file: string): SourceFile {
  let text: string;
  try {
    text = fileHost().readText(file, CONFIG_MAX_BYTES);
  } catch (e) {
    if (e instanceof FileAccessError) throw new UnreadFileError(file, `cannot read this config or pack file: ${e.reason}`);
    throw e;
  }
  return new SourceFile(file, text);
}

/**
 * Refuses a file found or named inside the workspace whose real path (links resolved) is outside
 * it. The error names the link, never what it points at or holds.
 */
export function refuseOutside(file: string, boundary: string | undefined): void {
  if (boundary && !isReallyInside(file, boundary)) {
    throw new UnreadFileError(file, `is a link to a file outside the workspace (${boundary}); Stratlint reads files outside the workspace only when you name them yourself (--config, or the editor setting stratlint.configPath)`);
  }
}
