/**
 * QuickBooks Online imports one company (one legal entity in one home currency) per file, and its layout has no
 * entity or currency column: a period spanning several entities, or an entity in several currencies, comes as one
 * import file per company. Each file is parsed back with csv-parse and checked against the period's DETAIL lines
 * (summed here by entity, currency and account, independently of the summary code): each file holds exactly one
 * company's lines, every journal in it balances, and the files together hold every summary line exactly once.
 * NetSuite and Generic, which carry Subsidiary/entity and Currency columns, stay one file.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { defaultPolicies, measureLease } from '../../src/engine';
import type { LeaseTerms } from '../../src/engine/terms';
import { importTableCsv, journalCsv } from '../../src/export/journalCsv';
import { chartOfAccounts, type ChartOfAccounts } from '../../src/input/accountRoles';
import { journalImportParts, QUICKBOOKS_COLUMNS, type ImportPart } from '../../src/workpapers/journalImport';
import { periodJournal, type PeriodJournal } from '../../src/workpapers/periodJournal';
import { journalImportSheet } from '../../src/workpapers/sheets/journalImportSheet';
import { lease } from '../support/leases';

const cents = (s: string) => (s === '' ? 0 : Math.round(Number(s) * 100));
const companyKey = (entity: string, currency: string) => `${entity.trim().toLowerCase()}|${currency}`;

/** Per company (entity compared trimmed and ignoring case, currency), per account name: the detail lines' net. */
function expectedFromDetail(journal: PeriodJournal): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  journal.counts.forEach((_, i) => {
    for (const l of journal.leaseLines(i)) {
      const key = companyKey(l.entity, l.currency);
      const byName = out.get(key) ?? new Map<string, number>();
      out.set(key, byName);
      const name = journal.chart.account(l.role, l.entity).name;
      byName.set(name, (byName.get(name) ?? 0) + l.debit - l.credit);
    }
  });
  for (const byName of out.values()) for (const [n, v] of byName) if (v === 0) byName.delete(n);
  return out;
}

/** Detail lines' nets per company and account role (the number of summary lines a company has). */
function rolesWithMovement(journal: PeriodJournal): Map<string, number> {
  const net = new Map<string, number>();
  journal.counts.forEach((_, i) => {
    for (const l of journal.leaseLines(i)) {
      const k = `${companyKey(l.entity, l.currency)}|${l.role}`;
      net.set(k, (net.get(k) ?? 0) + l.debit - l.credit);
    }
  });
  const count = new Map<string, number>();
  for (const [k, v] of net) {
    if (v === 0) continue;
    const company = k.split('|').slice(0, 2).join('|');
    count.set(company, (count.get(company) ?? 0) + 1);
  }
  return count;
}

function parsedFile(part: ImportPart): Record<string, string>[] {
  return parse(importTableCsv(part.table), { columns: true, skip_empty_lines: true });
}

/** The contract of the split files, checked on any journal. */
function checkSplit(journal: PeriodJournal): void {
  const parts = journalImportParts(journal, 'quickbooks');
  const expected = expectedFromDetail(journal);
  const lineCounts = rolesWithMovement(journal);
  const companies = [...lineCounts.keys()];
  if (companies.length <= 1) {
    expect(parts).toHaveLength(1);
    expect(importTableCsv(parts[0].table)).toBe(journalCsv(journal, 'quickbooks'));
    return;
  }
  expect(parts).toHaveLength(companies.length);
  const seen = new Set<string>();
  for (const part of parts) {
    const c = part.company!;
    const key = companyKey(c.entity, c.currency);
    expect(seen.has(key)).toBe(false); // one file per company
    seen.add(key);
    const rows = parsedFile(part);
    expect(Object.keys(rows[0])).toEqual([...QUICKBOOKS_COLUMNS]);
    // One journal, and it balances.
    expect(new Set(rows.map((r) => r['Journal No.'])).size).toBe(1);
    expect(rows.reduce((s, r) => s + cents(r.Debits) - cents(r.Credits), 0)).toBe(0);
    // Exactly this company's lines: its account nets and its number of summary lines, from the detail.
    const byName = new Map<string, number>();
    for (const r of rows)
      byName.set(r['Account Name'], (byName.get(r['Account Name']) ?? 0) + cents(r.Debits) - cents(r.Credits));
    for (const [n, v] of byName) if (v === 0) byName.delete(n);
    expect(byName).toEqual(expected.get(key));
    expect(rows.length).toBe(lineCounts.get(key));
  }
  expect([...seen].sort()).toEqual(companies.sort());
  // Every summary line exactly once across the files.
  expect(parts.reduce((s, p) => s + p.table.rows.length, 0)).toBe(journal.summary.length);
}

