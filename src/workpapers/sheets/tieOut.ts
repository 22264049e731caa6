/**
 * The Tie-Out sheet: live formulas, one row per check, each with what it compares, the two figures, the difference
 * and PASS/FAIL (green/red). Below the checks, a table with one row per lease: its commencement figures, what the
 * schedule and the journal say about it, and whether they tie. Every figure recalculates from the other sheets
 * (continuation sheets included), so an edited schedule value or journal line turns the matching rows to FAIL.
 *
 * Checks that hold row by row or lease by lease compare a count with the count that ties (difference = how many
 * do not). The journal columns cover the reporting period: per lease, the journal's liability and ROU movements equal
 * the schedule's balances at the period's end less those at the day before it starts, and its lease cost the cost of
 * the lease months ending in the period. "Every entry balances" is checked per lease: the lease's debits equal its
 * credits, and the sum of (debit - credit) x the day of the period the line is dated on is 0.00, which an
 * unbalanced entry cannot satisfy unless another entry of the same lease on the same day is out by an offsetting
 * amount. Below the checks, the journal summary's own table: each summary line against its detail summed.
 *
 * After the standing checks, each remeasurement and partial termination adds two rows (liability after = PV of the
 * revised payments, re-performed on this sheet; ROU after = ROU before - derecognized + liability remeasurement -
 * impairment) and each impairment the ROU row: see remeasurementProof.ts for the tables they compare.
 */
import type { LeaseResult } from '../../engine';
import { eomonth, toExcelSerial } from '../../engine/calendar/dates';
import type { AccountRole } from '../../input/accountRoles';
import type { ReportingPeriod } from '../reportingPeriod';
import { bold, col, FMT, formula, formulaText, money, num, sheetRef, text } from '../cells';
import { SHEET } from '../names';
import type { PlanCell, SheetPlan } from '../plan';
import { SC, type SchedulesLayout } from './schedules';
import type { JournalLayout } from './journalSheet';
import { BASIS, RC, type RollForwardLayout } from './rollForward';
import type { DisclosuresLayout } from './disclosures';
import { remeasurementEvents, remeasurementProof } from './remeasurementProof';

export interface TieOutLayout {
  sheet: SheetPlan;
  /** The cells of the summary: "n of m checks pass" and the overall PASS/FAIL. */
  summaryCell: string;
  resultCell: string;
  checkCount: number;
}

interface Check {
  what: string;
  compares: string;
  a: string;
  b: string;
  /** Figures are counts (integer format) rather than money. */
  count?: boolean;
}

/** A SUMIFS criterion matching `s` exactly (no wildcards, no comparison operator). */
function exact(s: string): string {
  return formulaText(`=${s.replace(/[~*?]/g, '~$&')}`);
}

