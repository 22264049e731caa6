/**
 * The Disclosures sheet as of the Reporting Date (ASC 842-20-50), one block per currency, every figure a live formula
 * over the workpapers:
 *
 * - Balance sheet (ROU assets, current and non-current lease liabilities) at the Reporting Date and at the prior fiscal
 *   year end: SUMIFS over the tables of leases at each date (disclosureTables.ts), whose balances link to the Schedules.
 * - Maturity of lease liabilities at each date by fiscal year, less imputed interest, = the liability.
 * - Lease cost, cash paid (operating and financing cash flows, payments at commencement in the period holding the
 *   Commencement Date) and ROU assets obtained for new liabilities, for each period column (the period reported, the
 *   year to date when longer, and both a year earlier): SUMIFS of the Schedules by classification, currency and the
 *   date each amount is booked on (cost, accretion, amortization and payments in arrears on the lease month's End,
 *   payments in advance, additions and remeasurements on its Start).
 * - Weighted-average remaining lease term (weighted by the liability) and discount rate (weighted by the remaining
 *   undiscounted lease payments), CONTRACT 1.12, at each date.
 *
 * Every formula names its cells with the sheet ('Disclosures'!...), so the Tie-Out re-performs each disclosed figure
 * with the very same formula and an overwritten figure FAILs its check. The dates the formulas use are cells at the
 * top of the sheet. disclosureFigures.ts computes the same figures from the engine, for the tests.
 */
import type { LeaseResult } from '../../engine';
import { parseIso, type IsoDate } from '../../engine/calendar/dates';
import { bold, FMT, formula, formulaText, sheetRef, text } from '../cells';
import type { DisclosureFigures } from '../disclosureFigures';
import { SHEET } from '../names';
import type { PlanCell, SheetPlan } from '../plan';
import {
  atDateTable,
  commencementTable,
  DS,
  notCommencedTable,
  type AtDateTable,
  type CommencementTable,
} from './disclosureTables';
import { BASIS, RC, type RollForwardLayout } from './rollForward';
import { SC, type SchedulesLayout } from './schedules';
import type { UnscheduledPayments } from './unscheduledPayments';

/** A disclosed figure and the formula that computes it (without "="), for the Tie-Out to re-perform. */
export interface DisclosedFigure {
  /** What it is, for the check's text: "maturity analysis", "lease cost, Three months", ... */
  group: string;
  /** Sheet-qualified absolute cell. */
  cell: string;
  formula: string;
}

export interface CurrencyBlock {
  currency: string;
  /** Cells (A1, on the Disclosures sheet) of the Reporting Date's "Total" column figures. */
  rouTotal: string;
  currentTotal: string;
  nonCurrentTotal: string;
  liabilityTotal: string;
  undiscountedTotal: string;
  imputedTotal: string;
  presentValueTotal: string;
  /** Total lease cost of the period reported (the first period column). */
  leaseCostTotal: string;
  /** Total cash paid (operating + financing) of each current period column, by column index. */
  cashPaidTotals: { column: number; cells: string[] }[];
  figures: DisclosedFigure[];
}

export interface PeriodColumnCells {
  label: string;
  from: IsoDate;
  to: IsoDate;
  prior: boolean;
  /** Absolute, sheet-qualified cells of the column's first and last day. */
  fromCell: string;
  toCell: string;
}

export interface DisclosuresLayout {
  sheet: SheetPlan;
  blocks: CurrencyBlock[];
  /** The table of leases at the Reporting Date. */
  atDate: AtDateTable;
  columns: PeriodColumnCells[];
  /** SUMIFS of what was paid at commencement (both classifications) in one currency between two dates (cells or serials). */
  commencementPaid(currencyCriterion: string, from: string, to: string): string;
}

/** The re-performance group of a period column's figures. */
function periodGroup(c: { label: string }): string {
  return `${c.label}: lease cost, cash paid, ROU assets obtained`;
}

function dateFormula(d: IsoDate): string {
  const { year, month, day } = parseIso(d);
  return `DATE(${year},${month},${day})`;
}

