/**
 * The journal import files (--journal-csv): each layout parsed back with a CSV parser (csv-parse), its columns as
 * the accounting system documents them, every journal balanced, awkward text kept intact and formula-like text kept
 * as text.
 */
import { parse } from 'csv-parse/sync';
import { defaultPolicies, measureLease } from '../../src/engine';
import { journalCsv } from '../../src/export/journalCsv';
import { chartOfAccounts } from '../../src/input/accountRoles';
import { GENERIC_COLUMNS, NETSUITE_COLUMNS, QUICKBOOKS_COLUMNS } from '../../src/workpapers/journalImport';
import { periodJournal } from '../../src/workpapers/periodJournal';
import { journalImportSheet } from '../../src/workpapers/sheets/journalImportSheet';
import { lease } from '../support/leases';

const chart = chartOfAccounts({
  segmentNames: ['Department', 'Class', 'Location', 'Subsidiary'],
  rows: [
    {
      role: 'Operating lease cost',
      entity: null,
      number: '6200',
      name: 'Rent, "occupancy" and leases',
      segments: { Department: 'G&A', Class: 'Overhead', Location: 'Austin, TX', Subsidiary: '' },
    },
    {
      role: 'Cash',
      entity: null,
      number: '1000',
      name: 'Bank:Operating',
      segments: { Department: '', Class: '', Location: '', Subsidiary: 'US Sub' },
    },
  ],
});
const leases = [
  lease({ id: 'A-1', entity: '=1+1', termMonths: 36, payment: 1000, rate: '0.05' }),
  lease({ id: 'B-1', entity: '-Parent', termMonths: 24, payment: 2500, rate: '0.06', timing: 'Arrears' }),
  lease({ id: 'C-1', entity: '@Sub, Inc.', termMonths: 60, payment: 800, rate: '0.07', ownershipTransfers: true }),
].map((t) => measureLease(t, [], defaultPolicies()));
const period = { start: '2029-04-01', end: '2029-06-30', kind: 'quarter' as const, closedThrough: null };
const journal = periodJournal(leases, period, chart, 12);

function parsed(format: 'quickbooks' | 'netsuite' | 'generic'): Record<string, string>[] {
  return parse(journalCsv(journal, format), { columns: true, skip_empty_lines: true });
}

const cents = (s: string) => (s === '' ? 0 : Math.round(Number(s) * 100));

describe('journal import files', () => {
  it('QuickBooks Online: its columns, MM/DD/YYYY dates, blank (not 0) on the other side, each journal balances', () => {
    const csv = journalCsv(journal, 'quickbooks');
    expect(csv.split('\n')[0]).toBe(QUICKBOOKS_COLUMNS.join(','));
    const rows = parsed('quickbooks');
    expect(rows.length).toBe(journal.summary.length);
    expect(Object.keys(rows[0])).toEqual([...QUICKBOOKS_COLUMNS]);
    expect(new Set(rows.map((r) => r['Journal Date']))).toEqual(new Set(['06/30/2029']));
    for (const r of rows) expect((r.Debits === '') !== (r.Credits === '')).toBe(true);
    const byJournal = new Map<string, number>();
    for (const r of rows)
      byJournal.set(r['Journal No.'], (byJournal.get(r['Journal No.']) ?? 0) + cents(r.Debits) - cents(r.Credits));
    expect(byJournal.size).toBe(3); // one journal per entity
    expect([...byJournal.values()]).toEqual([0, 0, 0]);
    // Embedded quotes and commas survive; a sub-account stays Parent:Child; segments fill Location and Class.
    const cost = rows.find((r) => r['Account Name'] === 'Rent, "occupancy" and leases')!;
    expect(cost).toMatchObject({ Location: 'Austin, TX', Class: 'Overhead' });
    expect(rows.some((r) => r['Account Name'] === 'Bank:Operating')).toBe(true);
    for (const r of rows) expect(r['Journal No.'].length).toBeLessThanOrEqual(21);
  });

  it('NetSuite: its columns, one External ID per journal, account numbers, formula-like text kept as text', () => {
    const rows = parsed('netsuite');
    expect(Object.keys(rows[0])).toEqual([...NETSUITE_COLUMNS]);
    const byId = new Map<string, number>();
    for (const r of rows)
      byId.set(r['External ID'], (byId.get(r['External ID']) ?? 0) + cents(r.Debit) - cents(r.Credit));
    expect([...byId.values()].every((x) => x === 0)).toBe(true);
    expect(rows.filter((r) => r.Account === '1000').every((r) => r.Subsidiary === 'US Sub')).toBe(true);
    // Entities beginning with = - @ are prefixed with an apostrophe: a spreadsheet shows them as text.
    const subsidiaries = new Set(rows.filter((r) => r.Account !== '1000').map((r) => r.Subsidiary));
    expect(subsidiaries).toEqual(new Set(["'=1+1", "'-Parent", "'@Sub, Inc."]));
    expect(rows.every((r) => r.Currency === 'USD')).toBe(true);
  });

  it('generic: every field of the JSON journal, then the segments; debits = credits', () => {
    const rows = parsed('generic');
    expect(Object.keys(rows[0])).toEqual([...GENERIC_COLUMNS, 'Department', 'Class', 'Location', 'Subsidiary']);
    const debits = rows.reduce((s, r) => s + cents(r.debit), 0);
    expect(debits).toBe(rows.reduce((s, r) => s + cents(r.credit), 0));
    expect(debits).toBeGreaterThan(0);
    expect(rows.every((r) => r.date === '2029-06-30' && r.catchUp === 'false')).toBe(true);
  });

  it('the Journal Import sheet holds the same rows, text as text and amounts as numbers', () => {
    // NetSuite holds every entity in one table (QuickBooks' one table per company: journalImportCompanies.test.ts).
    const sheet = journalImportSheet(journal, 'netsuite');
    expect(sheet.name).toBe('Journal Import');
    expect(sheet.rows[0].map((c) => c?.value)).toEqual([...NETSUITE_COLUMNS]);
    const rows = parsed('netsuite');
    expect(sheet.rows.length - 1).toBe(rows.length);
    sheet.rows.slice(1).forEach((r, i) => {
      expect(r[0]?.value).toBe(rows[i]['External ID']);
      expect(r[2]?.value).toBe(rows[i].Subsidiary.replace(/^'(?=[=+\-@])/, ''));
      expect(typeof (r[5]?.value ?? r[6]?.value)).toBe('number');
      expect(Math.round(Number(r[5]?.value ?? 0) * 100)).toBe(cents(rows[i].Debit));
    });
  });
});
