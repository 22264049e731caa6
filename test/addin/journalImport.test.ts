/**
 * The add-in writes the Journal Import sheet in the QuickBooks Online layout as the command line does: one table
 * per company (an entity in one currency), each balanced, with its company named above it.
 */
import { MemoryExcel } from '../../src/office/memoryExcel';
import { loadSampleWorkbook } from '../../src/playground/sampleWorkbook';
import { SAMPLE_PORTFOLIO } from '../../src/cli/samplePortfolio';
import { readWorkbookTables } from '../../src/office/readTables';
import { generateWorkpapers } from '../../src/taskpane/workflow';
import { buildWorkpapers } from '../../src/workpapers';
import { hostOf } from '../support/host';

test('QuickBooks Online layout in the add-in: a balanced table per company, every summary line once', async () => {
  const excel = new MemoryExcel();
  await loadSampleWorkbook(excel, {
    ...SAMPLE_PORTFOLIO,
    policies: { ...SAMPLE_PORTFOLIO.policies, 'Journal Import Format': 'QuickBooks Online' },
  });
  const outcome = await generateWorkpapers(hostOf(excel), {
    build: buildWorkpapers,
    onProgress: () => undefined,
    isCancelled: () => false,
  });
  expect(outcome.kind).toBe('done');
  if (outcome.kind !== 'done') return;
  expect(outcome.summary.failingChecks).toEqual([]);

  const { tables } = await readWorkbookTables(excel.run);
  const imports = tables.filter((t) => /^JournalImport\d*$/.test(t.name));
  const summary = tables.find((t) => t.name === 'JournalSummary');
  expect(imports.length).toBeGreaterThan(1);
  expect(imports.every((t) => t.sheet === 'Journal Import')).toBe(true);
  const cents = (v: unknown): number => (typeof v === 'number' ? Math.round(v * 100) : 0);
  const column = (t: (typeof tables)[number], header: string) => t.headers.indexOf(header);
  let lines = 0;
  let debits = 0;
  for (const t of imports) {
    const [d, c, no] = [column(t, 'Debits'), column(t, 'Credits'), column(t, 'Journal No.')];
    // One company: every line of the table is one journal, and it balances.
    expect(new Set(t.rows.map((r) => r[no].value)).size).toBe(1);
    const sum = (k: number) => t.rows.reduce((s, r) => s + cents(r[k].value), 0);
    expect(sum(d)).toBe(sum(c));
    lines += t.rows.length;
    debits += sum(d);
  }
  // Together they hold the summary journal's lines and amounts (read from the Journal Entries sheet's own table).
  expect(summary).toBeDefined();
  const sd = column(summary!, 'Debit');
  expect(lines).toBe(summary!.rows.length);
  expect(debits).toBe(summary!.rows.reduce((s, r) => s + cents(r[sd].value), 0));
});
