/**
 * The task pane at scale, measured in the playground in Chromium (playwright-core): how long Validate and Generate
 * take, how long the pane goes without painting a frame while they run, and how soon Cancel answers while the
 * worker measures and while the sheets are written. Used by `npm run bench:pane` and the end-to-end test.
 */
/* global window, document, performance, requestAnimationFrame -- the functions given to page.evaluate run in the page */

/** Starts recording the gaps between animation frames on the page (each with the phase the pane showed). */
async function recordFrames(page) {
  await page.evaluate(() => {
    const w = window;
    w.__frames = { gaps: [], on: false };
    let last = performance.now();
    const phase = () => {
      const text = document.querySelector('[aria-label="Lease Workpapers task pane"]')?.textContent ?? '';
      const m = /(Reading your tables|Checking inputs|Measuring leases|Building workpapers|Writing sheets)/.exec(text);
      return m ? m[1] : 'other';
    };
    const frame = (t) => {
      if (w.__frames.on) w.__frames.gaps.push({ gap: t - last, phase: phase() });
      last = t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  return {
    start: () =>
      page.evaluate(() => {
        window.__frames.gaps = [];
        window.__frames.on = true;
      }),
    stop: () =>
      page.evaluate(() => {
        window.__frames.on = false;
        return window.__frames.gaps;
      }),
  };
}

/** Longest gap, 99th percentile and the number over 200 ms, overall and per phase. */
function summarise(gaps) {
  const of = (list) => {
    const sorted = list.map((g) => g.gap).sort((a, b) => a - b);
    return {
      frames: sorted.length,
      longest: sorted[sorted.length - 1] ?? 0,
      p99: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
      over200: sorted.filter((g) => g > 200).length,
    };
  };
  const phases = {};
  for (const name of new Set(gaps.map((g) => g.phase))) phases[name] = of(gaps.filter((g) => g.phase === name));
  return { ...of(gaps), phases };
}

/**
 * Opens the playground with `leases` generated leases and measures Validate, Cancel (while measuring and while
 * writing) and a whole Generate.
 */
async function measurePane(context, baseUrl, { leases = 2000 } = {}) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`${baseUrl}/playground.html?workbook=scale&leases=${leases}`, { timeout: 120_000 });
  const pane = page.getByRole('complementary', { name: 'Lease Workpapers task pane' });
  const frames = await recordFrames(page);
  const now = () => page.evaluate(() => performance.now());

  await pane.getByRole('tab', { name: 'Validate' }).click();
  await frames.start();
  let t0 = await now();
  await pane.getByRole('button', { name: 'Validate inputs' }).click();
  await pane.getByText(/^No (problems|errors) found$/).waitFor({ timeout: 120_000 });
  const validateSeconds = ((await now()) - t0) / 1000;
  const validate = summarise(await frames.stop());

  await pane.getByRole('tab', { name: 'Generate' }).click();
  /** Starts Generate, waits for `phase`, cancels, and returns the milliseconds until the pane says Cancelled. */
  const cancelDuring = async (phase) => {
    await pane.getByRole('button', { name: 'Generate workpapers' }).click();
    await pane.getByText(phase).first().waitFor({ timeout: 120_000 });
    const start = await now();
    await pane.getByRole('button', { name: 'Cancel' }).click();
    // The button answers at once; the run stops (and says so) once the request in flight is back.
    await pane
      .getByText(/^(Cancelling…|Cancelled)$/)
      .first()
      .waitFor({ timeout: 1000 });
    await pane.getByText('Cancelled', { exact: true }).waitFor({ timeout: 30_000 });
    return (await now()) - start;
  };
  const cancelMeasuring = await cancelDuring(/^(Measuring leases|Building workpapers)…$/);
  const cancelWriting = await cancelDuring(/requests sent$/);

  await frames.start();
  t0 = await now();
  await pane.getByRole('button', { name: 'Generate workpapers' }).click();
  await pane.getByRole('heading', { name: 'Workpapers written' }).waitFor({ timeout: 240_000 });
  const generateSeconds = ((await now()) - t0) / 1000;
  const generate = summarise(await frames.stop());
  return { page, leases, validateSeconds, validate, cancelMeasuring, cancelWriting, generateSeconds, generate };
}

/** One line for a report. */
function describeMeasurement(m) {
  return (
    `${m.leases.toLocaleString('en-US')} leases in the playground (Chromium, worker): ` +
    `Validate ${m.validateSeconds.toFixed(1)} s, longest frame gap ${m.validate.longest.toFixed(0)} ms; ` +
    `Generate ${m.generateSeconds.toFixed(1)} s; Cancel answered in ${m.cancelMeasuring.toFixed(0)} ms while ` +
    `measuring or laying out (worker), ${m.cancelWriting.toFixed(0)} ms while writing; ${m.generate.frames} frames, ` +
    `longest gap ${m.generate.longest.toFixed(0)} ms, 99th percentile ${m.generate.p99.toFixed(0)} ms, ` +
    `${m.generate.over200} gaps over 200 ms`
  );
}

module.exports = { measurePane, describeMeasurement, summarise };
