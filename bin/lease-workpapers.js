#!/usr/bin/env node
'use strict';
// Thin launcher: the command line is compiled from src/cli by `npm install` (the `prepare` script).
const { main } = require('../dist/src/cli/main.js');
// A reader that stops early (`--json - | head`) closes the pipe: the rest of the output has nowhere to go, which is
// not a failure of the run. Drop it quietly (the workbook and any files are still written) instead of a stack trace.
process.stdout.on('error', (err) => {
  if (!err || err.code !== 'EPIPE') throw err;
});
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`lease-workpapers: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 3;
  },
);
