/**
 * The Tie-Out sheet: live formulas, one row per check, each with what it compares, the two figures, the difference
 * and PASS/FAIL (green/red). Below the checks, a table with one row per lease: its commencement figures, what the
 * schedule and the journal say about it, and whether they tie. Every figure recalculates from the other sheets
 * (continuation sheets included), so an edited schedule value or journal line turns the matching rows to FAIL.
 *
 * Checks that hold row by row or lease by lease compare a count with the count that ties (difference = how many
 * do not). "Every entry balances" is checked per lease: the lease's debits equal its credits, and the sum of
 * (debit - credit) x the entry's position within the lease is 0.00, which an unbalanced entry cannot satisfy
 * unless another entry of the same lease is out by an offsetting amount in both sums.
 *
 * After the standing checks, each remeasurement and partial termination adds two rows (liability after = PV of the
 * revised payments, re-performed on this sheet; ROU after = ROU before - derecognized + liability remeasurement -
 * impairment) and each impairment the ROU row: see remeasurementProof.ts for the tables they compare.
 */
import type { LeaseResult } from '../../engine';
import type { GlAccounts } from '../../engine/terms';
import { toExcelSerial } from '../../engine/calendar/dates';
import { bold, col, FMT, formula, formulaText, money, num, sheetRef, text } from '../cells';
import { SHEET } from '../names';
import type { PlanCell, SheetPlan } from '../plan';
import { SC, type SchedulesLayout } from './schedules';
import { JC, type JournalLayout } from './journalSheet';
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
  accounts: GlAccounts;
  schedules: SchedulesLayout;
  journal: JournalLayout;
  rollForward: RollForwardLayout;
  disclosures: DisclosuresLayout;
  reportingDate: string;
  periodStart: string;
}): TieOutLayout {
  const { leases, accounts, schedules, journal, rollForward, disclosures } = args;
  const n = leases.length;
  const costAccounts = [
    ...new Set([
      accounts.operatingLeaseCost,
      accounts.interestExpense,
      accounts.amortizationExpense,
      accounts.shortTermLeaseCost,
    ]),
  ];

  // Layout: title rows, the checks table, then the lease table. Count the checks first.
  const checks: Check[] = [];
  const headerRow = 5;
  const currencies = disclosures.blocks.length;
  const events = remeasurementEvents(leases, schedules.places);
  const pvChecks = events.filter((e) => e.payments !== null).length;
  const checkCount = 17 + 5 * currencies + pvChecks + events.length;
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
  const jr = (p: (typeof jparts)[number], c: string) => `${sheetRef(p.sheet)}$${c}$2:$${c}$${p.lastRow}`;
  checks.push({
    what: 'Journal: total debits = total credits',
    compares: 'Debits | credits, all journal lines',
    a: jparts.map((p) => `SUM(${jr(p, JC.debit)})`).join('+'),
    b: jparts.map((p) => `SUM(${jr(p, JC.credit)})`).join('+'),
  });
  checks.push({
    what: 'Journal: every entry balances (debits = credits)',
    compares: `Leases | leases whose entries all balance (columns ${L.jDebits}, ${L.jCredits}, ${L.jEntries})`,
    a: leasesChecked,
    b: countWhere(`(ROUND(${lt(L.jDebits)}-${lt(L.jCredits)},2)=0)*(ROUND(${lt(L.jEntries)},2)=0)`),
    count: true,
  });
  checks.push({
    what: 'Journal = Schedules, per lease: lease liability (all entries) = schedule closing liability',
    compares: `Leases | leases where column ${L.jLiability} = column ${L.liabilityEnd}`,
    a: leasesChecked,
    b: countWhere(`--(ROUND(${lt(L.jLiability)}-${lt(L.liabilityEnd)},2)=0)`),
    count: true,
  });
  checks.push({
    what: 'Journal = Schedules, per lease: ROU asset (all entries) = schedule closing ROU after transfer',
    compares: `Leases | leases where column ${L.jRou} = column ${L.rouEnd}`,
    a: leasesChecked,
    b: countWhere(`--(ROUND(${lt(L.jRou)}-${lt(L.rouEnd)},2)=0)`),
    count: true,
  });
  checks.push({
    what: 'Journal = Schedules, per lease: lease cost expensed = schedule lease cost',
    compares: `Leases | leases where column ${L.jCost} = column ${L.cost}`,
    a: leasesChecked,
    b: countWhere(`--(ROUND(${lt(L.jCost)}-${lt(L.cost)},2)=0)`),
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
    // One SUMPRODUCT per journal sheet (SUMIFS per account and sheet would pass Excel's 8,192-character formula limit).
    const accountsMatch = (p: (typeof jparts)[number]) =>
      costAccounts.map((a) => `(${jr(p, JC.account)}=${formulaText(a)})`).join('+');
    const journalCost = jparts
      .map(
        (p) =>
          `SUMPRODUCT((${jr(p, JC.debit)}-${jr(p, JC.credit)})*(${accountsMatch(p)})*(${jr(p, JC.currency)}=${formulaText(cur)})*(${jr(p, JC.date)}>=${startSerial})*(${jr(p, JC.date)}<=${dSerial}))`,
      )
      .join('+');
    checks.push({
      what: `Disclosures (${cur}): lease cost = lease cost journalized in the period`,
      compares: `Disclosed total lease cost | journal lease cost accounts, ${args.periodStart} to ${args.reportingDate}`,
      a: `${ds}${blk.leaseCostTotal}`,
      b: journalCost,
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
        `${L.costDiff} = ${L.cost} - ${L.expected}; ${L.jEntries} = sum of (debit - credit) x entry position within the lease.`,
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
    'Journal: lease liability',
    'Journal: ROU asset',
    'Journal: lease cost',
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
    const acctNet = (acct: string, sign: 1 | -1) =>
      `SUMIFS(${jrange(sign > 0 ? JC.debit : JC.credit)},${jrange(JC.account)},${exact(acct)})-SUMIFS(${jrange(sign > 0 ? JC.credit : JC.debit)},${jrange(JC.account)},${exact(acct)})`;
    const has = jp.lines > 0;
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
      formula(has ? acctNet(accounts.leaseLiability, -1) : '0', FMT.money),
      formula(has ? acctNet(accounts.rouAsset, 1) : '0', FMT.money),
      formula(has ? costAccounts.map((a) => `(${acctNet(a, 1)})`).join('+') : '0', FMT.money),
      formula(has ? `SUM(${jrange(JC.debit)})` : '0', FMT.money),
      formula(has ? `SUM(${jrange(JC.credit)})` : '0', FMT.money),
      formula(
        has ? `SUMPRODUCT((${jrange(JC.debit)}-${jrange(JC.credit)})*(${jrange(JC.entry)}-${jp.firstEntry - 1}))` : '0',
        FMT.money,
      ),
      formula(
        `IF(AND(ROUND(${x('costDiff')},2)=0,ROUND(${x('liabilityEnd')},2)=0,ROUND(${x('rouEnd')},2)=0,ROUND(${x('jLiability')}-${x('liabilityEnd')},2)=0,` +
          `ROUND(${x('jRou')}-${x('rouEnd')},2)=0,ROUND(${x('jCost')}-${x('cost')},2)=0,ROUND(${x('jDebits')}-${x('jCredits')},2)=0,ROUND(${x('jEntries')},2)=0),"PASS","FAIL")`,
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
        { name: 'LeaseTieOut', range: `${L.id}${leaseHeader}:${L.result}${leaseLast}`, style: 'TableStyleLight9' },
        ...proof.tables,
      ],
      conditionalFormats: [
        { range: `G${firstCheck}:G${lastCheck}`, kind: 'passFail' },
        { range: resultCell, kind: 'passFail' },
        { range: `${L.result}${leaseFirst}:${L.result}${leaseLast}`, kind: 'passFail' },
      ],
      tabColor: '#C00000',
    },
    summaryCell,
    resultCell,
    checkCount,
  };
}
