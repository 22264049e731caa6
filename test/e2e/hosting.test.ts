/**
 * Hosting for a team and the served page: the production build for a base URL (as an IT admin makes it), its
 * manifest at that address and valid against the Office schemas, and the task pane in headless Chromium, served by
 * the same server as `npm start`, with Office.js's CDN stubbed: the page's Content-Security-Policy, the requests it
 * makes (its own origin and the CDN, nothing else), the caching of its files, and what it says when Office.js
 * cannot be loaded.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Route } from 'playwright-core';
import { build, startServer, type RunningServer } from '../../scripts/serve';
import {
  contentSecurityPolicy,
  DEV_BASE_URL,
  manifestFor,
  OFFICE_JS_ORIGIN,
  resolveBaseUrl,
} from '../../scripts/hosting';

const ROOT = path.join(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const BUILD = path.join(ARTIFACTS, 'addin-build-hosted');
const CHROMIUM = '/usr/bin/chromium';
const BASE = 'https://addins.contoso.example/finance/lease-workpapers';
const ORIGIN = 'https://addins.contoso.example';
const VALIDATOR = path.join(ROOT, 'schemas', 'office-manifest', 'validate.sh');

/** Office.js as the CDN would serve it, reduced to what the pane uses, and reaching for its telemetry host as the
 *  real one does (the page's policy must refuse that). */
const OFFICE_JS_STUB = `
window.Office = {
  HostType: { Excel: 'Excel' },
  context: {},
  onReady: function (cb) { var info = { host: null, platform: null }; if (cb) cb(info); return Promise.resolve(info); },
};
try { fetch('https://browser.pipe.aria.microsoft.com/Collector/3.0/').catch(function () {}); } catch (e) {}
var beacon = new Image(); beacon.src = 'https://telemetry.office.example/beacon.gif';
var s = document.createElement('script'); s.src = 'https://telemetry.office.example/otel.js'; document.head.appendChild(s);
`;

let server: RunningServer;
let context: BrowserContext;

beforeAll(async () => {
  await build(BUILD, { baseUrl: BASE });
  server = await startServer({ port: 0, dir: BUILD });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lease-workpapers-hosting-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 300_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
});

const manifest = () => fs.readFileSync(path.join(BUILD, 'manifest.xml'), 'utf8');

describe('a build for a base URL', () => {
  it('every manifest URL is at the base URL and names a file the build emits; the app domain is its origin', () => {
    const xml = manifest();
    expect(xml).not.toContain('localhost');
    const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(9); // icons x 5, SupportUrl, SourceLocation x 2, help
    for (const url of urls) {
      expect(url.startsWith(`${BASE}/`)).toBe(true);
      const file = url.slice(BASE.length + 1).replace(/[?#].*$/, '');
      expect([url, fs.existsSync(path.join(BUILD, file))]).toEqual([url, true]);
    }
    expect([...xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1])).toEqual([ORIGIN]);
    expect(xml).toContain(`<SupportUrl DefaultValue="${BASE}/help.html"/>`);
  });

  it('the manifest passes the Office manifest schemas', () => {
    const r = spawnSync('bash', [VALIDATOR, path.join(BUILD, 'manifest.xml')], { encoding: 'utf8' });
    expect(r.stderr + r.stdout).toMatch(/is valid/);
    expect(r.status).toBe(0);
  });

  it('the help page sends users to the task pane at the base URL', () => {
    const help = fs.readFileSync(path.join(BUILD, 'help.html'), 'utf8');
    expect(help).toContain(`${BASE}/taskpane.html`);
    expect(help).not.toContain('localhost');
  });

  it('scripts have hashed names and no source map is published', () => {
    const files = fs.readdirSync(BUILD);
    const scripts = files.filter((f) => f.endsWith('.js'));
    // The worker keeps its name (the pages load it as compute-worker.js); it is served revalidated.
    expect(scripts.sort().map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, '.[hash].js'))).toEqual([
      'common.[hash].js',
      'compute-worker.js',
      'playground.[hash].js',
      'taskpane.[hash].js',
    ]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const s of scripts) expect(fs.readFileSync(path.join(BUILD, s), 'utf8')).not.toMatch(/sourceMappingURL/);
    // Static hosts that read _headers cache exactly the hashed scripts for a year.
    const headers = fs.readFileSync(path.join(BUILD, '_headers'), 'utf8');
    for (const s of scripts) {
      const immutable = headers.includes(`/${s}\n  Cache-Control: public, max-age=31536000, immutable`);
      expect([s, immutable]).toEqual([s, s !== 'compute-worker.js']);
    }
    const page = fs.readFileSync(path.join(BUILD, 'taskpane.html'), 'utf8');
    for (const s of scripts.filter((f) => !/^(playground|compute-worker)/.test(f))) {
      expect(page).toMatch(new RegExp(`src="?${s.replace(/\./g, '\\.')}"?[ >]`));
    }
  });

  it('the base URL: from --env or LEASE_WORKPAPERS_BASE_URL, https only, localhost by default (npm start)', () => {
    expect(resolveBaseUrl({}, {})).toEqual({ base: DEV_BASE_URL, origin: DEV_BASE_URL });
    expect(resolveBaseUrl({ baseUrl: `${BASE}/` }, {})).toEqual({ base: BASE, origin: ORIGIN });
    expect(resolveBaseUrl({}, { LEASE_WORKPAPERS_BASE_URL: 'https://x.example:8443' })).toEqual({
      base: 'https://x.example:8443',
      origin: 'https://x.example:8443',
    });
    expect(() => resolveBaseUrl({ baseUrl: 'http://x.example' }, {})).toThrow(/must start with https:\/\//);
    expect(() => resolveBaseUrl({ baseUrl: 'https://x.example/?a=1' }, {})).toThrow(/without a query/);
    expect(() => resolveBaseUrl({ baseUrl: 'addins' }, {})).toThrow(/is not a URL/);
    // The repository's manifest is the localhost one: a default build changes nothing in it.
    const repo = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    expect(manifestFor(repo, resolveBaseUrl({}, {}))).toBe(repo);
  });
});

