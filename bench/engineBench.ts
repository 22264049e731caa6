/**
 * npm run bench: a synthetic portfolio of 10,000 leases x 120 months through the engine, against the same arithmetic
 * in plain JavaScript numbers (the floating-point floor, which misrounds; it is a speed reference, never a result).
 * Prints lease-months per second and peak memory. Speed is measured here, never in tests.
 */
import { performance } from 'node:perf_hooks';
import { measurePortfolio } from '../src/engine/portfolio';
import { defaultPolicies } from '../src/engine/policies';
import { Decimal } from '../src/engine/money/decimal';
import type { Frequency, LeaseTerms, Timing } from '../src/engine/terms';
import { random } from './random';

const LEASES = Number(process.env.BENCH_LEASES ?? 10_000);
const MONTHS = 120;

function portfolio(): LeaseTerms[] {
  const r = random(842); // the same portfolio on every run
  const freqs: Frequency[] = ['Monthly', 'Monthly', 'Quarterly', 'Annual'];
  const out: LeaseTerms[] = [];
  for (let i = 0; i < LEASES; i++) {
    const year = 2024 + Math.floor(r() * 4);
    const month = 1 + Math.floor(r() * 12);
    const timing: Timing = r() < 0.8 ? 'Advance' : 'Arrears';
    out.push({
      id: `L-${String(i + 1).padStart(5, '0')}`,
      description: 'synthetic',
      entity: r() < 0.5 ? 'US01' : 'UK01',
      assetClass: 'GPU servers',
      currency: 'USD',
      commencement: `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      termMonths: MONTHS,
      payment: 100_000 + Math.floor(r() * 50_000_000),
      frequency: freqs[Math.floor(r() * freqs.length)],
      timing,
      annualEscalation: new Decimal(Math.floor(r() * 5) / 100),
      freeRentMonths: r() < 0.1 ? 3 : 0,
      discountRate: new Decimal((200 + Math.floor(r() * 800)) / 10_000),
      initialDirectCosts: r() < 0.3 ? Math.floor(r() * 1_000_000) : 0,
      leaseIncentives: r() < 0.2 ? Math.floor(r() * 500_000) : 0,
      prepaidRent: 0,
      residualValueGuarantee: 0,
      purchaseOptionPrice: 0,
      purchaseOptionCertain: false,
      ownershipTransfers: r() < 0.1,
      specializedAsset: false,
      usefulLifeMonths: r() < 0.5 ? 180 : null,
      fairValue: null,
      classificationOverride: null,
      irregularPayments: [],
    });
  }
  return out;
}

/** The same monthly-in-advance loop in plain numbers: the floor a decimal engine is compared with. */
function floatFloor(leases: LeaseTerms[]): number {
  let check = 0;
  for (const l of leases) {
    const i = l.discountRate.toNumber() / 12;
    const pay = l.payment / 100;
    let pv = 0;
    for (let t = 1; t < MONTHS; t++) pv += pay / Math.pow(1 + i, t);
    let bal = Math.round(pv * 100) / 100;
    const cost = (pay * MONTHS) / MONTHS;
    const rows: { b: number; a: number; c: number }[] = [];
    for (let k = 1; k <= MONTHS; k++) {
      const adv = k === 1 ? 0 : pay;
      const acc = Math.round((bal - adv) * i * 100) / 100;
      bal = bal - adv + acc;
      rows.push({ b: bal, a: acc, c: cost - acc });
    }
    check += rows.length;
  }
  return check;
}

function peakMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function main(): void {
  const leases = portfolio();
  const policies = defaultPolicies();
  const lm = LEASES * MONTHS;
  process.stderr.write(`Engine: ${LEASES.toLocaleString()} leases x ${MONTHS} months\n`);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let lastShown = 0;
  const result = measurePortfolio({ leases, modifications: [], policies }, (done, total) => {
    if (process.stderr.isTTY && done - lastShown >= 1000) {
      lastShown = done;
      process.stderr.write(`\r  ${done.toLocaleString()} / ${total.toLocaleString()} leases`);
    }
  });
  const t1 = performance.now();
  const cpu = process.cpuUsage(c0);
  if (process.stderr.isTTY) process.stderr.write('\n');
  const rows = result.leases.reduce((n, l) => n + l.months.length, 0);
  if (result.failures.length > 0)
    throw new Error(`${result.failures.length} leases failed: ${result.failures[0].message}`);
  const engineSeconds = (t1 - t0) / 1000;
  const engineMb = peakMb();
  const f0 = performance.now();
  const floorRows = floatFloor(leases);
  const f1 = performance.now();
  const floorSeconds = (f1 - f0) / 1000;
  const line = (name: string, s: number) =>
    `${name.padEnd(34)} ${s.toFixed(2).padStart(7)} s  ${Math.round(lm / s / 1000)
      .toLocaleString()
      .padStart(7)} k lease-months/s`;
  console.log(
    `Portfolio: ${LEASES.toLocaleString()} leases x ${MONTHS} months = ${lm.toLocaleString()} lease-months (${rows.toLocaleString()} rows)`,
  );
  console.log(line('Engine (decimal, exact cents)', engineSeconds));
  console.log(line('Floor (plain numbers, misrounds)', floorSeconds));
  console.log(
    `Engine / floor time ratio: ${(engineSeconds / floorSeconds).toFixed(1)}x (floor rows ${floorRows.toLocaleString()})`,
  );
  console.log(`Engine CPU time: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (all threads, GC included)`);
  console.log(`Peak memory (RSS): ${engineMb.toLocaleString()} MB`);
}

main();
