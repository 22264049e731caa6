import { defaultPolicies, measureLease, type LeaseResult } from '../../src/engine';
import { ROLL_FORWARD_HEADERS, rollForwardLayout } from '../../src/workpapers/sheets/rollForward';
import { lease, modification } from '../support/leases';
import { MiniSheet } from './evaluate';
import { E1, E3, partiallyTerminated } from './support';
import { Decimal } from '../../src/engine/money/decimal';

type Header = (typeof ROLL_FORWARD_HEADERS)[number];

function table(leases: LeaseResult[], fye = 12) {
  const lay = rollForwardLayout(leases, fye);
  const rows = lay.sheet.rows.slice(lay.firstRow - 1, lay.lastRow);
  const get = (r: (typeof rows)[number], h: Header) => r[ROLL_FORWARD_HEADERS.indexOf(h)]?.value;
  return { lay, rows, get, cents: (r: (typeof rows)[number], h: Header) => Math.round(Number(get(r, h) ?? 0) * 100) };
}

const policies = defaultPolicies();
const e1 = measureLease(E1, [], policies);
const e3 = measureLease(E3, [], policies);
const st = measureLease(lease({ id: 'ST', termMonths: 6, payment: 100 }), [], policies);

describe('the Roll-Forward', () => {
  it('monthly rows add up to the schedules: additions, accretion/interest, payments, amortization, transfers', () => {
    const { rows, get, cents } = table([e1, e3, st]);
    const monthly = rows.filter((r) => get(r, 'Basis') === 'Month');
    const sum = (h: Header) => monthly.reduce((s, r) => s + cents(r, h), 0);
    const all = [e1, e3];
    const total = (f: (m: LeaseResult['months'][number]) => number) =>
      all.reduce((s, l) => s + l.months.reduce((x, m) => x + f(m), 0), 0);
    expect(sum('Liability additions')).toBe(e1.liabilityAtCommencement + e3.liabilityAtCommencement);
    expect(sum('ROU additions')).toBe(e1.rouAtCommencement + e3.rouAtCommencement);
    expect(sum('Accretion / interest')).toBe(total((m) => m.interest));
    expect(sum('Liability payments')).toBe(-total((m) => m.payment));
    expect(sum('ROU amortization')).toBe(-total((m) => m.amortization));
    // Short-term leases carry no balances: no row of their own.
    expect(rows.length).toBeGreaterThan(0);
  });

  it('each period closes at the ledger balance: E3 at 2029-12-31 holds its month-12 closing liability', () => {
    const { rows, get, cents } = table([e3]);
    const dec = rows.find((r) => get(r, 'Basis') === 'Month' && get(r, 'Period') === '2029-12')!;
    expect(cents(dec, 'Liability closing')).toBe(e3.months[11].liabilityEnd);
    expect(cents(dec, 'ROU closing')).toBe(e3.months[11].rouEnd);
    const fy = rows.find((r) => get(r, 'Basis') === 'Fiscal year' && get(r, 'Period') === 'FY2029')!;
    expect(cents(fy, 'Liability opening')).toBe(0);
    expect(cents(fy, 'Liability closing')).toBe(e3.months[11].liabilityEnd);
    expect(cents(fy, 'Liability payments')).toBe(-550000); // 11 payments after the day-one payment (PwC 4-13: 5,500)
    const q = rows.filter((r) => get(r, 'Basis') === 'Quarter' && String(get(r, 'Period')).startsWith('FY2029'));
    expect(q.map((r) => get(r, 'Period'))).toEqual(['FY2029 Q1', 'FY2029 Q2', 'FY2029 Q3', 'FY2029 Q4']);
    expect(q.reduce((s, r) => s + cents(r, 'Accretion / interest'), 0)).toBe(cents(fy, 'Accretion / interest'));
    expect(cents(q[3], 'Liability closing')).toBe(cents(fy, 'Liability closing'));
  });

  it('names fiscal years by the year they end in (June year end: July 2029 starts FY2030)', () => {
    const { rows, get } = table([e3], 6);
    const jul = rows.find((r) => get(r, 'Basis') === 'Quarter' && get(r, 'From') === 47300)!; // 2029-07-01
    expect(get(jul, 'Period')).toBe('FY2030 Q1');
    expect(rows.filter((r) => get(r, 'Basis') === 'Fiscal year').map((r) => get(r, 'Period'))).toEqual([
      'FY2029',
      'FY2030',
      'FY2031',
      'FY2032',
    ]);
  });

  it('the finance lease ROU left at the end of the term is transferred to owned assets; every Check formula is 0.00', () => {
    const gen = measureLease(
      lease({
        id: 'G',
        termMonths: 24,
        payment: 1000,
        timing: 'Arrears',
        ownershipTransfers: true,
        usefulLifeMonths: 60,
      }),
      [],
      policies,
    );
    const { lay, rows, get, cents } = table([gen, e1]);
    const transfers = rows
      .filter((r) => get(r, 'Basis') === 'Month')
      .reduce((s, r) => s + cents(r, 'Transfers to owned assets'), 0);
    expect(transfers).toBe(-gen.months[23].rouEnd);
    expect(transfers).not.toBe(0);
    const sheet = new MiniSheet(lay.sheet);
    for (let r = lay.firstRow; r <= lay.lastRow; r++) {
      expect(sheet.value(`P${r}`) + 0).toBe(0);
      expect(sheet.value(`Z${r}`) + 0).toBe(0);
    }
  });

  it('a change of classification moves the balances between classifications (reclassifications net to zero)', () => {
    const l = measureLease(
      lease({ id: 'R', termMonths: 48, payment: 1000 }),
      [
        modification({
          leaseId: 'R',
          effectiveDate: '2030-01-01',
          type: 'Remeasurement',
          classificationOverride: 'finance',
        }),
      ],
      policies,
    );
    expect(l.months[12].classification).toBe('finance');
    const { rows, get, cents } = table([l]);
    const monthly = rows.filter((r) => get(r, 'Basis') === 'Month' && get(r, 'Period') === '2030-01');
    expect(monthly.map((r) => get(r, 'Classification')).sort()).toEqual(['Finance', 'Operating']);
    const op = monthly.find((r) => get(r, 'Classification') === 'Operating')!;
    const fin = monthly.find((r) => get(r, 'Classification') === 'Finance')!;
    expect(cents(op, 'Liability reclassifications')).toBe(-l.months[11].liabilityEnd);
    expect(cents(fin, 'Liability reclassifications')).toBe(l.months[11].liabilityEnd);
    expect(cents(op, 'Liability closing')).toBe(0);
  });

  it.each(['Proportion of asset', 'Proportion of liability'] as const)(
    'a partial termination (%s): the share derecognized is a termination, the rest a remeasurement',
    (method) => {
      const l = partiallyTerminated(method);
      const before = l.months[17];
      const row = l.months[18];
      expect(row.event).toBe('Partial termination');
      const newLiability = l.measurements[1].liability;
      // Derived from CONTRACT 1.10 with the balances before the modification, not from the engine's own fields.
      const removed =
        method === 'Proportion of asset'
          ? new Decimal(before.liabilityEnd).times('0.3').toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber()
          : before.liabilityEnd - newLiability;
      const { rows, get, cents } = table([l]);
      const m = rows.find((r) => get(r, 'Basis') === 'Month' && get(r, 'Period') === '2030-07')!;
      expect(cents(m, 'Liability terminations')).toBe(-removed);
      expect(cents(m, 'Liability remeasurements')).toBe(newLiability - (before.liabilityEnd - removed));
      expect(cents(m, 'ROU terminations')).toBe(-row.rouDerecognized);
      expect(cents(m, 'ROU terminations') + cents(m, 'ROU remeasurements')).toBe(row.rouAdjustment);
      if (method === 'Proportion of liability') expect(cents(m, 'Liability remeasurements')).toBe(0);
      else expect(cents(m, 'ROU remeasurements')).toBe(cents(m, 'Liability remeasurements'));
    },
  );
});
