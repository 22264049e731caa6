/**
 * Many random leases recalculated by LibreOffice: every live formula of the Schedules sheet must land on the
 * engine's figure to the cent, whatever the rate basis, frequency, timing, escalation or size. Also leases built so
 * that a binary ROUND(base x rate, 2) misses the exact half-up cent (the Rounding adj. must correct each).
 *
 * One soffice run, read back as CSV. LEASES (default 300; 2,000 x 120 months was run once, see the report) sets
 * the size.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPolicies, measureLease, type LeaseResult } from '../../src/engine';
import { Decimal } from '../../src/engine/money/decimal';
import type { Frequency, RateBasis, Timing } from '../../src/engine/terms';
import { LIVE_FIGURES, SCHEDULE_HEADERS, schedulesLayout } from '../../src/workpapers/sheets/schedules';
import { writePlan } from '../../src/xlsx/writePlan';
import { columnNumber as colNumber } from '../../src/input/a1';
import { readCsvSheets } from '../support/libreoffice';
import { lease } from '../support/leases';

jest.setTimeout(900_000);

let seed = 20260115;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];

/** Leases whose month-1 interest sits just below a half-cent (engine rounds down, binary ROUND up). */
function adversarial(count: number): LeaseResult[] {
  const out: LeaseResult[] = [];
  for (let k = 0; out.length < count && k < count * 20; k++) {
    const places = 8;
    const n = BigInt(Math.floor((0.02 + rnd() * 0.1) * 10 ** places));
    const d = 12n * 10n ** BigInt(places);
    const g = gcdBig(n, d);
    const num = n / g;
    const den = d / g;
    if (den % 2n !== 0n) continue;
    const inv = modInverse(num, den);
    if (inv === null) continue;
    let b = ((den / 2n - 1n) * inv) % den;
    // Large enough that the product has 6 digits before the decimal point: then 15 significant digits no longer
    // separate it from the half-cent.
    const least = BigInt(Math.ceil(1e7 / (Number(n) / 10 ** places / 12)));
    while (b < least) b += den * (1n + BigInt(Math.floor(rnd() * 5)));
    if (b > 1_000_000_000_000n) continue;
    const rate = new Decimal(n.toString()).dividedBy(10 ** places).toString();
    const i = new Decimal(rate).dividedBy(12);
    const p = new Decimal(b.toString()).times(i.plus(1).pow(2)).toDecimalPlaces(0).toNumber();
    const r = measureLease(
      lease({
        id: `ADV-${out.length}`,
        termMonths: 2,
        payment: 0,
        rate,
        classificationOverride: 'operating',
        irregularPayments: [{ date: '2029-02-15', amount: p }],
      }),
      [],
      defaultPolicies(),
    );
    if (r.liabilityAtCommencement === Number(b)) out.push(r);
  }
  return out;
}

function gcdBig(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

function modInverse(a: bigint, m: bigint): bigint | null {
  let [r0, r1, s0, s1] = [a % m, m, 1n, 0n];
  while (r1) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return r0 === 1n ? ((s0 % m) + m) % m : null;
}

it('every live formula equals the engine to the cent over random and adversarial leases', async () => {
  const n = Number(process.env.LEASES ?? 300);
  const leases: LeaseResult[] = [];
  for (let k = 0; k < n; k++) {
    const basis = pick<RateBasis>(['Payment frequency', 'Monthly', 'Effective annual']);
    const terms = lease({
      id: `R-${k}`,
      termMonths: pick([12, 36, 60, 120, 120]),
      payment: (Math.floor(rnd() * 5_000_000) + 100) / 100,
      frequency: pick<Frequency>(['Monthly', 'Monthly', 'Quarterly', 'Semiannual', 'Annual']),
      timing: pick<Timing>(['Advance', 'Arrears']),
      annualEscalation: new Decimal(pick(['0', '0.02', '0.03', '0.0275'])),
      freeRentMonths: pick([0, 0, 0, 2]),
      rate: new Decimal(Math.floor(rnd() * 1_200_000 + 5_000)).dividedBy(10_000_000).toString(),
      commencement: `20${20 + Math.floor(rnd() * 10)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${pick(['01', '15', '31'] as const).replace('31', '28')}`,
      initialDirectCosts: rnd() < 0.3 ? Math.floor(rnd() * 1e6) : 0,
      leaseIncentives: rnd() < 0.2 ? Math.floor(rnd() * 1e6) : 0,
      classificationOverride: rnd() < 0.3 ? 'finance' : null,
      usefulLifeMonths: rnd() < 0.2 ? 240 : null,
      ownershipTransfers: rnd() < 0.1,
    });
    leases.push(measureLease(terms, [], { ...defaultPolicies(), rateBasis: basis }));
  }
  const adv = adversarial(25);
  const all = [...leases, ...adv];
  const layout = schedulesLayout(all);
  // The adversarial leases need the adjustment (a binary ROUND would miss their month-1 cent).
  const adjCol = SCHEDULE_HEADERS.indexOf('Rounding adj.');
  const adjusted = adv.filter((_, k) => {
    const place = layout.places[leases.length + k];
    return layout.sheets[0].blocks![0].row(place.firstRow - 2)[adjCol] !== null;
  });
  expect(adjusted.length).toBeGreaterThanOrEqual(20);

  const path = join(mkdtempSync(join(tmpdir(), 'rounding-')), 'rounding.xlsx');
  await writePlan(null, { sheets: layout.sheets }, path);
  const csv = await readCsvSheets(path);
  const misses: string[] = [];
  let compared = 0;
  all.forEach((l, li) => {
    const place = layout.places[li];
    const grid = csv.get(place.sheet)!;
    l.months.forEach((m, j) => {
      const row = grid[place.firstRow - 1 + j];
      for (const [c, f] of LIVE_FIGURES) {
        const st = m.classification === 'short-term' && !['payment', 'leaseCost', 'amortization'].includes(f);
        const expected = st ? 0 : (m[f] as number);
        const got = Math.round(Number(row[colNumber(c) - 1]) * 100);
        compared++;
        if (got !== expected) misses.push(`${l.id} month ${m.month} ${f}: LibreOffice ${got} engine ${expected}`);
      }
    });
  });
  expect(misses.slice(0, 20)).toEqual([]);
  expect(compared).toBeGreaterThan(n * 12 * 9);
});
