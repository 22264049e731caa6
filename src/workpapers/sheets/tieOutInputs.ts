/**
 * Inputs under live check: formulas that compare each cell the engine used, where the reader found it
 * (sheet-qualified A1), with the value used, so editing an input after generating turns the Tie-Out's inputs checks
 * to FAIL ("inputs changed since the workpapers were generated: generate again"). One set of comparisons per lease
 * row of the `Leases` table, and one per row of `LeasePayments`, `LeaseModifications` and `VariablePayments`
 * (tieOutInputRows.ts lays those out).
 *
 * Each comparison reads the cell as Excel would convert it (`--cell`: numbers, dates, "5%" and ISO date text), so
 * the forms the reader accepts compare equal; amounts within half a cent of the amount used (the reader rounds to
 * the cent), rates within 10^-9, whole numbers and dates exactly. Choices (Frequency, Timing, Type,
 * Classification, Yes/No) compare case-insensitively, spaces and hyphens ignored, a blank cell standing for the
 * default; a Lease ID case-insensitively, surrounding spaces ignored.
 */
import type { IsoDate } from '../../engine/calendar/dates';
import type { Decimal } from '../../engine/money/decimal';
import type { IrregularPayment, LeaseTerms, ModificationTerms, VariablePayment } from '../../engine/terms';
import { formulaText, dateInFormula } from '../cells';

/** What an input row's Inputs column says when a cell no longer holds what was measured. */
export const INPUTS_CHANGED = 'changed: generate again';

/** The start of a FAILed inputs check's message (the check adds what changed, in brackets). */
export const INPUTS_CHANGED_MESSAGE = 'Inputs changed since the workpapers were generated: generate again';

/** One comparison: TRUE when the cell still holds what was used. */
export interface InputComparison {
  field: string;
  test: string;
}

/** A numeric reading of the cell, or a value no input can equal when it is not a number. */
function numberOf(cell: string): string {
  return `IFERROR(--${cell},-9E+99)`;
}

function choiceKey(cell: string): string {
  return `UPPER(SUBSTITUTE(SUBSTITUTE(TRIM(${cell})," ",""),"-",""))`;
}

function isBlank(cell: string): string {
  return `(TRIM(${cell})="")`;
}

type CellTest = (cell: string) => string;

const amount =
  (cents: number): CellTest =>
  (c) =>
    `(ABS(${numberOf(c)}-${cents / 100})<0.00501)`;
const whole =
  (n: number | string): CellTest =>
  (c) =>
    `(${numberOf(c)}=${n})`;
const day = (iso: IsoDate): CellTest => whole(dateInFormula(iso));
const rate =
  (r: Decimal): CellTest =>
  (c) =>
    `(ABS(${numberOf(c)}-${r.toString()})<1E-9)`;
const choice =
  (value: string, isDefault: boolean): CellTest =>
  (c) => {
    const key = formulaText(value.replace(/[\s-]/g, '').toUpperCase());
    return isDefault ? `OR(${isBlank(c)},${choiceKey(c)}=${key})` : `(${choiceKey(c)}=${key})`;
  };
/** Yes/No; `blankIsNo`: a blank cell reads as No (Leases), else a blank means "unchanged" (LeaseModifications). */
const yesNo =
  (v: boolean, blankIsNo: boolean): CellTest =>
  (c) =>
    v
      ? `OR(${choiceKey(c)}="YES",${choiceKey(c)}="Y",${choiceKey(c)}="TRUE")`
      : `OR(${blankIsNo ? `${isBlank(c)},` : ''}${choiceKey(c)}="NO",${choiceKey(c)}="N",${choiceKey(c)}="FALSE")`;
/** A value that may be absent: blank when it was, else `test` of it. */
const blankOr =
  <T>(v: T | null | undefined, test: (v: T) => CellTest): CellTest =>
  (c) =>
    v === null || v === undefined ? isBlank(c) : test(v)(c);
const leaseId =
  (id: string): CellTest =>
  (c) =>
    `(UPPER(TRIM(${c}))=${formulaText(id.trim().replace(/ +/g, ' ').toUpperCase())})`;
const override = (v: 'operating' | 'finance' | null): CellTest =>
  blankOr(v, (o) => choice(o === 'finance' ? 'Finance' : 'Operating', false));

/** The comparisons of the cells recorded in `cells`, for the fields given (a field without a cell is skipped). */
function compare(cells: Readonly<Record<string, string>> | undefined, tests: [string, CellTest][]): InputComparison[] {
  const out: InputComparison[] = [];
  for (const [field, test] of tests) {
    const cell = cells?.[field];
    if (cell) out.push({ field, test: test(cell) });
  }
  return out;
}

