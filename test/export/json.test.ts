import { measurePortfolio } from '../../src/engine';
import { samplePortfolioPlan } from '../../src/cli/samplePortfolio';
import { buildJsonExport, jsonExportChunks } from '../../src/export/json';
import { readPortfolio } from '../../src/input/portfolio';
import { periodJournalOf, resolveReportingPeriod } from '../../src/workpapers';
import { planTables } from '../template/planTables';

describe('the JSON export written piece by piece', () => {
  const input = readPortfolio(planTables(samplePortfolioPlan().sheets)).input!;
  const result = measurePortfolio(input);
  const period = resolveReportingPeriod(input.policies, '2026-01-10', { kind: 'quarter' });
  const journal = periodJournalOf(result, input, period);

  it('parses to the same export as the one built in memory, journal and period included', () => {
    const chunks = [...jsonExportChunks('1.2.3', result, [], period, journal)];
    expect(chunks.length).toBeGreaterThan(15);
    const parsed = JSON.parse(chunks.join(''));
    const built = buildJsonExport('1.2.3', result, [], period, journal);
    expect(parsed).toEqual(built);
    expect(parsed.period).toEqual({ start: '2025-10-01', end: '2025-12-31', kind: 'quarter', closedThrough: null });
    expect(parsed.journal.length).toBeGreaterThan(100);
    // CONTRACT section 5's fields on every journal line.
    for (const key of [
      'date',
      'entity',
      'leaseId',
      'entry',
      'accountKey',
      'accountNumber',
      'accountName',
      'debit',
      'credit',
      'memo',
      'catchUp',
    ]) {
      expect(parsed.journal[0]).toHaveProperty(key);
    }
    const debits = parsed.journal.reduce((s: number, l: { debit: string }) => s + Math.round(Number(l.debit) * 100), 0);
    const credits = parsed.journal.reduce(
      (s: number, l: { credit: string }) => s + Math.round(Number(l.credit) * 100),
      0,
    );
    expect(debits).toBe(credits);
  });

  it('with input errors: the errors, no leases, no journal', () => {
    const errors = [{ where: 'Leases!F7', message: 'Discount Rate "abc" is not a number' }];
    const parsed = JSON.parse([...jsonExportChunks('1.2.3', null, errors)].join(''));
    expect(parsed).toEqual({ version: '1.2.3', period: null, leases: [], journal: [], errors, warnings: [] });
  });
});
