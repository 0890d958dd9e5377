// Node built-ins that modules in the web bundles import but never call there (the CLI's file
// readers, lint worker threads): calling one is a bug, said plainly rather than a silent no-op.
module.exports = new Proxy({}, {
  get: (_, name) => (name === '__esModule' ? false : () => {
    throw new Error(`stratlint (web): ${String(name)} of a Node built-in module is not available in a browser`);
  }),
});
