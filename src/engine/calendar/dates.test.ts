import fc from 'fast-check';
import {
  addDays,
  edate,
  eomonth,
  fromDayNumber,
  fromExcelSerial,
  leaseMonthEnd,
  leaseMonthOf,
  leaseMonthStart,
  parseIso,
  toDayNumber,
  toExcelSerial,
} from './dates';

// Independent oracle: JavaScript's proleptic Gregorian UTC calendar (setUTCFullYear avoids the 0-99 year mapping).
const DAY_MS = 86400000;
function utc(y: number, m0: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m0, d);
  t.setUTCHours(0, 0, 0, 0);
  return t.getTime();
}
function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
function ymd(s: string): [number, number, number] {
  const [y, m, d] = s.split('-').map(Number);
  return [y, m, d];
}
function daysIn(y: number, m: number): number {
  return new Date(utc(y, m, 0)).getUTCDate(); // day 0 of the next month = the last day of month m (1-based)
}
function oracleEdate(s: string, months: number): string {
  const [y, m, d] = ymd(s);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  return iso(utc(ty, tm - 1, Math.min(d, daysIn(ty, tm))));
}
const EXCEL_ZERO = utc(1899, 11, 30);

const dateArb = (minYear: number, maxYear: number) =>
  fc.integer({ min: utc(minYear, 0, 1) / DAY_MS, max: utc(maxYear, 11, 31) / DAY_MS }).map((n) => iso(n * DAY_MS));
const monthEndHeavyDateArb = fc.oneof(
  dateArb(1900, 2400),
  fc
    .record({
      y: fc.integer({ min: 1900, max: 2400 }),
      m: fc.integer({ min: 1, max: 12 }),
      back: fc.integer({ min: 0, max: 3 }),
    })
    .map(({ y, m, back }) => iso(utc(y, m, 0 - back))),
);

