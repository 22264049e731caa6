#!/usr/bin/env node
'use strict';
// Thin launcher: the command line is compiled from src/cli by `npm install` (the `prepare` script).
// main() reports every failure itself as a plain message with exit 0, 1 or 2; the guards below only make sure that
// nothing, not even a defect that escapes it, ever prints a stack trace or ends with another code.
const INTERNAL =
  'Workbook: lease-workpapers stopped on an internal error; nothing was written. ' +
  'This is a defect of the program, not of your input: please report it with the workbook.\n';
let settled = false;
function internalError() {
  if (settled) return;
  settled = true;
  process.stderr.write(INTERNAL);
  process.exitCode = 1;
}
process.on('uncaughtException', () => {
  internalError();
  process.exit(1);
});
process.on('unhandledRejection', () => {
  internalError();
  process.exit(1);
});
// A run that ends without settling (a stream that never finished) must not look like success.
process.on('beforeExit', () => {
  if (!settled) internalError();
});
let main;
try {
  ({ main } = require('../dist/src/cli/main.js'));
} catch {
  process.stderr.write('lease-workpapers: the command line is not compiled; run "npm install" (or "npm run build:node") first\n');
  process.exit(2);
}
main(process.argv.slice(2)).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  () => internalError(),
);
