import fc from 'fast-check';
import { measureLease, measurePortfolio, defaultPolicies, type LeaseResult } from '../../src/engine';
import { Decimal } from '../../src/engine/money/decimal';
import { SC, SCHEDULE_HEADERS, schedulesLayout, LIVE_FIGURES } from '../../src/workpapers/sheets/schedules';
import { leaseArb } from '../engine/support/arbitraries';
import { lease, modification } from '../support/leases';
import { MiniSheet } from './evaluate';
import { E1, E3 } from './support';

/** Re-performs the schedule sheets in binary floating point and lists every cell that misses the engine's cent. */
function reperform(leases: LeaseResult[]): string[] {
  const layout = schedulesLayout(leases);
  const sheets = new Map(layout.sheets.map((s) => [s.name, new MiniSheet(s)]));
  const misses: string[] = [];
  leases.forEach((l, li) => {
    const place = layout.places[li];
    const sheet = sheets.get(place.sheet)!;
    l.months.forEach((m, j) => {
      const r = place.firstRow + j;
      for (const [c, f] of LIVE_FIGURES) {
        const st = m.classification === 'short-term' && !['payment', 'leaseCost', 'amortization'].includes(f);
        const expected = st ? 0 : (m[f] as number);
        const got = Math.round(sheet.value(`${c}${r}`) * 100);
        if (got !== expected) misses.push(`${l.id} month ${m.month} ${f}: sheet ${got} engine ${expected}`);
      }
    });
  });
  return misses;
}

