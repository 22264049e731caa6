/**
 * Inputs under live check: a formula per lease that compares each cell of its row in the `Leases` table (where the
 * reader found it, sheet-qualified A1) with the value the engine measured, so editing an input after generating
 * turns the Tie-Out's inputs check to FAIL ("inputs changed since the workpapers were generated: generate again").
 *
 * Each comparison reads the cell as Excel would convert it (`--cell`: numbers, dates, "5%" and ISO date text), so
 * the forms the reader accepts compare equal; amounts within half a cent of the amount used (the reader rounds to
 * the cent), rates within 10^-9, whole numbers and dates exactly. Choices (Frequency, Timing, Classification,
 * Yes/No) compare case-insensitively, spaces and hyphens ignored, a blank cell standing for the default.
 */
import type { LeaseTerms } from '../../engine/terms';
import { formulaText, dateInFormula } from '../cells';

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

/** The comparisons of one lease: each a boolean formula term, TRUE when the cell still holds what was used. */
export function inputComparisons(terms: LeaseTerms): { field: string; test: string }[] {
  const cells = terms.inputCells ?? {};
  const out: { field: string; test: string }[] = [];
  const add = (field: string, test: (cell: string) => string) => {
    const cell = cells[field];
    if (cell) out.push({ field, test: test(cell) });
  };
  const amount = (cents: number) => (c: string) => `(ABS(${numberOf(c)}-${cents / 100})<0.00501)`;
  const whole = (n: number | string) => (c: string) => `(${numberOf(c)}=${n})`;
  const rate = (r: string) => (c: string) => `(ABS(${numberOf(c)}-${r})<1E-9)`;
  const choice = (value: string, isDefault: boolean) => (c: string) => {
    const key = formulaText(value.replace(/[\s-]/g, '').toUpperCase());
    return isDefault ? `OR(${isBlank(c)},${choiceKey(c)}=${key})` : `(${choiceKey(c)}=${key})`;
  };
  const yesNo = (v: boolean) => (c: string) =>
    v
      ? `OR(${choiceKey(c)}="YES",${choiceKey(c)}="Y",${choiceKey(c)}="TRUE")`
      : `OR(${isBlank(c)},${choiceKey(c)}="NO",${choiceKey(c)}="N",${choiceKey(c)}="FALSE")`;
  const blankOr = (v: number | null, test: (c: string) => string) => (c: string) => (v === null ? isBlank(c) : test(c));

  add('commencement', whole(dateInFormula(terms.commencement)));
  add('termMonths', whole(terms.termMonths));
  add('payment', amount(terms.payment));
  add('frequency', choice(terms.frequency, terms.frequency === 'Monthly'));
  add('timing', choice(terms.timing, terms.timing === 'Advance'));
  add('annualEscalation', rate(terms.annualEscalation.toString()));
  add('freeRentMonths', whole(terms.freeRentMonths));
  add('discountRate', rate(terms.discountRate.toString()));
  add('initialDirectCosts', amount(terms.initialDirectCosts));
  add('leaseIncentives', amount(terms.leaseIncentives));
  add('prepaidRent', amount(terms.prepaidRent));
  add('residualValueGuarantee', amount(terms.residualValueGuarantee));
  add('purchaseOptionPrice', amount(terms.purchaseOptionPrice));
  add('purchaseOptionCertain', yesNo(terms.purchaseOptionCertain));
  add('ownershipTransfers', yesNo(terms.ownershipTransfers));
  add('specializedAsset', yesNo(terms.specializedAsset));
  add('usefulLifeMonths', blankOr(terms.usefulLifeMonths, whole(terms.usefulLifeMonths ?? 0)));
  add('fairValue', blankOr(terms.fairValue, amount(terms.fairValue ?? 0)));
  const override = terms.classificationOverride;
  add('classification', (c) =>
    override === null ? isBlank(c) : choice(override === 'finance' ? 'Finance' : 'Operating', false)(c),
  );
  return out;
}

/** How many of the lease's input cells still hold what was used: a sum of the comparisons (0 when none known). */
export function inputsAsUsedFormula(terms: LeaseTerms): { fields: number; formula: string } {
  const tests = inputComparisons(terms);
  return { fields: tests.length, formula: tests.length === 0 ? '0' : tests.map((t) => `(${t.test})*1`).join('+') };
}
