/**
 * The Tie-Out sheet: live formulas, one row per check, each with what it compares, the two figures, the difference
 * and PASS/FAIL (green/red). Beside the checks, a table with one row per lease (tieOutLeases.ts) and the proof of
 * each remeasurement (remeasurementProof.ts). Every figure recalculates from the other sheets (continuation sheets
 * included), so an edited schedule value or journal line turns the matching rows to FAIL.
 *
 * The checks come in groups, one module each: the Schedules (tieOutSchedules.ts), the Journal Entries
 * (tieOutJournal.ts), the Journal Import sheet against the journal summary (tieOutJournalImport.ts, its table of
 * journals right of everything else), the Roll-Forward (tieOutRollForward.ts), the Disclosures (tieOutDisclosures.ts), then each
 * remeasurement, partial termination and impairment (liability after = PV of the revised payments, re-performed on
 * this sheet; ROU after = ROU before - derecognized + liability remeasurement - impairment - incentive received),
 * then the inputs under live check (each lease's Leases row in the measurement proof, tieOutMeasurement.ts; the rows
 * of LeasePayments, LeaseModifications and VariablePayments and every input table's row count, tieOutInputRows.ts),
 * the measurement at commencement and the classification.
 *
 * Checks that hold row by row or lease by lease compare a count with the count that ties (difference = how many
 * do not). The journal holds the reporting period only, so its checks compare the period (tieOutJournal.ts).
 * "Every entry balances" is checked per lease: the lease's debits equal its credits, and the sum of
 * (debit - credit) x the day of the period the line is dated on is 0.00, which an unbalanced entry cannot satisfy
 * unless another entry of the same lease on the same day is out by an offsetting amount. Below the checks, the
 * journal summary's own table ties each summary line to its detail (tieOutJournalSummary.ts).
 */
import type { PortfolioInput, RateBasis } from '../../engine/terms';
import { bold, col, FMT, formula, num, text } from '../cells';
import { SHEET } from '../names';
import type { PlanCell, SheetPlan } from '../plan';
import { remeasurementEvents, remeasurementProof, type RemeasurementProof } from './remeasurementProof';
import { measurementProof } from './tieOutMeasurement';
import { TIE_OUT_HEADER_ROW, type TieOutColumns } from './tieOutColumns';
import type { UnscheduledPayments } from './unscheduledPayments';
import type { ClassificationLayout } from './classification';
import { LEASE_COL, LEASE_KEYS, type Check, type LeaseKey, type TieOutContext } from './tieOutCheck';
import { disclosureChecks } from './tieOutDisclosures';
import { journalChecks } from './tieOutJournal';
import { placeJournalSummaryTable } from './tieOutJournalSummary';
import { LEASE_HEADERS, leaseTableNote, leaseTableRow } from './tieOutLeases';
import { inputRowsProof } from './tieOutInputRows';
import { journalImportProof } from './tieOutJournalImport';
import type { JournalImportTable } from './journalImportSheet';
import { rollForwardChecks } from './tieOutRollForward';
import { scheduleChecks } from './tieOutSchedules';
import type { PostedBalances } from '../../input/postedBalances';
import type { CatchUpsLayout, JournalRefs } from './catchUps';
import { closeChecks, postedFigure } from './tieOutClose';

export interface TieOutLayout {
  sheet: SheetPlan;
  /** The cells of the summary: "n of m checks pass" and the overall PASS/FAIL. */
  summaryCell: string;
  resultCell: string;
  /** The Result column over the checks, "G6:G52". */
  checksRange: string;
  checkCount: number;
}

/** The checks proving each remeasurement, partial termination and impairment. */
function remeasurementChecks(proof: RemeasurementProof): Check[] {
  const checks: Check[] = [];
  for (const c of proof.cells) {
    const e = c.event;
    const what = `${e.row.event}: ${e.lease.id}, month ${e.row.month}`;
    if (c.presentValue !== null) {
      checks.push({
        what: `${what}: liability after = PV of the revised payments`,
        compares: `Schedules liability opening + adjustment (${c.liabilityAfter}) | PV re-performed from the remeasured payments (${c.presentValue})`,
        a: c.liabilityAfter,
        b: c.presentValue,
      });
    }
    checks.push({
      what: `${what}: ROU after = ROU before - derecognized + liability remeasurement - impairment - incentive received`,
      compares: `Schedules ROU opening + adjustment (${c.rouAfter}) | expected ROU after (${c.expectedRouAfter})`,
      a: c.rouAfter,
      b: c.expectedRouAfter,
    });
  }
  return checks;
}