const period = { start: '2029-04-01', end: '2029-06-30', kind: 'quarter' as const, closedThrough: null };

const ukCash = {
  role: 'Cash' as const,
  entity: 'UK Ltd',
  number: '1010',
  name: 'Barclays:Operating',
  segments: { Location: 'London', Class: '' },
};
const chart = chartOfAccounts({ segmentNames: ['Location', 'Class'], rows: [ukCash] });

function journalOf(terms: LeaseTerms[], c: ChartOfAccounts = chart): PeriodJournal {
  return periodJournal(
    terms.map((t) => measureLease(t, [], defaultPolicies())),
    period,
    c,
    12,
  );
}

const portfolio = [
  lease({ id: 'US-1', entity: 'US Retail', termMonths: 36, payment: 1000 }),
  lease({ id: 'US-2', entity: ' us retail', termMonths: 24, payment: 2500, timing: 'Arrears' }),
  lease({ id: 'UK-1', entity: 'UK Ltd', currency: 'GBP', termMonths: 60, payment: 800 }),
  lease({ id: 'UK-2', entity: 'UK Ltd', currency: 'USD', termMonths: 48, payment: 300, ownershipTransfers: true }),
  lease({ id: 'X-1', entity: '', termMonths: 12, payment: 99.99 }),
];

describe('QuickBooks Online import files: one per company', () => {
  const journal = journalOf(portfolio);
  const parts = journalImportParts(journal, 'quickbooks');

  it('splits by entity, and by currency for an entity in two; entities compared as the summary groups them', () => {
    expect(parts.map((p) => [p.company?.entity, p.company?.currency, p.company?.entityHasSeveralCurrencies])).toEqual([
      ['', 'USD', false],
      ['UK Ltd', 'GBP', true],
      ['UK Ltd', 'USD', true],
      ['US Retail', 'USD', false],
    ]);
    checkSplit(journal);
  });

  it("each company's file uses that entity's own accounts (GLAccounts rows with an Entity)", () => {
    const uk = parts.filter((p) => p.company?.entity === 'UK Ltd').map(parsedFile);
    for (const rows of uk)
      expect(rows.find((r) => r['Account Name'] === 'Barclays:Operating')?.Location).toBe('London');
    const us = parsedFile(parts.find((p) => p.company?.entity === 'US Retail')!);
    expect(us.some((r) => r['Account Name'] === 'Barclays:Operating')).toBe(false);
  });

  it('one entity in one currency: one file of every line, as before', () => {
    const one = journalOf([portfolio[0], portfolio[1]]);
    expect(journalImportParts(one, 'quickbooks')).toHaveLength(1);
    checkSplit(one);
  });

  it('NetSuite and Generic carry the entity and currency: one file of every company', () => {
    for (const format of ['netsuite', 'generic'] as const) {
      const p = journalImportParts(journal, format);
      expect(p).toHaveLength(1);
      expect(p[0].company).toBeNull();
      expect(importTableCsv(p[0].table)).toBe(journalCsv(journal, format));
      expect(p[0].table.rows).toHaveLength(journal.summary.length);
    }
  });

  it('property: over random multi-entity, multi-currency portfolios the files hold each company once, balanced', () => {
    const leaseArb = fc.record({
      entity: fc.constantFrom('Parent Co', 'parent co ', 'Sub/One', '', '=1+1', 'Ünïcode GmbH'),
      currency: fc.constantFrom('USD', 'EUR'),
      startMonth: fc.integer({ min: 0, max: 30 }),
      termMonths: fc.integer({ min: 1, max: 48 }),
      payment: fc.integer({ min: 1, max: 500_000 }),
      timing: fc.constantFrom('Advance' as const, 'Arrears' as const),
    });
    fc.assert(
      fc.property(fc.array(leaseArb, { minLength: 1, maxLength: 8 }), (ls) => {
        const terms = ls.map((l, i) => {
          const m = 24 + l.startMonth; // commencing from 2027-01 on
          const commencement = `${2027 + Math.floor((m - 24) / 12)}-${String(((m - 24) % 12) + 1).padStart(2, '0')}-01`;
          return lease({
            id: `L-${i}`,
            entity: l.entity,
            currency: l.currency,
            commencement,
            termMonths: l.termMonths,
            payment: l.payment / 100,
            timing: l.timing,
          });
        });
        checkSplit(journalOf(terms));
      }),
      { numRuns: 60 },
    );
  });
});

