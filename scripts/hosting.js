/**
 * Where the add-in is served from and how its pages are served, in one place for the build (webpack.config.js),
 * the development server (scripts/serve.js) and the tests:
 *   - the base URL every manifest URL, the help page and the icons point at (a build-time setting);
 *   - the Content-Security-Policy of each page (the page's own origin and, for the task pane, Office.js's CDN);
 *   - the caching of each file (hashed assets cached for a year, everything else revalidated).
 */
'use strict';
const { URL } = require('url');

/** Where `npm start` serves the add-in, and what every URL in manifest.xml says in the repository. */
const DEV_BASE_URL = 'https://localhost:3000';
/** Office.js's CDN: the one origin outside the add-in's own that the task pane may load from. */
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';
const ENV_BASE_URL = 'LEASE_WORKPAPERS_BASE_URL';

/**
 * The base URL for a build: `--env baseUrl=...`, else the LEASE_WORKPAPERS_BASE_URL environment variable, else
 * https://localhost:3000. It must be an https:// URL with no query or fragment; a trailing slash is dropped.
 * Returns { base, origin }; throws with a plain message when the URL will not do.
 */
function resolveBaseUrl(env = {}, processEnv = process.env) {
  const raw = (env.baseUrl ?? processEnv[ENV_BASE_URL] ?? DEV_BASE_URL).trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`baseUrl "${raw}" is not a URL; give the https:// address the add-in's files are served from`);
  }
  if (url.protocol !== 'https:') throw new Error(`baseUrl "${raw}" must start with https:// (Office loads add-ins over HTTPS only)`);
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`baseUrl "${raw}" must be a plain https:// address, without a query, fragment or credentials`);
  }
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return { base, origin: url.origin };
}

/** manifest.xml for a base URL: every URL at the base, the app domain its origin. */
function manifestFor(xml, { base, origin }) {
  if (base === DEV_BASE_URL) return xml;
  return xml
    .replace(
      /<!--[\s\S]*?-->/,
      `<!--\n  Lease Workpapers: Excel task-pane add-in (add-in only XML manifest), built for ${base}\n  ` +
        '(the build\'s baseUrl setting). Deploy it from the Microsoft 365 admin centre: see the README.\n-->',
    )
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .replace(/https:\/\/localhost:3000/g, base);
}

/** The help page for a base URL (it tells the user where the task pane lives). */
function helpPageFor(html, { base }) {
  return html.replace(/https:\/\/localhost:3000/g, base);
}

/**
 * The Content-Security-Policy of a page. `officeJs` adds Office.js's CDN for scripts (Office.js loads its
 * host-specific parts from there) and nothing else; styles allow inline rules because Fluent UI inserts its
 * stylesheet at run time (choice: no script is ever inline). Telemetry Office.js would send elsewhere is blocked.
 */
function contentSecurityPolicy({ officeJs }) {
  const cdn = officeJs ? ` ${OFFICE_JS_ORIGIN}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${cdn}`,
    `connect-src 'self'${cdn}`,
    `frame-src 'self'${cdn}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Webpack's names for hashed assets: `[name].[contenthash:8].js`. */
const HASHED_ASSET = /\.[0-9a-f]{8}\.(js|css)$/;

/** Cache-Control for a served file: hashed assets never change (a year, immutable); the rest is revalidated. */
function cacheControl(path) {
  return HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** The headers every page of the add-in is served with (the development server sends them; `_headers` in the
 *  build says the same to static hosts that read it). */
function pageHeaders(file) {
  const headers = { 'Cache-Control': cacheControl(file), 'X-Content-Type-Options': 'nosniff' };
  if (/\.html$/.test(file)) {
    headers['Content-Security-Policy'] = contentSecurityPolicy({ officeJs: /taskpane\.html$/.test(file) });
    headers['Referrer-Policy'] = 'strict-origin-when-cross-origin';
  }
  return headers;
}

/**
 * `_headers` (Netlify, Cloudflare Pages and others read it) with the same policy and caching as the dev server;
 * `files` are the build's file names (each hashed one is listed: a pattern cannot tell them from the worker).
 */
function headersFile(files = []) {
  const block = (path, headers) =>
    `${path}\n${Object.entries(headers)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n')}\n`;
  return [
    block('/*', { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' }),
    block('/taskpane.html', pageHeaders('taskpane.html')),
    block('/playground.html', pageHeaders('playground.html')),
    block('/help.html', pageHeaders('help.html')),
    ...files.filter((f) => HASHED_ASSET.test(f)).map((f) => block(`/${f}`, { 'Cache-Control': cacheControl(f) })),
  ].join('\n');
}

module.exports = {
  DEV_BASE_URL,
  ENV_BASE_URL,
  OFFICE_JS_ORIGIN,
  HASHED_ASSET,
  resolveBaseUrl,
  manifestFor,
  helpPageFor,
  contentSecurityPolicy,
  cacheControl,
  pageHeaders,
  headersFile,
};
