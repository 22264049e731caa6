import fc from 'fast-check';
import { defaultPolicies } from '../../src/engine';
import { addDays, daysInMonth, eomonth, formatIso } from '../../src/engine/calendar/dates';
import type { Policies } from '../../src/engine/terms';
import { lastMonthEndOnOrBefore, periodMonthKeys, resolveReportingPeriod } from '../../src/workpapers/reportingPeriod';

const policies = (over: Partial<Policies> = {}): Policies => ({ ...defaultPolicies(), ...over });

describe('the Reporting Date default: the last month-end on or before the day of the run', () => {
  it.each([
    ['2026-12-01', '2026-11-30'],
    ['2026-11-30', '2026-11-30'],
    ['2026-03-15', '2026-02-28'],
    ['2024-03-01', '2024-02-29'],
    ['2026-01-10', '2025-12-31'],
    ['2026-01-31T23:59:59.000Z', '2026-01-31'],
  ])('run on %s reports %s', (today, expected) => {
    expect(lastMonthEndOnOrBefore(today)).toBe(expected);
    const p = resolveReportingPeriod(policies(), today);
    expect(p).toMatchObject({ end: expected, kind: 'month', source: 'default' });
  });

  it('is a month-end on or before the day, less than a month before it, for any day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const today = formatIso({ year: y, month: m, day: Math.min(d, daysInMonth(y, m)) });
          const end = lastMonthEndOnOrBefore(today);
          expect(eomonth(end, 0)).toBe(end);
          expect(end <= today).toBe(true);
          expect(eomonth(end, 1) > today).toBe(true);
        },
      ),
    );
  });
});

describe('the reporting period', () => {
  it('the policy beats the clock, and the command line beats the policy', () => {
    const p = policies({ reportingDate: '2025-12-31' });
    expect(resolveReportingPeriod(p, '2026-12-01')).toMatchObject({
      start: '2025-12-01',
      end: '2025-12-31',
      source: 'Reporting Date policy',
      label: 'December 2025',
    });
    expect(resolveReportingPeriod(p, '2026-12-01', { reportingDate: '2025-09-30', kind: 'quarter' })).toMatchObject({
      start: '2025-07-01',
      end: '2025-09-30',
      kind: 'quarter',
      source: 'command line',
      label: 'Q3 FY2025 (2025-07-01 to 2025-09-30)',
    });
  });

  it('quarters and years follow the Fiscal Year End Month', () => {
    // Fiscal year ending June: FY2026 runs 2025-07-01 to 2026-06-30; Q2 is October to December.
    const june = policies({ reportingDate: '2025-12-31', fiscalYearEndMonth: 6 });
    expect(resolveReportingPeriod({ ...june, reportingPeriod: 'Quarter' }, '2030-01-01')).toMatchObject({
      start: '2025-10-01',
      end: '2025-12-31',
      label: 'Q2 FY2026 (2025-10-01 to 2025-12-31)',
    });
    expect(resolveReportingPeriod({ ...june, reportingPeriod: 'Year' }, '2030-01-01')).toMatchObject({
      start: '2025-07-01',
      end: '2025-12-31',
      kind: 'year',
      label: 'FY2026 (2025-07-01 to 2025-12-31)',
    });
    // Fiscal year ending March: the quarter holding 2026-02-28 is Q4, January to March (to date).
    const march = policies({ reportingDate: '2026-02-28', fiscalYearEndMonth: 3, reportingPeriod: 'Quarter' });
    expect(resolveReportingPeriod(march, '2030-01-01')).toMatchObject({ start: '2026-01-01', end: '2026-02-28' });
  });

  it('a quarter is three calendar months and a year twelve when they end at a fiscal quarter or year end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2060 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 3 }),
        (y, fye, q) => {
          const yearEnd = formatIso({ year: y, month: fye, day: daysInMonth(y, fye) });
          const quarterEnd = eomonth(yearEnd, -3 * q);
          const quarter = resolveReportingPeriod(policies({ fiscalYearEndMonth: fye }), '2100-01-01', {
            reportingDate: quarterEnd,
            kind: 'quarter',
          });
          expect(periodMonthKeys(quarter)).toHaveLength(3);
          expect(quarter.start).toBe(addDays(eomonth(quarterEnd, -3), 1));
          const year = resolveReportingPeriod(policies({ fiscalYearEndMonth: fye }), '2100-01-01', {
            reportingDate: yearEnd,
            kind: 'year',
          });
          expect(periodMonthKeys(year)).toHaveLength(12);
          expect(eomonth(year.start, -1)).toBe(eomonth(yearEnd, -12));
        },
      ),
    );
  });

  it('carries Closed Through', () => {
    expect(resolveReportingPeriod(policies({ closedThrough: '2025-06-30' }), '2025-08-02').closedThrough).toBe(
      '2025-06-30',
    );
  });
});
