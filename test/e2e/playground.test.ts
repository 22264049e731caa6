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
import { AxeBuilder } from '@axe-core/playwright';
import { build, startServer, type RunningServer } from '../../scripts/serve';
import { describeMeasurement, measurePane } from '../../scripts/pane-measure';

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

  // The formula bar shows a date as the date it is, as the cell does (not its serial number).
  const commencement = await cellUnder('Commencement Date', 3, 1);
  await page.locator(`td[data-cell="${commencement}"]`).click();
  const shownInCell = await page.locator(`td[data-cell="${commencement}"]`).innerText();
  expect(shownInCell).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByLabel(/^Contents of /).inputValue()).resolves.toBe(shownInCell);

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
  // A request takes a round trip in the playground, as in Excel: wait for the selection to land.
  await page.locator(`td[data-cell="${rate}"][aria-selected="true"]`).waitFor();
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
  // Each figure by its term in the summary, not by its position.
  const detail = (term: string) =>
    pane.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
  const checks = (await detail('Checks passed').innerText()).match(/^(\d+) of (\d+)$/);
  expect(checks).not.toBeNull();
  expect(Number(checks![2])).toBeGreaterThan(5);
  expect(checks![1]).toBe(checks![2]);
  await expect(detail('Leases').innerText()).resolves.toBe('1 (1 operating, 0 finance, 0 short-term)');
  await expect(detail('Period reported').innerText()).resolves.toMatch(/^[A-Z][a-z]+ \d{4}$/);
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

  // A sheet with long notes in its first rows keeps each column at its own width (the No. column stays narrow).
  await page.getByRole('tab', { name: 'Tie-Out', exact: true }).click();
  const grid = page.getByRole('grid', { name: 'Sheet Tie-Out' });
  await grid.waitFor();
  const widthOf = (column: string) =>
    grid
      .locator(`th[scope="col"]`, { hasText: new RegExp(`^${column}$`) })
      .evaluate((e) => e.getBoundingClientRect().width);
  expect(await widthOf('A')).toBeLessThan(100);
  expect(await widthOf('B')).toBeLessThan(700);
  // Every sheet tab shows its whole name on one line.
  for (const tab of await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab').all()) {
    const fits = await tab.evaluate((e) => e.scrollWidth <= e.clientWidth && e.getBoundingClientRect().height < 40);
    expect([await tab.innerText(), fits]).toEqual([await tab.innerText(), true]);
  }

  // Nothing left localhost.
  const outside = requests.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
    return !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  });
  expect(requests.length).toBeGreaterThan(3);
  expect(outside).toEqual([]);
}, 240_000);

const TABS = ['Template', 'Validate', 'Generate', 'Policies'] as const;

/**
 * Serious and critical axe violations inside the task pane (the playground's workbook grid is left out). Fluent
 * UI's focus-trap bumpers (`data-tabster-dummy`: aria-hidden and focusable on purpose, to hand focus on at once)
 * are a known false positive of aria-hidden-focus (microsoft/tabster#288) and are not the product's.
 */
async function paneViolations(p: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page: p }).include('aside[aria-label="Lease Workpapers task pane"]').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      ...v,
      nodes: v.nodes.filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy'))),
    }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

test('each tab in light and dark: no serious or critical axe violation; screenshots at 350 x 800', async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const found: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    const p = await context.newPage();
    await p.setViewportSize({ width: 350, height: 800 });
    await p.goto(`${server.url}/playground.html?pane=only&theme=${theme}`);
    const pane = p.getByRole('complementary', { name: 'Lease Workpapers task pane' });
    // The sample workbook has input tables: the pane opens on Validate.
    await p.waitForFunction(() => document.querySelector('[role=tab][aria-selected=true]')?.textContent === 'Validate');
    for (const name of TABS) {
      await pane.getByRole('tab', { name }).click();
      if (name === 'Template') {
        await pane.getByRole('button', { name: 'Create input template' }).click();
        await pane.getByText('Nothing to add').waitFor();
      } else if (name === 'Validate') {
        await pane.getByRole('button', { name: 'Validate inputs' }).click();
        await pane.getByText(/^No (problems|errors) found$/).waitFor();
      } else if (name === 'Generate') {
        await pane.getByRole('button', { name: 'Generate workpapers' }).click();
        await pane.getByRole('heading', { name: 'Workpapers written' }).waitFor({ timeout: 120_000 });
        // Focus moved to the summary heading.
        await expect(p.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Workpapers written');
      } else {
        await pane.getByRole('group', { name: 'Measurement' }).waitFor();
      }
      // axe reads colours as painted: let entrance animations (a message bar fading in) finish first.
      await p.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      found.push(...(await paneViolations(p)).map((v) => `${theme} ${name}: ${v}`));
      await p.screenshot({ path: path.join(ARTIFACTS, `pane-${theme}-${name.toLowerCase()}.png`) });
    }
    // The pane follows a theme change made after it opened.
    const background = () =>
      p.evaluate(() => getComputedStyle(document.querySelector('main') as HTMLElement).backgroundColor);
    const before = await background();
    await p.evaluate(
      (next) => {
        (window as unknown as { leaseWorkpapers: { setTheme(k: string): void } }).leaseWorkpapers.setTheme(next);
      },
      theme === 'light' ? 'dark' : 'light',
    );
    await p.waitForFunction(
      (b) => getComputedStyle(document.querySelector('main') as HTMLElement).backgroundColor !== b,
      before,
    );
    await p.close();
  }
  expect(found).toEqual([]);
}, 300_000);

test('2,000 leases: the pane keeps repainting and Cancel answers within a second', async () => {
  // The measurement `npm run bench:pane` reports; here Cancel is held to the second, the rest recorded.
  const m = await measurePane(context, server.url, { leases: 2000 });
  const line = describeMeasurement(m);
  console.log(line);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, 'pane-2000-leases.txt'), `${line}\n`);
  await m.page.screenshot({ path: path.join(ARTIFACTS, 'playground-2000-leases.png') });
  await m.page.close();

  expect(m.generate.frames).toBeGreaterThan(0);
  // Every Tie-Out check passes at scale too, as the in-memory Excel recalculates them.
  const [passed, total] = m.checks.split(' of ');
  expect(Number(total)).toBeGreaterThan(30);
  expect(passed).toBe(total);
  expect(m.cancelMeasuring).toBeLessThan(1000);
  expect(m.cancelWriting).toBeLessThan(1000);
}, 600_000);

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
