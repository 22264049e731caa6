/**
 * The Tie-Out's proof of each lease's measurement at commencement (CONTRACT 1.4, 1.5) and of its inputs as used:
 * one row per lease (the payments a later modification superseded are in unscheduledPayments.ts).
 *
 *   Inputs as used        = how many of the lease's cells in the `Leases` table still hold what was measured
 *                           (tieOutInputs.ts); the key inputs are shown as live links
 *   Monthly rate          = re-performed from the linked Discount Rate under the Rate Basis policy:
 *                           r/12, (1 + r/p)^(p/12) - 1 or (1 + r)^(1/12) - 1
 *   PV of the payments    = SUMPRODUCT of the Schedules' payments in advance x (1 + i)^-(month - 1) and in
 *                           arrears x (1 + i)^-month over the lease's months before its first modification, plus
 *                           the PV of the payments of the original measurement that a modification superseded
 *                           (listed with their discount factors)
 *   Liability re-performed = ROUND(PV, 2), beside the Schedules' month-1 opening liability (the engine's figure)
 *   ROU asset expected    = liability + day-one payment + prepaid rent + IDC - incentives, beside the Schedules'
 *                           month-1 opening ROU asset
 *
 * Rounding: the spreadsheet computes the PV in binary floating point and rounds once to the cent; the engine
 * computes it exactly in decimal and rounds half up once (CONTRACT 1.9). They agree to the cent unless the exact PV
 * lies within about 10^-9 of a half cent, which the check would then show as a 0.01 difference.
 */
import type { LeaseResult } from '../../engine';
import type { LeaseTerms, RateBasis } from '../../engine/terms';
import { PAYMENTS_PER_YEAR } from '../../engine/terms';
import { col, date, FMT, formula, formulaText, money, num, sheetRef, text } from '../cells';
import type { PlanCell, PlanTable } from '../plan';
import { SC, type SchedulePlace } from './schedules';
import type { Check } from './tieOutCheck';
import { INPUTS_CHANGED, INPUTS_CHANGED_MESSAGE, inputsAsUsedFormula } from './tieOutInputs';
import type { UnscheduledPayments } from './unscheduledPayments';

const HEADERS = {
  id: 'Lease ID',
  where: 'Input row',
  commencement: 'Commencement Date (input)',
  term: 'Term (input)',
  payment: 'Payment (input)',
  rate: 'Discount Rate (input)',
  fields: 'Inputs checked',
  asUsed: 'Inputs as used',
  inputs: 'Inputs',
  monthlyRate: 'Monthly rate re-performed',
  pvSchedule: 'PV of schedule payments',
  pvSuperseded: 'PV of superseded payments',
  liabilityPv: 'Liability re-performed',
  liability: 'Liability at commencement (Schedules)',
  liabilityDiff: 'Liability difference',
  dayOne: 'Day-one payment',
  prepaid: 'Prepaid rent (input)',
  idc: 'Initial direct costs (input)',
  incentives: 'Lease incentives (input)',
  rouExpected: 'ROU asset expected',
  rou: 'ROU asset at commencement (Schedules)',
  rouDiff: 'ROU difference',
  result: 'Result',
} as const;
type Key = keyof typeof HEADERS;
const KEYS = Object.keys(HEADERS) as Key[];

/** How many columns the table takes. */
export const MEASUREMENT_COLUMNS = KEYS.length;

export interface MeasurementProof {
  /** The check that every lease's row in `Leases` holds what was measured. */
  inputsCheck: Check;
  /** The checks of the measurement at commencement. */
  checks: Check[];
  place(put: (r: number, c: number, cell: PlanCell | null) => void): void;
  /** The cell of a lease's re-performed monthly rate (absolute, this sheet), or null for a short-term lease. */
  rateCell(lease: number): string | null;
  tables: PlanTable[];
  widths: number[];
}

/** The monthly rate formula for an annual rate in `r` under the policy (p = payments per year). */
function monthlyRateFormula(r: string, basis: RateBasis, p: number): string {
  if (basis === 'Monthly' || (basis === 'Payment frequency' && p === 12)) return `${r}/12`;
  if (basis === 'Effective annual') return `(1+${r})^(1/12)-1`;
  return `(1+${r}/${p})^(${p}/12)-1`;
}