describe('the served task pane (headless Chromium, Office.js CDN stubbed)', () => {
  it('carries the policy, requests nothing beyond its origin and the CDN, and the policy refuses the rest', async () => {
    const page = await context.newPage();
    // Every request that leaves the page passes through this route (the network boundary); the policy stops the
    // others in the browser, where they fail as blocked.
    const requests: string[] = [];
    const outside: string[] = [];
    const blocked: string[] = [];
    page.on('requestfailed', (r) => blocked.push(`${r.failure()?.errorText} ${r.url()}`));
    await page.route('**/*', (route: Route) => {
      const url = route.request().url();
      requests.push(url);
      if (url.startsWith(server.url)) return route.continue();
      if (url.startsWith(`${OFFICE_JS_ORIGIN}/`)) {
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: OFFICE_JS_STUB });
      }
      outside.push(url); // never sent anywhere: answered here, and reported below
      return route.fulfill({ status: 204, body: '' });
    });
    await page.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { violations: string[] }).violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
      );
    });
    const response = await page.goto(`${server.url}/taskpane.html`);
    await page.getByText('Lease Workpapers runs inside Excel').waitFor();
    await page.waitForTimeout(300);

    const policy = contentSecurityPolicy({ officeJs: true });
    expect(policy).toBe(
      "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; connect-src 'self' " +
        "https://appsforoffice.microsoft.com; frame-src 'self' https://appsforoffice.microsoft.com; style-src 'self' " +
        "'unsafe-inline'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
    );
    expect(response?.headers()['content-security-policy']).toBe(policy);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(policy);
    expect(response?.headers()['cache-control']).toBe('no-cache');

    const foreign = requests.filter((u) => !u.startsWith(`${server.url}/`) && !u.startsWith(`${OFFICE_JS_ORIGIN}/`));
    expect(foreign).toEqual([]);
    expect(outside).toEqual([]);
    expect(blocked.sort()).toEqual([
      'csp https://telemetry.office.example/beacon.gif',
      'csp https://telemetry.office.example/otel.js',
    ]);
    expect(requests.some((u) => u.startsWith(`${OFFICE_JS_ORIGIN}/lib/1/hosted/office.js`))).toBe(true);
    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    expect(violations.sort()).toEqual([
      'connect-src https://browser.pipe.aria.microsoft.com/Collector/3.0/',
      'img-src https://telemetry.office.example/beacon.gif',
      'script-src-elem https://telemetry.office.example/otel.js',
    ]);

    // Hashed scripts are cached for a year; the page itself is revalidated.
    const script = requests.find((u) => /taskpane\.[0-9a-f]{8}\.js$/.test(u)) as string;
    const scriptResponse = await page.request.get(script, { ignoreHTTPSErrors: true });
    expect(scriptResponse.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    await page.close();
  });

  it('says in words that Office.js could not be loaded when its CDN is unreachable (offline, blocked by a proxy)', async () => {
    const page = await context.newPage();
    await page.route('**/*', (route: Route) =>
      route.request().url().startsWith(server.url) ? route.continue() : route.abort('internetdisconnected'),
    );
    await page.goto(`${server.url}/taskpane.html`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /^Lease Workpapers cannot start: Office\.js, the Microsoft library every Excel add-in runs on, could not be loaded from https:\/\/appsforoffice\.microsoft\.com\. You may be offline, or a proxy or firewall may block that address\./,
    );
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.setViewportSize({ width: 350, height: 400 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-office-unavailable.png') });
    await page.close();
  });
});
