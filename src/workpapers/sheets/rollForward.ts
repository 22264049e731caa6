/**
 * The Roll-Forward sheet: lease liabilities and ROU assets by calendar month, fiscal quarter and fiscal year, per
 * classification, entity and currency: opening, additions, accretion/interest, payments, remeasurements,
 * terminations, reclassifications, closing (liability); opening, additions, amortization, remeasurements,
 * impairment, terminations, reclassifications, transfers to owned assets, closing (ROU asset); and the variable
 * lease payments of the period (VariablePayments: cash expensed as variable lease cost, never in the liability).
 *
 * Movements are booked on the dates of the journal entries (payments in advance at the start of a lease month,
 * accretion, amortization and payments in arrears at its end, modifications at their effective date), so a
 * period's closing balance is the general ledger balance at the period end. Decreases are negative (shown in
 * parentheses). The figures are values from the engine; the Check columns are live formulas
 * (opening + movements - closing, 0.00 when the row ties) that the Tie-Out counts, and each quarter and year row's
 * Months check adds up how far each of its figures is from its month rows' (opening of the first month, the
 * movements of every month, closing of the last), 0.00 when it agrees.
 */
import type { LeaseResult } from '../../engine';
import { bold, classificationLabel, col, date, FMT, formula, headerWidths, money, text } from '../cells';
import {
  fiscalQuarterOfKey,
  fiscalYearOfKey,
  forEachMovement,
  monthEndOf,
  monthKey,
  monthLabel,
  monthStartOf,
  type MovementKind,
} from '../periods';
import { SHEET } from '../names';
import type { PlanCell, SheetPlan } from '../plan';

const LIABILITY_KINDS: MovementKind[] = [
  'addition',
  'interest',
  'payment',
  'remeasurement',
  'termination',
  'reclassification',
];
const ROU_KINDS: MovementKind[] = [
  'addition',
  'amortization',
  'remeasurement',
  'impairment',
  'termination',
  'reclassification',
  'transfer',
];

export const ROLL_FORWARD_HEADERS = [
  'Basis',
  'Period',
  'From',
  'To',
  'Classification',
  'Entity',
  'Currency',
  'Liability opening',
  'Liability additions',
  'Accretion / interest',
  'Liability payments',
  'Liability remeasurements',
  'Liability terminations',
  'Liability reclassifications',
  'Liability closing',
  'Liability check',
  'ROU opening',
  'ROU additions',
  'ROU amortization',
  'ROU remeasurements',
  'ROU impairment',
  'ROU terminations',
  'ROU reclassifications',
  'Transfers to owned assets',
  'ROU closing',
  'ROU check',
  'Variable lease payments (cash, not in the liability)',
  'Months check',
] as const;

function at(h: (typeof ROLL_FORWARD_HEADERS)[number]): string {
  return col(ROLL_FORWARD_HEADERS.indexOf(h) + 1);
}

export const RC = {
  basis: at('Basis'),
  to: at('To'),
  classification: at('Classification'),
  currency: at('Currency'),
  liabilityOpening: at('Liability opening'),
  liabilityAdditions: at('Liability additions'),
  interest: at('Accretion / interest'),
  payments: at('Liability payments'),
  liabilityReclass: at('Liability reclassifications'),
  liabilityClosing: at('Liability closing'),
  liabilityCheck: at('Liability check'),
  rouOpening: at('ROU opening'),
  rouAdditions: at('ROU additions'),
  amortization: at('ROU amortization'),
  transfers: at('Transfers to owned assets'),
  rouClosing: at('ROU closing'),
  rouCheck: at('ROU check'),
  variablePayments: at('Variable lease payments (cash, not in the liability)'),
  monthsCheck: at('Months check'),
} as const;

export const BASIS = { month: 'Month', quarter: 'Quarter', year: 'Fiscal year' } as const;

interface Combo {
  classification: string;
  entity: string;
  currency: string;
  /** [month offset * kinds + kind] sums, cents. */
  liability: Float64Array;
  rou: Float64Array;
  /** Variable lease payments by month, cents: cash, never a liability movement. */
  variable: Float64Array;
}

export interface RollForwardLayout {
  sheet: SheetPlan;
  /** First and last data rows (no data: lastRow < firstRow). */
  firstRow: number;
  lastRow: number;
}

