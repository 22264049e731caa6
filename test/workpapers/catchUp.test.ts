/**
 * Catch-up positions (CONTRACT 1.11) without the command line: a lease unchanged since the close has no catch-up;
 * a lease entered late catches up everything booked through Closed Through; a lease removed from the input has
 * what was posted for it reversed; every catch-up balances, one line per account, on the first open day.
 */
import { defaultPolicies, measureLease } from '../../src/engine';
import type { PostedBalances, PostedLease } from '../../src/input/postedBalances';
import { changedPositions, closedPositions } from '../../src/workpapers/catchUp';
import { CLOSING_FIGURES, DEBIT_SIGN, leaseClosing } from '../../src/workpapers/closing';
import { lease, modification } from '../support/leases';
import { catchUpJournal } from '../../src/workpapers/journal';

const CT = '2029-06-30';
// PwC 4-4's automobile (operating, 500 a month in advance, 36 months, 6%) and a second lease like it.
const a = measureLease(lease({ id: 'A', commencement: '2029-01-01' }), [], defaultPolicies());
const b = measureLease(lease({ id: 'B', commencement: '2029-03-01', payment: 800 }), [], defaultPolicies());

function posted(...leases: { id: string; figures: PostedLease['figures']; current?: number }[]): PostedBalances {
  return {
    through: CT,
    where: "'Posted Balances'!A4",
    place: { sheet: 'Posted Balances', firstRow: 5, lastRow: 4 + leases.length, columns: {} },
    leases: new Map(
      leases.map((l, i) => [
        l.id.toLowerCase(),
        {
          leaseId: l.id,
          entity: 'Parent',
          currency: 'USD',
          classification: 'operating' as const,
          figures: l.figures,
          currentLiability: l.current ?? 0,
          where: `'Posted Balances'!A${5 + i}`,
        },
      ]),
    ),
  };
}

const net = (lines: { debit: number; credit: number }[]) => lines.reduce((s, l) => s + l.debit - l.credit, 0);

describe('catch-up positions', () => {
  it('a lease posted as now computed has no catch-up; one entered late catches up all it booked', () => {
    const positions = closedPositions(
      [a, b],
      posted({ id: 'A', figures: leaseClosing(a, CT).figures, current: leaseClosing(a, CT).currentLiability }),
    );
    expect(positions.map((p) => [p.leaseId, p.date, p.inInput])).toEqual([
      ['A', '2029-07-01', true],
      ['B', '2029-07-01', true],
    ]);
    expect(positions[0].lines).toEqual([]);
    const late = changedPositions(positions);
    expect(late.map((p) => p.leaseId)).toEqual(['B']);
    // B commenced 2029-03-01: four months of cost (800 a month) and four payments booked through June.
    expect(late[0].difference.operatingLeaseCost).toBe(4 * 80000);
    expect(late[0].difference.cash).toBe(4 * 80000);
    expect(late[0].difference.leaseLiability).toBe(b.months[3].liabilityEnd);
    expect(late[0].difference.rouAsset).toBe(b.months[3].rouEnd);
    expect(net(late[0].lines)).toBe(0);
    expect(new Set(late[0].lines.map((l) => l.figure)).size).toBe(late[0].lines.length);
  });

  it('a lease no longer in the input has what was posted for it reversed', () => {
    const postedA = leaseClosing(a, CT).figures;
    const [pa, pgone] = closedPositions(
      [a],
      posted(
        { id: 'A', figures: postedA, current: leaseClosing(a, CT).currentLiability },
        { id: 'GONE', figures: leaseClosing(b, CT).figures },
      ),
    );
    expect(pa.lines).toEqual([]);
    expect(pgone).toMatchObject({ leaseId: 'GONE', inInput: false, entity: 'Parent' });
    for (const k of CLOSING_FIGURES) expect(pgone.difference[k] || 0).toBe(-leaseClosing(b, CT).figures[k] || 0);
    for (const l of pgone.lines) {
      expect(l.debit - l.credit).toBe(-DEBIT_SIGN[l.figure] * leaseClosing(b, CT).figures[l.figure]);
    }
    expect(net(pgone.lines)).toBe(0);
  });
});

describe('the catch-up entry on the journal accounts', () => {
  // A's automobile lease reclassified as finance by a remeasurement dated 2029-04-01, in a month since closed.
  const finance = measureLease(
    lease({ id: 'A', commencement: '2029-01-01' }),
    [
      modification({
        leaseId: 'A',
        effectiveDate: '2029-04-01',
        type: 'Remeasurement',
        classificationOverride: 'finance',
      }),
    ],
    defaultPolicies(),
  );
  const was = leaseClosing(a, CT);
  const [p] = closedPositions([finance], posted({ id: 'A', figures: was.figures, current: was.currentLiability }));
  const byRole = (lines: { role: string; debit: number; credit: number }[]) => {
    const m = new Map<string, number>();
    for (const l of lines) m.set(l.role, (m.get(l.role) ?? 0) + l.debit - l.credit);
    return m;
  };

  it('moves the balances from the operating to the finance accounts when the classification changed', () => {
    expect(finance.months[3].classification).toBe('finance');
    const now = leaseClosing(finance, CT);
    const m = byRole(catchUpJournal(p, CT));
    expect(m.get('Operating ROU asset')).toBe(-was.figures.rouAsset);
    expect(m.get('Finance ROU asset')).toBe(now.figures.rouAsset);
    expect(
      (m.get('Operating lease liability current') ?? 0) + (m.get('Operating lease liability non-current') ?? 0),
    ).toBe(was.figures.leaseLiability);
    expect(m.get('Operating lease liability current')).toBe(was.currentLiability);
    expect(m.get('Finance lease liability current')).toBe(-now.currentLiability);
    expect(m.get('Finance lease liability non-current')).toBe(-(now.figures.leaseLiability - now.currentLiability));
    expect([...m.values()].reduce((s, x) => s + x, 0)).toBe(0);
  });

  it('splits the finance ROU asset between cost and accumulated amortization when that account is mapped', () => {
    const now = leaseClosing(finance, CT);
    const m = byRole(catchUpJournal(p, CT, { accumulatedAmortization: true }));
    expect(m.get('Finance ROU accumulated amortization')).toBe(-now.figures.amortizationExpense);
    expect(m.get('Finance ROU asset')).toBe(now.figures.rouAsset + now.figures.amortizationExpense);
    expect([...m.values()].reduce((s, x) => s + x, 0)).toBe(0);
  });
});
