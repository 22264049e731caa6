import fc from 'fast-check';
import { defaultPolicies, measureLease } from '../../src/engine';
import { leaseJournal, type JournalLine } from '../../src/workpapers/journal';
import { DEFAULT_ACCOUNTS } from '../../src/engine/terms';
import { Decimal } from '../../src/engine/money/decimal';
import { leaseArb } from '../engine/support/arbitraries';
import { lease, modification } from '../support/leases';
import { E1, E19, E20, E3, levelAdvance, partiallyTerminated } from './support';

function entries(lines: JournalLine[]): Map<number, JournalLine[]> {
  const m = new Map<number, JournalLine[]>();
  for (const l of lines) m.set(l.entry, [...(m.get(l.entry) ?? []), l]);
  return m;
}

/** Net debit (debit - credit) of an account over lines. */
function net(lines: JournalLine[], account: keyof typeof DEFAULT_ACCOUNTS): number {
  return lines.filter((l) => l.account === account).reduce((s, l) => s + l.debit - l.credit, 0);
}

/** Net credit (credit - debit) of an account over lines. */
function credit(lines: JournalLine[], account: keyof typeof DEFAULT_ACCOUNTS): number {
  return lines.filter((l) => l.account === account).reduce((s, l) => s + l.credit - l.debit, 0);
}

/** The entry's lines as [account, debit, credit] in dollars, for comparison with printed entries. */
function printed(lines: JournalLine[]): [string, number, number][] {
  return lines.map((l) => [l.account, l.debit / 100, l.credit / 100]);
}

