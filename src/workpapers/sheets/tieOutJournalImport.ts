/**
 * Tie-Out checks of the Journal Import sheet (the period's summary journal in an accounting system's import layout,
 * journalImportSheet.ts) against the journal it was made from: the `JournalSummary` table of the Journal Entries
 * sheet, which the journal checks tie to the detail and the schedules (tieOutJournal.ts). So what will be imported
 * is, under a live check, what the workpapers computed, and an edit to the import sheet (a mistyped amount, a line
 * moved to the other side, a line cleared or added) FAILs before the file is saved.
 *
 * Everything is read by table and column name (structured references such as `JournalImport2[[Debits]]`), never by
 * position: the columns differ by layout (QuickBooks Online `Journal No.`/`Debits`/`Credits`, NetSuite `External
 * ID`/`Debit`/`Credit`, Generic `entry`/`debit`/`credit`), and a reference by name follows a table Excel grows or
 * shrinks. Beside the checks, a table with one row per journal (one per company: an entity in one currency, one
 * summary entry, its Journal No.): the journal summary's debits, credits and lines of that entry number against the
 * import table's lines of that journal number. The checks:
 *   each import table balances (total debits = total credits);
 *   each journal of the import balances (the lines of one journal number);
 *   each journal's debits, credits and lines = the journal summary's (a line whose journal number was changed leaves
 *   its journal);
 *   the import tables' lines (rows holding a journal number or an amount) = the journal summary's lines, so a line
 *   added under any journal number, or none, FAILs.
 * Amounts compare rounded to the cent, as the journal checks do.
 */
import { JOURNAL_COLUMNS_AFTER_SEGMENTS, JOURNAL_COLUMNS_BEFORE_SEGMENTS } from '../../input/journalColumns';
import { col, FMT, formula, formulaText, text } from '../cells';
import type { PlanCell, PlanTable } from '../plan';
import type { JournalImportTable } from './journalImportSheet';
import { MAX_CHECK_FORMULA, exact, tableColumn, type Check } from './tieOutCheck';

/** What a FAIL of any of these checks says first. */
export const IMPORT_CHANGED_MESSAGE =
  'The Journal Import sheet no longer matches the journal: generate again, or fix the edit before saving the import file';

const HEADERS = {
  table: 'Import table',
  entry: 'Journal No.',
  company: 'Entity, currency',
  summaryDebits: 'Summary debits',
  importDebits: 'Import debits',
  summaryCredits: 'Summary credits',
  importCredits: 'Import credits',
  summaryLines: 'Summary lines',
  importLines: 'Import lines',
  result: 'Result',
} as const;
type Key = keyof typeof HEADERS;
const KEYS = Object.keys(HEADERS) as Key[];

/** The journal summary's table and the headers of the columns read from it. */
const SUMMARY = 'JournalSummary';
const summaryHeader = (key: string): string =>
  [...JOURNAL_COLUMNS_BEFORE_SEGMENTS, ...JOURNAL_COLUMNS_AFTER_SEGMENTS].find(([k]) => k === key)![1];

export interface JournalImportProof {
  checks: Check[];
  /** Writes the table of journals beside the checks (nothing when the period has no journal). */
  place(put: (r: number, c: number, cell: PlanCell | null) => void): void;
  tables: PlanTable[];
  widths: number[];
  /** The Result column of the table of journals (for its PASS/FAIL colours), or null when there is none. */
  resultRange: string | null;
}

/** Groups of consecutive items whose terms, joined by +, stay within the formula limit. */
function groups<T>(items: readonly T[], term: (x: T) => string): T[][] {
  const out: T[][] = [[]];
  let length = 0;
  for (const x of items) {
    const n = term(x).length + 1;
    if (out[out.length - 1].length > 0 && length + n > MAX_CHECK_FORMULA) {
      out.push([]);
      length = 0;
    }
    out[out.length - 1].push(x);
    length += n;
  }
  return out;
}

