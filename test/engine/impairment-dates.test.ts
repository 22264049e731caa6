/**
 * Impairment dates (CONTRACT 1.10, version 4; issue "Closed periods stay closed"): an Impairment may be dated on any
 * day and is booked on that date, so an impairment identified at a quarter-end lands in that quarter: the ROU asset
 * falls by the amount then, the month's own amortization is the plan's before it, and the straight-line amortization
 * of what remains (ASC 842-20-35-10, an impaired operating lease amortizes its ROU asset straight-line) starts with the
 * next lease month. The other types keep a lease-month start as Effective Date.
 */
import { measureLease, measurePortfolio, defaultPolicies } from '../../src/engine';
import { Decimal } from '../../src/engine/money/decimal';
import { leaseToJson } from '../../src/export/json';
import { leaseJournal } from '../../src/workpapers/journal';
import { leaseClosing } from '../../src/workpapers/closing';
import type { LeaseTerms, ModificationTerms } from '../../src/engine/terms';
import { lease, modification, $ } from '../support/leases';
import { D, roundCents } from './support/reference';

const run = (terms: LeaseTerms, mods: ModificationTerms[] = []) => measureLease(terms, mods, defaultPolicies());
const terms = lease({ commencement: '2025-01-01', termMonths: 36, payment: 1000, rate: '0.06' });
const plain = run(terms);
const impairment = (effectiveDate: string, amount = 5000) =>
  modification({ effectiveDate, type: 'Impairment', impairmentAmount: $(amount), source: 'LeaseModifications!A2' });

describe('an impairment at a quarter-end (2025-06-30, the last day of lease month 6)', () => {
  const r = run(terms, [impairment('2025-06-30')]);

  test('months 1-6 keep the plan: the same cost, accretion and amortization as without it', () => {
    const fields = (m: (typeof r.months)[number]) => [m.leaseCost, m.interest, m.amortization, m.liabilityEnd];
    expect(r.months.slice(0, 6).map(fields)).toEqual(plain.months.slice(0, 6).map(fields));
  });

  test('booked in month 6 on its date: the ROU asset falls by 5,000.00 at the end of June', () => {
    const m6 = r.months[5];
    expect(m6.event).toBe('Impairment');
    expect(m6.impairment).toBe($(5000));
    expect(m6.impairmentDate).toBe('2025-06-30');
    expect(m6.rouAdjustment).toBe(-$(5000));
    expect(m6.rouEnd).toBe(plain.months[5].rouEnd - $(5000));
    expect(r.months[4].impairment).toBe(0);
  });

  test('from month 7 the remaining ROU is amortized straight-line over the 30 months left; the liability is unchanged', () => {
    const rou = plain.months[5].rouEnd - $(5000);
    const each = roundCents(new D(rou).div(30));
    const rest = r.months.slice(6);
    expect(rest.slice(0, 29).every((m) => m.amortization === each)).toBe(true);
    expect(rest.reduce((s, m) => s + m.amortization, 0)).toBe(rou);
    expect(rest.every((m) => m.leaseCost === m.interest + m.amortization)).toBe(true);
    expect(r.months.map((m) => m.liabilityEnd)).toEqual(plain.months.map((m) => m.liabilityEnd));
    expect(r.months[35].rouEnd).toBe(0);
  });

  test('from month 7 on, the figures equal an impairment effective at the start of month 7 (2025-07-01)', () => {
    const atStart = run(terms, [impairment('2025-07-01')]);
    const pick = (m: (typeof r.months)[number]) => [m.leaseCost, m.interest, m.amortization, m.rouEnd];
    expect(r.months.slice(6).map(pick)).toEqual(atStart.months.slice(6).map(pick));
    expect(atStart.months[6].impairmentDate).toBe('2025-07-01');
  });

  test('the JSON month carries impairmentDate only where an impairment is booked', () => {
    const json = leaseToJson(r);
    expect(json.months[5].impairmentDate).toBe('2025-06-30');
    expect(json.months[5].impairment).toBe('5000.00');
    expect(json.months.filter((m) => 'impairmentDate' in m)).toHaveLength(1);
  });

  test('the journal dates the impairment 2025-06-30 and the closing figures through June include it', () => {
    const lines = leaseJournal(r).filter((l) => l.kind === 'Impairment');
    expect(lines.map((l) => [l.date, l.role, l.debit, l.credit])).toEqual([
      ['2025-06-30', 'Impairment loss', $(5000), 0],
      ['2025-06-30', 'Operating ROU asset', 0, $(5000)],
    ]);
    expect(leaseClosing(r, '2025-06-30').figures.impairmentLoss).toBe($(5000));
    expect(leaseClosing(r, '2025-06-29').figures.impairmentLoss).toBe(0);
    expect(leaseClosing(r, '2025-06-30').figures.rouAsset).toBe(r.months[5].rouEnd);
  });
});

