/** fast-check generators of valid leases and policies for the engine's property tests. */
import fc from 'fast-check';
import { Decimal } from '../../../src/engine/money/decimal';
import { defaultPolicies } from '../../../src/engine/policies';
import type { Frequency, LeaseTerms, Policies, RateBasis, Timing } from '../../../src/engine/terms';
import { lease } from '../../support/leases';
import { refAddDays, refEdate } from './reference';

export const frequencies: Frequency[] = ['Monthly', 'Quarterly', 'Semiannual', 'Annual'];
export const timings: Timing[] = ['Advance', 'Arrears'];
export const rateBases: RateBasis[] = ['Payment frequency', 'Monthly', 'Effective annual'];

/** Any calendar date 2000-2040, month ends (29-31) often, so EDATE clamping is exercised. */
export const dateArb = fc
  .record({
    year: fc.integer({ min: 2000, max: 2040 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 28, max: 31 })),
  })
  .map(({ year, month, day }) => {
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    const last = refAddDays(refEdate(first, 1), -1);
    return refAddDays(first, Math.min(day, Number(last.slice(8))) - 1);
  });

/** Amount in cents: zero often, otherwise up to `max` cents. */
export const amountArb = (max: number) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 1, max }) });

/** Annual rates 0%-20%: round ones and ones with many decimals. */
export const rateArb = fc.oneof(
  fc.constantFrom('0', '0.03', '0.05', '0.06', '0.07', '0.08', '0.2'),
  fc.integer({ min: 0, max: 200000 }).map((n) => new Decimal(n).dividedBy(1000000).toString()),
  fc.integer({ min: 1, max: 20000000 }).map((n) => new Decimal(n).dividedBy(100000000).toString()),
);

/** Annual escalation 0%-10%. */
export const escalationArb = fc.oneof(
  fc.constant('0'),
  fc.constantFrom('0.025', '0.03', '0.05', '0.1'),
  fc.integer({ min: 0, max: 10000 }).map((n) => new Decimal(n).dividedBy(100000).toString()),
);

export const termArb = fc.oneof(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 240 }));

export interface GeneratedLease {
  terms: LeaseTerms;
  policies: Policies;
}

/**
 * A valid lease: every frequency and timing, escalation, free rent, IDC, incentives, prepaid rent, RVG, purchase
 * option (certain or not), useful life, fair value, ownership transfer, specialized asset, override, and sometimes an
 * irregular LeasePayments stream; with any rate basis and the short-term exemption on or off.
 */
export const leaseArb: fc.Arbitrary<GeneratedLease> = fc
  .record({
    commencement: dateArb,
    termMonths: termArb,
    payment: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2000000000 })),
    frequency: fc.constantFrom(...frequencies),
    timing: fc.constantFrom(...timings),
    escalation: escalationArb,
    freeRent: fc.oneof(
      { weight: 3, arbitrary: fc.constant(0) },
      { weight: 2, arbitrary: fc.integer({ min: 1, max: 30 }) },
    ),
    rate: rateArb,
    idc: amountArb(2000000),
    incentives: amountArb(2000000),
    prepaid: amountArb(2000000),
    rvg: amountArb(50000000),
    poPrice: amountArb(50000000),
    poCertain: fc.boolean(),
    ownershipTransfers: fc.oneof(
      { weight: 4, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
    specializedAsset: fc.oneof(
      { weight: 6, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
    usefulLife: fc.option(fc.integer({ min: 1, max: 480 }), { nil: null }),
    fairValue: fc.option(fc.integer({ min: 1, max: 5000000000 }), { nil: null }),
    override: fc.constantFrom<('operating' | 'finance' | null)[]>(null, null, null, null, 'operating', 'finance'),
    irregular: fc.option(
      fc.array(
        fc.record({
          month: fc.integer({ min: 0, max: 250 }),
          onStart: fc.boolean(),
          dayOffset: fc.integer({ min: 1, max: 27 }),
          amount: fc.integer({ min: 0, max: 100000000 }),
        }),
        { minLength: 1, maxLength: 30 },
      ),
      { nil: null, freq: 5 },
    ),
    rateBasis: fc.constantFrom(...rateBases),
    shortTermExemption: fc.oneof(
      { weight: 4, arbitrary: fc.constant(true) },
      { weight: 1, arbitrary: fc.constant(false) },
    ),
  })
  .map((g) => {
    const irregularPayments = (g.irregular ?? []).map((p) => {
      const start = refEdate(g.commencement, p.month);
      return { date: p.onStart ? start : refAddDays(start, p.dayOffset), amount: p.amount };
    });
    const terms: LeaseTerms = {
      ...lease({
        commencement: g.commencement,
        termMonths: g.termMonths,
        frequency: g.frequency,
        timing: g.timing,
        annualEscalation: new Decimal(g.escalation),
        freeRentMonths: g.freeRent,
        rate: g.rate,
        initialDirectCosts: g.idc,
        leaseIncentives: g.incentives,
        prepaidRent: g.prepaid,
        residualValueGuarantee: g.rvg,
        purchaseOptionPrice: g.poPrice,
        purchaseOptionCertain: g.poCertain && g.poPrice > 0,
        ownershipTransfers: g.ownershipTransfers,
        specializedAsset: g.specializedAsset,
        usefulLifeMonths: g.usefulLife,
        fairValue: g.fairValue,
        classificationOverride: g.override,
        irregularPayments,
      }),
      payment: g.payment,
    };
    const policies: Policies = {
      ...defaultPolicies(),
      rateBasis: g.rateBasis,
      shortTermExemption: g.shortTermExemption,
    };
    return { terms, policies };
  });
