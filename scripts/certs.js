/**
 * HTTPS certificate for https://localhost:3000: the files office-addin-dev-certs generates in
 * ~/.office-addin-dev-certs (localhost.crt, localhost.key, ca.crt), read directly. If they are missing or expired,
 * they are generated with office-addin-dev-certs' own generator (without installing/trusting them: that needs an
 * administrator; run `npx office-addin-dev-certs install` once on a Windows or Mac machine to trust them).
 * Only if generation fails does this fall back to a self-signed certificate made with openssl in .certs/.
 */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

function devCertPaths() {
  const dir = process.env.LEASE_WORKPAPERS_CERT_DIR || path.join(os.homedir(), '.office-addin-dev-certs');
  return { dir, ca: path.join(dir, 'ca.crt'), cert: path.join(dir, 'localhost.crt'), key: path.join(dir, 'localhost.key') };
}

function usable(p) {
  try {
    const cert = fs.readFileSync(p.cert);
    fs.readFileSync(p.key);
    const x509 = new crypto.X509Certificate(cert);
    return new Date(x509.validTo).getTime() > Date.now() + 60 * 60 * 1000;
  } catch {
    return false;
  }
}

function selfSigned(root) {
  const dir = path.join(root, '.certs');
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  if (usable({ cert, key })) return { cert, key, source: 'self-signed (.certs/)' };
  fs.mkdirSync(dir, { recursive: true });
  const r = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert],
    { stdio: 'ignore' },
  );
  if (r.status !== 0) throw new Error('could not generate a self-signed certificate (openssl failed or is missing)');
  return { cert, key, source: 'self-signed (.certs/)' };
}

/** { key, cert, ca?, source, dir } for https.createServer. */
async function httpsOptions(root = path.join(__dirname, '..')) {
  const p = devCertPaths();
  let source = `office-addin-dev-certs (${p.dir})`;
  if (!usable(p)) {
    try {
      for (const f of [p.ca, p.cert, p.key]) fs.rmSync(f, { force: true });
      const { generateCertificates } = require('office-addin-dev-certs/lib/generate');
      await generateCertificates(p.ca, p.cert, p.key, 30);
      if (!usable(p)) throw new Error('generated certificate is not readable');
      source = `office-addin-dev-certs, newly generated in ${p.dir} (not trusted by this machine until \`npx office-addin-dev-certs install\`)`;
    } catch (e) {
      const fallback = selfSigned(root);
      return { key: fs.readFileSync(fallback.key), cert: fs.readFileSync(fallback.cert), source: `${fallback.source}; office-addin-dev-certs failed: ${e.message}` };
    }
  }
  const options = { key: fs.readFileSync(p.key), cert: fs.readFileSync(p.cert), source };
  if (fs.existsSync(p.ca)) options.ca = fs.readFileSync(p.ca);
  return options;
}

module.exports = { httpsOptions, devCertPaths };
