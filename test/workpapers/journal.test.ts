import fc from 'fast-check';
import { defaultPolicies, measureLease, type LeaseResult } from '../../src/engine';
import { eomonth } from '../../src/engine/calendar/dates';
import type { AccountRole } from '../../src/input/accountRoles';
import { liabilityAt } from '../../src/workpapers/disclosureFigures';
import { leaseJournal, type JournalLine } from '../../src/workpapers/journal';
import { Decimal } from '../../src/engine/money/decimal';
import { dateArb, leaseArb } from '../engine/support/arbitraries';
import { lease, modification } from '../support/leases';
import { E1, E19, E20, E3, levelAdvance, partiallyTerminated } from './support';
import { caseArb, measured } from './modifiedLease';

function entries(lines: JournalLine[]): Map<string, JournalLine[]> {
  const m = new Map<string, JournalLine[]>();
  for (const l of lines) m.set(l.entry, [...(m.get(l.entry) ?? []), l]);
  return m;
}

const LIABILITY: AccountRole[] = [
  'Operating lease liability current',
  'Operating lease liability non-current',
  'Finance lease liability current',
  'Finance lease liability non-current',
];
const ROU: AccountRole[] = ['Operating ROU asset', 'Finance ROU asset', 'Finance ROU accumulated amortization'];
const COST: AccountRole[] = [
  'Operating lease cost',
  'Finance lease interest',
  'Finance lease amortization',
  'Short-term lease cost',
];

/** Net debit (debit - credit) of account roles over lines. */
function net(lines: JournalLine[], role: AccountRole | AccountRole[]): number {
  const roles = Array.isArray(role) ? role : [role];
  return lines.filter((l) => roles.includes(l.role)).reduce((s, l) => s + l.debit - l.credit, 0);
}

/** Net credit (credit - debit) of account roles over lines. */
function credit(lines: JournalLine[], role: AccountRole | AccountRole[]): number {
  return 0 - net(lines, role);
}

/** The entry's lines as [role, debit, credit] in dollars, for comparison with printed entries. */
function printed(lines: JournalLine[]): [string, number, number][] {
  return lines.map((l) => [l.role, l.debit / 100, l.credit / 100]);
}

/** The ledger balance of a lease at a month-end from the schedule (liability; ROU after any transfer). */
function scheduleAt(r: LeaseResult, d: string): { liability: number; rou: number } {
  let j = -1;
  for (let k = 0; k < r.months.length && r.months[k].start <= d; k++) j = k;
  if (j < 0 || r.classification === 'short-term') return { liability: 0, rou: 0 };
  const m = r.months[j];
  if (d >= m.end) {
    const last = j === r.months.length - 1;
    const transfer = last && m.classification === 'finance' && m.event !== 'Termination' ? m.rouEnd : 0;
    return { liability: m.liabilityEnd, rou: m.rouEnd - transfer };
  }
  return { liability: m.interestBase, rou: m.rouStart + m.rouAdjustment };
}