describe('the Journal Import sheet in the QuickBooks layout', () => {
  const journal = journalOf(portfolio);
  const parts = journalImportParts(journal, 'quickbooks');
  const sheet = journalImportSheet(journal, 'quickbooks');
  const value = (r: number, c: number) => sheet.rows[r - 1]?.[c - 1]?.value ?? null;
  const rangeRows = (range: string) => {
    const m = /^A(\d+):I(\d+)$/.exec(range)!;
    return [Number(m[1]), Number(m[2])];
  };

  it("one table per company, its entity and currency named above it, each holding exactly that company's file", () => {
    expect(sheet.tables!.map((t) => t.name)).toEqual([
      'JournalImport',
      'JournalImport2',
      'JournalImport3',
      'JournalImport4',
    ]);
    expect(String(value(1, 1))).toContain('one company (one entity in one currency) per file');
    sheet.tables!.forEach((t, k) => {
      const [first, last] = rangeRows(t.range);
      const c = parts[k].company!;
      const title = String(value(first - 1, 1));
      expect(title).toContain(`${c.entity || '(no entity)'}, ${c.currency}`);
      expect(title).toContain(c.entry);
      // The table's rows, header included, are the company's CSV file.
      const file: string[][] = parse(importTableCsv(parts[k].table), { skip_empty_lines: true });
      expect(last - first + 1).toBe(file.length);
      for (let r = first; r <= last; r++) {
        const row = file[r - first];
        for (let cIdx = 1; cIdx <= 9; cIdx++) {
          const v = value(r, cIdx);
          const expected = row[cIdx - 1];
          if (typeof v === 'number') expect(Math.round(v * 100)).toBe(cents(expected));
          else expect(v ?? '').toBe(expected.replace(/^'(?=[=+\-@])/, ''));
        }
      }
    });
    // Nothing outside the tables but the note, the titles and blank separators.
    const inTables = new Set(
      sheet.tables!.flatMap((t) => {
        const [a, b] = rangeRows(t.range);
        return Array.from({ length: b - a + 1 }, (_, i) => a + i);
      }),
    );
    sheet.rows.forEach((row, i) => {
      if (inTables.has(i + 1)) return;
      expect(row.filter((c) => c !== null && c.value !== '').length).toBeLessThanOrEqual(1);
    });
  });

  it('a single company, and the other layouts: one table from A1, header frozen (unchanged)', () => {
    const one = journalImportSheet(journalOf([portfolio[0]]), 'quickbooks');
    expect(one.tables).toEqual([
      { name: 'JournalImport', range: `A1:I${one.rows.length}`, style: 'TableStyleLight11' },
    ]);
    expect(one.frozenRows).toBe(1);
    expect(one.rows[0].map((c) => c?.value)).toEqual([...QUICKBOOKS_COLUMNS]);
    const ns = journalImportSheet(journal, 'netsuite');
    expect(ns.tables).toHaveLength(1);
    expect(ns.tables![0].range).toBe(`A1:K${journal.summary.length + 1}`);
    expect(ns.frozenRows).toBe(1);
  });
});
