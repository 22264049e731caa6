#!/usr/bin/env node
'use strict';
// Regenerates examples/sample-portfolio.xlsx and examples/bad-input.xlsx from src/cli/samplePortfolio.ts.
// Run from a fresh clone after `npm install` (which compiles dist/ via the `prepare` script), or after
// `npm run build:node`:   node examples/make-sample-portfolio.js
const path = require('path');

let sample, writer;
try {
  sample = require('../dist/src/cli/samplePortfolio.js');
  writer = require('../dist/src/xlsx/writePlan.js');
} catch (e) {
  process.stderr.write(`Build first: npm run build:node (${e.message})\n`);
  process.exit(2);
}

async function run() {
  const out = (name) => path.join(__dirname, name);
  await writer.writePlan(null, sample.samplePortfolioPlan(), out('sample-portfolio.xlsx'));
  await writer.writePlan(null, sample.badInputPlan(), out('bad-input.xlsx'));
  process.stdout.write('Wrote examples/sample-portfolio.xlsx and examples/bad-input.xlsx\n');
}

run().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
