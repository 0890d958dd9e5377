#!/usr/bin/env node
require('./code-cache')(require('node:path').join(__dirname, '../dist/cli.js')).run();
