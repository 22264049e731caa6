/**
 * End to end, in headless Chromium: the production build served over HTTPS by the same server as `npm start`,
 * the playground page with an empty workbook. Create the template, break the example lease, see its cell named,
 * go to it, fix it, generate, and read the figures back from the written sheets. No request may leave localhost.
 *
 * The expected figures are published ones (CONTRACT section 5, PwC Example 4-4: 36 x 500.00 monthly in advance
 * at 6%): month 1 accretion 80.09, closing liability 16,097.78; month 2 payment 500.00, accretion 77.99, closing
 * liability 15,675.77.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, startServer, type RunningServer } from '../../scripts/serve';

const ROOT = path.join(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const BUILD = path.join(ARTIFACTS, 'addin-build');
const CHROMIUM = '/usr/bin/chromium';

let server: RunningServer;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  await build(BUILD);
  server = await startServer({ port: 0, dir: BUILD });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lease-workpapers-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true, // the dev certificate is not trusted system-wide here
    viewport: { width: 1400, height: 900 },
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
  context.on('request', (r) => requests.push(r.url()));
  page = context.pages()[0] ?? (await context.newPage());
}, 300_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
});

/** The grid cell under the header `header` (searched in row `headerRow`), `below` rows down. */
async function cellUnder(header: string, headerRow: number, below: number): Promise<string> {
  const head = page.locator(`td[data-cell$="${headerRow}"]`, {
    hasText: new RegExp(`^${header.replace(/[()/.]/g, '\\$&')}$`),
  });
  const address = (await head.first().getAttribute('data-cell')) as string;
  const column = address.replace(/\d+$/, '');
  return `${column}${headerRow + below}`;
}

async function typeInto(address: string, text: string): Promise<void> {
  await page.locator(`td[data-cell="${address}"]`).click();
  const bar = page.getByLabel(/^Contents of /);
  await bar.fill(text);
  await bar.press('Enter');
}

test('create template, validate, fix, generate and read the figures back', async () => {
  await page.goto(`${server.url}/playground.html?workbook=empty`);
  const pane = page.getByRole('complementary', { name: 'Lease Workpapers task pane' });

  // Create template.
  await pane.getByRole('button', { name: 'Create input template' }).click();
  await pane.getByText('Template created').waitFor();
  await page.getByRole('tab', { name: 'Leases', exact: true }).click();
  await page.getByRole('grid', { name: 'Sheet Leases' }).waitFor();

  // Break the example lease's discount rate.
  const rate = await cellUnder('Discount Rate', 3, 1);
  await typeInto(rate, 'abc');
  await page.locator('td[data-cell="A1"]').click();

  // Validate: the problem names its cell; selecting it goes there.
  await pane.getByRole('tab', { name: 'Validate' }).click();
  await pane.getByRole('button', { name: 'Validate inputs' }).click();
  const problems = pane.getByRole('list', { name: 'Problems in the inputs' });
  await problems.waitFor();
  const link = problems.getByRole('button', { name: new RegExp(`^Go to Leases!${rate}: .*Discount Rate`) });
  await expect(link.count()).resolves.toBe(1);
  await link.click();
  await expect(page.getByLabel('Selected cell').inputValue()).resolves.toBe(rate);
  await expect(page.locator(`td[data-cell="${rate}"]`).getAttribute('aria-selected')).resolves.toBe('true');

  // Fix it where the error took us, and validate again.
  const bar = page.getByLabel(`Contents of Leases!${rate}`);
  await bar.fill('6%');
  await bar.press('Enter');
  await pane.getByRole('button', { name: 'Validate inputs' }).click();
  await pane.getByText('No problems found').waitFor();

  // Generate.
  await pane.getByRole('tab', { name: 'Generate' }).click();
  await pane.getByRole('button', { name: 'Generate workpapers' }).click();
  await pane.getByText('Workpapers written').waitFor({ timeout: 60_000 });
  const summary = pane.getByRole('definition');
  const checks = (await summary.nth(1).innerText()).match(/^(\d+) of (\d+)$/);
  expect(checks).not.toBeNull();
  expect(Number(checks![2])).toBeGreaterThan(5);
  expect(checks![1]).toBe(checks![2]);
  await expect(summary.nth(0).innerText()).resolves.toBe('1 (1 operating, 0 finance, 0 short-term)');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await pane.screenshot({ path: path.join(ARTIFACTS, 'taskpane-after-generate.png') });

  // Read figures back from the written Schedules sheet, as shown in the grid.
  await page.getByRole('tab', { name: 'Schedules', exact: true }).click();
  await page.getByRole('grid', { name: 'Sheet Schedules' }).waitFor();
  const text = async (address: string): Promise<string> => page.locator(`td[data-cell="${address}"]`).innerText();
  await expect(text(await cellUnder('Accretion / interest', 1, 1))).resolves.toBe('80.09');
  await expect(text(await cellUnder('Liability closing', 1, 1))).resolves.toBe('16,097.78');
  await expect(text(await cellUnder('Payments', 1, 2))).resolves.toBe('500.00');
  await expect(text(await cellUnder('Accretion / interest', 1, 2))).resolves.toBe('77.99');
  await expect(text(await cellUnder('Liability closing', 1, 2))).resolves.toBe('15,675.77');
  await expect(text(await cellUnder('Liability closing', 1, 36))).resolves.toBe('0.00');
  await page.screenshot({ path: path.join(ARTIFACTS, 'playground-after-generate.png') });

  // Nothing left localhost.
  const outside = requests.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
    return !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  });
  expect(requests.length).toBeGreaterThan(3);
  expect(outside).toEqual([]);
}, 240_000);

test('every URL in the manifest points at a file the build emits', () => {
  const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const urls = [...manifest.matchAll(/https:\/\/localhost:3000\/([^"<\s]*)/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(5);
  for (const rel of urls.filter((u) => u !== '')) {
    expect(fs.existsSync(path.join(BUILD, rel)) ? rel : `${rel} is not in the build`).toBe(rel);
  }
  // The emitted manifest is the manifest.
  expect(fs.readFileSync(path.join(BUILD, 'manifest.xml'), 'utf8')).toBe(manifest);
  // The page Excel loads takes Office.js from Microsoft's CDN; the playground never loads it.
  expect(fs.readFileSync(path.join(BUILD, 'taskpane.html'), 'utf8')).toContain(
    'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  );
  expect(fs.readFileSync(path.join(BUILD, 'playground.html'), 'utf8')).not.toContain('office.js');
});
