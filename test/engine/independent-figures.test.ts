/**
 * Liabilities at commencement derived independently of the engine: Excel's PV closed form
 * pmt x (1-(1+r)^-n)/r x (1 + r x type), evaluated with a separate decimal.js clone at 60 digits, then rounded
 * half-up to the cent (CONTRACT 1.4, 1.9). The day-one payment of an in-advance stream is paid at commencement, so
 * the liability is Excel's PV (type 1) less one payment. Classification thresholds are checked at their boundaries.
 */
import { measureLease, defaultPolicies } from '../../src/engine';
import { Decimal } from '../../src/engine/money/decimal';
import type { LeaseTerms, Policies } from '../../src/engine/terms';
import { lease, $ } from '../support/leases';
import { D, excelPv, roundCents } from './support/reference';

const run = (terms: LeaseTerms, policies: Policies = defaultPolicies()) => measureLease(terms, [], policies);
const twelfth = new D(1).div(12);

describe('liability at commencement = Excel PV (closed form, Decimal) for level streams', () => {
  it('monthly in advance: 60 x $2,345.67 at 5.25% -> PV(0.0525/12, 60, -2345.67, , 1) - 2,345.67', () => {
    const r = run(lease({ termMonths: 60, payment: '2345.67', rate: '0.0525' }));
    const expected = roundCents(excelPv(new D('0.0525').div(12), 60, $('2345.67'), 1)) - $('2345.67');
    expect(r.liabilityAtCommencement).toBe(expected);
    expect(r.rouAtCommencement).toBe(expected + $('2345.67'));
  });

  it('quarterly in arrears: 20 x $10,000 at 7% -> PV(0.07/4, 20, -10000)', () => {
    const r = run(lease({ termMonths: 60, payment: 10000, frequency: 'Quarterly', timing: 'Arrears', rate: '0.07' }));
    expect(r.liabilityAtCommencement).toBe(roundCents(excelPv(new D('0.0175'), 20, $(10000), 0)));
    expect(r.paidAtCommencement).toBe(0);
    expect(r.months.filter((m) => m.payment > 0).map((m) => m.month)).toEqual(
      Array.from({ length: 20 }, (_, k) => 3 * (k + 1)),
    );
  });

  it('semiannual in advance: 10 x $50,000 at 6.5% -> PV(0.0325, 10, -50000, , 1) - 50,000', () => {
    const r = run(lease({ termMonths: 60, payment: 50000, frequency: 'Semiannual', rate: '0.065' }));
    expect(r.liabilityAtCommencement).toBe(roundCents(excelPv(new D('0.0325'), 10, $(50000), 1)) - $(50000));
  });

  it('annual in arrears: 5 x $120,000 at 8% -> PV(0.08, 5, -120000)', () => {
    const r = run(lease({ termMonths: 60, payment: 120000, frequency: 'Annual', timing: 'Arrears', rate: '0.08' }));
    expect(r.liabilityAtCommencement).toBe(roundCents(excelPv(new D('0.08'), 5, $(120000), 0)));
  });

  it('Rate Basis Monthly with quarterly payments: the quarter rate is (1 + r/12)^3 - 1', () => {
    const policies: Policies = { ...defaultPolicies(), rateBasis: 'Monthly' };
    const r = run(
      lease({ termMonths: 60, payment: 7500, frequency: 'Quarterly', timing: 'Arrears', rate: '0.09' }),
      policies,
    );
    const quarter = new D('0.09').div(12).plus(1).pow(3).minus(1);
    expect(r.liabilityAtCommencement).toBe(roundCents(excelPv(quarter, 20, $(7500), 0)));
    expect(r.monthlyRate.text).toBe('0.0075');
  });

  it('Rate Basis Effective annual with monthly payments: i = (1 + r)^(1/12) - 1', () => {
    const policies: Policies = { ...defaultPolicies(), rateBasis: 'Effective annual' };
    const r = run(lease({ termMonths: 84, payment: 1999, rate: '0.05' }), policies);
    const i = new D('1.05').pow(twelfth).minus(1);
    expect(r.liabilityAtCommencement).toBe(roundCents(excelPv(i, 84, $(1999), 1)) - $(1999));
  });

  it('annual escalation of 3% on a monthly stream: each year an annuity, discounted to commencement', () => {
    const r = run(lease({ termMonths: 120, payment: 4000, annualEscalation: new Decimal('0.03'), rate: '0.06' }));
    const i = new D('0.005');
    let pv = new D(0);
    let pmt = $(4000);
    for (let y = 0; y < 10; y++) {
      pv = pv.plus(excelPv(i, 12, pmt, 1).div(i.plus(1).pow(12 * y)));
      pmt = roundCents(new D(pmt).times('1.03'));
    }
    expect(r.liabilityAtCommencement).toBe(roundCents(pv) - $(4000));
    expect(r.months[12].payment).toBe($(4120));
    expect(r.months[24].payment).toBe($('4243.60'));
    expect(r.months[36].payment).toBe($('4370.91')); // 4,370.908 -> 4,370.91 (a chain of rounded amounts)
  });

  it('residual value guarantee and certain purchase option are discounted from the end of the term', () => {
    const r = run(
      lease({
        termMonths: 48,
        payment: 1000,
        timing: 'Arrears',
        rate: '0.09',
        residualValueGuarantee: $(5000),
        purchaseOptionPrice: $(2000),
        purchaseOptionCertain: true,
      }),
    );
    const i = new D('0.0075');
    const expected = roundCents(excelPv(i, 48, $(1000), 0).plus(new D($(7000)).div(i.plus(1).pow(48))));
    expect(r.liabilityAtCommencement).toBe(expected);
    expect(r.months[47].payment).toBe($(8000));
  });

  it('a purchase option that is not reasonably certain stays out of the liability', () => {
    const r = run(
      lease({ termMonths: 48, payment: 1000, timing: 'Arrears', rate: '0.09', purchaseOptionPrice: $(2000) }),
    );
    expect(r.liabilityAtCommencement).toBe(roundCents(excelPv(new D('0.0075'), 48, $(1000), 0)));
  });

  it('free rent: 36 months of $3,000 in advance, first 3 months free, at 4.5%', () => {
    const r = run(lease({ termMonths: 36, payment: 3000, freeRentMonths: 3, rate: '0.045' }));
    const i = new D('0.045').div(12);
    expect(r.liabilityAtCommencement).toBe(roundCents(excelPv(i, 33, $(3000), 1).div(i.plus(1).pow(3))));
    expect(r.dayOnePayment).toBe(0);
    expect(r.months.slice(0, 3).map((m) => m.payment)).toEqual([0, 0, 0]);
    // Straight-line cost spreads the 33 payments over all 36 months.
    expect(r.months[0].leaseCost).toBe(roundCents(new D($(99000)).div(36)));
  });

  it('at 0% the liability is the sum of the unpaid payments and there is no accretion', () => {
    const r = run(lease({ termMonths: 24, payment: '812.34', rate: '0' }));
    expect(r.liabilityAtCommencement).toBe($('812.34') * 23);
    expect(r.months.every((m) => m.interest === 0)).toBe(true);
  });

  it('operating single lease cost = (payments incl. day one + prepaid + IDC - incentives) / N', () => {
    const r = run(
      lease({
        termMonths: 60,
        payment: 2500,
        rate: '0.07',
        prepaidRent: $(1200),
        initialDirectCosts: $(3000),
        leaseIncentives: $(6000),
      }),
    );
    const total = $(2500) * 60 + $(1200) + $(3000) - $(6000);
    expect(r.months[0].leaseCost).toBe(roundCents(new D(total).div(60)));
    expect(r.rouAtCommencement).toBe(
      roundCents(excelPv(new D('0.07').div(12), 60, $(2500), 1)) + $(1200) + $(3000) - $(6000),
    );
    expect(r.paidAtCommencement).toBe($(2500) + $(1200));
  });
});

