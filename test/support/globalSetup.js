'use strict';
// Runs once before the test suite: the LibreOffice, Chromium, xmllint and pdftoppm tests need their tools, so they
// are installed (as root with apt-get) or the run stops with the exact install command. No test skips silently.
const { ensureSystemTools } = require('../../scripts/system-tools');

module.exports = async function globalSetup() {
  ensureSystemTools();
};