describe('the Schedules sheet re-performs the engine', () => {
  it('for any valid lease: every live formula lands on the engine figure to the cent', () => {
    fc.assert(
      fc.property(leaseArb, (g) => {
        expect(reperform([measureLease(g.terms, [], g.policies)])).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('through remeasurement, impairment, partial termination and termination rows', () => {
    const terms = lease({ id: 'M', termMonths: 60, payment: 1000, rate: '0.05', usefulLifeMonths: 100 });
    const mods = [
      modification({
        leaseId: 'M',
        effectiveDate: '2029-07-01',
        type: 'Remeasurement',
        newPayment: 120000,
        newDiscountRate: new Decimal('0.061'),
      }),
      modification({ leaseId: 'M', effectiveDate: '2030-01-01', type: 'Impairment', impairmentAmount: 500000 }),
      modification({
        leaseId: 'M',
        effectiveDate: '2030-07-01',
        type: 'Partial termination',
        scopeReduction: new Decimal('0.3'),
      }),
      modification({ leaseId: 'M', effectiveDate: '2031-01-01', type: 'Termination', terminationPayment: 250000 }),
    ];
    const finance = lease({
      id: 'F',
      termMonths: 48,
      payment: 2500,
      rate: '0.07',
      classificationOverride: 'finance',
      usefulLifeMonths: 60,
    });
    const fmods = [
      modification({ leaseId: 'F', effectiveDate: '2030-01-01', type: 'Remeasurement', newTermMonths: 60 }),
    ];
    const r = [measureLease(terms, mods, defaultPolicies()), measureLease(finance, fmods, defaultPolicies())];
    expect(r[0].months.map((m) => m.event).filter(Boolean)).toEqual([
      'Remeasurement',
      'Impairment',
      'Partial termination',
      'Termination',
    ]);
    expect(reperform(r)).toEqual([]);
  });

  it('writes the final-month true-up as its own figure and the rounding adjustment where a spreadsheet would miss the cent', () => {
    const layout = schedulesLayout([measureLease(E1, [], defaultPolicies())]);
    const rows = [...Array(60).keys()].map((i) => layout.sheets[0].blocks![0].row(i));
    const col = (h: (typeof SCHEDULE_HEADERS)[number]) => SCHEDULE_HEADERS.indexOf(h);
    const trueUps = rows.map((r) => r[col('Interest true-up')]?.value ?? 0);
    expect(trueUps.slice(0, 59).every((v) => v === 0)).toBe(true);
    expect(rows[59][col('Accretion / interest')]?.formula).toBe(
      `=ROUND(${SC.interestBase}61*${SC.rate}61,2)+${SC.roundingAdj}61+${SC.interestTrueUp}61`,
    );
    expect(rows[59][col('Final month')]?.value).toBe('Yes');
    expect(rows[58][col('Final month')]).toBeNull();
  });
});

describe('the rounding adjustment', () => {
  it('is -0.01 where a spreadsheet would round 19,434.5649999999... up (and 0.00 elsewhere)', () => {
    // Month 1: 18,890,410.97 x 0.01234567 / 12 = 19,434.564999999999... exactly just below the half-cent: the engine
    // rounds down; a binary product rounded at 15 significant digits lands on the half-cent and rounds up.
    const r = measureLease(
      lease({
        id: 'HALF',
        termMonths: 2,
        payment: 0,
        rate: '0.01234567',
        classificationOverride: 'operating',
        irregularPayments: [{ date: '2029-02-15', amount: 1892930009 }],
      }),
      [],
      defaultPolicies(),
    );
    expect(r.liabilityAtCommencement).toBe(1889041097);
    expect(r.months[0].interest).toBe(1943456);
    const b = schedulesLayout([r]).sheets[0].blocks![0];
    expect(b.row(0)[SCHEDULE_HEADERS.indexOf('Rounding adj.')]).toMatchObject({ value: -0.01 });
    expect(b.row(1)[SCHEDULE_HEADERS.indexOf('Rounding adj.')]).toBeNull();
    expect(reperform([r])).toEqual([]);
  });
});

describe('the Schedules layout', () => {
  const policies = defaultPolicies();
  const leases = [E1, E3, lease({ id: 'ST', termMonths: 12, payment: 300 })].map((t) => measureLease(t, [], policies));

  it("one table row per lease-month, the opening of a lease's first month a value, later openings the previous closing", () => {
    const s = schedulesLayout(leases);
    expect(s.sheets).toHaveLength(1);
    expect(s.places).toMatchObject([
      { sheet: 'Schedules', firstRow: 2, lastRow: 61 },
      { sheet: 'Schedules', firstRow: 62, lastRow: 97 },
      { sheet: 'Schedules', firstRow: 98, lastRow: 109 },
    ]);
    const b = s.sheets[0].blocks![0];
    expect(b.rowCount).toBe(108);
    const open = SCHEDULE_HEADERS.indexOf('Liability opening');
    expect(b.row(60)[open]).toEqual({ value: 16017.69, numberFormat: '#,##0.00;-#,##0.00' });
    expect(b.row(61)[open]).toEqual({ formula: `=${SC.liabilityClosing}62` });
    expect(s.sheets[0].tables).toEqual([
      { name: 'LeaseSchedule', range: `A1:${SC.interestPaidArrears}109`, style: 'TableStyleLight9' },
    ]);
    expect(s.sheets[0].rows[0].map((c) => c?.value)).toEqual([...SCHEDULE_HEADERS]);
  });

  it('short-term rows carry no balances: values 0.00, cash in the payment columns, the cost a live straight-line formula', () => {
    const b = schedulesLayout(leases).sheets[0].blocks![0];
    const row = b.row(96);
    const at = (h: (typeof SCHEDULE_HEADERS)[number]) => row[SCHEDULE_HEADERS.indexOf(h)];
    expect(at('Classification')?.value).toBe('Short-term');
    expect(at('Liability closing')).toMatchObject({ value: 0 });
    expect(at('Payment in advance')).toMatchObject({ value: 300 });
    expect(at('Lease cost')?.formula).toBe(`=ROUND(${SC.spreadBase}98/${SC.spreadMonths}98,2)+${SC.spreadTrueUp}98`);
    expect(at('Straight-line base')).toMatchObject({ value: 3600 });
  });

  it('continues on "Schedules 2", ... with whole leases per sheet when a sheet is full', () => {
    const s = schedulesLayout(leases, 80); // 79 data rows a sheet
    expect(s.sheets.map((x) => x.name)).toEqual(['Schedules', 'Schedules 2']);
    expect(s.places.map((p) => p.sheet)).toEqual(['Schedules', 'Schedules 2', 'Schedules 2']);
    expect(s.places[1]).toEqual({ sheet: 'Schedules 2', firstRow: 2, lastRow: 37, firstIndex: 0, rows: 36 });
    expect(s.sheets.map((x) => x.tables![0].name)).toEqual(['LeaseSchedule', 'LeaseSchedule2']);
    // Each part re-performs on its own.
    expect(reperform(leases)).toEqual([]);
  });

  it('writes text as text: an ID or entity beginning with = stays a string value, never a formula', () => {
    const r = measurePortfolio({
      leases: [lease({ id: '=HYPERLINK("x")', entity: '+1', description: '@x' })],
      modifications: [],
      policies,
    }).leases;
    const row = schedulesLayout(r).sheets[0].blocks![0].row(0);
    expect(row[0]).toEqual({ value: '=HYPERLINK("x")' });
    expect(row[1]).toEqual({ value: '+1' });
    expect(row[0]?.formula).toBeUndefined();
  });
});