/** Aggregates the movements of all leases by month and classification/entity/currency. */
function aggregate(leases: readonly LeaseResult[]): { first: number; months: number; combos: Combo[] } {
  let first = Infinity;
  let last = -Infinity;
  for (const l of leases) {
    if (l.months.length === 0 || l.months[0].classification === 'short-term') continue;
    first = Math.min(first, monthKey(l.commencement));
    last = Math.max(last, monthKey(l.months[l.months.length - 1].end));
  }
  if (first === Infinity) return { first: 0, months: 0, combos: [] };
  const months = last - first + 1;
  const map = new Map<string, Combo>();
  const comboOf = (classification: string, l: LeaseResult): Combo => {
    const key = `${classification}\u0000${l.entity}\u0000${l.currency}`;
    let c = map.get(key);
    if (!c) {
      c = {
        classification,
        entity: l.entity,
        currency: l.currency,
        liability: new Float64Array(months * LIABILITY_KINDS.length),
        rou: new Float64Array(months * ROU_KINDS.length),
        variable: new Float64Array(months),
      };
      map.set(key, c);
    }
    return c;
  };
  for (const l of leases) {
    if (l.months.length > 0 && l.months[0].classification !== 'short-term') {
      for (const p of l.variablePayments) {
        comboOf(l.months[p.month - 1].classification, l).variable[monthKey(p.date) - first] += p.amount;
      }
    }
    forEachMovement(l, (d, classification, kind, liability, rou) => {
      const c = comboOf(classification, l);
      const m = monthKey(d) - first;
      const li = LIABILITY_KINDS.indexOf(kind);
      if (li >= 0 && liability !== 0) c.liability[m * LIABILITY_KINDS.length + li] += liability;
      const ri = ROU_KINDS.indexOf(kind);
      if (ri >= 0 && rou !== 0) c.rou[m * ROU_KINDS.length + ri] += rou;
    });
  }
  const order = { operating: 0, finance: 1 } as Record<string, number>;
  const combos = [...map.values()].sort(
    (a, b) =>
      (order[a.classification] ?? 2) - (order[b.classification] ?? 2) ||
      a.currency.localeCompare(b.currency) ||
      a.entity.localeCompare(b.entity),
  );
  return { first, months, combos };
}

