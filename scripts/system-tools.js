#!/usr/bin/env node
/**
 * The system tools the test suite drives for real, found on the PATH or installed.
 *
 *   node scripts/system-tools.js            # report what is missing (exit 1 with the install command)
 *   node scripts/system-tools.js --install  # install what is missing with apt-get (as root), then check again
 *
 * `npm test` calls `ensureSystemTools()` before any test runs (jest globalSetup): as root on a Debian-like machine it
 * installs what is missing itself; elsewhere it stops with the exact command to run. No test skips for want of a tool.
 */
'use strict';
const { spawnSync } = require('child_process');

/** What the tests need: how each is found, and the Debian package that brings it. */
const TOOLS = [
  { name: 'LibreOffice Calc', found: () => has('soffice') && hasLibreOfficeModule('scalc'), pkg: 'libreoffice-calc-nogui' },
  { name: 'LibreOffice Writer', found: () => has('soffice') && hasLibreOfficeModule('swriter'), pkg: 'libreoffice-writer-nogui' },
  { name: 'Chromium', found: () => has('chromium'), pkg: 'chromium' },
  { name: 'xmllint', found: () => has('xmllint'), pkg: 'libxml2-utils' },
  { name: 'pdftoppm', found: () => has('pdftoppm'), pkg: 'poppler-utils' },
  { name: 'DejaVu fonts', found: () => /dejavu/i.test(run('fc-list', []).stdout), pkg: 'fonts-dejavu-core' },
];

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  return { status: r.error ? null : r.status, stdout: r.stdout || '', stderr: r.stderr || '' };
}

function has(command) {
  return run('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** LibreOffice's applications are separate packages: Calc and Writer each register a module under its program folder. */
function hasLibreOfficeModule(module) {
  const dir = run('sh', ['-c', 'dirname "$(readlink -f "$(command -v soffice)")"']).stdout.trim();
  if (!dir) return false;
  const registry = run('sh', ['-c', `ls "${dir}/../share/registry" 2>/dev/null`]).stdout;
  const name = module === 'scalc' ? 'calc' : 'writer';
  return new RegExp(`^${name}\\.xcd$`, 'm').test(registry);
}

function missingTools() {
  return TOOLS.filter((tool) => !tool.found());
}

function installCommand(missing) {
  return `apt-get update && apt-get install -y --no-install-recommends ${missing.map((t) => t.pkg).join(' ')}`;
}

function canInstall() {
  return typeof process.getuid === 'function' && process.getuid() === 0 && has('apt-get');
}

/**
 * Makes sure every tool is present. Installs the missing ones when it can (root with apt-get); otherwise throws an
 * Error whose message names each missing tool and the exact command that installs them.
 */
function ensureSystemTools({ install = canInstall(), log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  let missing = missingTools();
  if (missing.length === 0) return;
  if (install) {
    log(`Installing the test suite's system tools: ${missing.map((t) => t.pkg).join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = run('apt-get', ['update', '-qq'], { env });
    const add = run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing.map((t) => t.pkg)], { env });
    missing = missingTools();
    if (missing.length === 0) return;
    log(update.stderr + add.stderr);
  }
  const sudo = canInstall() ? '' : 'sudo ';
  throw new Error(
    `The tests need ${missing.map((t) => t.name).join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed.\n` +
      `Install with:\n  ${sudo}${installCommand(missing).replace('&& apt-get', `&& ${sudo}apt-get`)}`,
  );
}

module.exports = { ensureSystemTools, missingTools, TOOLS };

if (require.main === module) {
  try {
    ensureSystemTools({ install: process.argv.includes('--install') });
    console.log('All system tools the tests need are installed.');
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