export function measurementProof(args: {
  leases: readonly LeaseResult[];
  terms: readonly LeaseTerms[];
  places: readonly SchedulePlace[];
  rateBasis: RateBasis;
  firstCol: number;
  headerRow: number;
  /** The original measurement's payments a modification replaced in the Schedules. */
  unscheduled: UnscheduledPayments;
}): MeasurementProof {
  const { leases, places, rateBasis, firstCol, headerRow, unscheduled } = args;
  const termsById = new Map(args.terms.map((t) => [t.id, t]));
  const C = Object.fromEntries(KEYS.map((k, i) => [k, col(firstCol + i)])) as Record<Key, string>;
  const first = headerRow + 1;
  const last = Math.max(headerRow + leases.length, first);
  const writes: [number, number, PlanCell | null][] = [];

  leases.forEach((lease, k) => {
    const r = first + k;
    const x = (key: Key) => `${C[key]}${r}`;
    const terms = termsById.get(lease.id);
    const cells = terms?.inputCells ?? {};
    const place = places[k];
    const s = sheetRef(place.sheet);
    const shortTerm = lease.months[0]?.classification === 'short-term';
    const link = (field: string, fallback: PlanCell | null, fmt: string) =>
      cells[field] ? formula(`IFERROR(--${cells[field]},0)`, fmt) : fallback;
    const inputs = terms ? inputsAsUsedFormula(terms) : { fields: 0, formula: '0' };
    const row: Record<Key, PlanCell | null> = {
      id: text(lease.id),
      where: text(cells.id ?? 'not from a workbook'),
      commencement: link('commencement', date(lease.commencement), FMT.date),
      term: link('termMonths', num(lease.termMonths, FMT.integer), FMT.integer),
      payment: link('payment', terms ? money(terms.payment) : null, FMT.money),
      rate: link('discountRate', num(Number(lease.annualRate), FMT.percent), FMT.percent),
      fields: num(inputs.fields, FMT.integer),
      // A cell holding an error (a deleted row's #REF!) reads as changed, so the check still names the lease.
      asUsed: formula(inputs.fields === 0 ? '0' : `IFERROR(${inputs.formula},0)`, FMT.integer),
      inputs: formula(`IF(${x('asUsed')}=${x('fields')},"as used",${formulaText(INPUTS_CHANGED)})`),
      monthlyRate: null,
      pvSchedule: null,
      pvSuperseded: null,
      liabilityPv: null,
      liability: null,
      liabilityDiff: null,
      dayOne: null,
      prepaid: null,
      idc: null,
      incentives: null,
      rouExpected: null,
      rou: null,
      rouDiff: null,
      result: formula(`IF(${x('inputs')}="as used","PASS","FAIL")`),
    };
    const windowed = place.firstIndex !== 0 || place.rows !== lease.months.length;
    if (windowed && !shortTerm) {
      row.monthlyRate = text('outside the Schedules window: not re-performed here');
    } else if (!shortTerm && terms) {
      const p = PAYMENTS_PER_YEAR[terms.frequency];
      row.monthlyRate = formula(monthlyRateFormula(x('rate'), rateBasis, p), FMT.monthlyRate);
      // The months of the original measurement, before the first modification.
      const j = lease.months.findIndex((m) => m.event !== null);
      const lastRow = j < 0 ? place.lastRow : place.firstRow + j - 1;
      const rng = (c: string) => `${s}$${c}$${place.firstRow}:$${c}$${lastRow}`;
      const i = `$${x('monthlyRate')}`;
      row.pvSchedule = formula(
        lastRow < place.firstRow
          ? '0'
          : `SUMPRODUCT(${rng(SC.advance)},(1+${i})^-(${rng(SC.month)}-1))+SUMPRODUCT(${rng(SC.arrears)},(1+${i})^-${rng(SC.month)})`,
        FMT.money,
      );
      row.pvSuperseded = j < 0 ? money(0) : formula(unscheduled.originalPv(lease.id), FMT.money);
      row.liabilityPv = formula(`ROUND(${x('pvSchedule')}+${x('pvSuperseded')},2)`, FMT.money);
      row.liability = formula(`${s}${SC.liabilityOpening}${place.firstRow}`, FMT.money);
      row.liabilityDiff = formula(`ROUND(${x('liabilityPv')}-${x('liability')},2)`, FMT.money);
      row.dayOne = money(lease.dayOnePayment);
      row.prepaid = link('prepaidRent', money(lease.prepaidRent), FMT.money);
      row.idc = link('initialDirectCosts', money(lease.initialDirectCosts), FMT.money);
      row.incentives = link('leaseIncentives', money(lease.leaseIncentives), FMT.money);
      row.rouExpected = formula(
        `${x('liability')}+${x('dayOne')}+${x('prepaid')}+${x('idc')}-${x('incentives')}`,
        FMT.money,
      );
      row.rou = formula(`${s}${SC.rouOpening}${place.firstRow}`, FMT.money);
      row.rouDiff = formula(`ROUND(${x('rouExpected')}-${x('rou')},2)`, FMT.money);
      row.result = formula(`IF(AND(${x('inputs')}="as used",${x('liabilityDiff')}=0,${x('rouDiff')}=0),"PASS","FAIL")`);
    } else if (shortTerm) {
      row.monthlyRate = text('short-term: no liability');
    }
    KEYS.forEach((key, ci) => writes.push([r, firstCol + ci, row[key]]));
  });

  const n = leases.length;
  const rng = (key: Key) => `$${C[key]}$${first}:$${C[key]}$${last}`;
  const ids = rng('id');
  const measured = leases.filter(
    (l, k) =>
      l.months[0]?.classification !== 'short-term' &&
      places[k].firstIndex === 0 &&
      places[k].rows === l.months.length &&
      termsById.has(l.id),
  ).length;
  const firstNamed = (column: Key, value: string) => `INDEX(${ids},MATCH(${formulaText(value)},${rng(column)},0))`;
  const inputsCheck: Check = {
    what: (r) =>
      n === 0
        ? formulaText('Inputs: every lease in the Leases table is as the workpapers used it')
        : `IF(ROUND(F${r},0)=0,"Inputs: every lease's row in the Leases table holds what was measured (column ${C.inputs})",` +
          `"${INPUTS_CHANGED_MESSAGE} (lease "&${firstNamed('inputs', INPUTS_CHANGED)}&IF(F${r}>1,", and "&(F${r}-1)&" more","")&")")`,
    compares: `Leases | leases whose input cells hold what was measured (column ${C.inputs})`,
    a: n === 0 ? '0' : `ROWS(${ids})`,
    b: n === 0 ? '0' : `COUNTIF(${rng('inputs')},"as used")`,
    count: true,
  };
  const checks: Check[] = [
    {
      what: `Measurement at commencement: liability = PV of the lease's payments at its monthly rate, every lease (column ${C.liabilityDiff})`,
      compares: `Leases measured (not short-term) | leases whose re-performed liability = the Schedules' (column ${C.liabilityDiff})`,
      a: String(measured),
      b: measured === 0 ? '0' : `COUNTIF(${rng('liabilityDiff')},0)`,
      count: true,
    },
    {
      what: `Measurement at commencement: ROU asset = liability + paid at commencement + IDC - incentives, every lease (column ${C.rouDiff})`,
      compares: `Leases measured (not short-term) | leases whose ROU build-up ties (column ${C.rouDiff})`,
      a: String(measured),
      b: measured === 0 ? '0' : `COUNTIF(${rng('rouDiff')},0)`,
      count: true,
    },
  ];
  return {
    inputsCheck,
    checks,
    place(put) {
      put(headerRow - 1, firstCol, text('Measurement at commencement', true));
      put(
        headerRow - 1,
        firstCol + 2,
        text(
          `Inputs (${C.commencement}:${C.rate}, ${C.prepaid}:${C.incentives}) link to the Leases table; ${C.asUsed} counts the input cells that still hold what was measured. ` +
            `${C.monthlyRate} re-performs the monthly rate (${rateBasis}); ${C.pvSchedule} = SUMPRODUCT of the Schedules' payments in advance x (1+i)^-(month-1) and in arrears x (1+i)^-month before any modification; ` +
            `${C.pvSuperseded} = payments of the original measurement a modification superseded. ${C.liabilityPv} = ROUND(PV, 2): the spreadsheet's binary PV rounded once to the cent, ` +
            `the engine's exact decimal PV rounded half up once (they agree to the cent). ${C.rouExpected} = liability + day-one payment + prepaid rent + IDC - incentives.`,
        ),
      );
      KEYS.forEach((k, i) => put(headerRow, firstCol + i, text(HEADERS[k], true)));
      for (const [r, c, cell] of writes) put(r, c, cell);
    },
    rateCell: (lease) =>
      leases[lease].months[0]?.classification === 'short-term' ? null : `$${C.monthlyRate}$${first + lease}`,
    tables: [{ name: 'CommencementProof', range: `${C.id}${headerRow}:${C.result}${last}`, style: 'TableStyleLight9' }],
    widths: KEYS.map((k) =>
      k === 'monthlyRate' ? 18 : k === 'where' ? 14 : Math.max(12, Math.ceil(HEADERS[k].length * 0.8)),
    ),
  };
}
