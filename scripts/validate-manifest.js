#!/usr/bin/env node
/**
 * npm run validate [manifest]: offline XSD validation of an add-in manifest against the Office manifest schemas
 * vendored in schemas/office-manifest/ (their source and licence are in that folder's README).
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const manifest = path.resolve(root, process.argv[2] ?? 'manifest.xml');
const script = path.join(root, 'schemas', 'office-manifest', 'validate.sh');

if (!fs.existsSync(manifest)) {
  console.error(`error: no manifest at ${path.relative(process.cwd(), manifest) || manifest}`);
  process.exit(2);
}
const r = spawnSync('bash', [script, manifest], { stdio: 'inherit' });
process.exit(r.status ?? 2);
