/**
 * Variable lease payments (CONTRACT 2, `VariablePayments`): only variable payments that depend on an index or a rate,
 * measured at commencement, are lease payments (ASC 842-10-30-5(b)); the others, and later changes of the index, are
 * recognized in the period in which the obligation is incurred (ASC 842-20-25-6(b)). Each is expensed as variable
 * lease cost in the lease month holding its Date, paid in cash, and never touches the liability, the ROU asset or the
 * straight-line cost.
 */
import { measureLease, measurePortfolio, defaultPolicies } from '../../src/engine';
import { leaseToJson } from '../../src/export/json';
import type { LeaseTerms, ModificationTerms, VariablePayment } from '../../src/engine/terms';
import { lease, modification, $ } from '../support/leases';

const run = (terms: LeaseTerms, mods: ModificationTerms[] = []) => measureLease(terms, mods, defaultPolicies());
const vp = (date: string, amount: number, description = '', source?: string): VariablePayment => ({
  date,
  amount: $(amount),
  description,
  source,
});

describe('variable lease cost', () => {
  // Commencing mid-month: lease month 1 runs 2029-01-15 to 2029-02-14.
  const base = lease({ commencement: '2029-01-15', termMonths: 24, payment: 1000, rate: '0.05' });
  const withVariable: LeaseTerms = {
    ...base,
    variablePayments: [
      vp('2029-02-10', 250.5, 'CAM estimate'), // month 1
      vp('2029-02-14', 100, 'usage'), // month 1, its last day
      vp('2029-02-15', 75.25, 'CPI uplift'), // month 2, its first day
      vp('2030-12-20', -40, 'CAM reconciliation credit'), // month 24
    ],
  };

  test('each payment lands in the lease month holding its Date; a credit is negative', () => {
    const r = run(withVariable);
    expect(r.months[0].variableCost).toBe($(350.5));
    expect(r.months[1].variableCost).toBe($(75.25));
    expect(r.months[23].variableCost).toBe($(-40));
    const elsewhere = r.months.filter((m) => ![1, 2, 24].includes(m.month));
    expect(elsewhere.every((m) => m.variableCost === 0)).toBe(true);
    expect(r.variablePayments.map((p) => [p.date, p.month, p.amount])).toEqual([
      ['2029-02-10', 1, 25050],
      ['2029-02-14', 1, 10000],
      ['2029-02-15', 2, 7525],
      ['2030-12-20', 24, -4000],
    ]);
  });

  test('the liability, ROU asset, payments and straight-line cost are those of the lease without them', () => {
    const a = run(base);
    const b = run(withVariable);
    expect(b.liabilityAtCommencement).toBe(a.liabilityAtCommencement);
    expect(b.rouAtCommencement).toBe(a.rouAtCommencement);
    const without = (r: typeof a) => r.months.map(({ variableCost: _, ...rest }) => rest);
    expect(without(b)).toEqual(without(a));
    expect(a.months.every((m) => m.variableCost === 0)).toBe(true);
  });

  test('the JSON month carries variableCost; every month of a lease without them says 0.00', () => {
    const json = leaseToJson(run(withVariable));
    expect(json.months[0].variableCost).toBe('350.50');
    expect(json.months[23].variableCost).toBe('-40.00');
    expect(leaseToJson(run(base)).months.every((m) => m.variableCost === '0.00')).toBe(true);
  });

  test('a short-term lease takes them too, beside its straight-line cost', () => {
    const r = run(lease({ termMonths: 12, payment: 100, variablePayments: [vp('2029-03-31', 12.34)] }));
    expect(r.classification).toBe('short-term');
    expect(r.months[2].variableCost).toBe(1234);
  });

  test('one dated after a termination has no month to go in: an error at its Date cell (the lease is not measured)', () => {
    const terms: LeaseTerms = { ...base, variablePayments: [vp('2030-06-20', 10, 'usage', 'VariablePayments!B4')] };
    const row = modification({ effectiveDate: '2030-01-15', type: 'Termination', terminationPayment: 0 });
    const result = measurePortfolio({ leases: [terms], modifications: [row], policies: defaultPolicies() });
    expect(result.leases).toEqual([]);
    expect(result.failures).toEqual([
      {
        leaseId: 'L-1',
        where: 'VariablePayments!B4',
        message:
          "lease L-1: variable payment dated 2030-06-20 is after the lease's last month, which ends on 2030-02-14; book it outside the lease",
      },
    ]);
  });
});
