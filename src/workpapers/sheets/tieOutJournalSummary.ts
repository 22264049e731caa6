/**
 * The Tie-Out's journal summary table, below the checks: one row per summary line of the Journal Entries sheet, its
 * figure (debit - credit) and the detail lines of its entity, currency and account role summed. The detail is
 * matched by exact comparison (no SUMIFS criteria, so an entity such as "=1+1" or "-Parent" is not read as an
 * operator, and a blank entity matches blank entities).
 */
import { bold, FMT, formula, num, sheetRef, text } from '../cells';
import type { PlanCell } from '../plan';
import type { JournalLayout } from './journalSheet';
import { jr } from './tieOutCheck';

export const SUMMARY_TABLE_HEADERS = [
  'No.',
  'Entity | currency | account role',
  'Entry No.',
  'Summary (debit - credit)',
  'Detail summed',
  'Difference',
  'Result',
] as const;

/**
 * Writes the table with its title two rows above `first` and its header one row above, through `put` (1-based row
 * and column). Nothing when the summary is empty.
 */
export function placeJournalSummaryTable(
  journal: JournalLayout,
  first: number,
  put: (r: number, c: number, cell: PlanCell | null) => void,
): void {
  const sm = journal.summary;
  if (sm.lines.length === 0) return;
  const JC = journal.columns.letter;
  put(
    first - 2,
    2,
    bold('Journal summary tie-out: each summary line against the detail lines of its entity, currency and account'),
  );
  SUMMARY_TABLE_HEADERS.forEach((h, i) => put(first - 1, i + 1, bold(h)));
  const js = sheetRef(sm.sheet);
  sm.lines.forEach((line, k) => {
    const r = first + k;
    const cell = (c: string) => `${js}$${c}$${sm.firstRow + k}`;
    const detail = journal.parts
      .map(
        (p) =>
          `SUMPRODUCT((${jr(p, JC.entity)}=${cell(JC.entity)})*(${jr(p, JC.currency)}=${cell(JC.currency)})*(${jr(p, JC.role)}=${cell(JC.role)})*(${jr(p, JC.debit)}-${jr(p, JC.credit)}))`,
      )
      .join('+');
    [
      num(k + 1, FMT.integer),
      text(`${line.entity || '(no entity)'} | ${line.currency} | ${line.account.role}`),
      text(line.entry),
      formula(`N(${cell(JC.debit)})-N(${cell(JC.credit)})`, FMT.money),
      formula(detail, FMT.money),
      formula(`D${r}-E${r}`, FMT.money),
      formula(`IF(ROUND(F${r},2)=0,"PASS","FAIL")`),
    ].forEach((c, i) => put(r, i + 1, c));
  });
}