export function disclosuresLayout(args: {
  leases: readonly LeaseResult[];
  figures: DisclosureFigures;
  schedules: SchedulesLayout;
  reportingDateSource: string;
  periodLabel: string;
  fiscalYearEndMonth: number;
  unscheduled: UnscheduledPayments;
  /** The Roll-Forward (variable lease payments are not in the Schedules). */
  rollForward: RollForwardLayout;
  /** The Tie-Out cells of a lease's day-one payment and prepaid rent. */
  paidAtCommencementCells(lease: number): [string, string];
}): DisclosuresLayout {
  const { leases, figures, schedules, unscheduled } = args;
  const P = FMT.moneyParens;
  const D = figures.reportingDate;
  const PY = figures.priorYearEnd;
  const rows: (PlanCell | null)[][] = [];
  const push = (...cells: (PlanCell | null)[]) => {
    rows.push(cells);
    return rows.length;
  };
  push(bold(`Lease disclosures as of ${D} (ASC 842-20-50)`));
  push(
    text(
      `Reporting Date ${D} (${args.reportingDateSource}); period reported: ${args.periodLabel}. Comparative balances at the prior fiscal year end, ${PY} ` +
        `(the fiscal year ends in month ${args.fiscalYearEndMonth}).`,
    ),
  );
  push(
    text(
      'Each currency separately. Every figure is a formula over the Schedules and the tables at the foot of this sheet; the Tie-Out re-performs each one.',
    ),
  );
  push();
  // Dates the formulas use.
  push(bold('Dates the formulas use'), bold('From'), bold('To'));
  const abs = (c: string, r: number) => `${DS}$${c}$${r}`;
  const dRow = push(text('Reporting Date'), null, formula(dateFormula(D), FMT.date));
  const pyRow = push(text('Prior fiscal year end'), null, formula(dateFormula(PY), FMT.date));
  const dCell = abs('C', dRow);
  const pyCell = abs('C', pyRow);
  const columns: PeriodColumnCells[] = figures.columns.map((c) => {
    const r = push(
      text(`Period: ${c.label}`),
      formula(dateFormula(c.from), FMT.date),
      formula(dateFormula(c.to), FMT.date),
    );
    return { label: c.label, from: c.from, to: c.to, prior: c.prior, fromCell: abs('B', r), toCell: abs('C', r) };
  });
  const bucketCells = (b: DisclosureFigures['buckets'], at: IsoDate) =>
    b.labels.map((label, k) => {
      const r = push(
        text(`Maturity at ${at}: ${label}`),
        formula(dateFormula(b.bounds[k].from), FMT.date),
        formula(dateFormula(b.bounds[k].to), FMT.date),
      );
      return { label, from: abs('B', r), to: abs('C', r) };
    });
  const buckets = bucketCells(figures.buckets, D);
  const priorBuckets = bucketCells(figures.priorBuckets, PY);
  push();

  const currencies = [...new Set(leases.map((l) => l.currency))].sort();
  const current = columns.filter((c) => !c.prior);

  // The blocks need the tables' rows, and the tables go below the blocks: measure a block first.
  const blockRows = (
    cur: string,
    at: AtDateTable,
    prior: AtDateTable,
    commencement: CommencementTable,
    startRow: number,
  ): { rows: (PlanCell | null)[][]; block: CurrencyBlock } => {
    const out: (PlanCell | null)[][] = [];
    const figuresOut: DisclosedFigure[] = [];
    const q = formulaText(cur);
    const rowNo = () => startRow + out.length;
    const put = (...cells: (PlanCell | null)[]) => {
      out.push(cells);
      return startRow + out.length - 1;
    };
    /** A disclosed figure: its cell holds the formula, and the Tie-Out re-performs it. */
    const fig = (group: string, column: string, f: string, fmt: string = P, isBold = false): PlanCell => {
      figuresOut.push({ group, cell: `${DS}$${column}$${rowNo()}`, formula: f });
      return formula(f, fmt, isBold);
    };
    const sumifs = (t: AtDateTable, range: string, cls: string) =>
      `SUMIFS(${range},${t.range('cur')},${q},${t.range('cls')},${formulaText(cls)})`;

    put(bold(`Currency: ${cur}`));
    put(
      bold('Balance sheet'),
      bold(`Operating, ${D}`),
      bold(`Finance, ${D}`),
      bold(`Total, ${D}`),
      bold(`Operating, ${PY}`),
      bold(`Finance, ${PY}`),
      bold(`Total, ${PY}`),
    );
    const bs = (label: string, key: 'rou' | 'current' | 'nonCurrent' | 'liab') => {
      const r = rowNo();
      const g = 'balance sheet';
      put(
        text(label),
        fig(g, 'B', sumifs(at, at.range(key), 'Operating')),
        fig(g, 'C', sumifs(at, at.range(key), 'Finance')),
        fig(g, 'D', `${DS}B${r}+${DS}C${r}`),
        fig(g, 'E', sumifs(prior, prior.range(key), 'Operating')),
        fig(g, 'F', sumifs(prior, prior.range(key), 'Finance')),
        fig(g, 'G', `${DS}E${r}+${DS}F${r}`),
      );
      return `D${r}`;
    };
    const rouTotal = bs('Right-of-use assets', 'rou');
    const currentTotal = bs('Lease liabilities, current', 'current');
    const nonCurrentTotal = bs('Lease liabilities, non-current', 'nonCurrent');
    const liabilityTotal = bs('Total lease liabilities', 'liab');
    put();

    const maturity = (t: AtDateTable, bk: { label: string }[], at: IsoDate) => {
      const g = `maturity analysis at ${at}`;
      put(bold(`Maturity of lease liabilities at ${at}`), bold('Operating'), bold('Finance'), bold('Total'));
      const firstBucket = rowNo();
      bk.forEach((b, k) => {
        const r = rowNo();
        put(
          text(b.label),
          fig(g, 'B', sumifs(t, t.bucketRange(k), 'Operating')),
          fig(g, 'C', sumifs(t, t.bucketRange(k), 'Finance')),
          fig(g, 'D', `${DS}B${r}+${DS}C${r}`),
        );
      });
      const lastBucket = rowNo() - 1;
      const tot = rowNo();
      const sum = (c: string) => `SUM(${DS}${c}${firstBucket}:${c}${lastBucket})`;
      put(
        bold('Total undiscounted lease payments'),
        fig(g, 'B', sum('B'), P, true),
        fig(g, 'C', sum('C'), P, true),
        fig(g, 'D', sum('D'), P, true),
      );
      const imp = rowNo();
      put(
        text('Less: imputed interest'),
        fig(g, 'B', `-${sumifs(t, t.range('imputed'), 'Operating')}`),
        fig(g, 'C', `-${sumifs(t, t.range('imputed'), 'Finance')}`),
        fig(g, 'D', `${DS}B${imp}+${DS}C${imp}`),
      );
      const pv = rowNo();
      put(
        bold('Present value of lease liabilities'),
        fig(g, 'B', `${DS}B${tot}+${DS}B${imp}`, P, true),
        fig(g, 'C', `${DS}C${tot}+${DS}C${imp}`, P, true),
        fig(g, 'D', `${DS}D${tot}+${DS}D${imp}`, P, true),
      );
      return { tot, imp, pv };
    };
    const m = maturity(at, buckets, D);
    put();
    maturity(prior, priorBuckets, PY);
    put();

    // Period figures: SUMIFS of the Schedules by classification, currency and booking date.
    const parts = schedules.parts;
    const sched = (p: (typeof parts)[number], c: string) => `${sheetRef(p.sheet)}$${c}$2:$${c}$${p.lastRow}`;
    const inPeriod = (c: PeriodColumnCells, p: (typeof parts)[number], dateCol: string) =>
      `${sched(p, dateCol)},">="&${c.fromCell},${sched(p, dateCol)},"<="&${c.toCell}`;
    const sumSched = (c: PeriodColumnCells, amount: string, cls: string, dateCol: string, extra = '') =>
      parts
        .map(
          (p) =>
            `SUMIFS(${sched(p, amount)},${sched(p, SC.classification)},${formulaText(cls)},${sched(p, SC.currency)},${q},${inPeriod(c, p, dateCol)}${extra ? `,${extra.replace(/\{(\w+)\}/g, (_x, k: string) => sched(p, (SC as Record<string, string>)[k]))}` : ''})`,
        )
        .join('+');
    const colLetter = (k: number) => String.fromCharCode(66 + k);
    const header = (title: string) => put(bold(title), ...columns.map((c) => bold(c.label)));
    header('Lease cost');
    const costFirst = rowNo();
    const costLine = (label: string, f: (c: PeriodColumnCells) => string) =>
      put(text(label), ...columns.map((c, k) => fig(periodGroup(c), colLetter(k), f(c))));
    costLine('Operating lease cost', (c) => sumSched(c, SC.leaseCost, 'Operating', SC.end));
    costLine('Finance lease cost: amortization of right-of-use assets', (c) =>
      sumSched(c, SC.amortization, 'Finance', SC.end),
    );
    costLine('Finance lease cost: interest on lease liabilities', (c) => sumSched(c, SC.interest, 'Finance', SC.end));
    costLine('Short-term lease cost', (c) => sumSched(c, SC.leaseCost, 'Short-term', SC.end));
    // Variable lease payments are not in the Schedules: the Roll-Forward's monthly variable lease payments.
    costLine('Variable lease cost', (c) => {
      const rf = (x: string) =>
        `${sheetRef(SHEET.rollForward)}$${x}$${args.rollForward.firstRow}:$${x}$${Math.max(args.rollForward.lastRow, args.rollForward.firstRow)}`;
      return args.rollForward.lastRow < args.rollForward.firstRow
        ? '0'
        : `SUMIFS(${rf(RC.variablePayments)},${rf(RC.basis)},${formulaText(BASIS.month)},${rf(RC.currency)},${q},${rf(RC.to)},">="&${c.fromCell},${rf(RC.to)},"<="&${c.toCell})`;
    });
    const costTotalRow = rowNo();
    put(
      bold('Total lease cost'),
      ...columns.map((c, k) =>
        fig(
          periodGroup(c),
          colLetter(k),
          `SUM(${DS}${colLetter(k)}${costFirst}:${colLetter(k)}${costTotalRow - 1})`,
          P,
          true,
        ),
      ),
    );
    put();
    header('Other information');
    put(text('Cash paid for amounts included in the measurement of lease liabilities:'));
    const paidSched = (c: PeriodColumnCells, cls: string) =>
      `${sumSched(c, SC.advance, cls, SC.start)}+${sumSched(c, SC.arrears, cls, SC.end)}`;
    const opRow = rowNo();
    put(
      text('   Operating cash flows from operating leases'),
      ...columns.map((c, k) =>
        fig(
          periodGroup(c),
          colLetter(k),
          `${paidSched(c, 'Operating')}+${commencement.paidIn('Operating', q, c.fromCell, c.toCell)}`,
        ),
      ),
    );
    const finIntRow = rowNo();
    put(
      text('   Operating cash flows from finance leases (interest)'),
      ...columns.map((c, k) =>
        fig(
          periodGroup(c),
          colLetter(k),
          `${sumSched(c, SC.interestPaidAdvance, 'Finance', SC.start)}+${sumSched(c, SC.interestPaidArrears, 'Finance', SC.end)}`,
        ),
      ),
    );
    const finRow = rowNo();
    put(
      text('   Financing cash flows from finance leases (principal)'),
      ...columns.map((c, k) =>
        fig(
          periodGroup(c),
          colLetter(k),
          `${paidSched(c, 'Finance')}-${DS}${colLetter(k)}${finIntRow}+${commencement.paidIn('Finance', q, c.fromCell, c.toCell)}`,
        ),
      ),
    );
    const obtained = (cls: string) => (c: PeriodColumnCells) =>
      `${sumSched(c, SC.liabilityOpening, cls, SC.start, `{month},1`)}+${sumSched(c, SC.liabilityAdjustment, cls, SC.start, `{event},"Remeasurement",{liabilityAdjustment},">0"`)}`;
    put(
      text('Right-of-use assets obtained in exchange for new operating lease liabilities'),
      ...columns.map((c, k) => fig(periodGroup(c), colLetter(k), obtained('Operating')(c))),
    );
    put(
      text('Right-of-use assets obtained in exchange for new finance lease liabilities'),
      ...columns.map((c, k) => fig(periodGroup(c), colLetter(k), obtained('Finance')(c))),
    );
    put(
      text(
        'Payments made at commencement (the day-one payment and prepaid rent) are in the cash paid of the period holding the Commencement Date, with the cash flow class of the lease (CONTRACT 1.12).',
      ),
    );
    put();
    put(
      bold('Weighted averages'),
      bold(`Operating, ${D}`),
      bold(`Finance, ${D}`),
      bold(`Operating, ${PY}`),
      bold(`Finance, ${PY}`),
    );
    const weighted = (t: AtDateTable, value: 'years' | 'rate', weight: 'liab' | 'undiscounted', cls: string) => {
      const w = sumifs(t, t.range(weight), cls);
      return `IF(${w}=0,0,SUMPRODUCT((${t.range('cur')}=${q})*(${t.range('cls')}=${formulaText(cls)})*${t.range(weight)}*${t.range(value)})/${w})`;
    };
    const wa = (label: string, value: 'years' | 'rate', weight: 'liab' | 'undiscounted', fmt: string) =>
      put(
        text(label),
        fig('weighted averages', 'B', weighted(at, value, weight, 'Operating'), fmt),
        fig('weighted averages', 'C', weighted(at, value, weight, 'Finance'), fmt),
        fig('weighted averages', 'D', weighted(prior, value, weight, 'Operating'), fmt),
        fig('weighted averages', 'E', weighted(prior, value, weight, 'Finance'), fmt),
      );
    wa('Weighted-average remaining lease term (years), weighted by lease liability', 'years', 'liab', FMT.years);
    wa(
      'Weighted-average discount rate, weighted by remaining undiscounted payments',
      'rate',
      'undiscounted',
      FMT.percent2,
    );
    put();
    put();
    return {
      rows: out,
      block: {
        currency: cur,
        rouTotal,
        currentTotal,
        nonCurrentTotal,
        liabilityTotal,
        undiscountedTotal: `D${m.tot}`,
        imputedTotal: `D${m.imp}`,
        presentValueTotal: `D${m.pv}`,
        leaseCostTotal: `B${costTotalRow}`,
        cashPaidTotals: current.map((c) => {
          const k = columns.indexOf(c);
          return { column: k, cells: [opRow, finIntRow, finRow].map((r) => `${colLetter(k)}${r}`) };
        }),
        figures: figuresOut,
      },
    };
  };

  // Tables below the blocks: rows they start on.
  const blocksStart = rows.length + 1;
  const dummyAt = atDateTable({
    title: '',
    header: 1,
    at: [],
    date: D,
    dateCell: dCell,
    buckets: [],
    leases,
    places: schedules.places,
    unscheduled,
  });
  const dummyCommencement = commencementTable({ header: 1, leases: [], places: [], paidCells: () => ['0', '0'] });
  const blockHeight = blockRows('USD', dummyAt, dummyAt, dummyCommencement, 1).rows.length;
  let next = blocksStart + blockHeight * currencies.length;
  const at = atDateTable({
    title: `Leases at the Reporting Date, ${D}`,
    header: next + 1,
    at: figures.atDate,
    date: D,
    dateCell: dCell,
    buckets,
    leases,
    places: schedules.places,
    unscheduled,
  });
  next = at.header + Math.max(figures.atDate.length, 1) + 2;
  const prior = atDateTable({
    title: `Leases at the prior fiscal year end, ${PY}`,
    header: next + 1,
    at: figures.atPriorYearEnd,
    date: PY,
    dateCell: pyCell,
    buckets: priorBuckets,
    leases,
    places: schedules.places,
    unscheduled,
  });
  next = prior.header + Math.max(figures.atPriorYearEnd.length, 1) + 2;
  const commencement = commencementTable({
    header: next + 1,
    leases,
    places: schedules.places,
    paidCells: args.paidAtCommencementCells,
  });
  const blocks: CurrencyBlock[] = [];
  for (const cur of currencies) {
    const b = blockRows(cur, at, prior, commencement, rows.length + 1);
    rows.push(...b.rows);
    blocks.push(b.block);
  }
  /** A table's rows: its title on the row above its header row. */
  const place = (tableRows: (PlanCell | null)[][], header: number) => {
    while (rows.length < header - 2) rows.push([]);
    rows.push(...tableRows);
  };
  place(at.rows, at.header);
  place(prior.rows, prior.header);
  place(commencement.rows, commencement.header);
  const notCommencedHeader = rows.length + 3;
  place(
    notCommencedTable({
      reportingDate: D,
      leases,
      notCommenced: figures.notCommenced,
      places: schedules.places,
      commencement,
    }),
    notCommencedHeader,
  );
  const tables = [
    { name: 'LeasesAtReportingDate', t: at, n: figures.atDate.length },
    { name: 'LeasesAtPriorYearEnd', t: prior, n: figures.atPriorYearEnd.length },
  ]
    .filter((x) => x.n > 0)
    .map((x) => ({
      name: x.name,
      range: `A${x.t.header}:${String.fromCharCode(64 + x.t.width)}${x.t.last}`,
      style: 'TableStyleLight9',
    }));
  return {
    sheet: {
      name: SHEET.disclosures,
      rows,
      columnWidths: [72, 24, 24, 24, 24, 24, 24, 16, 14, 14, 14, 18, 16, 14, 14, 14, 14, 14, 14, 14],
      tables,
      tabColor: '#7030A0',
    },
    blocks,
    atDate: at,
    columns,
    commencementPaid: (cur, from, to) =>
      `${commencement.paidIn('Operating', cur, from, to)}+${commencement.paidIn('Finance', cur, from, to)}`,
  };
}
