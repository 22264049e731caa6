#!/usr/bin/env node
/**
 * `npm run bench:pane`: the task pane at scale in the playground, in headless Chromium (no timed tests: speed is
 * measured here). Builds the add-in, serves it, opens the playground with BENCH_LEASES generated leases (default
 * 2,000) and prints Validate's and Generate's times, the gaps between painted frames (longest, 99th percentile, how
 * many over 200 ms, overall and per phase of Generate) and how soon Cancel answers while measuring and while writing.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { build, startServer } = require('./serve');
const { measurePane, describeMeasurement } = require('./pane-measure');
const { ensureSystemTools } = require('./system-tools');

/** The full path of a command on PATH (Playwright wants one). */
function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, command);
    if (dir && fs.existsSync(file)) return file;
  }
  throw new Error(`${command} is not on PATH`);
}

async function main() {
  const leases = Number(process.env.BENCH_LEASES ?? 2000);
  await ensureSystemTools();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lease-workpapers-bench-'));
  console.log('Building the add-in...');
  await build(path.join(dir, 'build'));
  const server = await startServer({ port: 0, dir: path.join(dir, 'build') });
  const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: onPath('chromium'),
    headless: true,
    ignoreHTTPSErrors: true, // the dev certificate is not trusted system-wide
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const m = await measurePane(context, server.url, { leases });
    console.log(describeMeasurement(m));
    console.log('Generate, by phase shown in the pane:');
    for (const [phase, s] of Object.entries(m.generate.phases)) {
      console.log(
        `  ${phase.padEnd(22)} ${String(s.frames).padStart(5)} frames, longest gap ${s.longest.toFixed(0).padStart(4)} ms, ` +
          `99th percentile ${s.p99.toFixed(0).padStart(4)} ms, ${s.over200} over 200 ms`,
      );
    }
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
