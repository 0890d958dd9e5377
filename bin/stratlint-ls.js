#!/usr/bin/env node
// The Stratlint language server: `stratlint-ls --stdio` (LSP over stdin/stdout).
if (!process.argv.slice(2).some((a) => /^--(stdio|node-ipc|socket=|pipe=)/.test(a))) process.argv.push('--stdio');
require('./code-cache')(require('node:path').join(__dirname, '../dist/server.js'));
