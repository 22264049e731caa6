#!/usr/bin/env node
/**
 * Serves the built add-in (dist-addin/) over HTTPS on https://localhost:3000 and prints how to sideload it.
 *   node scripts/serve.js [--build] [--port 3000] [--dir dist-addin]
 * --build runs the webpack production build first. The playground is at /playground.html.
 */
'use strict';
const fs = require('fs');
const https = require('https');
const path = require('path');
const { URL } = require('url');
const { httpsOptions } = require('./certs');
const { pageHeaders } = require('./hosting');

const ROOT = path.join(__dirname, '..');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The production build into `outDir`; `baseUrl` as `npm run build -- --env baseUrl=...` (default localhost). */
function build(outDir, { baseUrl } = {}) {
  const webpack = require('webpack');
  const env = baseUrl === undefined ? { outDir, baseUrl: 'https://localhost:3000' } : { outDir, baseUrl };
  const config = require(path.join(ROOT, 'webpack.config.js'))(env, { mode: 'production' });
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    });
  });
}

/** Starts the server; resolves to { url, port, close(), certificate }. */
async function startServer({ port = 3000, dir = path.join(ROOT, 'dist-addin'), host = 'localhost' } = {}) {
  const tls = await httpsOptions(ROOT);
  const root = path.resolve(dir);
  const server = https.createServer({ key: tls.key, cert: tls.cert, ...(tls.ca ? { ca: tls.ca } : {}) }, (req, res) => {
    const url = new URL(req.url || '/', 'https://localhost');
    let rel = decodeURIComponent(url.pathname);
    if (rel === '/') rel = '/index.html';
    const file = path.resolve(root, `.${rel}`);
    // Each page with its Content-Security-Policy; hashed scripts cached for a year, everything else revalidated.
    const send = (status, type, body, name = 'error.txt') => {
      res.writeHead(status, { 'Content-Type': type, ...pageHeaders(status === 200 ? name : 'error.txt') });
      res.end(body);
    };
    if (!file.startsWith(root + path.sep)) return send(403, TYPES['.txt'], 'Forbidden');
    if (rel === '/index.html' && !fs.existsSync(file)) {
      return send(200, TYPES['.html'], '<!doctype html><title>Lease Workpapers</title><ul><li><a href="playground.html">Playground</a></li><li><a href="taskpane.html">Task pane</a></li><li><a href="manifest.xml">manifest.xml</a></li><li><a href="help.html">Help</a></li></ul>', 'index.html');
    }
    fs.readFile(file, (err, body) => {
      if (err) return send(404, TYPES['.txt'], 'Not found');
      send(200, TYPES[path.extname(file)] || 'application/octet-stream', body, path.basename(file));
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actual = server.address().port;
  return {
    url: `https://localhost:${actual}`,
    port: actual,
    certificate: tls.source,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function instructions(url, dir, certificate) {
  const manifest = path.join(dir, 'manifest.xml');
  return `
Lease Workpapers is served at ${url}/taskpane.html  (certificate: ${certificate})
Playground (no Excel needed): ${url}/playground.html

Sideload into Excel on the web:
  1. In this browser, open ${url}/taskpane.html once; if it warns about the certificate, continue to the page.
  2. Open a workbook at https://www.office.com (Excel).
  3. Home > Add-ins > More Add-ins (or Insert > Office Add-ins) > MY ADD-INS > Upload My Add-in.
  4. Browse to ${manifest} and select Upload.
  5. Select Lease Workpapers at the right of the Home tab.

Sideload into Excel on Windows (desktop):
  1. Trust the certificate once: npx office-addin-dev-certs install   (run in this folder; accept the prompt)
  2. Share the folder that holds manifest.xml (${dir}) on the network, e.g. \\\\YOURPC\\lease-addin
  3. Excel > File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs:
     add \\\\YOURPC\\lease-addin as Catalog Url, tick Show in Menu, OK; restart Excel.
  4. Home > Add-ins > More Add-ins > SHARED FOLDER > Lease Workpapers > Add.
  (Or let Office do it: npx office-addin-debugging start ${manifest} desktop)

Sideload into Excel on Mac:
  1. Trust the certificate once: npx office-addin-dev-certs install
  2. Copy ${manifest} to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/  (create wef if missing)
  3. Restart Excel, open a workbook: Home > Add-ins > Lease Workpapers (under Developer Add-ins).

Press Ctrl+C to stop.`;
}

async function main() {
  const args = process.argv.slice(2);
  const value = (flag, fallback) => {
    const i = args.indexOf(flag);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const dir = path.resolve(ROOT, value('--dir', 'dist-addin'));
  const port = Number(value('--port', process.env.PORT || '3000'));
  if (args.includes('--build') || !fs.existsSync(path.join(dir, 'taskpane.html'))) {
    console.log(`Building the add-in into ${path.relative(ROOT, dir)}/ ...`);
    await build(dir);
  }
  const server = await startServer({ port, dir });
  console.log(instructions(server.url, dir, server.certificate));
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

module.exports = { startServer, build, instructions };

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
