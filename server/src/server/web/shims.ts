/**
 * The Node globals the engine and its dependencies touch, for the web bundles (esbuild `inject`):
 * `process.cwd()` is where relative paths start (there is no current folder: the root), and
 * setImmediate yields to pending messages as on Node.
 */
export const process = { cwd: () => '/' };

export function setImmediate(callback: () => void): ReturnType<typeof setTimeout> {
  return setTimeout(callback, 0);
}