export function rollForwardLayout(leases: readonly LeaseResult[], fiscalYearEndMonth: number): RollForwardLayout {
  const { first, months, combos } = aggregate(leases);
  const periods: { basis: string; label: string; from: number; to: number }[] = [];
  for (let m = 0; m < months; m++) periods.push({ basis: BASIS.month, label: monthLabel(first + m), from: m, to: m });
  const grouped = (basis: string, keyOf: (k: number) => string) => {
    let cur: (typeof periods)[number] | null = null;
    for (let m = 0; m < months; m++) {
      const label = keyOf(first + m);
      if (!cur || cur.label !== label) {
        cur = { basis, label, from: m, to: m };
        periods.push(cur);
      } else cur.to = m;
    }
  };
  grouped(
    BASIS.quarter,
    (k) => `FY${fiscalYearOfKey(k, fiscalYearEndMonth)} Q${fiscalQuarterOfKey(k, fiscalYearEndMonth)}`,
  );
  grouped(BASIS.year, (k) => `FY${fiscalYearOfKey(k, fiscalYearEndMonth)}`);

  // Cumulative balances at each month end, per combo.
  const balances = combos.map((c) => {
    const liab = new Float64Array(months + 1);
    const rou = new Float64Array(months + 1);
    for (let m = 0; m < months; m++) {
      let dl = 0;
      for (let k = 0; k < LIABILITY_KINDS.length; k++) dl += c.liability[m * LIABILITY_KINDS.length + k];
      let dr = 0;
      for (let k = 0; k < ROU_KINDS.length; k++) dr += c.rou[m * ROU_KINDS.length + k];
      liab[m + 1] = liab[m] + dl;
      rou[m + 1] = rou[m] + dr;
    }
    return { liab, rou };
  });

  const header = 4;
  const rows: (PlanCell | null)[][] = [
    [bold('Roll-forward of lease liabilities and right-of-use assets')],
    [
      text(
        `By calendar month, fiscal quarter and fiscal year (the fiscal year ends in month ${fiscalYearEndMonth} and is named by the year it ends in). ` +
          'Movements are booked on the dates of the journal entries; decreases are in parentheses. ' +
          'Check = opening + movements - closing (0.00 when the row ties). Short-term leases carry no balances.',
      ),
    ],
    [],
    ROLL_FORWARD_HEADERS.map((h) => bold(h)),
  ];
  const P = FMT.moneyParens;
  // The sheet row of each combo's month row, by month offset (none when the month had nothing to show).
  const monthRows = combos.map(() => new Map<number, number>());
  const figureColumns = [
    RC.liabilityOpening,
    ...ROLL_FORWARD_HEADERS.slice(
      ROLL_FORWARD_HEADERS.indexOf('Liability opening') + 1,
      ROLL_FORWARD_HEADERS.indexOf('Liability closing'),
    ).map((h) => at(h)),
    RC.liabilityClosing,
    RC.rouOpening,
    ...ROLL_FORWARD_HEADERS.slice(
      ROLL_FORWARD_HEADERS.indexOf('ROU opening') + 1,
      ROLL_FORWARD_HEADERS.indexOf('ROU closing'),
    ).map((h) => at(h)),
    RC.rouClosing,
    RC.variablePayments,
  ];
  const monthsCheck = (ci: number, p: (typeof periods)[number], r: number): PlanCell | null => {
    if (p.basis === BASIS.month) return null;
    const rowsOf = (from: number, to: number) => {
      const out: number[] = [];
      for (let m = from; m <= to; m++) {
        const mr = monthRows[ci].get(m);
        if (mr !== undefined) out.push(mr);
      }
      return out;
    };
    const terms = figureColumns.map((c) => {
      const refs =
        c === RC.liabilityOpening || c === RC.rouOpening
          ? rowsOf(p.from, p.from)
          : c === RC.liabilityClosing || c === RC.rouClosing
            ? rowsOf(p.to, p.to)
            : rowsOf(p.from, p.to);
      return `ABS(${c}${r}-(${refs.length === 0 ? '0' : refs.map((x) => `${c}${x}`).join('+')}))`;
    });
    return formula(`ROUND(${terms.join('+')},2)`, P);
  };
  for (const p of periods) {
    combos.forEach((c, ci) => {
      const b = balances[ci];
      const lOpen = b.liab[p.from];
      const lClose = b.liab[p.to + 1];
      const rOpen = b.rou[p.from];
      const rClose = b.rou[p.to + 1];
      const lMov = LIABILITY_KINDS.map((_, k) => {
        let s = 0;
        for (let m = p.from; m <= p.to; m++) s += c.liability[m * LIABILITY_KINDS.length + k];
        return s;
      });
      const rMov = ROU_KINDS.map((_, k) => {
        let s = 0;
        for (let m = p.from; m <= p.to; m++) s += c.rou[m * ROU_KINDS.length + k];
        return s;
      });
      let variable = 0;
      for (let m = p.from; m <= p.to; m++) variable += c.variable[m];
      if (
        lOpen === 0 &&
        lClose === 0 &&
        rOpen === 0 &&
        rClose === 0 &&
        lMov.every((x) => x === 0) &&
        rMov.every((x) => x === 0) &&
        variable === 0
      ) {
        return;
      }
      const r = rows.length + 1;
      if (p.basis === BASIS.month) monthRows[ci].set(p.from, r);
      rows.push([
        text(p.basis),
        text(p.label),
        date(monthStartOf(first + p.from)),
        date(monthEndOf(first + p.to)),
        text(classificationLabel(c.classification)),
        text(c.entity),
        text(c.currency),
        money(lOpen, P),
        ...lMov.map((x) => money(x, P)),
        money(lClose, P),
        formula(`ROUND(SUM(${RC.liabilityOpening}${r}:${RC.liabilityReclass}${r})-${RC.liabilityClosing}${r},2)`, P),
        money(rOpen, P),
        ...rMov.map((x) => money(x, P)),
        money(rClose, P),
        formula(`ROUND(SUM(${RC.rouOpening}${r}:${RC.transfers}${r})-${RC.rouClosing}${r},2)`, P),
        money(variable, P),
        monthsCheck(ci, p, r),
      ]);
    });
  }
  const lastRow = rows.length;
  return {
    sheet: {
      name: SHEET.rollForward,
      rows,
      columnWidths: headerWidths(ROLL_FORWARD_HEADERS, [11, 11, 11, 11, 13, 16, 9], 15),
      frozenRows: header,
      tables: [
        {
          name: 'RollForward',
          range: `A${header}:${col(ROLL_FORWARD_HEADERS.length)}${Math.max(lastRow, header + 1)}`,
          style: 'TableStyleLight9',
        },
      ],
      tabColor: '#7F6000',
    },
    firstRow: header + 1,
    lastRow,
  };
}
