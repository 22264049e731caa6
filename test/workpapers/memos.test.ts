import { measurePortfolio } from '../../src/engine';
import type { PortfolioInput } from '../../src/engine/terms';
import { leaseMemos } from '../../src/workpapers/memos';
import { leaseMemosSheet, wrapLines } from '../../src/workpapers/sheets/leaseMemos';
import { lease, modification } from '../support/leases';
import { E3, policies } from './support';

describe('lease memos', () => {
  const input: PortfolioInput = {
    leases: [
      E3,
      lease({
        id: 'OWN',
        termMonths: 36,
        payment: 1000,
        rate: '0.06',
        ownershipTransfers: true,
        classificationOverride: 'operating',
      }),
      lease({ id: 'MOD', termMonths: 48, payment: 1000, rate: '0.05' }),
    ],
    modifications: [
      modification({ leaseId: 'MOD', effectiveDate: '2029-07-01', type: 'Remeasurement', newTermMonths: 60 }),
    ],
    policies: policies({ reportingDate: '2029-12-31' }),
  };
  const result = measurePortfolio(input);
  const memos = leaseMemos(result.leases, input.leases, input.policies);
  const text = (id: string) =>
    memos
      .find((m) => m.leaseId === id)!
      .sections.map((s) => `${s.heading}\n${s.paragraphs.join('\n')}`)
      .join('\n');

  it("states PwC Example 4-4's measurement: liability 16,017.69, ROU 16,517.69 with the day-one payment, an operating lease", () => {
    const m = memos.find((x) => x.leaseId === 'E3')!;
    expect(m.classification).toBe('Operating');
    expect(m.sections.map((s) => s.heading)).toEqual([
      'Facts',
      'Classification',
      'Measurement at commencement',
      'Modifications',
      'Policy elections',
    ]);
    const t = text('E3');
    expect(t).toContain('USD 16,017.69 (ASC 842-20-30-1)');
    expect(t).toContain(
      'The right-of-use asset is USD 16,517.69: the liability, plus USD 500.00 paid at or before commencement',
    );
    expect(t).toContain('Fixed payments are USD 500.00 monthly, paid in advance.');
    expect(t).toContain('Conclusion: the lease is classified as operating.');
    expect(t).toContain('None recorded.');
  });

  it("names an override against the tests' own result", () => {
    expect(memos.find((x) => x.leaseId === 'OWN')!.classification).toBe('Operating');
    expect(text('OWN')).toContain(
      'The tests indicate a finance lease; management has overridden this and classified the lease as operating',
    );
    expect(text('OWN')).toMatch(/Transfer of ownership \(ASC 842-10-25-2\(a\)\): met\./);
  });

  it('describes each modification with its effect and paragraph', () => {
    const t = text('MOD');
    const row = result.leases[2].months.find((m) => m.event)!;
    expect(t).toContain(`Effective 2029-07-01 (lease month 7), the lease was modified and the liability remeasured`);
    expect(t).toContain('discounted at 5% a year (ASC 842-10-25-8, 842-20-35-5)');
    expect(t).toContain(`USD ${(row.liabilityAdjustment / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
  });

  it('lays each memo out on the Lease Memos sheet in lines that print whole', () => {
    const sheet = leaseMemosSheet(memos, 'heading');
    const lines = sheet.rows.flatMap((r) => (typeof r[0]?.value === 'string' ? [r[0].value] : []));
    expect(lines).toContain('Lease E3: PwC 4-4 automobile (Operating)');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(150);
    expect(wrapLines('a b c d', 3)).toEqual(['a b', 'c d']);
  });
});