describe('an exact half-cent present value rounds half-up (CONTRACT 1.9: "any two correct implementations agree to the cent")', () => {
  // At 9.6% a year, i = 0.096/12 = 0.008 exactly, and 1.008 = 2^4 x 63 / 1000: some payments have a PV of exactly x.5 cents.
  const policies: Policies = { ...defaultPolicies(), shortTermExemption: false };
  it.each([
    ['0.63', 1, 63], // 63 / 1.008 = 62.5 cents -> 63
    ['6300.63', 1, 625063], // 630,063 / 1.008 = 625,062.5 cents -> 625,063
    ['79.38', 2, 7813], // 7,938 / 1.008^2 = 7,812.5 cents -> 7,813
  ])('one payment of %s in arrears at month %i: liability %i cents', (payment, months, expectedCents) => {
    const pv = new D($(payment)).div(new D('1.008').pow(months));
    expect(pv.minus(pv.floor()).toString()).toBe('0.5'); // the exact PV sits on a half cent
    expect(roundCents(pv)).toBe(expectedCents);
    // Monthly in arrears; with 2 months the first month is free, leaving one payment at the end of month 2.
    const r = run(
      lease({ termMonths: months, payment, timing: 'Arrears', freeRentMonths: months - 1, rate: '0.096' }),
      policies,
    );
    expect(r.liabilityAtCommencement).toBe(expectedCents);
  });
});

