/**
 * The Disclosures sheet as of the Reporting Date (ASC 842-20-50), one block per currency: balance sheet amounts
 * (ROU assets, current and non-current lease liabilities), the maturity analysis (rest of the fiscal year when the
 * Reporting Date is not a year end, each of the next five fiscal years, thereafter, the undiscounted total, less
 * imputed interest, equal to the liability), the lease cost table, cash paid, ROU assets obtained, and the
 * weighted-average remaining lease term and discount rate.
 *
 * Below the blocks, a table of every lease carrying a balance at the Reporting Date: its liability and ROU asset are
 * live links to the schedule cells, so the balance sheet totals and the weighted averages (SUMIFS / SUMPRODUCT over
 * that table) recalculate from the schedules. The maturity buckets, imputed interest, current portion, period
 * figures are values from the engine (disclosureFigures.ts says how each is derived); the Tie-Out checks them
 * against the linked liabilities.
 */
import type { LeaseResult } from '../../engine';
import { bold, classificationLabel, FMT, formula, formulaText, money, num, sheetRef, text } from '../cells';
import type { DisclosureFigures } from '../disclosureFigures';
import { SHEET } from '../names';
import type { PlanCell, SheetPlan } from '../plan';
import { SC, scheduleRowOf, type SchedulePlace } from './schedules';

export interface CurrencyBlock {
  currency: string;
  /** Cells (A1, on the Disclosures sheet) of the "Total" column figures. */
  rouTotal: string;
  currentTotal: string;
  nonCurrentTotal: string;
  liabilityTotal: string;
  undiscountedTotal: string;
  imputedTotal: string;
  presentValueTotal: string;
  leaseCostTotal: string;
}

export interface DisclosuresLayout {
  sheet: SheetPlan;
  blocks: CurrencyBlock[];
  /** The lease table: rows and columns. */
  detail: {
    firstRow: number;
    lastRow: number;
    currency: string;
    liability: string;
    current: string;
    nonCurrent: string;
    rou: string;
  };
}

const DETAIL_HEADERS = [
  'Lease ID',
  'Classification',
  'Entity',
  'Currency',
  'Lease liability',
  'Current',
  'Non-current',
  'ROU asset',
  'Remaining term (months)',
  'Remaining term (years)',
  'Discount rate',
  'Undiscounted payments',
  'Imputed interest',
];

