/**
 * The closing arithmetic (CONTRACT 1.11): cumulative figures per account role booked on or before a date.
 *
 * Properties over random leases (every frequency, timing, escalation, irregular streams, short-term) with an
 * optional random modification (remeasurement, partial termination, impairment, termination):
 * - through the end of the last month the figures are the lifetime totals, summed here from the schedule rows
 *   (liability and ROU at 0.00 or transferred to owned assets; cost, interest, amortization, cash, gains, impairment);
 * - at every lease-month end the liability and ROU figures are the schedule's closing balances;
 * - before commencement nothing is booked; the figures always balance as net debits;
 * - they equal the journal's lines summed per account through the same date (an independent derivation of the
 *   booking dates: the journal is written entry by entry).
 */
import fc from 'fast-check';
import { defaultPolicies, measureLease, type LeaseResult } from '../../src/engine';
import { addDays } from '../../src/engine/calendar/dates';
import { leaseJournal } from '../../src/workpapers/journal';
import {
  CLOSING_FIGURES,
  figureDifference,
  firstOpenDay,
  leaseClosing,
  netDebit,
  DEBIT_SIGN,
  FIGURE_OF_ROLE,
  zeroFigures,
} from '../../src/workpapers/closing';
import { transferToOwnedAssets } from '../../src/workpapers/sheets/schedules';
import { lease } from '../support/leases';
import { caseArb, measured } from './modifiedLease';

const RUNS = Number(process.env.CLOSING_PROPERTY_RUNS ?? 120);

const total = (r: LeaseResult, f: (m: LeaseResult['months'][number]) => number) =>
  r.months.reduce((s, m) => s + f(m), 0);

describe('closing figures: cumulative amounts booked through a date', () => {
  it('through the last month they are the lifetime totals of the schedule', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = measured(c);
        const last = r.months[r.months.length - 1];
        const f = leaseClosing(r, last.end).figures;
        const st = r.months[0].classification === 'short-term';
        const of = (cls: string, get: (m: LeaseResult['months'][number]) => number) =>
          total(r, (m) => (m.classification === cls ? get(m) : 0));
        const transfer = transferToOwnedAssets(r);
        expect(f.leaseLiability).toBe(last.liabilityEnd);
        expect(f.rouAsset).toBe(last.rouEnd - transfer);
        expect(f.ownedAssets).toBe(transfer);
        expect(f.operatingLeaseCost).toBe(of('operating', (m) => m.leaseCost));
        expect(f.interestExpense).toBe(of('finance', (m) => m.interest));
        expect(f.amortizationExpense).toBe(of('finance', (m) => m.amortization));
        expect(f.shortTermLeaseCost).toBe(of('short-term', (m) => m.leaseCost));
        // Incentives received are cash the other way (CONTRACT 1.5).
        expect(f.cash).toBe(
          (st ? 0 : r.dayOnePayment) +
            total(r, (m) => m.payment) -
            r.leaseIncentives -
            total(r, (m) => m.incentiveReceived),
        );
        expect(f.gainLoss).toBe(total(r, (m) => m.gainLoss));
        expect(f.impairmentLoss).toBe(total(r, (m) => m.impairment));
        expect(f.initialDirectCosts).toBe(r.initialDirectCosts);
        expect(f.leaseIncentives).toBe(0);
        // The lifetime identity of CONTRACT 1.10's property tests, read off the closing figures.
        const cost = f.operatingLeaseCost + f.interestExpense + f.amortizationExpense + f.shortTermLeaseCost;
        const prepaidPaid = st ? 0 : r.prepaidRent;
        expect(cost + f.impairmentLoss - f.gainLoss + f.ownedAssets).toBe(
          f.cash + total(r, (m) => m.incentiveReceived) + prepaidPaid + f.initialDirectCosts - (st ? f.prepaidRent : 0),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('at every lease-month end the liability and ROU asset are the schedule balances, and the figures balance', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = measured(c);
        expect(leaseClosing(r, addDays(r.commencement, -1)).figures).toEqual(zeroFigures());
        expect(leaseClosing(r, addDays(r.commencement, -1)).classification).toBeNull();
        const step = Math.max(1, Math.floor(r.months.length / 12));
        for (let j = 0; j < r.months.length - 1; j += step) {
          const m = r.months[j];
          const c2 = leaseClosing(r, m.end);
          const st = m.classification === 'short-term';
          expect([m.month, c2.figures.leaseLiability]).toEqual([m.month, st ? 0 : m.liabilityEnd]);
          expect([m.month, c2.figures.rouAsset]).toEqual([m.month, st ? 0 : m.rouEnd]);
          expect(c2.classification).toBe(m.classification);
          expect(netDebit(c2.figures)).toBe(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('equal the journal lines summed per account through any date', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 1000 }), (c, permille) => {
        const r = measured(c);
        const lines = leaseJournal(r);
        const j = Math.floor(((r.months.length - 1) * permille) / 1000);
        // A day inside a lease month: between its advance payment and its month-end entries.
        for (const through of [r.months[j].end, r.months[j].start]) {
          const f = leaseClosing(r, through).figures;
          const fromJournal = zeroFigures();
          for (const l of lines) {
            if (l.date > through) continue;
            const figure = FIGURE_OF_ROLE[l.role];
            fromJournal[figure] += DEBIT_SIGN[figure] * (l.debit - l.credit);
          }
          expect(f).toEqual(fromJournal);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('closing figures: a worked lease', () => {
  // PwC 4-4's automobile: operating, $500 a month in advance for 36 months at 6% from 2029-01-01 (E3 of the
  // workpaper tests). Liability at commencement = PV of 35 payments of 500 = 16,017.69 (PwC 4-13).
  const e3 = measureLease(lease({ commencement: '2029-01-01', payment: 500, rate: '0.06' }), [], defaultPolicies());

  it('through 2029-03-31: three months of straight-line cost, three payments (day one included)', () => {
    const f = leaseClosing(e3, '2029-03-31').figures;
    expect(e3.liabilityAtCommencement).toBe(1601769);
    expect(f.operatingLeaseCost).toBe(3 * 50000);
    expect(f.cash).toBe(3 * 50000);
    expect(f.leaseLiability).toBe(e3.months[2].liabilityEnd);
    expect(f.rouAsset).toBe(e3.months[2].rouEnd);
  });

  it('on a lease month start the payment in advance is booked, the month-end entries are not', () => {
    const before = leaseClosing(e3, '2029-03-31').figures;
    const on = leaseClosing(e3, '2029-04-01').figures;
    const d = figureDifference(on, before);
    expect(d.cash).toBe(50000);
    expect(d.leaseLiability).toBe(-50000);
    expect(CLOSING_FIGURES.filter((k) => d[k] !== 0).sort()).toEqual(['cash', 'leaseLiability']);
  });

  it('the first open day follows the closed month-end', () => {
    expect(firstOpenDay('2025-06-30')).toBe('2025-07-01');
    expect(firstOpenDay('2025-12-31')).toBe('2026-01-01');
  });
});
