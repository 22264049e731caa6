#!/usr/bin/env node
/**
 * npm run validate: offline XSD validation of manifest.xml with the shared schema set
 * (../shared/schemas/office-manifest/validate.sh) when it exists; otherwise a well-formedness check with xmllint.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const manifest = path.join(root, process.argv[2] ?? 'manifest.xml');
const script = path.join(root, '..', 'shared', 'schemas', 'office-manifest', 'validate.sh');

if (fs.existsSync(script)) {
  const r = spawnSync('bash', [script, manifest], { stdio: 'inherit' });
  process.exit(r.status ?? 2);
}
console.warn(`note: ${path.relative(root, script)} not found; checking that the manifest is well-formed XML only`);
const r = spawnSync('xmllint', ['--noout', '--nonet', manifest], { stdio: 'inherit' });
if (r.error) {
  console.error('error: xmllint not found (Debian: apt-get install -y libxml2-utils)');
  process.exit(2);
}
process.exit(r.status ?? 2);