/** The comparisons of one lease's row in `Leases`: each a boolean formula term, TRUE when the cell holds what was used. */
export function inputComparisons(terms: LeaseTerms): InputComparison[] {
  return compare(terms.inputCells, [
    ['commencement', day(terms.commencement)],
    ['termMonths', whole(terms.termMonths)],
    ['payment', amount(terms.payment)],
    ['frequency', choice(terms.frequency, terms.frequency === 'Monthly')],
    ['timing', choice(terms.timing, terms.timing === 'Advance')],
    ['annualEscalation', rate(terms.annualEscalation)],
    ['freeRentMonths', whole(terms.freeRentMonths)],
    ['discountRate', rate(terms.discountRate)],
    ['initialDirectCosts', amount(terms.initialDirectCosts)],
    ['leaseIncentives', amount(terms.leaseIncentives)],
    ['prepaidRent', amount(terms.prepaidRent)],
    ['residualValueGuarantee', amount(terms.residualValueGuarantee)],
    ['purchaseOptionPrice', amount(terms.purchaseOptionPrice)],
    ['purchaseOptionCertain', yesNo(terms.purchaseOptionCertain, true)],
    ['ownershipTransfers', yesNo(terms.ownershipTransfers, true)],
    ['specializedAsset', yesNo(terms.specializedAsset, true)],
    ['usefulLifeMonths', blankOr(terms.usefulLifeMonths, whole)],
    ['fairValue', blankOr(terms.fairValue, amount)],
    ['classification', override(terms.classificationOverride)],
  ]);
}

/** The comparisons of one `LeasePayments` row of lease `id`: its Lease ID, Date and Amount. */
export function paymentComparisons(id: string, p: IrregularPayment): InputComparison[] {
  return compare(p.inputCells, [
    ['id', leaseId(id)],
    ['date', day(p.date)],
    ['amount', amount(p.amount)],
  ]);
}

/**
 * The comparisons of one `VariablePayments` row of lease `id`: its Lease ID, Date and Amount (the Description, words
 * for the journal's memo, is not compared, as a lease's Description is not).
 */
export function variablePaymentComparisons(id: string, p: VariablePayment): InputComparison[] {
  return compare(p.inputCells, [
    ['id', leaseId(id)],
    ['date', day(p.date)],
    ['amount', amount(p.amount)],
  ]);
}

/**
 * The comparisons of one `LeaseModifications` row: every column the table has, a blank one ("unchanged") compared as
 * blank, so a value typed into it after generating shows. A Termination Payment left blank was measured as 0.00.
 */
export function modificationComparisons(m: ModificationTerms): InputComparison[] {
  return compare(m.inputCells, [
    ['id', leaseId(m.leaseId)],
    ['effectiveDate', day(m.effectiveDate)],
    ['type', choice(m.type, false)],
    ['newTermMonths', blankOr(m.newTermMonths, whole)],
    ['newPayment', blankOr(m.newPayment, amount)],
    ['newDiscountRate', blankOr(m.newDiscountRate, rate)],
    ['scopeReduction', blankOr(m.scopeReduction, rate)],
    [
      'terminationPayment',
      m.terminationPayment === 0 ? (c) => `OR(${isBlank(c)},${amount(0)(c)})` : blankOr(m.terminationPayment, amount),
    ],
    ['impairmentAmount', blankOr(m.impairmentAmount, amount)],
    ['incentiveReceived', blankOr(m.incentiveReceived, amount)],
    ['purchaseOptionCertain', blankOr(m.purchaseOptionCertain, (v) => yesNo(v, false))],
    ['residualValueGuarantee', blankOr(m.residualValueGuarantee, amount)],
    ['fairValue', blankOr(m.fairValue, amount)],
    ['classification', override(m.classificationOverride)],
  ]);
}

/** How many of the lease's input cells still hold what was used: a sum of the comparisons (0 when none known). */
export function inputsAsUsedFormula(terms: LeaseTerms): { fields: number; formula: string } {
  const tests = inputComparisons(terms);
  return { fields: tests.length, formula: tests.length === 0 ? '0' : tests.map((t) => `(${t.test})*1`).join('+') };
}

/**
 * 1 when every comparison of a row holds, else 0: the product of its tests; 0 when a cell holds an error (a deleted
 * row's #REF!), so the row reads as changed and the other rows of its formula still count.
 */
export function rowAsUsedTerm(tests: readonly InputComparison[]): string {
  return tests.length === 0 ? '1' : `IFERROR(${tests.map((t) => t.test).join('*')}*1,0)`;
}