export function disclosuresLayout(
  leases: readonly LeaseResult[],
  figures: DisclosureFigures,
  places: readonly SchedulePlace[],
  reportingDateSource: string,
  fiscalYearEndMonth: number,
): DisclosuresLayout {
  const P = FMT.moneyParens;
  const rows: (PlanCell | null)[][] = [];
  const push = (...cells: (PlanCell | null)[]) => {
    rows.push(cells);
    return rows.length;
  };
  const D = figures.reportingDate;
  push(bold(`Lease disclosures as of ${D} (ASC 842-20-50)`));
  push(
    text(
      `Reporting Date ${D} (${reportingDateSource}). Period figures: FY${figures.fiscalYear} to date, ${figures.periodStart} to ${D} ` +
        `(the fiscal year ends in month ${fiscalYearEndMonth}).`,
    ),
  );
  push(
    text(
      'Each currency separately. Balances and weighted averages recalculate from the lease table below, whose liability and ROU asset link to the Schedules cells.',
    ),
  );
  push();

  // The detail table goes last, but the blocks' formulas need its rows: count the blocks first.
  const currencies = [...new Set(leases.map((l) => l.currency))].sort();
  const labels = figures.buckets.labels;
  // Rows per currency block: title, balance sheet (1 + 4), blank, maturity (1 + buckets + 3), blank, lease cost
  // (1 + 4 + 1), blank, other information (1 + 6), two blank rows.
  const blockHeight = 1 + 5 + 1 + 1 + labels.length + 3 + 1 + 6 + 1 + 7 + 2;
  const detailHeader = rows.length + currencies.length * blockHeight + 1;
  const detailFirst = detailHeader + 1;
  const detailLast = Math.max(detailHeader + figures.atDate.length, detailFirst);
  const rng = (c: string) => `$${c}$${detailFirst}:$${c}$${detailLast}`;
  const dc = {
    id: 'A',
    cls: 'B',
    entity: 'C',
    cur: 'D',
    liab: 'E',
    current: 'F',
    nonCurrent: 'G',
    rou: 'H',
    months: 'I',
    years: 'J',
    rate: 'K',
    undiscounted: 'L',
    imputed: 'M',
  };

  const blocks: CurrencyBlock[] = [];
  for (const cur of currencies) {
    const q = formulaText(cur);
    const sumifs = (column: string, cls: string) =>
      formula(`SUMIFS(${rng(column)},${rng(dc.cur)},${q},${rng(dc.cls)},${formulaText(cls)})`, P);
    const atCur = figures.atDate.filter((a) => leases[a.lease].currency === cur);
    const pf = figures.period.get(cur);
    const start = rows.length;
    push(bold(`Currency: ${cur}`));
    push(bold(`Balance sheet at ${D}`), bold('Operating'), bold('Finance'), bold('Total'));
    const bs = (label: string, column: string) => {
      const r = rows.length + 1;
      push(text(label), sumifs(column, 'Operating'), sumifs(column, 'Finance'), formula(`B${r}+C${r}`, P));
      return `D${r}`;
    };
    const rouTotal = bs('Right-of-use assets', dc.rou);
    const currentTotal = bs('Lease liabilities, current', dc.current);
    const nonCurrentTotal = bs('Lease liabilities, non-current', dc.nonCurrent);
    const liabilityTotal = bs('Total lease liabilities', dc.liab);
    push();
    push(bold('Maturity of lease liabilities'), bold('Operating'), bold('Finance'), bold('Total'));
    const firstBucket = rows.length + 1;
    labels.forEach((label, k) => {
      const r = rows.length + 1;
      let op = 0;
      let fin = 0;
      for (const a of atCur) {
        if (a.classification === 'finance') fin += a.buckets[k];
        else op += a.buckets[k];
      }
      push(text(label), money(op, P), money(fin, P), formula(`B${r}+C${r}`, P));
    });
    const lastBucket = rows.length;
    const tot = rows.length + 1;
    push(
      bold('Total undiscounted lease payments'),
      formula(`SUM(B${firstBucket}:B${lastBucket})`, P, true),
      formula(`SUM(C${firstBucket}:C${lastBucket})`, P, true),
      formula(`SUM(D${firstBucket}:D${lastBucket})`, P, true),
    );
    const imp = rows.length + 1;
    let opImp = 0;
    let finImp = 0;
    for (const a of atCur) {
      if (a.classification === 'finance') finImp += a.imputedInterest;
      else opImp += a.imputedInterest;
    }
    push(text('Less: imputed interest'), money(-opImp, P), money(-finImp, P), formula(`B${imp}+C${imp}`, P));
    const pv = rows.length + 1;
    push(
      bold('Present value of lease liabilities'),
      formula(`B${tot}+B${imp}`, P, true),
      formula(`C${tot}+C${imp}`, P, true),
      formula(`D${tot}+D${imp}`, P, true),
    );
    push();
    push(bold(`Lease cost, FY${figures.fiscalYear} to date`), bold('Amount'));
    const c0 = rows.length + 1;
    push(text('Operating lease cost'), money(pf?.operatingCost ?? 0, P));
    push(text('Finance lease cost: amortization of right-of-use assets'), money(pf?.financeAmortization ?? 0, P));
    push(text('Finance lease cost: interest on lease liabilities'), money(pf?.financeInterest ?? 0, P));
    push(text('Short-term lease cost'), money(pf?.shortTermCost ?? 0, P));
    push(text('Variable lease cost'), money(pf?.variableCost ?? 0, P));
    const costTotal = push(bold('Total lease cost'), formula(`SUM(B${c0}:B${c0 + 4})`, P, true));
    push();
    push(bold(`Other information, FY${figures.fiscalYear} to date`), bold('Operating'), bold('Finance'));
    push(text('Cash paid for amounts included in the measurement of lease liabilities:'));
    push(text('   Operating cash flows'), money(pf?.operatingCash ?? 0, P), money(pf?.financeInterestCash ?? 0, P));
    push(text('   Financing cash flows'), null, money(pf?.financePrincipalCash ?? 0, P));
    push(
      text('Right-of-use assets obtained in exchange for new lease liabilities'),
      money(pf?.rouObtainedOperating ?? 0, P),
      money(pf?.rouObtainedFinance ?? 0, P),
    );
    const weighted = (column: string, cls: string, fmt: string) => {
      const w = `SUMIFS(${rng(dc.liab)},${rng(dc.cur)},${q},${rng(dc.cls)},${formulaText(cls)})`;
      return formula(
        `IF(${w}=0,0,SUMPRODUCT((${rng(dc.cur)}=${q})*(${rng(dc.cls)}=${formulaText(cls)})*${rng(dc.liab)}*${rng(column)})/${w})`,
        fmt,
      );
    };
    push(
      text('Weighted-average remaining lease term (years)'),
      weighted(dc.years, 'Operating', FMT.years),
      weighted(dc.years, 'Finance', FMT.years),
    );
    push(
      text('Weighted-average discount rate'),
      weighted(dc.rate, 'Operating', FMT.percent2),
      weighted(dc.rate, 'Finance', FMT.percent2),
    );
    if (rows.length > start + blockHeight) throw new Error('disclosure block taller than planned');
    while (rows.length < start + blockHeight) push();
    blocks.push({
      currency: cur,
      rouTotal,
      currentTotal,
      nonCurrentTotal,
      liabilityTotal,
      undiscountedTotal: `D${tot}`,
      imputedTotal: `D${imp}`,
      presentValueTotal: `D${pv}`,
      leaseCostTotal: `B${costTotal}`,
    });
  }
  while (rows.length < detailHeader - 1) push();
  push(...DETAIL_HEADERS.map((h) => bold(h)));
  for (const a of figures.atDate) {
    const lease = leases[a.lease];
    const place = places[a.lease];
    // The Schedules' window (when there is one) always holds the lease month of the Reporting Date.
    const r = scheduleRowOf(place, a.row);
    const s = sheetRef(place.sheet);
    const liab =
      r === null
        ? String(a.liability / 100)
        : a.monthEnded
          ? `${s}${SC.liabilityClosing}${r}`
          : `${s}${SC.interestBase}${r}`;
    const rou =
      r === null
        ? String(a.rou / 100)
        : a.monthEnded
          ? `${s}${SC.rouClosing}${r}`
          : `${s}${SC.rouOpening}${r}+${s}${SC.rouAdjustment}${r}`;
    const rr = rows.length + 1;
    push(
      text(lease.id),
      text(classificationLabel(a.classification)),
      text(lease.entity),
      text(lease.currency),
      formula(liab, FMT.money),
      money(a.current),
      money(a.nonCurrent),
      formula(rou, FMT.money),
      num(a.remainingMonths, FMT.integer),
      formula(`I${rr}/12`, FMT.years),
      num(a.annualRate, FMT.percent),
      money(a.undiscounted),
      money(a.imputedInterest),
    );
  }
  return {
    sheet: {
      name: SHEET.disclosures,
      rows,
      columnWidths: [72, 16, 16, 16, 16, 16, 16, 16, 14, 14, 14, 18, 16],
      tables: [{ name: 'LeasesAtReportingDate', range: `A${detailHeader}:M${detailLast}`, style: 'TableStyleLight9' }],
      tabColor: '#7030A0',
    },
    blocks,
    detail: {
      firstRow: detailFirst,
      lastRow: detailLast,
      currency: dc.cur,
      liability: dc.liab,
      current: dc.current,
      nonCurrent: dc.nonCurrent,
      rou: dc.rou,
    },
  };
}