describe('EDATE', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-02-29', -12, '2023-02-28'],
    ['1900-01-31', 1, '1900-02-28'], // 1900 is not a leap year (Excel's phantom 29 Feb is a serial-number quirk only)
    ['2000-01-31', 1, '2000-02-29'], // divisible by 400
    ['2100-01-31', 1, '2100-02-28'],
    ['2029-08-31', 1, '2029-09-30'],
    ['2029-12-15', 1, '2030-01-15'],
    ['2029-01-15', -1, '2028-12-15'],
    ['2029-05-17', 0, '2029-05-17'],
  ])('EDATE(%s, %i) = %s', (start, months, expected) => {
    expect(edate(start, months)).toBe(expected);
  });

  it('matches the UTC-calendar oracle: same day, clamped to the end of a shorter month', () => {
    fc.assert(
      fc.property(monthEndHeavyDateArb, fc.integer({ min: -1200, max: 1200 }), (d, months) => {
        const e = edate(d, months);
        expect(e).toBe(oracleEdate(d, months));
        const [, , day] = ymd(d);
        const [ey, em, ed] = ymd(e);
        expect(ed).toBe(Math.min(day, daysIn(ey, em)));
      }),
      { numRuns: 500 },
    );
  });

  it('EOMONTH is the last day of the month `months` later', () => {
    fc.assert(
      fc.property(dateArb(1900, 2400), fc.integer({ min: -600, max: 600 }), (d, months) => {
        const [y, m] = ymd(d);
        const total = y * 12 + (m - 1) + months;
        const ty = Math.floor(total / 12);
        const tm = total - ty * 12 + 1;
        expect(eomonth(d, months)).toBe(iso(utc(ty, tm, 0)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('day numbers and ISO dates', () => {
  it('toDayNumber / fromDayNumber agree with the UTC calendar and round-trip', () => {
    fc.assert(
      fc.property(dateArb(1600, 2600), (d) => {
        const n = toDayNumber(d);
        expect(n).toBe(
          Math.round(utc(...(ymd(d).map((v, k) => (k === 1 ? v - 1 : v)) as [number, number, number])) / DAY_MS),
        );
        expect(fromDayNumber(n)).toBe(d);
      }),
      { numRuns: 300 },
    );
  });

  it('addDays agrees with the UTC calendar', () => {
    fc.assert(
      fc.property(dateArb(1900, 2400), fc.integer({ min: -100000, max: 100000 }), (d, k) => {
        const [y, m, day] = ymd(d);
        expect(addDays(d, k)).toBe(iso(utc(y, m - 1, day + k)));
      }),
      { numRuns: 300 },
    );
  });

  it.each(['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-01', '24-01-01', '2024-01-01T00:00', ''])(
    'rejects "%s"',
    (s) => {
      expect(() => parseIso(s)).toThrow(RangeError);
    },
  );
});

describe('lease months (CONTRACT 1.1)', () => {
  it('month k starts on EDATE(c, k-1) and ends the day before EDATE(c, k)', () => {
    expect([leaseMonthStart('2029-01-31', 2), leaseMonthEnd('2029-01-31', 1), leaseMonthEnd('2029-01-31', 2)]).toEqual([
      '2029-02-28',
      '2029-02-27',
      '2029-03-30',
    ]);
    expect([
      leaseMonthStart('2028-02-29', 13),
      leaseMonthEnd('2028-02-29', 12),
      leaseMonthStart('2028-02-29', 49),
    ]).toEqual(['2029-02-28', '2029-02-27', '2032-02-29']);
  });

  it('leaseMonthOf(c, leaseMonthStart(c, k)) = k = leaseMonthOf(c, leaseMonthEnd(c, k)); months are contiguous', () => {
    fc.assert(
      fc.property(monthEndHeavyDateArb, fc.integer({ min: 1, max: 600 }), (c, k) => {
        const start = leaseMonthStart(c, k);
        const end = leaseMonthEnd(c, k);
        expect(start).toBe(oracleEdate(c, k - 1));
        expect(start <= end).toBe(true);
        expect(addDays(end, 1)).toBe(leaseMonthStart(c, k + 1));
        expect(leaseMonthOf(c, start)).toBe(k);
        expect(leaseMonthOf(c, end)).toBe(k);
      }),
      { numRuns: 400 },
    );
  });

  it('any date on or after commencement falls in the month whose start and end bracket it; earlier dates are month 0', () => {
    fc.assert(
      fc.property(monthEndHeavyDateArb, fc.integer({ min: -400, max: 20000 }), (c, offset) => {
        const d = addDays(c, offset);
        const k = leaseMonthOf(c, d);
        if (offset < 0) {
          expect(k).toBe(0);
          return;
        }
        expect(leaseMonthStart(c, k) <= d).toBe(true);
        expect(d <= leaseMonthEnd(c, k)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('Excel serial numbers (1900 date system)', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [36526, '2000-01-01'],
    [2958465, '9999-12-31'],
  ])('serial %i is %s', (serial, date) => {
    expect(fromExcelSerial(serial)).toBe(date);
    expect(toExcelSerial(date)).toBe(serial);
  });

  it("serial 60, Excel's non-existent 1900-02-29, and serials below 1 are rejected", () => {
    expect(() => fromExcelSerial(60)).toThrow(RangeError);
    expect(() => fromExcelSerial(60.5)).toThrow(RangeError);
    expect(() => fromExcelSerial(0)).toThrow(RangeError);
    expect(() => fromExcelSerial(-1)).toThrow(RangeError);
    expect(() => fromExcelSerial(Number.NaN)).toThrow(RangeError);
  });

  it('a serial is the days since 1899-12-30, less one before 1 March 1900 (the 1900 leap-year bug)', () => {
    fc.assert(
      fc.property(dateArb(1900, 2400), (d) => {
        const [y, m, day] = ymd(d);
        const days = Math.round((utc(y, m - 1, day) - EXCEL_ZERO) / DAY_MS);
        expect(toExcelSerial(d)).toBe(d < '1900-03-01' ? days - 1 : days);
        expect(fromExcelSerial(toExcelSerial(d))).toBe(d);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips every serial but 60, and ignores the time of day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200000 }).filter((s) => s !== 60),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (s, frac) => {
          expect(toExcelSerial(fromExcelSerial(s))).toBe(s);
          expect(fromExcelSerial(s + frac)).toBe(fromExcelSerial(s));
        },
      ),
      { numRuns: 300 },
    );
    for (const s of [58, 59, 61, 62]) expect(toExcelSerial(fromExcelSerial(s))).toBe(s);
  });
});