export function tieOutLayout(
  args: Pick<
    TieOutContext,
    'leases' | 'period' | 'schedules' | 'journal' | 'rollForward' | 'disclosures' | 'reportingDate'
  > & {
    /**
     * The input as read: the cells of its leases and of their payment, modification and variable payment rows are
     * compared live with what was measured, and its tables' rows counted.
     */
    input: Pick<PortfolioInput, 'leases' | 'modifications' | 'inputTables'>;
    rateBasis: RateBasis;
    /** Payments the Schedules do not show (placed at `columns.unscheduled`). */
    unscheduled: UnscheduledPayments;
    columns: TieOutColumns;
    /** The Classification sheet: its re-performed classification in force, lease by lease. */
    classification: ClassificationLayout;
    /** The Journal Import sheet's tables: tied to the journal summary (tieOutJournalImport.ts). */
    journalImport: readonly JournalImportTable[];
    /** A closed period (CONTRACT 1.11): the closing checks, and the posted figures beside the journal's. */
    close?: { posted: PostedBalances; catchUps: CatchUpsLayout; journal: JournalRefs };
  },
): TieOutLayout {
  const { leases, schedules } = args;
  const n = leases.length;
  const headerRow = TIE_OUT_HEADER_ROW;
  const firstCheck = headerRow + 1;
  // The lease table sits to the right of the checks (column J on), under the same header row.
  const leaseFirst = headerRow + 1;
  const leaseLast = Math.max(headerRow + n, leaseFirst);
  const L = Object.fromEntries(LEASE_KEYS.map((k, i) => [k, col(LEASE_COL + i)])) as Record<LeaseKey, string>;
  const lt = (c: string) => `$${c}$${leaseFirst}:$${c}$${leaseLast}`;
  const ctx: TieOutContext = {
    ...args,
    posted: args.close ? postedFigure(args.close.posted) : undefined,
    closedThrough: args.close?.posted.through,
    headerRow,
    L,
    lt,
    leasesChecked: n === 0 ? '0' : `ROWS(${lt(L.id)})`,
    countWhere: (cond: string) => (n === 0 ? '0' : `SUMPRODUCT(${cond})`),
    summaryTable: { first: 0, last: -1 },
  };
  // The proof of each remeasurement sits to the right of the lease table.
  const events = remeasurementEvents(leases, schedules.places);
  const proof = remeasurementProof(events, args.columns.remeasurement, headerRow);
  // The proof of each lease's measurement at commencement and of its inputs as used, right of those, then the
  // payments the Schedules do not show.
  const measurement = measurementProof({
    leases,
    terms: args.input.leases,
    places: schedules.places,
    rateBasis: args.rateBasis,
    firstCol: args.columns.measurement,
    headerRow,
    unscheduled: args.unscheduled,
  });
  // The rows of the other input tables under live check, right of the payments the Schedules do not show.
  const inputRows = inputRowsProof({
    input: args.input,
    firstCol: args.columns.unscheduled + args.unscheduled.widths.length + 1,
    headerRow,
  });
  // The journals of the Journal Import sheet against the journal summary, right of the input rows.
  const importFirstCol =
    args.columns.unscheduled +
    args.unscheduled.widths.length +
    1 +
    (inputRows.widths.length === 0 ? 0 : inputRows.widths.length + 1);
  const journalImport = journalImportProof({ tables: args.journalImport, firstCol: importFirstCol, headerRow });

  const allChecks = (): Check[] => [
    ...scheduleChecks(ctx),
    ...journalChecks(ctx),
    ...journalImport.checks,
    ...rollForwardChecks(ctx),
    ...disclosureChecks(ctx),
    ...remeasurementChecks(proof),
    measurement.inputsCheck,
    ...inputRows.checks,
    ...measurement.checks,
    {
      what: "Classification: each lease's classification in force, re-performed from its Leases row on the Classification sheet, is the one measured",
      compares: 'Leases | leases whose Classification sheet result agrees with the classification measured',
      a: String(args.classification.leases),
      b: args.classification.leases === 0 ? '0' : `COUNTIF(${args.classification.agreesRange},"Yes")`,
      count: true,
    },
    ...(args.close ? closeChecks(args.close.catchUps, args.close.journal) : []),
  ];
  // The journal summary table sits below the checks: count them first, then lay them out with its rows known.
  const checkCount = allChecks().length;
  const lastCheck = headerRow + checkCount;
  const summaryLines = args.journal.summary.lines.length;
  ctx.summaryTable = { first: lastCheck + 3, last: lastCheck + 2 + summaryLines };
  const checks = allChecks();

  const rows: (PlanCell | null)[][] = [];
  rows.push([bold('Tie-Out')]);
  rows.push([
    text(
      'Each check recalculates from the other sheets. PASS when the difference is 0.00. Counts compare the rows or leases checked with those that tie.',
    ),
  ]);
  const summaryCell = 'B3';
  const resultCell = 'D3';
  const G = `G${firstCheck}:G${lastCheck}`;
  rows.push([
    null,
    formula(`"Result: "&COUNTIF(${G},"PASS")&" of "&ROWS(${G})&" checks pass"`, undefined, true),
    null,
    formula(`IF(COUNTIF(${G},"PASS")=ROWS(${G}),"PASS","FAIL")`, undefined, true),
  ]);
  const at = (r: number): (PlanCell | null)[] => {
    while (rows.length < r) rows.push([]);
    return rows[r - 1];
  };
  const put = (r: number, c: number, cell: PlanCell | null) => {
    const row = at(r);
    while (row.length < c) row.push(null);
    row[c - 1] = cell;
  };
  put(headerRow - 1, LEASE_COL, bold('Lease tie-out'));
  put(headerRow - 1, LEASE_COL + 2, text(leaseTableNote(L, args.period)));
  ['No.', 'Check', 'Compares (Figure A | Figure B)', 'Figure A', 'Figure B', 'Difference', 'Result'].forEach((h, i) =>
    put(headerRow, i + 1, bold(h)),
  );
  checks.forEach((c, k) => {
    const r = firstCheck + k;
    // A check named by a formula gives it as a function of its row; "=..." text would print as its formula.
    if (typeof c.what === 'string' && c.what.startsWith('=')) throw new Error(`check ${k + 1}: a formula as text`);
    const fmt = c.count ? FMT.integer : FMT.money;
    [
      num(k + 1, FMT.integer),
      typeof c.what === 'function' ? formula(c.what(r)) : text(c.what),
      text(c.compares),
      formula(c.a, fmt),
      formula(c.b, fmt),
      formula(`D${r}-E${r}`, fmt),
      formula(`IF(ROUND(F${r},2)=0,"PASS","FAIL")`),
    ].forEach((cell, i) => put(r, i + 1, cell));
  });
  const leaseHeaders = LEASE_KEYS.map((k) => LEASE_HEADERS[k]);
  leaseHeaders.forEach((h, i) => put(headerRow, LEASE_COL + i, bold(h)));
  leases.forEach((_lease, idx) => {
    const r = leaseFirst + idx;
    leaseTableRow(ctx, idx, r).forEach((cell, i) => put(r, LEASE_COL + i, cell));
  });
  placeJournalSummaryTable(args.journal, ctx.summaryTable.first, put);
  proof.place(put);
  measurement.place(put);
  args.unscheduled.place(put, (lease) => measurement.rateCell(lease));
  inputRows.place(put);
  journalImport.place(put);
  return {
    sheet: {
      name: SHEET.tieOut,
      rows,
      columnWidths: [
        6,
        92,
        80,
        14,
        14,
        12,
        8,
        3,
        3,
        ...leaseHeaders.map((h, i) => (i === 1 ? 36 : i < 4 ? 13 : Math.max(14, Math.ceil(h.length * 1.1) + 1))),
        ...(events.length === 0 ? [] : [3, ...proof.widths]),
        3,
        ...measurement.widths,
        3,
        ...args.unscheduled.widths,
        ...(inputRows.widths.length === 0 ? [] : [3, ...inputRows.widths]),
        ...(journalImport.widths.length === 0 ? [] : [3, ...journalImport.widths]),
      ],
      frozenRows: headerRow,
      tables: [
        { name: 'TieOutChecks', range: `A${headerRow}:G${lastCheck}`, style: 'TableStyleLight9' },
        ...(summaryLines > 0
          ? [
              {
                name: 'JournalSummaryTieOut',
                range: `A${ctx.summaryTable.first - 1}:G${ctx.summaryTable.last}`,
                style: 'TableStyleLight9',
              },
            ]
          : []),
        { name: 'LeaseTieOut', range: `${L.id}${headerRow}:${L.result}${leaseLast}`, style: 'TableStyleLight9' },
        ...proof.tables,
        ...measurement.tables,
        ...args.unscheduled.tables,
        ...inputRows.tables,
        ...journalImport.tables,
      ],
      conditionalFormats: [
        { range: `G${firstCheck}:G${lastCheck}`, kind: 'passFail' },
        { range: resultCell, kind: 'passFail' },
        ...(summaryLines > 0
          ? [{ range: `G${ctx.summaryTable.first}:G${ctx.summaryTable.last}`, kind: 'passFail' as const }]
          : []),
        { range: `${L.result}${leaseFirst}:${L.result}${leaseLast}`, kind: 'passFail' },
        ...(journalImport.resultRange ? [{ range: journalImport.resultRange, kind: 'passFail' as const }] : []),
      ],
      tabColor: '#C00000',
    },
    summaryCell,
    resultCell,
    checksRange: G,
    checkCount,
  };
}
