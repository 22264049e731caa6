#!/usr/bin/env node
'use strict';
// Thin launcher: the command line is compiled from src/cli by `npm install` (the `prepare` script).
const { main } = require('../dist/src/cli/main.js');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`lease-workpapers: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 3;
  },
);
