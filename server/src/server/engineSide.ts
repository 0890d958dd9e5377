/**
 * The language server's parts that need the engine. `engineSide()` loads them when a handler
 * first needs one: esbuild evaluates a module that is `require`d, and everything it imports, at
 * that call, so the engine (zod, micromark, re2js, the rule catalog: most of the bundle's start-up)
 * is evaluated after `initialize` is answered, not before.
 */
import type * as Parts from './engineParts';

let parts: typeof Parts | undefined;

export function engineSide(): typeof Parts {
  return (parts ??= require('./engineParts') as typeof Parts);
}
