import { monthGrid } from './calendar/monthGrid';
import { leaseMonthOf, leaseMonthStart } from './calendar/dates';
import { initialRecognition } from './measurement/initial';
import { makeMeasurement } from './schedule/measurement';
import { amortizationPeriod } from './schedule/amortizationPeriod';
import { NO_BOOKING, runMonths, type Balances } from './schedule/runMonths';
import { shortTermMonths } from './schedule/shortTerm';
import { impair, remeasure, type Transition } from './modifications/remeasure';
import { terminate } from './modifications/terminate';
import { ModificationError } from './modifications/modificationError';
import { shortTermModification } from './modifications/shortTerm';
import type { TermsInForce } from './modifications/inForce';
import { balanceWarnings, blankRateWarning, shortLifeWarning } from './leaseWarnings';
import type { LeaseWarning } from './warnings';
import { bookVariablePayments } from './variablePayments';
import type { LeaseResult, MonthRow } from './schedule/types';
import type { LeaseTerms, ModificationTerms, Policies } from './terms';

export { ModificationError };

/** The lease month a modification is effective in; it must start a lease month after commencement. */
export function effectiveMonth(terms: LeaseTerms, row: ModificationTerms): number {
  const m = leaseMonthOf(terms.commencement, row.effectiveDate);
  if (m < 2) {
    throw new ModificationError(
      `Effective Date ${row.effectiveDate} is not after commencement (${terms.commencement})`,
      row.source,
    );
  }
  if (leaseMonthStart(terms.commencement, m) !== row.effectiveDate) {
    throw new ModificationError(
      `Effective Date ${row.effectiveDate} is not the start of a lease month (month ${m} starts ${leaseMonthStart(terms.commencement, m)})`,
      row.source,
    );
  }
  return m;
}

function checkEffectiveMonth(terms: LeaseTerms, now: TermsInForce, next: { row: ModificationTerms; m: number }): void {
  if (next.m > now.termMonths) {
    throw new ModificationError(
      `Effective Date ${next.row.effectiveDate} is after the end of the lease term in force (month ${now.termMonths} of lease ${terms.id})`,
      next.row.source,
    );
  }
}

/**
 * Measures one lease from commencement to the end of its term, applying its modifications in date order (CONTRACT
 * section 1). History before a modification's effective month never changes: each modification only starts a new
 * measurement from the previous month's closing balances.
 */
export function measureLease(
  terms: LeaseTerms,
  modifications: readonly ModificationTerms[],
  policies: Policies,
): LeaseResult {
  const init = initialRecognition(terms, policies);
  const mods = modifications.map((row) => ({ row, m: effectiveMonth(terms, row) })).sort((a, b) => a.m - b.m);
  for (let j = 1; j < mods.length; j++) {
    if (mods[j].m === mods[j - 1].m) {
      throw new ModificationError(
        `lease ${terms.id} has two modifications effective on ${mods[j].row.effectiveDate}: combine them in one row`,
        mods[j].row.source,
      );
    }
  }
  const maxTerm = Math.max(terms.termMonths, ...mods.map(({ row }) => row.newTermMonths ?? 0));
  const grid = monthGrid(terms.commencement, maxTerm);
  const shortTerm = init.classification.result === 'short-term';
  const base: Omit<LeaseResult, 'measurements' | 'months' | 'amortizationPeriod' | 'variablePayments' | 'warnings'> = {
    id: terms.id,
    description: terms.description,
    entity: terms.entity,
    assetClass: terms.assetClass,
    currency: terms.currency,
    commencement: terms.commencement,
    termMonths: terms.termMonths,
    classification: init.classification.result,
    classificationTests: init.classification,
    annualRate: terms.discountRate.toString(),
    monthlyRate: init.rate,
    liabilityAtCommencement: shortTerm ? 0 : init.liability,
    paidAtCommencement: shortTerm ? 0 : init.paidAtCommencement,
    dayOnePayment: init.dayOnePayment,
    prepaidRent: terms.prepaidRent,
    initialDirectCosts: terms.initialDirectCosts,
    leaseIncentives: terms.leaseIncentives,
    rouAtCommencement: shortTerm ? 0 : init.rou,
  };
  const measurement = makeMeasurement({
    index: 0,
    startMonth: 1,
    endMonth: terms.termMonths,
    classification: init.classification,
    rate: init.rate,
    annualRate: terms.discountRate.toString(),
    liability: shortTerm ? 0 : init.liability,
    rou: shortTerm ? 0 : init.rou,
    payments: shortTerm ? init.payments : init.liabilityPayments,
    amortization: amortizationPeriod(terms),
    impaired: false,
  });
  let now: TermsInForce = {
    termMonths: terms.termMonths,
    annualRate: terms.discountRate,
    resets: [],
    purchaseOptionCertain: terms.purchaseOptionCertain,
    residualValueGuarantee: terms.residualValueGuarantee,
    fairValue: terms.fairValue,
    override: terms.classificationOverride,
    impaired: false,
    measurement,
  };
  const measurements = [measurement];
  let rows: MonthRow[];
  if (shortTerm) {
    rows = shortTermMonths(
      init.payments,
      terms.termMonths,
      terms.prepaidRent + terms.initialDirectCosts - terms.leaseIncentives,
      grid,
    );
    if (mods.length > 0) {
      rows = shortTermModification(terms, policies, rows, mods, grid, measurements);
    }
    const variablePayments = bookVariablePayments(terms, rows);
    return { ...base, amortizationPeriod: null, measurements, months: rows, variablePayments, warnings: [] };
  }
  rows = [];
  const warnings: LeaseWarning[] = [];
  let balances: Balances = { liability: measurement.liability, rou: measurement.rou };
  let booking = NO_BOOKING;
  for (let j = 0; ; j++) {
    const next = mods[j];
    if (next) checkEffectiveMonth(terms, now, next);
    balances = runMonths(now.measurement, grid, balances, booking, next ? next.m - 1 : now.termMonths, rows);
    if (!next) break;
    const { row, m } = next;
    if (row.type === 'Termination') {
      rows.push(terminate(now, balances, row, m, grid));
      const after = mods[j + 1];
      if (after) {
        throw new ModificationError(
          `Effective Date ${after.row.effectiveDate} is after the termination effective ${row.effectiveDate}`,
          after.row.source,
        );
      }
      break;
    }
    const blankRate = blankRateWarning(terms, now, row);
    if (blankRate) warnings.push(blankRate);
    let t: Transition;
    try {
      t = row.type === 'Impairment' ? impair(now, balances, row, m) : remeasure(terms, policies, now, balances, row, m);
    } catch (e) {
      throw new ModificationError((e as Error).message, row.source);
    }
    now = t.inForce;
    booking = t.booking;
    measurements.push(now.measurement);
  }
  const shortLife = shortLifeWarning(terms, measurements);
  if (shortLife) warnings.push(shortLife);
  warnings.push(...balanceWarnings(terms, rows));
  const variablePayments = bookVariablePayments(terms, rows);
  return {
    ...base,
    amortizationPeriod: measurement.amortizationPeriod,
    measurements,
    months: rows,
    variablePayments,
    warnings,
  };
}
