/** `node:url` for the web bundles: file URLs of pack files (their rules' default docs links). */
export function pathToFileURL(path: string): URL {
  return new URL(`file://${path.split('/').map(encodeURIComponent).join('/')}`);
}
