/**
 * Catch-up positions (CONTRACT 1.11) without the command line: a lease unchanged since the close has no catch-up;
 * a lease entered late catches up everything booked through Closed Through; a lease removed from the input has
 * what was posted for it reversed; every catch-up balances, one line per account, on the first open day.
 */
import { defaultPolicies, measureLease } from '../../src/engine';
import type { PostedBalances, PostedLease } from '../../src/input/postedBalances';
import { changedPositions, closedPositions } from '../../src/workpapers/catchUp';
import { CLOSING_FIGURES, DEBIT_SIGN, leaseClosing } from '../../src/workpapers/closing';
import { lease } from '../support/leases';

const CT = '2029-06-30';
// PwC 4-4's automobile (operating, 500 a month in advance, 36 months, 6%) and a second lease like it.
const a = measureLease(lease({ id: 'A', commencement: '2029-01-01' }), [], defaultPolicies());
const b = measureLease(lease({ id: 'B', commencement: '2029-03-01', payment: 800 }), [], defaultPolicies());

function posted(...leases: { id: string; figures: PostedLease['figures'] }[]): PostedBalances {
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
          where: `'Posted Balances'!A${5 + i}`,
        },
      ]),
    ),
  };
}

const net = (lines: { debit: number; credit: number }[]) => lines.reduce((s, l) => s + l.debit - l.credit, 0);

describe('catch-up positions', () => {
  it('a lease posted as now computed has no catch-up; one entered late catches up all it booked', () => {
    const positions = closedPositions([a, b], posted({ id: 'A', figures: leaseClosing(a, CT).figures }));
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
      posted({ id: 'A', figures: postedA }, { id: 'GONE', figures: leaseClosing(b, CT).figures }),
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