/** The rows of an import table holding a journal number or an amount (a 0.00 counts: Generic writes both sides). */
function linesOf(t: JournalImportTable): string {
  const c = (h: string) => `(${tableColumn(t.name, h)}<>"")`;
  return `SUMPRODUCT(--(${c(t.journalNo)}+${c(t.debit)}+${c(t.credit)}>0))`;
}

function balances(t: JournalImportTable): string {
  return `--(ROUND(SUM(${tableColumn(t.name, t.debit)})-SUM(${tableColumn(t.name, t.credit)}),2)=0)`;
}

/** "JournalImport" or "JournalImport to JournalImport4". */
const names = (ts: readonly JournalImportTable[]) =>
  ts.length === 1 ? ts[0].name : `${ts[0].name} to ${ts[ts.length - 1].name}`;

/** What the check says: `pass` while it passes, else the message with `detail` (a formula joining text). */
function says(pass: string, detail: (r: number) => string): (r: number) => string {
  return (r) =>
    `IF(ROUND(F${r},2)=0,${formulaText(pass)},${formulaText(`${IMPORT_CHANGED_MESSAGE} (`)}&${detail(r)}&")")`;
}

export function journalImportProof(args: {
  tables: readonly JournalImportTable[];
  firstCol: number;
  headerRow: number;
}): JournalImportProof {
  const { tables, firstCol, headerRow } = args;
  const C = Object.fromEntries(KEYS.map((k, i) => [k, col(firstCol + i)])) as Record<Key, string>;
  const journals = tables.flatMap((t) => t.journals.map((j) => ({ table: t, journal: j })));
  const first = headerRow + 1;
  const last = headerRow + journals.length;
  const rng = (key: Key, from = first, to = last) => `$${C[key]}$${from}:$${C[key]}$${to}`;
  /** The rows of the table of journals holding a table's journals. */
  const rowsOf = (t: JournalImportTable) => journals.flatMap((j, k) => (j.table === t ? [first + k] : []));
  const S = (key: string) => tableColumn(SUMMARY, summaryHeader(key));

  const checks: Check[] = [];
  // The tables in groups one formula holds (the same groups for the balance and the lines checks).
  const tableGroups = groups(tables, linesOf);
  // Each import table balances.
  for (const g of tableGroups) {
    const part = tableGroups.length > 1 ? ` (${names(g)})` : '';
    if (tables.length === 1) {
      const t = tables[0];
      checks.push({
        what: says(
          `Journal Import: the import table ${t.name} balances, total debits = total credits`,
          (r) => `${formulaText(`${t.name}'s debits less its credits are `)}&ROUND(F${r},2)`,
        ),
        compares: `${t.name} debits | credits (its ${t.debit} and ${t.credit} columns)`,
        a: `SUM(${tableColumn(t.name, t.debit)})`,
        b: `SUM(${tableColumn(t.name, t.credit)})`,
      });
    } else {
      checks.push({
        what: says(
          `Journal Import: each import table balances, total debits = total credits${part}`,
          (r) =>
            `F${r}&" of "&D${r}&IF(F${r}=1,${formulaText(' import tables does not balance')},${formulaText(' import tables do not balance')})`,
        ),
        compares: `Import tables${part} | import tables whose debits = credits`,
        a: String(g.length),
        b: g.map(balances).join('+'),
        count: true,
      });
    }
  }
  // Each journal of the import balances; each equals the journal summary's entry.
  const none = journals.length === 0;
  checks.push({
    what: says(
      `Journal Import: each journal (lines of one ${tables[0].journalNo}) balances, debits = credits (columns ${C.importDebits}, ${C.importCredits})`,
      (r) => `F${r}&IF(F${r}=1,${formulaText(' journal does not balance')},${formulaText(' journals do not balance')})`,
    ),
    compares: `Journals | journals whose import debits = import credits (columns ${C.importDebits}, ${C.importCredits})`,
    a: String(journals.length),
    b: none ? '0' : `SUMPRODUCT(--(ROUND(${rng('importDebits')}-${rng('importCredits')},2)=0))`,
    count: true,
  });
  checks.push({
    what: says(`Journal Import = journal summary: each journal's debits, credits and lines (column ${C.result})`, () =>
      none
        ? '""'
        : `"journal "&INDEX(${rng('entry')},MATCH("FAIL",${rng('result')},0))&${formulaText(': its debits, credits or lines differ from the journal summary')}`,
    ),
    compares: `Journals | journals whose debits, credits and lines equal the journal summary's (column ${C.result})`,
    a: String(journals.length),
    b: none ? '0' : `COUNTIF(${rng('result')},"PASS")`,
    count: true,
  });
  // The import tables hold the journal summary's lines, none added, removed or cleared.
  for (const g of tableGroups) {
    const part = tableGroups.length > 1 ? ` (${names(g)})` : '';
    const rows = g.flatMap(rowsOf);
    checks.push({
      what: says(
        `Journal Import lines = journal summary lines${part}: a line added, removed or cleared FAILs`,
        (r) =>
          `${formulaText('the import tables hold ')}&E${r}&${formulaText(' lines, the journal summary ')}&D${r}&${formulaText(': a line was added, removed or cleared')}`,
      ),
      compares:
        tableGroups.length > 1
          ? `Summary lines of these tables' journals (column ${C.summaryLines}) | rows of ${names(g)} holding a journal number or an amount`
          : `JournalSummary lines | import table rows holding a journal number or an amount`,
      a:
        tableGroups.length === 1
          ? `COUNTA(${S('entry')})`
          : rows.length === 0
            ? '0'
            : `SUM(${rng('summaryLines', Math.min(...rows), Math.max(...rows))})`,
      b: g.map(linesOf).join('+'),
      count: true,
    });
  }

  return {
    checks,
    place(put) {
      if (none) return;
      put(headerRow - 1, firstCol, text('Journal import tie-out', true));
      put(
        headerRow - 1,
        firstCol + 2,
        text(
          'Each journal of the Journal Import sheet (the lines of one journal number in its table) against the JournalSummary entry of that number: debits, credits and lines.',
        ),
      );
      KEYS.forEach((k, i) => put(headerRow, firstCol + i, text(HEADERS[k], true)));
      journals.forEach((j, k) => {
        const r = first + k;
        const t = j.table.name;
        const no = exact(j.journal.entry);
        const I = (h: string) => tableColumn(t, h);
        const x = (key: Key) => `${C[key]}${r}`;
        const cells: Record<Key, PlanCell | null> = {
          table: text(t),
          entry: text(j.journal.entry),
          company: text(`${j.journal.entity || '(no entity)'}, ${j.journal.currency}`),
          summaryDebits: formula(`SUMIFS(${S('debit')},${S('entry')},${no})`, FMT.money),
          importDebits: formula(`SUMIFS(${I(j.table.debit)},${I(j.table.journalNo)},${no})`, FMT.money),
          summaryCredits: formula(`SUMIFS(${S('credit')},${S('entry')},${no})`, FMT.money),
          importCredits: formula(`SUMIFS(${I(j.table.credit)},${I(j.table.journalNo)},${no})`, FMT.money),
          summaryLines: formula(`COUNTIFS(${S('entry')},${no})`, FMT.integer),
          importLines: formula(`COUNTIFS(${I(j.table.journalNo)},${no})`, FMT.integer),
          result: formula(
            `IF(AND(ROUND(${x('summaryDebits')}-${x('importDebits')},2)=0,ROUND(${x('summaryCredits')}-${x('importCredits')},2)=0,${x('summaryLines')}=${x('importLines')}),"PASS","FAIL")`,
          ),
        };
        KEYS.forEach((key, i) => put(r, firstCol + i, cells[key]));
      });
    },
    tables: none
      ? []
      : [
          {
            name: 'JournalImportTieOut',
            range: `${C.table}${headerRow}:${C.result}${last}`,
            style: 'TableStyleLight9',
          },
        ],
    widths: none
      ? []
      : KEYS.map((k) => (k === 'entry' ? 22 : k === 'company' ? 24 : Math.max(12, HEADERS[k].length + 2))),
    resultRange: none ? null : `${C.result}${first}:${C.result}${last}`,
  };
}