describe('journal entries: every entry balances and the journal reproduces the schedule', () => {
  it('for any valid lease: each entry balances, entries are numbered 0.. in date order, no zero lines', () => {
    fc.assert(
      fc.property(leaseArb, (g) => {
        const r = measureLease(g.terms, [], g.policies);
        const lines = leaseJournal(r);
        const byEntry = entries(lines);
        expect([...byEntry.keys()]).toEqual([...byEntry.keys()].map((_, k) => k));
        const unbalanced = [...byEntry.values()].filter(
          (ls) => ls.reduce((s, l) => s + l.debit - l.credit, 0) !== 0 || new Set(ls.map((l) => l.date)).size !== 1,
        );
        expect(unbalanced).toEqual([]);
        const badLines = lines.filter((l) => (l.debit === 0) === (l.credit === 0) || l.debit < 0 || l.credit < 0);
        expect(badLines).toEqual([]);
        const dates = lines.map((l) => l.date);
        expect(dates).toEqual([...dates].sort());
      }),
      { numRuns: 100 },
    );
  });

  it('for any valid lease: liability, ROU asset, cost and cash in the journal equal the schedule', () => {
    fc.assert(
      fc.property(leaseArb, (g) => {
        const r = measureLease(g.terms, [], g.policies);
        const lines = leaseJournal(r);
        const sum = (f: (m: (typeof r.months)[number]) => number) => r.months.reduce((s, m) => s + f(m), 0);
        const last = r.months[r.months.length - 1];
        const cost =
          net(lines, 'operatingLeaseCost') +
          net(lines, 'interestExpense') +
          net(lines, 'amortizationExpense') +
          net(lines, 'shortTermLeaseCost');
        expect(cost).toBe(sum((m) => m.leaseCost));
        // Cash: the day-one payment (not short-term: it is month 1's cash there) and every payment of the schedule.
        const dayOne = r.classification === 'short-term' ? 0 : r.dayOnePayment;
        expect(credit(lines, 'cash')).toBe(dayOne + sum((m) => m.payment));
        if (r.classification === 'short-term') {
          expect(net(lines, 'leaseLiability')).toBe(0);
          expect(net(lines, 'rouAsset')).toBe(0);
          // Prepaid rent carries the timing difference and releases the prepaid rent paid before commencement.
          expect(net(lines, 'prepaidRent')).toBe(0 - r.prepaidRent);
        } else {
          expect(credit(lines, 'leaseLiability')).toBe(last.liabilityEnd);
          expect(net(lines, 'rouAsset') + net(lines, 'ownedAssets')).toBe(last.rouEnd);
          expect(net(lines, 'rouAsset')).toBe(last.classification === 'finance' ? 0 : last.rouEnd);
          expect(net(lines, 'prepaidRent')).toBe(0 - r.prepaidRent);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('books remeasurements, partial terminations, terminations and impairments as balanced entries with gain/loss', () => {
    const terms = lease({ id: 'M', termMonths: 60, payment: 1000, rate: '0.05' });
    const mods = [
      modification({ leaseId: 'M', effectiveDate: '2029-07-01', type: 'Remeasurement', newPayment: 120000 }),
      modification({ leaseId: 'M', effectiveDate: '2030-01-01', type: 'Impairment', impairmentAmount: 500000 }),
      modification({
        leaseId: 'M',
        effectiveDate: '2030-07-01',
        type: 'Partial termination',
        scopeReduction: new Decimal('0.5'),
        newPayment: 60000,
      }),
      modification({ leaseId: 'M', effectiveDate: '2031-01-01', type: 'Termination', terminationPayment: 250000 }),
    ];
    const r = measureLease(terms, mods, defaultPolicies());
    const lines = leaseJournal(r);
    for (const [, ls] of entries(lines)) {
      expect(ls.reduce((s, l) => s + l.debit - l.credit, 0)).toBe(0);
    }
    const types = new Set(lines.map((l) => l.type));
    expect(types).toEqual(
      new Set([
        'Commencement',
        'Lease payment',
        'Operating lease cost',
        'Remeasurement',
        'Impairment',
        'Partial termination',
        'Termination',
      ]),
    );
    const impairment = lines.filter((l) => l.type === 'Impairment');
    expect(printed(impairment)).toEqual([
      ['impairmentLoss', 5000, 0],
      ['rouAsset', 0, 5000],
    ]);
    // Gains and losses of the modification rows reach the gain/loss account.
    const gainLoss = r.months.reduce((s, m) => s + m.gainLoss, 0);
    expect(credit(lines, 'gainLoss')).toBe(gainLoss);
    expect(gainLoss).not.toBe(0);
    // After the termination both balances are 0.
    expect(net(lines, 'leaseLiability')).toBe(0);
    expect(net(lines, 'rouAsset')).toBe(0);
  });
});

describe('a partial termination in the journal', () => {
  it.each(['Proportion of asset', 'Proportion of liability'] as const)(
    '%s: a derecognition entry with its gain or loss, then the remeasurement of the rest, each balanced',
    (method) => {
      const r = partiallyTerminated(method);
      const before = r.months[17];
      const newLiability = r.measurements[1].liability;
      const removed =
        method === 'Proportion of asset'
          ? new Decimal(before.liabilityEnd).times('0.3').toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber()
          : before.liabilityEnd - newLiability;
      const rouRemoved = new Decimal(before.rouEnd)
        .times(method === 'Proportion of asset' ? '0.3' : new Decimal(removed).dividedBy(before.liabilityEnd))
        .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
        .toNumber();
      const lines = leaseJournal(r).filter((l) => l.date === '2030-07-01' && l.type !== 'Lease payment');
      const byEntry = [...entries(lines).values()];
      const derecognition = byEntry[0];
      expect(derecognition[0].type).toBe('Partial termination');
      expect(net(derecognition, 'leaseLiability')).toBe(removed);
      expect(net(derecognition, 'rouAsset')).toBe(-rouRemoved);
      expect(removed).not.toBe(rouRemoved);
      expect(net(derecognition, 'gainLoss')).toBe(-(removed - rouRemoved));
      const remeasured = newLiability - (before.liabilityEnd - removed);
      if (remeasured === 0) {
        expect(byEntry.length).toBe(1);
      } else {
        expect(byEntry.length).toBe(2);
        expect(byEntry[1][0].type).toBe('Remeasurement');
        expect(net(byEntry[1], 'leaseLiability')).toBe(-remeasured);
        expect(net(byEntry[1], 'rouAsset')).toBe(remeasured);
      }
      for (const e of byEntry) expect(e.reduce((s, l) => s + l.debit - l.credit, 0)).toBe(0);
      // Proportion of liability: the liability falls to the new PV by derecognition alone.
      if (method === 'Proportion of liability') expect(remeasured).toBe(0);
    },
  );
});

describe('journal entries against the published examples', () => {
  const policies = defaultPolicies();

  it('E1 (PwC 4-2): Dr ROU 4,825 / Cr Lease liability 3,725 / Cr Cash 1,100; finance interest and amortization', () => {
    const r = measureLease(E1, [], policies);
    const lines = leaseJournal(r);
    const commencement = lines.filter((l) => l.entry === 0);
    expect(commencement.map((l) => l.account)).toEqual(['rouAsset', 'leaseLiability', 'cash']);
    // Printed in whole dollars (the liability printed as $3,725 is 3,725.93: see published-examples.md Conventions 4).
    expect(Math.abs(commencement[0].debit / 100 - 4825)).toBeLessThan(1);
    expect(Math.abs(commencement[1].credit / 100 - 3725)).toBeLessThan(1);
    expect(commencement[2].credit).toBe(110000);
    expect(commencement[0].debit).toBe(commencement[1].credit + commencement[2].credit);
    // Year 1: interest expense $261 and amortization $965 (printed); no payment in year 1 after commencement.
    const y1 = lines.filter((l) => l.date <= '2029-12-31' && l.entry > 0);
    expect(Math.abs(net(y1, 'interestExpense') / 100 - 261)).toBeLessThanOrEqual(2);
    expect(Math.abs(net(y1, 'amortizationExpense') / 100 - 965)).toBeLessThanOrEqual(2);
    expect(y1.some((l) => l.account === 'cash')).toBe(false);
    // Year 2: the $1,100 payment on 1/1 reduces the liability.
    const pay = lines.filter((l) => l.type === 'Lease payment' && l.date === '2030-01-01');
    expect(printed(pay)).toEqual([
      ['leaseLiability', 1100, 0],
      ['cash', 0, 1100],
    ]);
  });

  it('E3 (PwC 4-4): Dr ROU 16,518 / Cr Cash 500 / Cr Lease liability 16,018; month 1: cost 500 = accretion 80.09 + amortization 419.91', () => {
    const r = measureLease(E3, [], policies);
    const lines = leaseJournal(r);
    expect(printed(lines.filter((l) => l.entry === 0))).toEqual([
      ['rouAsset', 16517.69, 0],
      ['leaseLiability', 0, 16017.69],
      ['cash', 0, 500],
    ]);
    const m1 = lines.filter((l) => l.type === 'Operating lease cost' && l.date === '2029-01-31');
    expect(printed(m1)).toEqual([
      ['operatingLeaseCost', 500, 0],
      ['leaseLiability', 0, 80.09],
      ['rouAsset', 0, 419.91],
    ]);
    // Year 1 (printed): payments 5,500 (11 payments), "interest" 820, single lease cost 6,000.
    const y1 = lines.filter((l) => l.date <= '2029-12-31');
    expect(credit(y1, 'cash')).toBe(50000 + 550000);
    expect(net(y1, 'operatingLeaseCost')).toBe(600000);
    const accretion = y1
      .filter((l) => l.type === 'Operating lease cost' && l.account === 'leaseLiability')
      .reduce((s, l) => s + l.credit, 0);
    expect(Math.abs(accretion / 100 - 820)).toBeLessThan(1);
  });

  it('E19 (EZLease): ROU 540,116.39 = liability 535,116.39 + the $5,000 paid on day one; month 1: cost 5,500, accretion 1,783.72, amortization 3,716.28', () => {
    const r = measureLease(E19, [], policies);
    const lines = leaseJournal(r);
    expect(printed(lines.filter((l) => l.entry === 0))).toEqual([
      ['rouAsset', 540116.39, 0],
      ['leaseLiability', 0, 535116.39],
      ['cash', 0, 5000],
    ]);
    expect(printed(lines.filter((l) => l.type === 'Operating lease cost' && l.date === '2022-01-31'))).toEqual([
      ['operatingLeaseCost', 5500, 0],
      ['leaseLiability', 0, 1783.72],
      ['rouAsset', 0, 3716.28],
    ]);
  });

  it('E20 (EZLease GASB 87): ROU 7,102.59 = liability 6,893.59 + 209 paid on day one; first-month interest 22.98', () => {
    const r = measureLease(E20, [], policies);
    const lines = leaseJournal(r);
    expect(printed(lines.filter((l) => l.entry === 0))).toEqual([
      ['rouAsset', 7102.59, 0],
      ['leaseLiability', 0, 6893.59],
      ['cash', 0, 209],
    ]);
    const m1 = lines.filter((l) => l.type === 'Operating lease cost' && l.date === '2022-07-31');
    expect(m1.find((l) => l.account === 'leaseLiability')?.credit).toBe(2298);
    // The second payment (1 August) reduces the liability by 209.00.
    expect(printed(lines.filter((l) => l.type === 'Lease payment' && l.date === '2022-08-01'))).toEqual([
      ['leaseLiability', 209, 0],
      ['cash', 0, 209],
    ]);
  });
});

describe('journal entries against hand-derived figures (sample portfolio leases)', () => {
  it('VEH-001: 36 x 720.00 in advance at 6%: commencement and accretion as derived by hand', () => {
    const veh = lease({ id: 'VEH-001', commencement: '2024-03-01', termMonths: 36, payment: 720, rate: '0.06' });
    const hand = levelAdvance(72000, '0.06', 36);
    const lines = leaseJournal(measureLease(veh, [], defaultPolicies()));
    expect(printed(lines.filter((l) => l.entry === 0))).toEqual([
      ['rouAsset', (hand.liability0 + 72000) / 100, 0],
      ['leaseLiability', 0, hand.liability0 / 100],
      ['cash', 0, 720],
    ]);
    const accretion = lines
      .filter((l) => l.type === 'Operating lease cost' && l.account === 'leaseLiability')
      .map((l) => l.credit);
    expect(accretion).toEqual(hand.interest.filter((x) => x !== 0));
    // Straight-line cost 36 x 720 / 36 = 720.00 every month.
    expect(new Set(lines.filter((l) => l.account === 'operatingLeaseCost').map((l) => l.debit))).toEqual(
      new Set([72000]),
    );
  });

  it('STOR-ST (short-term, 12 x 4,200 in advance): Dr Prepaid rent / Cr Cash on the 1st, Dr Short-term lease cost / Cr Prepaid rent at month end', () => {
    const st = lease({ id: 'STOR-ST', commencement: '2025-05-01', termMonths: 12, payment: 4200, rate: '0.06' });
    const lines = leaseJournal(measureLease(st, [], defaultPolicies()));
    expect(lines.filter((l) => l.type === 'Commencement')).toEqual([]);
    expect(printed(lines.filter((l) => l.date === '2025-05-01'))).toEqual([
      ['prepaidRent', 4200, 0],
      ['cash', 0, 4200],
    ]);
    expect(printed(lines.filter((l) => l.date === '2025-05-31'))).toEqual([
      ['shortTermLeaseCost', 4200, 0],
      ['prepaidRent', 0, 4200],
    ]);
    expect(lines).toHaveLength(48);
  });

  it('GEN-001 (finance, title transfers, useful life 180 > term 60): the ROU asset left after month 60 passes to owned assets', () => {
    const gen = lease({
      id: 'GEN-001',
      commencement: '2024-06-01',
      termMonths: 60,
      payment: 12400,
      timing: 'Arrears',
      rate: '0.0675',
      ownershipTransfers: true,
      usefulLifeMonths: 180,
    });
    const r = measureLease(gen, [], defaultPolicies());
    const lines = leaseJournal(r);
    // By hand: amortization = round(ROU / 180) a month for 60 months; what is left transfers.
    const monthly = Math.round(r.rouAtCommencement / 180 + 1e-9);
    const left = r.rouAtCommencement - 60 * monthly;
    const transfer = lines.filter((l) => l.type === 'Transfer to owned assets');
    expect(printed(transfer)).toEqual([
      ['ownedAssets', left / 100, 0],
      ['rouAsset', 0, left / 100],
    ]);
    expect(transfer[0].date).toBe('2029-05-31');
    expect(left).toBeGreaterThan(r.rouAtCommencement / 2);
  });
});
