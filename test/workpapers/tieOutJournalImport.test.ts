/**
 * The Tie-Out's Journal Import checks read the import tables by name and column header, in each layout, never by
 * the Journal Import sheet's cells; the table of journals beside the checks has one row per company. (The figures are
 * recalculated in test/addin/journalImportCheck.test.ts and test/libreoffice/journalImportCheck.test.ts.)
 */
import { tableColumn } from '../../src/workpapers/sheets/tieOutCheck';
import type { JournalFormat } from '../../src/workpapers/journalImport';
import { lease } from '../support/leases';
import { plan } from './support';

/** Two companies: Parent Co in USD and EUR, so three journals (an entity in one currency each). */
const LEASES = [
  lease({ id: 'A', entity: 'Parent Co', currency: 'USD', commencement: '2029-01-01' }),
  lease({ id: 'B', entity: 'Parent Co', currency: 'EUR', commencement: '2029-01-01' }),
  lease({ id: 'C', entity: 'Sub Co', currency: 'USD', commencement: '2029-01-01' }),
];

function tieOut(format: JournalFormat) {
  const { plan: p } = plan(LEASES, { reportingDate: '2029-06-30' }, { journalFormat: format });
  return p.sheets.find((s) => s.name === 'Tie-Out')!;
}

const formulas = (format: JournalFormat) =>
  tieOut(format)
    .rows.flat()
    .flatMap((c) => (c?.formula ? [c.formula] : []));

describe.each([
  ['quickbooks', ['JournalImport', 'JournalImport2', 'JournalImport3'], 'Journal No.', 'Debits', 'Credits'],
  ['netsuite', ['JournalImport'], 'External ID', 'Debit', 'Credit'],
  ['generic', ['JournalImport'], 'entry', 'debit', 'credit'],
] as const)('%s layout', (format, tables, journalNo, debit, credit) => {
  it("reads every import table by its name and its layout's column headers, never a cell of the Journal Import sheet", () => {
    const f = formulas(format);
    expect(f.some((x) => x.includes("'Journal Import'!"))).toBe(false);
    for (const t of tables) {
      for (const h of [journalNo, debit, credit]) {
        expect(f.some((x) => x.includes(`${t}[[${h}]]`))).toBe(true);
      }
    }
    // No table that is not on the sheet.
    expect(f.some((x) => x.includes(`JournalImport${tables.length + 1}[[`))).toBe(false);
    // The journal summary by its own table and headers.
    for (const h of ['Entry No.', 'Debit', 'Credit']) {
      expect(f.some((x) => x.includes(`JournalSummary[[${h}]]`))).toBe(true);
    }
  });

  it('lists one journal per company beside the checks, each in its own table in the QuickBooks layout', () => {
    const t = tieOut(format);
    const header = t.rows[4];
    const at = header.findIndex((c) => c?.value === 'Import table');
    expect(at).toBeGreaterThan(0);
    const rows = t.rows.slice(5).filter((r) => typeof r[at]?.value === 'string');
    expect(rows.map((r) => r[at + 2]?.value)).toEqual(['Parent Co, EUR', 'Parent Co, USD', 'Sub Co, USD']);
    expect(rows.map((r) => r[at]?.value)).toEqual(
      format === 'quickbooks' ? [...tables] : ['JournalImport', 'JournalImport', 'JournalImport'],
    );
    expect(t.tables!.some((x) => x.name === 'JournalImportTieOut')).toBe(true);
  });
});

test('a header with the characters a structured reference escapes', () => {
  expect(tableColumn('T', "Debit [USD] #1's")).toBe("T[[Debit '[USD'] '#1''s]]");
});