describe('classification at the thresholds (ASC 842-10-25-2, CONTRACT 1.8)', () => {
  const base = { termMonths: 36, payment: 1000, rate: '0.06' };

  it('term exactly 75% of the useful life is finance; one month more of life makes it operating', () => {
    expect(run(lease({ ...base, usefulLifeMonths: 48 })).classification).toBe('finance');
    expect(run(lease({ ...base, usefulLifeMonths: 49 })).classification).toBe('operating');
  });

  it('PV exactly at 90% of fair value is finance; one cent more of fair value makes it operating', () => {
    // PV for the test = liability + paid at commencement - incentives (Excel PV, type 1, here).
    const pv = roundCents(excelPv(new D('0.005'), 36, $(1000), 1)) - $(1000) + $(1000) - $(250);
    const fv = new D(pv).times(10).div(9).floor().toNumber(); // largest FV with 0.9 x FV <= PV
    expect(run(lease({ ...base, leaseIncentives: $(250), fairValue: fv })).classification).toBe('finance');
    expect(run(lease({ ...base, leaseIncentives: $(250), fairValue: fv + 1 })).classification).toBe('operating');
  });

  it('the thresholds are policies', () => {
    const loose: Policies = { ...defaultPolicies(), economicLifeThreshold: new Decimal('0.8') };
    expect(run(lease({ ...base, usefulLifeMonths: 48 }), loose).classification).toBe('operating');
    expect(run(lease({ ...base, usefulLifeMonths: 45 }), loose).classification).toBe('finance');
  });

  it('ownership transfer, certain purchase option and specialized asset each make it finance', () => {
    expect(run(lease({ ...base, ownershipTransfers: true })).classification).toBe('finance');
    expect(run(lease({ ...base, purchaseOptionCertain: true, purchaseOptionPrice: $(100) })).classification).toBe(
      'finance',
    );
    expect(run(lease({ ...base, specializedAsset: true })).classification).toBe('finance');
    expect(run(lease(base)).classification).toBe('operating');
  });

  it('an override wins and the tests still show their own result', () => {
    const r = run(lease({ ...base, ownershipTransfers: true, classificationOverride: 'operating' }));
    expect(r.classification).toBe('operating');
    expect(r.classificationTests.byTests).toBe('finance');
    expect(r.classificationTests.override).toBe('operating');
  });

  it('short-term: 12 months or less, no certain purchase option, policy Yes; an override overrides it too', () => {
    expect(run(lease({ ...base, termMonths: 12 })).classification).toBe('short-term');
    expect(run(lease({ ...base, termMonths: 13 })).classification).toBe('operating');
    expect(
      run(lease({ ...base, termMonths: 12 }), { ...defaultPolicies(), shortTermExemption: false }).classification,
    ).toBe('operating');
    const overridden = run(lease({ ...base, termMonths: 6, classificationOverride: 'operating' }));
    expect(overridden.classification).toBe('operating');
    expect(overridden.classificationTests.byTests).toBe('short-term');
    expect(overridden.liabilityAtCommencement).toBe(roundCents(excelPv(new D('0.005'), 6, $(1000), 1)) - $(1000));
  });

  it('a useful life or fair value left blank skips its test', () => {
    const r = run(lease(base));
    const tests = r.classificationTests.tests;
    expect(tests.find((t) => t.name.startsWith('Lease term'))?.applicable).toBe(false);
    expect(tests.find((t) => t.name.startsWith('PV'))?.applicable).toBe(false);
  });
});

describe('finance lease amortization period (CONTRACT 1.7)', () => {
  it('over the term when neither ownership transfers nor a purchase option is certain', () => {
    const r = run(lease({ termMonths: 36, payment: 1000, rate: '0.06', usefulLifeMonths: 40 }));
    expect(r.classification).toBe('finance');
    expect(r.months[0].amortization).toBe(roundCents(new D(r.rouAtCommencement).div(36)));
    expect(r.months[35].rouEnd).toBe(0);
  });

  it('over the useful life when ownership transfers; the ROU left at the end of the term passes to owned assets', () => {
    const r = run(
      lease({ termMonths: 36, payment: 1000, rate: '0.06', usefulLifeMonths: 120, ownershipTransfers: true }),
    );
    const monthly = roundCents(new D(r.rouAtCommencement).div(120));
    expect(r.months[0].amortization).toBe(monthly);
    expect(r.months[35].rouEnd).toBe(r.rouAtCommencement - 36 * monthly);
    expect(r.months[35].liabilityEnd).toBe(0);
    // Finance cost = interest + amortization.
    expect(r.months.every((m) => m.leaseCost === m.interest + m.amortization)).toBe(true);
  });
});
