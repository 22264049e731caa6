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
import { formatCents } from './money/cents';

export { ModificationError };

/**
 * Where a modification takes effect: lease month `m`. Every type takes effect at the start of a lease month after
 * commencement, except an Impairment, which may be dated on any day after commencement (CONTRACT 1.10 v4): dated
 * inside month m (`inside`), it is booked on that day, in month m's row, and the straight-line amortization of what
 * remains starts with month m + 1.
 */
export interface PlacedModification {
  row: ModificationTerms;
  m: number;
  inside: boolean;
}

export function placeModification(terms: LeaseTerms, row: ModificationTerms): PlacedModification {
  const m = leaseMonthOf(terms.commencement, row.effectiveDate);
  if (m < 1 || row.effectiveDate === terms.commencement) {
    throw new ModificationError(
      `Effective Date ${row.effectiveDate} is not after commencement (${terms.commencement})`,
      row.source,
    );
  }
  const atStart = leaseMonthStart(terms.commencement, m) === row.effectiveDate;
  if (!atStart && row.type !== 'Impairment') {
    throw new ModificationError(
      `Effective Date ${row.effectiveDate} is not the start of a lease month (month ${m} starts ${leaseMonthStart(terms.commencement, m)})`,
      row.source,
    );
  }
  return { row, m, inside: !atStart };
}

function checkEffectiveMonth(terms: LeaseTerms, now: TermsInForce, next: PlacedModification): void {
  if (next.m > now.termMonths) {
    throw new ModificationError(
      `Effective Date ${next.row.effectiveDate} is after the end of the lease term in force (month ${now.termMonths} of lease ${terms.id})`,
      next.row.source,
    );
  }
}

/**
 * An impairment dated inside month k, booked on its date in month k's row (already run with the plan in force):
 * the ROU asset falls by the amount, which may not exceed the ROU asset left after that month's amortization. What
 * remains is amortized straight-line from month k + 1 (CONTRACT 1.10 v4).
 */
function impairInside(
  now: TermsInForce,
  rows: MonthRow[],
  balances: Balances,
  next: PlacedModification,
): { inForce: TermsInForce; balances: Balances } {
  const { row, m } = next;
  const amount = row.impairmentAmount ?? 0;
  const r = rows[rows.length - 1];
  if (amount > balances.rou) {
    throw new ModificationError(
      `the impairment of ${formatCents(amount)} exceeds the ROU asset of ${formatCents(balances.rou)} left at the end of lease month ${m}`,
      row.source,
    );
  }
  r.rouAdjustment -= amount;
  r.rouEnd -= amount;
  r.impairment += amount;
  r.impairmentDate = row.effectiveDate;
  if (r.event === null) r.event = 'Impairment';
  const after: Balances = { liability: balances.liability, rou: balances.rou - amount };
  if (m >= now.measurement.endMonth) return { inForce: { ...now, impaired: true }, balances: after };
  // The plan from month m + 1 is the one an impairment at the start of that month would make, booked already.
  const t = impair(now, { ...after, rou: balances.rou }, row, m + 1);
  return { inForce: t.inForce, balances: after };
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
  // In date order: a change at the start of a month comes before an impairment dated inside it.
  const mods = modifications
    .map((row) => placeModification(terms, row))
    .sort((a, b) => a.m - b.m || Number(a.inside) - Number(b.inside));
  for (let j = 1; j < mods.length; j++) {
    if (mods[j].m === mods[j - 1].m && mods[j].inside === mods[j - 1].inside) {
      throw new ModificationError(
        mods[j].inside
          ? `two impairments in lease month ${mods[j].m} (${mods[j - 1].row.effectiveDate} and ${mods[j].row.effectiveDate}): combine them in one row`
          : `two modifications effective on ${mods[j].row.effectiveDate}: combine them in one row`,
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
    const through = !next ? now.termMonths : next.inside ? next.m : next.m - 1;
    balances = runMonths(now.measurement, grid, balances, booking, through, rows);
    booking = NO_BOOKING;
    if (!next) break;
    const { row, m } = next;
    if (next.inside) {
      const final = m >= now.measurement.endMonth;
      const done = impairInside(now, rows, balances, next);
      balances = done.balances;
      if (!final) measurements.push(done.inForce.measurement);
      now = done.inForce;
      if (final) {
        // Impaired in the final month: nothing is left to run, and a later row is after the term.
        const after = mods[j + 1];
        if (after) checkEffectiveMonth(terms, now, after);
        break;
      }
      continue;
    }
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
