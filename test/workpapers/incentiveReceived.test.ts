/**
 * An incentive received at a modification (CONTRACT 2, LeaseModifications Incentive Received) in the journal and the
 * closing figures, on PwC Example 5-9 as published: Dr Cash $300,000 / Cr ROU asset $14,286 / Cr Lease liability
 * $285,714 at 1/1/X2.
 */
import { defaultPolicies, measureLease } from '../../src/engine';
import { Decimal } from '../../src/engine/money/decimal';
import { leaseJournal } from '../../src/workpapers/journal';
import { leaseClosing } from '../../src/workpapers/closing';
import { lease, modification, $ } from '../support/leases';
import { leaseToJson } from '../../src/export/json';

const terms = lease({
  commencement: '2021-01-01',
  termMonths: 60,
  payment: 1000000,
  frequency: 'Annual',
  rate: '0.05',
  irregularPayments: ['2021', '2022', '2023', '2024', '2025'].map((y) => ({
    date: `${y}-01-01`,
    amount: $(y === '2023' ? 700000 : 1000000),
  })),
});
const row = modification({
  effectiveDate: '2022-01-01',
  type: 'Remeasurement',
  newPayment: $(1000000),
  newDiscountRate: new Decimal('0.05'),
  incentiveReceived: $(300000),
});
const r = measureLease(terms, [row], defaultPolicies());

test('the remeasurement entry: Dr Cash 300,000 / Cr ROU asset 14,286 / Cr Lease liability 285,714 (to the dollar)', () => {
  const lines = leaseJournal(r).filter((l) => l.kind === 'Remeasurement');
  expect(lines.every((l) => l.date === '2022-01-01')).toBe(true);
  const net = (role: string) => lines.filter((l) => l.role === role).reduce((s, l) => s + l.debit - l.credit, 0);
  expect(net('Cash')).toBe($(300000));
  expect(Math.abs(net('Operating ROU asset') + $(14286))).toBeLessThanOrEqual(100);
  expect(Math.abs(net('Operating lease liability non-current') + $(285714))).toBeLessThanOrEqual(100);
  expect(lines.reduce((s, l) => s + l.debit - l.credit, 0)).toBe(0);
});

test('closing figures: the incentive received lowers the cash paid through the effective date, as the journal does', () => {
  const before = leaseClosing(r, '2021-12-31').figures.cash;
  const after = leaseClosing(r, '2022-01-01').figures.cash;
  // 1/1/X2: the $1,000,000 payment in advance less the $300,000 received.
  expect(after - before).toBe($(1000000) - $(300000));
});

test('the JSON month of the modification carries incentiveReceived; no other month does', () => {
  const months = leaseToJson(r).months;
  expect(months[12].incentiveReceived).toBe('300000.00');
  expect(months.filter((m) => 'incentiveReceived' in m)).toHaveLength(1);
});