export function tieOutLayout(args: {
  leases: readonly LeaseResult[];
  /** The period the journal covers. */
  period: ReportingPeriod;
  schedules: SchedulesLayout;
  journal: JournalLayout;
  rollForward: RollForwardLayout;
  disclosures: DisclosuresLayout;
  reportingDate: string;
  periodStart: string;
}): TieOutLayout {
  const { leases, period, schedules, journal, rollForward, disclosures } = args;
  const n = leases.length;
  const JC = journal.columns.letter;
  const costRoles: AccountRole[] = [
    'Operating lease cost',
    'Finance lease interest',
    'Finance lease amortization',
    'Short-term lease cost',
  ];
  const liabilityRoles: AccountRole[] = [
    'Operating lease liability current',
    'Operating lease liability non-current',
    'Finance lease liability current',
    'Finance lease liability non-current',
  ];
  const rouRoles: AccountRole[] = ['Operating ROU asset', 'Finance ROU asset', 'Finance ROU accumulated amortization'];
  const periodStartSerial = toExcelSerial(period.start);
  const periodEndSerial = toExcelSerial(period.end);
  const dayBefore = eomonth(period.start, -1);

  // Layout: title rows, the checks table, then the lease table. Count the checks first.
  const checks: Check[] = [];
  const headerRow = 5;
  const currencies = disclosures.blocks.length;
  const events = remeasurementEvents(leases, schedules.places);
  const pvChecks = events.filter((e) => e.payments !== null).length;
  const checkCount = 19 + 5 * currencies + pvChecks + events.length;
  const firstCheck = headerRow + 1;
  const lastCheck = headerRow + checkCount;
  // The lease table sits to the right of the checks (column J on), under the same header row.
  const leaseHeader = headerRow;
  const leaseFirst = leaseHeader + 1;
  const leaseLast = Math.max(leaseHeader + n, leaseFirst);
  const lt = (c: string) => `$${c}$${leaseFirst}:$${c}$${leaseLast}`;
  const LEASE_KEYS = [
    'id',
    'description',
    'cls',
    'cur',
    'liability0',
    'rou0',
    'dayOne',
    'prepaid',
    'idc',
    'incentives',
    'payments',
    'cost',
    'adjustments',
    'transfer',
    'expected',
    'costDiff',
    'liabilityEnd',
    'rouEnd',
    'pLiabilityOpen',
    'pLiabilityClose',
    'pRouOpen',
    'pRouClose',
    'pCost',
    'jLiability',
    'jRou',
    'jCost',
    'jDebits',
    'jCredits',
    'jEntries',
    'result',
  ] as const;
  const LEASE_COL = 10;
  const L = Object.fromEntries(LEASE_KEYS.map((k, i) => [k, col(LEASE_COL + i)])) as Record<
    (typeof LEASE_KEYS)[number],
    string
  >;
  // The proof of each remeasurement sits to the right of the lease table.
  const proof = remeasurementProof(events, LEASE_COL + LEASE_KEYS.length + 1, headerRow);
  const leaseCount = `ROWS(${lt(L.id)})`;
  const countWhere = (cond: string) => (n === 0 ? '0' : `SUMPRODUCT(${cond})`);
  const leasesChecked = n === 0 ? '0' : leaseCount;

  // Schedules parts.
  const parts = schedules.parts;
  const sched = (p: (typeof parts)[number], c: string, from = 2, to = p.lastRow) =>
    `${sheetRef(p.sheet)}$${c}$${from}:$${c}$${to}`;
  const sumParts = (f: (p: (typeof parts)[number]) => string | null) => {
    const terms = parts.map(f).filter((x): x is string => x !== null);
    return terms.length === 0 ? '0' : terms.join('+');
  };
  const notShort = (p: (typeof parts)[number]) => `(${sched(p, SC.classification)}<>"Short-term")`;

  checks.push({
    what: 'Schedules: liability closing = opening + adjustment + accretion/interest - payments, every row',
    compares: 'Lease-month rows (not short-term) | rows that tie',
    a: sumParts((p) => `SUMPRODUCT(--${notShort(p)})`),
    b: sumParts(
      (p) =>
        `SUMPRODUCT(${notShort(p)}*(ROUND(${sched(p, SC.liabilityOpening)}+${sched(p, SC.liabilityAdjustment)}+${sched(p, SC.interest)}-${sched(p, SC.payments)}-${sched(p, SC.liabilityClosing)},2)=0))`,
    ),
    count: true,
  });
  checks.push({
    what: 'Schedules: ROU closing = opening + adjustment - amortization, every row',
    compares: 'Lease-month rows (not short-term) | rows that tie',
    a: sumParts((p) => `SUMPRODUCT(--${notShort(p)})`),
    b: sumParts(
      (p) =>
        `SUMPRODUCT(${notShort(p)}*(ROUND(${sched(p, SC.rouOpening)}+${sched(p, SC.rouAdjustment)}-${sched(p, SC.amortization)}-${sched(p, SC.rouClosing)},2)=0))`,
    ),
    count: true,
  });
  const sameLease = (p: (typeof parts)[number]) => `(${sched(p, SC.id, 3)}=${sched(p, SC.id, 2, p.lastRow - 1)})`;
  checks.push({
    what: "Schedules: each month's opening liability and ROU asset = the previous month's closing",
    compares: "Rows after a lease's first month | rows that carry the previous closing",
    a: sumParts((p) => (p.lastRow < 3 ? null : `SUMPRODUCT(--${sameLease(p)})`)),
    b: sumParts((p) =>
      p.lastRow < 3
        ? null
        : `SUMPRODUCT(${sameLease(p)}*(ROUND(${sched(p, SC.liabilityOpening, 3)}-${sched(p, SC.liabilityClosing, 2, p.lastRow - 1)},2)=0)*(ROUND(${sched(p, SC.rouOpening, 3)}-${sched(p, SC.rouClosing, 2, p.lastRow - 1)},2)=0))`,
    ),
    count: true,
  });
  checks.push({
    what: 'Schedules: the lease liability is 0.00 at the end of every lease',
    compares: `Leases | leases ending at 0.00 (lease table column ${L.liabilityEnd})`,
    a: leasesChecked,
    b: countWhere(`--(ROUND(${lt(L.liabilityEnd)},2)=0)`),
    count: true,
  });
  checks.push({
    what: 'Schedules: the ROU asset is 0.00 at the end of every lease, after any transfer to owned assets',
    compares: `Leases | leases ending at 0.00 (column ${L.rouEnd})`,
    a: leasesChecked,
    b: countWhere(`--(ROUND(${lt(L.rouEnd)},2)=0)`),
    count: true,
  });
  const jparts = journal.parts;
  const jr = (p: (typeof jparts)[number], c: string) =>
    `${sheetRef(p.sheet)}$${c}$${p.firstRow}:$${c}$${Math.max(p.lastRow, p.firstRow)}`;
  checks.push({
    what: `Journal detail (${period.start} to ${period.end}): total debits = total credits`,
    compares: 'Debits | credits, all detail lines',
    a: jparts.map((p) => `SUM(${jr(p, JC.debit)})`).join('+'),
    b: jparts.map((p) => `SUM(${jr(p, JC.credit)})`).join('+'),
  });
  const sm = journal.summary;
  const sr = (c: string) => `${sheetRef(sm.sheet)}$${c}$${sm.firstRow}:$${c}$${Math.max(sm.lastRow, sm.firstRow)}`;
  const summaryLines = sm.lastRow - sm.firstRow + 1;
  checks.push({
    what: 'Journal summary: total debits = total credits (each entity entry balances: see the next check)',
    compares: 'Debits | credits, summary lines',
    a: `SUM(${sr(JC.debit)})`,
    b: `SUM(${sr(JC.credit)})`,
  });
  // The summary's own table below the checks: one row per summary line, its figure and the detail summed by exact
  // comparison of entity, currency and account role (no SUMIFS criteria, so no text is read as an operator).
  const summaryFirst = lastCheck + 3;
  const summaryLast = summaryFirst + Math.max(summaryLines, 0) - 1;
  const sumCol = (c: string) => `$${c}$${summaryFirst}:$${c}$${summaryLast}`;
  checks.push({
    what: 'Journal summary = detail summed by entity, currency and account, line by line (table below the checks)',
    compares: 'Summary lines | summary lines whose difference is 0.00',
    a: summaryLines <= 0 ? '0' : `ROWS(${sumCol('F')})`,
    b: summaryLines <= 0 ? '0' : `SUMPRODUCT(--(ROUND(${sumCol('F')},2)=0))`,
    count: true,
  });
  checks.push({
    what: 'Journal: every entry balances (debits = credits)',
    compares: `Leases | leases whose entries all balance (columns ${L.jDebits}, ${L.jCredits}, ${L.jEntries})`,
    a: leasesChecked,
    b: countWhere(`(ROUND(${lt(L.jDebits)}-${lt(L.jCredits)},2)=0)*(ROUND(${lt(L.jEntries)},2)=0)`),
    count: true,
  });
  checks.push({
    what: 'Journal = Schedules, per lease: lease liability movement in the period = schedule liability at its end - at its start',
    compares: `Leases | leases where column ${L.jLiability} = ${L.pLiabilityClose} - ${L.pLiabilityOpen}`,
    a: leasesChecked,
    b: countWhere(`--(ROUND(${lt(L.jLiability)}-${lt(L.pLiabilityClose)}+${lt(L.pLiabilityOpen)},2)=0)`),
    count: true,
  });
  checks.push({
    what: 'Journal = Schedules, per lease: ROU asset movement in the period (net of accumulated amortization) = schedule ROU at its end - at its start',
    compares: `Leases | leases where column ${L.jRou} = ${L.pRouClose} - ${L.pRouOpen}`,
    a: leasesChecked,
    b: countWhere(`--(ROUND(${lt(L.jRou)}-${lt(L.pRouClose)}+${lt(L.pRouOpen)},2)=0)`),
    count: true,
  });
  checks.push({
    what: 'Journal = Schedules, per lease: lease cost expensed in the period = schedule lease cost of the months ending in it',
    compares: `Leases | leases where column ${L.jCost} = column ${L.pCost}`,
    a: leasesChecked,
    b: countWhere(`--(ROUND(${lt(L.jCost)}-${lt(L.pCost)},2)=0)`),
    count: true,
  });
  checks.push({
    what: 'Total lease cost = payments + IDC - incentives (+ remeasurement differences - transfers), per lease',
    compares: `Leases | leases where column ${L.cost} = column ${L.expected}`,
    a: leasesChecked,
    b: countWhere(`--(ROUND(${lt(L.costDiff)},2)=0)`),
    count: true,
  });
  const rf = (c: string) =>
    `${sheetRef(SHEET.rollForward)}$${c}$${rollForward.firstRow}:$${c}$${Math.max(rollForward.lastRow, rollForward.firstRow)}`;
  const rfRows = Math.max(rollForward.lastRow - rollForward.firstRow + 1, 0);
  checks.push({
    what: 'Roll-Forward: liability opening + movements = closing, every row',
    compares: 'Roll-forward rows | rows whose Liability check is 0.00',
    a: rfRows === 0 ? '0' : `ROWS(${rf(RC.liabilityCheck)})`,
    b: rfRows === 0 ? '0' : `SUMPRODUCT(--(ROUND(${rf(RC.liabilityCheck)},2)=0))`,
    count: true,
  });
  checks.push({
    what: 'Roll-Forward: ROU asset opening + movements = closing, every row',
    compares: 'Roll-forward rows | rows whose ROU check is 0.00',
    a: rfRows === 0 ? '0' : `ROWS(${rf(RC.rouCheck)})`,
    b: rfRows === 0 ? '0' : `SUMPRODUCT(--(ROUND(${rf(RC.rouCheck)},2)=0))`,
    count: true,
  });
  const month = formulaText(BASIS.month);
  const schedSum = (c: string) =>
    sumParts((p) => `SUMIFS(${sched(p, c)},${sched(p, SC.classification)},"<>Short-term")`);
  checks.push({
    what: 'Roll-Forward = Schedules: additions = liabilities at commencement',
    compares: 'Roll-forward additions (monthly rows) | Schedules month-1 opening liabilities',
    a: rfRows === 0 ? '0' : `SUMIFS(${rf(RC.liabilityAdditions)},${rf(RC.basis)},${month})`,
    b: sumParts(
      (p) =>
        `SUMIFS(${sched(p, SC.liabilityOpening)},${sched(p, SC.month)},1,${sched(p, SC.classification)},"<>Short-term")`,
    ),
  });
  checks.push({
    what: 'Roll-Forward = Schedules: accretion/interest',
    compares: 'Roll-forward accretion/interest (monthly rows) | Schedules accretion/interest',
    a: rfRows === 0 ? '0' : `SUMIFS(${rf(RC.interest)},${rf(RC.basis)},${month})`,
    b: schedSum(SC.interest),
  });
  checks.push({
    what: 'Roll-Forward = Schedules: payments that reduce the liability',
    compares: 'Roll-forward payments (monthly rows, as a positive amount) | Schedules payments',
    a: rfRows === 0 ? '0' : `-SUMIFS(${rf(RC.payments)},${rf(RC.basis)},${month})`,
    b: schedSum(SC.payments),
  });
  checks.push({
    what: 'Roll-Forward = Schedules: ROU amortization',
    compares: 'Roll-forward amortization (monthly rows, as a positive amount) | Schedules ROU amortization',
    a: rfRows === 0 ? '0' : `-SUMIFS(${rf(RC.amortization)},${rf(RC.basis)},${month})`,
    b: schedSum(SC.amortization),
  });
  const ds = sheetRef(SHEET.disclosures);
  const det = (c: string) => `${ds}$${c}$${disclosures.detail.firstRow}:$${c}$${disclosures.detail.lastRow}`;
  const dSerial = toExcelSerial(args.reportingDate);
  const startSerial = toExcelSerial(args.periodStart);
  for (const blk of disclosures.blocks) {
    const cur = blk.currency;
    const q = exact(cur);
    checks.push({
      what: `Disclosures (${cur}): undiscounted payments - imputed interest = lease liabilities at ${args.reportingDate}`,
      compares: 'Maturity analysis total less imputed interest | lease liabilities linked to the Schedules',
      a: `${ds}${blk.undiscountedTotal}+${ds}${blk.imputedTotal}`,
      b: `SUMIFS(${det(disclosures.detail.liability)},${det(disclosures.detail.currency)},${q})`,
    });
    checks.push({
      what: `Disclosures (${cur}): current + non-current = total lease liabilities`,
      compares: 'Current + non-current | total lease liabilities (linked to the Schedules)',
      a: `${ds}${blk.currentTotal}+${ds}${blk.nonCurrentTotal}`,
      b: `${ds}${blk.liabilityTotal}`,
    });
    const rfClosing = (c: string) =>
      rfRows === 0 ? '0' : `SUMIFS(${rf(c)},${rf(RC.basis)},${month},${rf(RC.to)},${dSerial},${rf(RC.currency)},${q})`;
    checks.push({
      what: `Disclosures (${cur}): lease liabilities = Roll-Forward closing at ${args.reportingDate}`,
      compares:
        'Disclosed total lease liabilities | Roll-forward closing liability, month ending on the Reporting Date',
      a: `${ds}${blk.liabilityTotal}`,
      b: rfClosing(RC.liabilityClosing),
    });
    checks.push({
      what: `Disclosures (${cur}): ROU assets = Roll-Forward closing at ${args.reportingDate}`,
      compares: 'Disclosed ROU assets | Roll-forward closing ROU asset, month ending on the Reporting Date',
      a: `${ds}${blk.rouTotal}`,
      b: rfClosing(RC.rouClosing),
    });
    checks.push({
      what: `Disclosures (${cur}): lease cost = Schedules lease cost of the lease months ending in the fiscal year to date`,
      compares: `Disclosed total lease cost | Schedules lease cost, lease months ending ${args.periodStart} to ${args.reportingDate}`,
      a: `${ds}${blk.leaseCostTotal}`,
      b: sumParts(
        (p) =>
          `SUMIFS(${sched(p, SC.leaseCost)},${sched(p, SC.currency)},${q},${sched(p, SC.end)},">="&${startSerial},${sched(p, SC.end)},"<="&${dSerial})`,
      ),
    });
  }
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
      what: `${what}: ROU after = ROU before - derecognized + liability remeasurement - impairment`,
      compares: `Schedules ROU opening + adjustment (${c.rouAfter}) | expected ROU after (${c.expectedRouAfter})`,
      a: c.rouAfter,
      b: c.expectedRouAfter,
    });
  }
  if (checks.length !== checkCount) throw new Error(`tie-out: ${checks.length} checks, planned ${checkCount}`);

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
  put(
    headerRow - 1,
    LEASE_COL + 2,
    text(
      `One row per lease: commencement figures (values from the engine), the schedule (SUM over its rows) and the journal (SUMIFS over its lines). ` +
        `${L.expected} = ${L.dayOne} + ${L.prepaid} + ${L.payments} + ${L.idc} - ${L.incentives} + ${L.adjustments} - ${L.transfer}; ` +
        `${L.costDiff} = ${L.cost} - ${L.expected}; the journal columns cover ${period.start} to ${period.end}; ` +
        `${L.jEntries} = sum of (debit - credit) x the day of the period the entry is dated on.`,
    ),
  );
  ['No.', 'Check', 'Compares (Figure A | Figure B)', 'Figure A', 'Figure B', 'Difference', 'Result'].forEach((h, i) =>
    put(headerRow, i + 1, bold(h)),
  );
  checks.forEach((c, k) => {
    const r = firstCheck + k;
    const fmt = c.count ? FMT.integer : FMT.money;
    [
      num(k + 1, FMT.integer),
      text(c.what),
      text(c.compares),
      formula(c.a, fmt),
      formula(c.b, fmt),
      formula(`D${r}-E${r}`, fmt),
      formula(`IF(ROUND(F${r},2)=0,"PASS","FAIL")`),
    ].forEach((cell, i) => put(r, i + 1, cell));
  });
  if (summaryLines > 0) {
    put(
      summaryFirst - 2,
      2,
      bold('Journal summary tie-out: each summary line against the detail lines of its entity, currency and account'),
    );
    [
      'No.',
      'Entity | currency | account role',
      'Entry No.',
      'Summary (debit - credit)',
      'Detail summed',
      'Difference',
      'Result',
    ].forEach((h, i) => put(summaryFirst - 1, i + 1, bold(h)));
    const js = sheetRef(sm.sheet);
    sm.lines.forEach((line, k) => {
      const r = summaryFirst + k;
      const sRow = sm.firstRow + k;
      const cell = (c: string) => `${js}$${c}$${sRow}`;
      const detail = jparts
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
  const leaseHeaders = [
    'Lease ID',
    'Description',
    'Classification',
    'Currency',
    'Liability at commencement',
    'ROU asset at commencement',
    'Day-one payment',
    'Prepaid rent',
    'Initial direct costs',
    'Lease incentives',
    'Schedule payments',
    'Schedule lease cost',
    'ROU adj. - liability adj.',
    'Transfer to owned assets',
    'Expected lease cost',
    'Lease cost difference',
    'Liability at end',
    'ROU asset at end after transfer',
    `Liability at ${dayBefore}`,
    `Liability at ${period.end}`,
    `ROU asset at ${dayBefore}`,
    `ROU asset at ${period.end}`,
    'Schedule lease cost in the period',
    'Journal: lease liability in the period',
    'Journal: ROU asset in the period',
    'Journal: lease cost in the period',
    'Journal debits',
    'Journal credits',
    'Journal entry check',
    'Result',
  ];
  leaseHeaders.forEach((h, i) => put(leaseHeader, LEASE_COL + i, bold(h)));
  leases.forEach((lease, idx) => {
    const r = leaseFirst + idx;
    const place = schedules.places[idx];
    const s = sheetRef(place.sheet);
    const range = (c: string) => `${s}${c}${place.firstRow}:${c}${place.lastRow}`;
    const shortTerm = lease.months[0]?.classification === 'short-term';
    const jp = journal.places[idx];
    const js = sheetRef(jp.sheet);
    const jrange = (c: string) => `${js}$${c}$${jp.firstRow}:$${c}$${jp.lastRow}`;
    const roleNet = (roles: readonly AccountRole[], sign: 1 | -1) =>
      `SUMPRODUCT((${jrange(sign > 0 ? JC.debit : JC.credit)}-${jrange(sign > 0 ? JC.credit : JC.debit)})*(${roles.map((role) => `(${jrange(JC.role)}=${formulaText(role)})`).join('+')}))`;
    const has = jp.lines > 0;
    // The schedule's balance at a month-end: the closing of the lease month ended by then, or inside a lease month
    // the opening after its modification and advance payment (a balance is what is booked on or before the date).
    const balanceAt = (d: string): { liability: string; rou: string } => {
      const rows = lease.months;
      let j = -1;
      for (let k = 0; k < rows.length && rows[k].start <= d; k++) j = k;
      if (shortTerm || j < 0) return { liability: '0', rou: '0' };
      const row = place.firstRow + j;
      if (d >= rows[j].end) {
        const transfer = j === rows.length - 1 ? `-N(${s}${SC.transfer}${row})` : '';
        return { liability: `${s}${SC.liabilityClosing}${row}`, rou: `${s}${SC.rouClosing}${row}${transfer}` };
      }
      return {
        liability: `${s}${SC.interestBase}${row}`,
        rou: `${s}${SC.rouOpening}${row}+${s}${SC.rouAdjustment}${row}`,
      };
    };
    const open = balanceAt(dayBefore);
    const close = balanceAt(period.end);
    const x = (k: (typeof LEASE_KEYS)[number]) => `${L[k]}${r}`;
    [
      text(lease.id),
      text(lease.description),
      text(
        lease.classification === 'short-term'
          ? 'Short-term'
          : lease.classification === 'finance'
            ? 'Finance'
            : 'Operating',
      ),
      text(lease.currency),
      money(lease.liabilityAtCommencement),
      money(lease.rouAtCommencement),
      money(shortTerm ? 0 : lease.dayOnePayment),
      money(lease.prepaidRent),
      money(lease.initialDirectCosts),
      money(lease.leaseIncentives),
      formula(`SUM(${range(SC.payments)})`, FMT.money),
      formula(`SUM(${range(SC.leaseCost)})`, FMT.money),
      formula(`SUM(${range(SC.rouAdjustment)})-SUM(${range(SC.liabilityAdjustment)})`, FMT.money),
      formula(`N(${s}${SC.transfer}${place.lastRow})`, FMT.money),
      formula(
        `${x('dayOne')}+${x('prepaid')}+${x('payments')}+${x('idc')}-${x('incentives')}+${x('adjustments')}-${x('transfer')}`,
        FMT.money,
      ),
      formula(`ROUND(${x('cost')}-${x('expected')},2)`, FMT.money),
      formula(`${s}${SC.liabilityClosing}${place.lastRow}`, FMT.money),
      formula(`${s}${SC.rouClosing}${place.lastRow}-${x('transfer')}`, FMT.money),
      formula(open.liability, FMT.money),
      formula(close.liability, FMT.money),
      formula(open.rou, FMT.money),
      formula(close.rou, FMT.money),
      formula(
        `SUMIFS(${range(SC.leaseCost)},${range(SC.end)},">="&${periodStartSerial},${range(SC.end)},"<="&${periodEndSerial})`,
        FMT.money,
      ),
      formula(has ? roleNet(liabilityRoles, -1) : '0', FMT.money),
      formula(has ? roleNet(rouRoles, 1) : '0', FMT.money),
      formula(has ? roleNet(costRoles, 1) : '0', FMT.money),
      formula(has ? `SUM(${jrange(JC.debit)})` : '0', FMT.money),
      formula(has ? `SUM(${jrange(JC.credit)})` : '0', FMT.money),
      formula(
        has
          ? `SUMPRODUCT((${jrange(JC.debit)}-${jrange(JC.credit)})*(${jrange(JC.date)}-${periodStartSerial - 1}))`
          : '0',
        FMT.money,
      ),
      formula(
        `IF(AND(ROUND(${x('costDiff')},2)=0,ROUND(${x('liabilityEnd')},2)=0,ROUND(${x('rouEnd')},2)=0,ROUND(${x('jLiability')}-${x('pLiabilityClose')}+${x('pLiabilityOpen')},2)=0,` +
          `ROUND(${x('jRou')}-${x('pRouClose')}+${x('pRouOpen')},2)=0,ROUND(${x('jCost')}-${x('pCost')},2)=0,ROUND(${x('jDebits')}-${x('jCredits')},2)=0,ROUND(${x('jEntries')},2)=0),"PASS","FAIL")`,
      ),
    ].forEach((cell, i) => put(r, LEASE_COL + i, cell));
  });
  proof.place(put);
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
      ],
      frozenRows: headerRow,
      tables: [
        { name: 'TieOutChecks', range: `A${headerRow}:G${lastCheck}`, style: 'TableStyleLight9' },
        ...(summaryLines > 0
          ? [{ name: 'JournalSummaryTieOut', range: `A${summaryFirst - 1}:G${summaryLast}`, style: 'TableStyleLight9' }]
          : []),
        { name: 'LeaseTieOut', range: `${L.id}${leaseHeader}:${L.result}${leaseLast}`, style: 'TableStyleLight9' },
        ...proof.tables,
      ],
      conditionalFormats: [
        { range: `G${firstCheck}:G${lastCheck}`, kind: 'passFail' },
        { range: resultCell, kind: 'passFail' },
        ...(summaryLines > 0 ? [{ range: `G${summaryFirst}:G${summaryLast}`, kind: 'passFail' as const }] : []),
        { range: `${L.result}${leaseFirst}:${L.result}${leaseLast}`, kind: 'passFail' },
      ],
      tabColor: '#C00000',
    },
    summaryCell,
    resultCell,
    checkCount,
  };
}