describe('other impairment dates', () => {
  test('a day in the middle of a lease month (commencing on the 15th): booked in that month, amortization from the next', () => {
    const mid = lease({ commencement: '2025-01-15', termMonths: 24, payment: 800, rate: '0.05' });
    const r = run(mid, [impairment('2025-03-31', 1000)]); // inside month 3 (2025-03-15 to 2025-04-14)
    const base = run(mid);
    expect(r.months[2].impairmentDate).toBe('2025-03-31');
    expect(r.months[2].amortization).toBe(base.months[2].amortization);
    const rou = base.months[2].rouEnd - $(1000);
    expect(r.months[3].amortization).toBe(roundCents(new D(rou).div(21)));
  });

  test('a remeasurement at the start of a month and an impairment later in it are both applied, in date order', () => {
    const row = modification({
      effectiveDate: '2025-06-01',
      type: 'Remeasurement',
      newPayment: $(1100),
      newDiscountRate: new Decimal('0.06'),
    });
    const r = run(terms, [impairment('2025-06-30'), row]);
    const remeasured = run(terms, [row]);
    expect(r.months[5].event).toBe('Remeasurement');
    expect(r.months[5].impairment).toBe($(5000));
    expect(r.months[5].rouEnd).toBe(remeasured.months[5].rouEnd - $(5000));
  });

  test('an amount above the ROU asset left at the month-end is an error at its row', () => {
    const result = measurePortfolio({
      leases: [terms],
      modifications: [impairment('2025-06-30', 100000)],
      policies: defaultPolicies(),
    });
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0].where).toBe('LeaseModifications!A2');
    expect(result.failures[0].message).toMatch(
      /impairment of 100000\.00 exceeds the ROU asset of .* left at the end of lease month 6/,
    );
  });

  test('two impairments inside one lease month are an error at the second row: combine them', () => {
    const second = { ...impairment('2025-06-20', 100), source: 'LeaseModifications!A3' };
    const result = measurePortfolio({
      leases: [terms],
      modifications: [impairment('2025-06-10', 100), second],
      policies: defaultPolicies(),
    });
    expect(result.failures).toEqual([
      {
        leaseId: 'L-1',
        where: 'LeaseModifications!A3',
        message: 'lease L-1: two impairments in lease month 6 (2025-06-10 and 2025-06-20): combine them in one row',
      },
    ]);
  });

  test('other types still need a lease-month start', () => {
    const row = modification({
      effectiveDate: '2025-06-30',
      type: 'Remeasurement',
      newTermMonths: 48,
      source: 'LeaseModifications!A3',
    });
    const result = measurePortfolio({ leases: [terms], modifications: [row], policies: defaultPolicies() });
    expect(result.failures[0].message).toMatch(/is not the start of a lease month/);
  });

  test('an impairment in the final month of a finance lease amortized over a longer life lowers the transfer', () => {
    const fin = lease({
      commencement: '2025-01-01',
      termMonths: 24,
      payment: 1000,
      purchaseOptionCertain: true,
      purchaseOptionPrice: $(2000),
      usefulLifeMonths: 60,
    });
    const base = run(fin);
    const r = run(fin, [impairment('2026-12-15', 1000)]);
    expect(r.months).toHaveLength(24);
    expect(r.months[23].impairmentDate).toBe('2026-12-15');
    expect(r.months[23].rouEnd).toBe(base.months[23].rouEnd - $(1000));
  });
});
