/**
 * Very small rates (CONTRACT 1.9): each month's accretion is round(base x i) half-up to the cent, and the final month
 * takes whatever closes the liability at 0.00. At 0.01% a year on about $1,000 the exact accretion is under a cent
 * (0.83 of one), so every month rounds up to 0.01: the rounded accretions run ahead of the exact ones and the final
 * month's true-up is negative interest. When the last payment is made before the final month (quarterly in advance)
 * the rounding can leave the liability below zero at a month-end until the true-up: that is a warning (CONTRACT 1.10).
 * Expected figures are computed here in Decimal, not taken from the engine.
 */
import { measureLease, defaultPolicies, WARNINGS } from '../../src/engine';
import { lease, $ } from '../support/leases';
import { D, refSchedule, roundCents } from './support/reference';

const i = new D('0.0001').div(12);

test('one $1,000 payment at the end of month 24 at 0.01%: 23 accretions of 0.01, then a final true-up of -0.03', () => {
  const terms = lease({
    termMonths: 24,
    rate: '0.0001',
    irregularPayments: [{ date: '2030-12-31', amount: $(1000) }],
  });
  const r = measureLease(terms, [], defaultPolicies());
  const liability0 = roundCents(new D(100000).div(i.plus(1).pow(24)));
  expect(r.liabilityAtCommencement).toBe(liability0);
  let balance = liability0;
  for (const m of r.months.slice(0, 23)) {
    const exact = new D(balance).times(i);
    expect(exact.lt(1)).toBe(true); // under a cent...
    expect(exact.gte(0.5)).toBe(true); // ...but at least half of one: it rounds up
    expect(m.interest).toBe(1);
    balance += 1;
  }
  const last = r.months[23];
  expect(last.interest).toBe(100000 - balance);
  expect(last.interest).toBe(-3);
  expect(last.interestTrueUp).toBe(-3 - roundCents(new D(balance).times(i)));
  expect(last.liabilityEnd).toBe(0);
  // The liability never went below zero: no warning.
  expect(r.warnings).toEqual([]);
});

test('quarterly in advance at 0.01%: the liability is -0.03 after the last payment until the final true-up, a warning', () => {
  const terms = lease({ termMonths: 24, payment: 300, frequency: 'Quarterly', rate: '0.0001', source: 'Leases!A9' });
  const r = measureLease(terms, [], defaultPolicies());
  const ref = refSchedule(terms, defaultPolicies());
  expect(r.months.map((m) => m.liabilityEnd)).toEqual(ref.months.map((m) => m.liabilityEnd));
  expect(ref.months[21].liabilityEnd).toBe(-3);
  expect(ref.months[22].liabilityEnd).toBe(-3);
  expect(r.months[23].interest).toBe(3);
  expect(r.warnings).toEqual([
    { leaseId: 'L-1', where: 'Leases!A9', message: WARNINGS.negativeLiability('L-1', -3, '2030-10-31', 2) },
  ]);
});