describe('journal entries: every entry balances and the journal reproduces the schedule', () => {
  it('for any valid lease: each entry balances on one date, entry numbers are unique per entry, no zero lines, date order', () => {
    fc.assert(
      fc.property(leaseArb, fc.boolean(), (g, accumulated) => {
        const r = measureLease(g.terms, [], g.policies);
        const lines = leaseJournal(r, undefined, { accumulatedAmortization: accumulated });
        const unbalanced = [...entries(lines).values()].filter(
          (ls) => ls.reduce((s, l) => s + l.debit - l.credit, 0) !== 0 || new Set(ls.map((l) => l.date)).size !== 1,
        );
        expect(unbalanced).toEqual([]);
        // The number is the lease, the booking month and the kind of entry.
        for (const l of lines) {
          expect(l.entry.startsWith(`${r.id}-${l.date.slice(0, 4)}${l.date.slice(5, 7)}-`)).toBe(true);
        }
        const badLines = lines.filter((l) => (l.debit === 0) === (l.credit === 0) || l.debit < 0 || l.credit < 0);
        expect(badLines).toEqual([]);
        const dates = lines.map((l) => l.date);
        expect(dates).toEqual([...dates].sort());
      }),
      { numRuns: 100 },
    );
  });

  it('for any valid lease: liability, ROU asset, cost and cash over its life equal the schedule', () => {
    fc.assert(
      fc.property(leaseArb, fc.boolean(), (g, accumulated) => {
        const r = measureLease(g.terms, [], g.policies);
        const lines = leaseJournal(r, undefined, { accumulatedAmortization: accumulated });
        const sum = (f: (m: (typeof r.months)[number]) => number) => r.months.reduce((s, m) => s + f(m), 0);
        const last = r.months[r.months.length - 1];
        expect(net(lines, COST)).toBe(sum((m) => m.leaseCost));
        // Cash: the day-one payment (not short-term: it is month 1's cash there), every payment, incentives received.
        const dayOne = r.classification === 'short-term' ? 0 : r.dayOnePayment;
        expect(credit(lines, 'Cash')).toBe(dayOne + sum((m) => m.payment) - r.leaseIncentives);
        expect(net(lines, 'Prepaid rent')).toBe(0 - r.prepaidRent);
        // Every current portion is moved back by the end of the lease.
        expect(net(lines, ['Operating lease liability current', 'Finance lease liability current'])).toBe(0);
        if (r.classification === 'short-term') {
          expect(net(lines, LIABILITY)).toBe(0);
          expect(net(lines, ROU)).toBe(0);
        } else {
          expect(credit(lines, LIABILITY)).toBe(last.liabilityEnd);
          expect(net(lines, ROU) + net(lines, 'Owned assets')).toBe(last.rouEnd);
          expect(net(lines, ROU)).toBe(last.classification === 'finance' ? 0 : last.rouEnd);
          // Operating and finance accounts are separate: a lease that stays operating never touches finance accounts.
          const touched = new Set(lines.map((l) => l.role));
          if (r.months.every((m) => m.classification === 'operating')) {
            expect([...touched].filter((t) => t.startsWith('Finance'))).toEqual([]);
          }
          if (r.months.every((m) => m.classification === 'finance')) {
            expect([...touched].filter((t) => t.startsWith('Operating'))).toEqual([]);
          }
          // With an accumulated amortization account, it is closed against the asset's cost when the lease ends.
          expect(net(lines, 'Finance ROU accumulated amortization')).toBe(0);
          if (!accumulated) expect(touched.has('Finance ROU accumulated amortization')).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('for any valid lease and month: the month holds exactly the lines dated in it, and they move the balances as the schedule does', () => {
    fc.assert(
      fc.property(leaseArb, dateArb, (g, day) => {
        const r = measureLease(g.terms, [], g.policies);
        const end = eomonth(day, 0);
        const start = `${end.slice(0, 8)}01`;
        const all = leaseJournal(r);
        const month = leaseJournal(r, { from: start, to: end });
        expect(month).toEqual(all.filter((l) => l.date >= start && l.date <= end));
        const before = scheduleAt(r, eomonth(start, -1));
        const after = scheduleAt(r, end);
        expect(credit(month, LIABILITY)).toBe(after.liability - before.liability);
        expect(net(month, ROU)).toBe(after.rou - before.rou);
        const cost = r.months.filter((m) => m.end >= start && m.end <= end).reduce((s, m) => s + m.leaseCost, 0);
        expect(net(month, COST)).toBe(cost);
      }),
      { numRuns: 150 },
    );
  });

  it('the current-liability account holds the current portion at every month-end (the reclass moves the balance)', () => {
    fc.assert(
      fc.property(leaseArb, (g) => {
        const r = measureLease(g.terms, [], g.policies);
        if (r.classification === 'short-term') return;
        const lines = leaseJournal(r);
        let d = eomonth(r.commencement, 0);
        const last = eomonth(r.months[r.months.length - 1].end, 0);
        for (let k = 0; d <= last && k < 400; d = eomonth(d, 1), k++) {
          const upTo = lines.filter((l) => l.date <= d);
          const at = liabilityAt(r.months, d);
          const current = credit(upTo, ['Operating lease liability current', 'Finance lease liability current']);
          expect(current).toBe(at ? at.current : 0);
          expect(credit(upTo, LIABILITY)).toBe(at ? at.liability : 0);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('with a random modification (reclassifications included), with or without accumulated amortization: every entry balances, each month moves the balances as the schedule does, the current account holds the current portion', () => {
    let reclassified = 0;
    fc.assert(
      fc.property(caseArb, fc.boolean(), dateArb, (c, accumulated, day) => {
        const r = measured(c);
        if (new Set(r.months.map((m) => m.classification)).size > 1) reclassified++;
        const options = { accumulatedAmortization: accumulated };
        const lines = leaseJournal(r, undefined, options);
        for (const ls of entries(lines).values()) expect(ls.reduce((s, l) => s + l.debit - l.credit, 0)).toBe(0);
        const last = r.months[r.months.length - 1];
        if (r.classification !== 'short-term') {
          expect(credit(lines, LIABILITY)).toBe(last.liabilityEnd);
          expect(net(lines, 'Finance ROU accumulated amortization')).toBe(0);
          expect(net(lines, ['Operating lease liability current', 'Finance lease liability current'])).toBe(0);
        }
        const end = eomonth(day, 0);
        const start = `${end.slice(0, 8)}01`;
        const month = leaseJournal(r, { from: start, to: end }, options);
        const before = scheduleAt(r, eomonth(start, -1));
        const after = scheduleAt(r, end);
        expect(credit(month, LIABILITY)).toBe(after.liability - before.liability);
        expect(net(month, ROU)).toBe(after.rou - before.rou);
        const at = liabilityAt(r.months, end);
        const upTo = lines.filter((l) => l.date <= end);
        expect(credit(upTo, ['Operating lease liability current', 'Finance lease liability current'])).toBe(
          at ? at.current : 0,
        );
      }),
      { numRuns: 150 },
    );
    // The runs include leases reclassified at their remeasurement (operating to finance or back).
    expect(reclassified).toBeGreaterThan(0);
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
    const kinds = new Set(lines.map((l) => l.kind));
    expect(kinds).toEqual(
      new Set([
        'Commencement',
        'Payment in advance',
        'Operating lease cost',
        'Remeasurement',
        'Impairment',
        'Partial termination',
        'Termination',
        'Payment',
        'Current portion reclass',
      ]),
    );
    const impairment = lines.filter((l) => l.kind === 'Impairment');
    expect(printed(impairment)).toEqual([
      ['Impairment loss', 5000, 0],
      ['Operating ROU asset', 0, 5000],
    ]);
    expect(impairment[0].entry).toBe('M-203001-IMP');
    // Gains and losses of the modification rows reach the gain/loss account.
    const gainLoss = r.months.reduce((s, m) => s + m.gainLoss, 0);
    expect(credit(lines, 'Gain or loss on lease modification')).toBe(gainLoss);
    expect(gainLoss).not.toBe(0);
    // After the termination both balances are 0.
    expect(net(lines, LIABILITY)).toBe(0);
    expect(net(lines, ROU)).toBe(0);
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
      const lines = leaseJournal(r).filter(
        (l) => l.date === '2030-07-01' && (l.kind === 'Partial termination' || l.kind === 'Remeasurement'),
      );
      const byEntry = [...entries(lines).values()];
      const derecognition = byEntry[0];
      expect(derecognition[0].kind).toBe('Partial termination');
      expect(net(derecognition, LIABILITY)).toBe(removed);
      expect(net(derecognition, ROU)).toBe(-rouRemoved);
      expect(removed).not.toBe(rouRemoved);
      expect(net(derecognition, 'Gain or loss on lease modification')).toBe(-(removed - rouRemoved));
      const remeasured = newLiability - (before.liabilityEnd - removed);
      if (remeasured === 0) {
        expect(byEntry.length).toBe(1);
      } else {
        expect(byEntry.length).toBe(2);
        expect(byEntry[1][0].kind).toBe('Remeasurement');
        expect(net(byEntry[1], LIABILITY)).toBe(-remeasured);
        expect(net(byEntry[1], ROU)).toBe(remeasured);
      }
      for (const e of byEntry) expect(e.reduce((s, l) => s + l.debit - l.credit, 0)).toBe(0);
      // Proportion of liability: the liability falls to the new PV by derecognition alone.
      if (method === 'Proportion of liability') expect(remeasured).toBe(0);
    },
  );
});

describe('journal entries against the published examples', () => {
  const policies = defaultPolicies();
  const commencement = (lines: JournalLine[]) => lines.filter((l) => l.kind === 'Commencement');

  it('E1 (PwC 4-2): Dr ROU 4,825 / Cr Lease liability 3,725 / Cr Cash 1,100; finance interest and amortization', () => {
    const r = measureLease(E1, [], policies);
    const lines = leaseJournal(r);
    const first = commencement(lines);
    expect(first.map((l) => l.role)).toEqual(['Finance ROU asset', 'Finance lease liability non-current', 'Cash']);
    expect(first[0].entry).toBe('E1-202901-COM');
    // Printed in whole dollars (the liability printed as $3,725 is 3,725.93: see published-examples.md Conventions 4).
    expect(Math.abs(first[0].debit / 100 - 4825)).toBeLessThan(1);
    expect(Math.abs(first[1].credit / 100 - 3725)).toBeLessThan(1);
    expect(first[2].credit).toBe(110000);
    expect(first[0].debit).toBe(first[1].credit + first[2].credit);
    // Year 1: interest expense $261 and amortization $965 (printed); no payment in year 1 after commencement.
    const y1 = leaseJournal(r, { from: '2029-01-01', to: '2029-12-31' }).filter((l) => l.kind !== 'Commencement');
    expect(Math.abs(net(y1, 'Finance lease interest') / 100 - 261)).toBeLessThanOrEqual(2);
    expect(Math.abs(net(y1, 'Finance lease amortization') / 100 - 965)).toBeLessThanOrEqual(2);
    expect(y1.some((l) => l.role === 'Cash')).toBe(false);
    // Year 2: the $1,100 payment on 1/1 reduces the liability.
    const pay = lines.filter((l) => l.kind === 'Payment in advance' && l.date === '2030-01-01');
    expect(printed(pay)).toEqual([
      ['Finance lease liability non-current', 1100, 0],
      ['Cash', 0, 1100],
    ]);
    // With an accumulated amortization account, year 1's amortization accumulates there instead.
    const acc = leaseJournal(r, { from: '2029-01-01', to: '2029-12-31' }, { accumulatedAmortization: true });
    expect(credit(acc, 'Finance ROU accumulated amortization')).toBe(net(y1, 'Finance lease amortization'));
    expect(net(acc, 'Finance ROU asset')).toBe(first[0].debit);
  });

  it('E3 (PwC 4-4): Dr ROU 16,518 / Cr Cash 500 / Cr Lease liability 16,018; month 1: cost 500 = accretion 80.09 + amortization 419.91', () => {
    const r = measureLease(E3, [], policies);
    const lines = leaseJournal(r);
    expect(printed(commencement(lines))).toEqual([
      ['Operating ROU asset', 16517.69, 0],
      ['Operating lease liability non-current', 0, 16017.69],
      ['Cash', 0, 500],
    ]);
    const m1 = lines.filter((l) => l.kind === 'Operating lease cost' && l.date === '2029-01-31');
    expect(printed(m1)).toEqual([
      ['Operating lease cost', 500, 0],
      ['Operating lease liability non-current', 0, 80.09],
      ['Operating ROU asset', 0, 419.91],
    ]);
    expect(m1[0].entry).toBe('E3-202901-COST');
    // Year 1 (printed): payments 5,500 (11 payments), "interest" 820, single lease cost 6,000.
    const y1 = leaseJournal(r, { from: '2029-01-01', to: '2029-12-31' });
    expect(credit(y1, 'Cash')).toBe(50000 + 550000);
    expect(net(y1, 'Operating lease cost')).toBe(600000);
    const accretion = y1
      .filter((l) => l.kind === 'Operating lease cost' && LIABILITY.includes(l.role))
      .reduce((s, l) => s + l.credit, 0);
    expect(Math.abs(accretion / 100 - 820)).toBeLessThan(1);
  });

  it('E19 (EZLease): ROU 540,116.39 = liability 535,116.39 + the $5,000 paid on day one; month 1: cost 5,500, accretion 1,783.72, amortization 3,716.28', () => {
    const r = measureLease(E19, [], policies);
    const lines = leaseJournal(r);
    expect(printed(commencement(lines))).toEqual([
      ['Operating ROU asset', 540116.39, 0],
      ['Operating lease liability non-current', 0, 535116.39],
      ['Cash', 0, 5000],
    ]);
    expect(printed(lines.filter((l) => l.kind === 'Operating lease cost' && l.date === '2022-01-31'))).toEqual([
      ['Operating lease cost', 5500, 0],
      ['Operating lease liability non-current', 0, 1783.72],
      ['Operating ROU asset', 0, 3716.28],
    ]);
  });

  it('E20 (EZLease GASB 87): ROU 7,102.59 = liability 6,893.59 + 209 paid on day one; first-month interest 22.98', () => {
    const r = measureLease(E20, [], policies);
    const lines = leaseJournal(r);
    expect(printed(commencement(lines))).toEqual([
      ['Operating ROU asset', 7102.59, 0],
      ['Operating lease liability non-current', 0, 6893.59],
      ['Cash', 0, 209],
    ]);
    const m1 = lines.filter((l) => l.kind === 'Operating lease cost' && l.date === '2022-07-31');
    expect(m1.find((l) => LIABILITY.includes(l.role))?.credit).toBe(2298);
    // The second payment (1 August) reduces the liability by 209.00.
    expect(printed(lines.filter((l) => l.kind === 'Payment in advance' && l.date === '2022-08-01'))).toEqual([
      ['Operating lease liability non-current', 209, 0],
      ['Cash', 0, 209],
    ]);
  });
});

describe('journal entries against hand-derived figures (sample portfolio leases)', () => {
  it('VEH-001: 36 x 720.00 in advance at 6%: commencement and accretion as derived by hand', () => {
    const veh = lease({ id: 'VEH-001', commencement: '2024-03-01', termMonths: 36, payment: 720, rate: '0.06' });
    const hand = levelAdvance(72000, '0.06', 36);
    const lines = leaseJournal(measureLease(veh, [], defaultPolicies()));
    expect(printed(lines.filter((l) => l.kind === 'Commencement'))).toEqual([
      ['Operating ROU asset', (hand.liability0 + 72000) / 100, 0],
      ['Operating lease liability non-current', 0, hand.liability0 / 100],
      ['Cash', 0, 720],
    ]);
    const accretion = lines
      .filter((l) => l.kind === 'Operating lease cost' && LIABILITY.includes(l.role))
      .map((l) => l.credit);
    expect(accretion).toEqual(hand.interest.filter((x) => x !== 0));
    // Straight-line cost 36 x 720 / 36 = 720.00 every month.
    expect(new Set(lines.filter((l) => l.role === 'Operating lease cost').map((l) => l.debit))).toEqual(
      new Set([72000]),
    );
    // The current portion at the first month-end, by hand: the liability less the liability 12 months later.
    const reclass = lines.filter((l) => l.kind === 'Current portion reclass' && l.date === '2024-03-31');
    expect(printed(reclass)).toEqual([
      ['Operating lease liability non-current', (hand.closing[0] - hand.closing[12]) / 100, 0],
      ['Operating lease liability current', 0, (hand.closing[0] - hand.closing[12]) / 100],
    ]);
  });

  it('incentives received are cash at commencement, not a receivable', () => {
    const withIncentive = lease({ id: 'INC', termMonths: 36, payment: 1000, rate: '0.05', leaseIncentives: 500000 });
    const r = measureLease(withIncentive, [], defaultPolicies());
    const first = leaseJournal(r).filter((l) => l.kind === 'Commencement');
    expect(first.filter((l) => l.role === 'Cash').map((l) => [l.debit, l.credit])).toEqual([
      [0, 100000],
      [500000, 0],
    ]);
    expect(first.some((l) => l.role === 'Lease incentives')).toBe(false);
    expect(net(first, 'Operating ROU asset')).toBe(r.liabilityAtCommencement + 100000 - 500000);
  });

  it('STOR-ST (short-term, 12 x 4,200 in advance): Dr Prepaid rent / Cr Cash on the 1st, Dr Short-term lease cost / Cr Prepaid rent at month end', () => {
    const st = lease({ id: 'STOR-ST', commencement: '2025-05-01', termMonths: 12, payment: 4200, rate: '0.06' });
    const lines = leaseJournal(measureLease(st, [], defaultPolicies()));
    expect(lines.filter((l) => l.kind === 'Commencement')).toEqual([]);
    expect(printed(lines.filter((l) => l.date === '2025-05-01'))).toEqual([
      ['Prepaid rent', 4200, 0],
      ['Cash', 0, 4200],
    ]);
    expect(printed(lines.filter((l) => l.date === '2025-05-31'))).toEqual([
      ['Short-term lease cost', 4200, 0],
      ['Prepaid rent', 0, 4200],
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
    const transfer = lines.filter((l) => l.kind === 'Transfer to owned assets');
    expect(printed(transfer)).toEqual([
      ['Owned assets', left / 100, 0],
      ['Finance ROU asset', 0, left / 100],
    ]);
    expect(transfer[0].date).toBe('2029-05-31');
    expect(left).toBeGreaterThan(r.rouAtCommencement / 2);
    // With accumulated amortization: Dr Owned assets (net) + Dr Accumulated amortization / Cr ROU asset (cost).
    const acc = leaseJournal(r, undefined, { accumulatedAmortization: true }).filter(
      (l) => l.kind === 'Transfer to owned assets',
    );
    expect(printed(acc)).toEqual([
      ['Owned assets', left / 100, 0],
      ['Finance ROU asset', 0, left / 100],
      ['Finance ROU accumulated amortization', (60 * monthly) / 100, 0],
      ['Finance ROU asset', 0, (60 * monthly) / 100],
    ]);
  });
});
