import { Decimal } from '../money/decimal';
import { assertCents, roundHalfUpDivBig, type Cents } from '../money/cents';
import type { RateBasis } from '../terms';

/** Monthly rates are carried to 30 decimal places: exact for every rate a user types, and for r/12 to 1e-30. */
export const RATE_DECIMALS = 30;
export const RATE_SCALE = 10n ** BigInt(RATE_DECIMALS);

/** The monthly rate i of a measurement, as an exact decimal and as an integer scaled by 10^30. */
export interface MonthlyRate {
  /** i, as a decimal string without trailing zeros ("0.005"). */
  text: string;
  decimal: Decimal;
  /** round(i x 10^30). */
  scaled: bigint;
  /** round(10^30 / (1 + i)): the one-month discount factor. */
  discountScaled: bigint;
}

const HighPrecision = Decimal.clone({ precision: 60 });
const cache = new Map<string, MonthlyRate>();

/**
 * The monthly rate of CONTRACT 1.3 for an annual rate r:
 *   Payment frequency: (1 + r/p)^(p/12) - 1 (monthly payments: r/12);
 *   Monthly: r/12;  Effective annual: (1 + r)^(1/12) - 1.
 */
export function monthlyRate(annual: Decimal | string, basis: RateBasis, paymentsPerYear: number): MonthlyRate {
  const r = new HighPrecision(annual.toString());
  const key = `${r.toString()}|${basis}|${paymentsPerYear}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let i: InstanceType<typeof HighPrecision>;
  if (basis === 'Monthly' || (basis === 'Payment frequency' && paymentsPerYear === 12)) {
    i = r.dividedBy(12);
  } else if (basis === 'Effective annual') {
    i = r.plus(1).pow(new HighPrecision(1).dividedBy(12)).minus(1);
  } else {
    const p = new HighPrecision(paymentsPerYear);
    i = r.dividedBy(p).plus(1).pow(p.dividedBy(12)).minus(1);
  }
  const rate = rateFromDecimal(i.toDecimalPlaces(RATE_DECIMALS, Decimal.ROUND_HALF_UP).toString());
  cache.set(key, rate);
  return rate;
}

/** A monthly rate given directly as a decimal fraction (it is rounded to 30 places). */
export function rateFromDecimal(i: Decimal | string): MonthlyRate {
  const d = new HighPrecision(i.toString()).toDecimalPlaces(RATE_DECIMALS, Decimal.ROUND_HALF_UP);
  const scaled = BigInt(d.times(HighPrecision.pow(10, RATE_DECIMALS)).toFixed(0));
  const discountScaled = roundHalfUpDivBig(RATE_SCALE * RATE_SCALE, RATE_SCALE + scaled);
  const dec = new Decimal(d.toString());
  return { text: dec.toFixed(), decimal: dec, scaled, discountScaled };
}

/** round(amount x i), half-up to the cent: accretion or interest on a balance. Exact (integer arithmetic). */
export function applyRate(amount: Cents, rate: MonthlyRate): Cents {
  if (amount === 0 || rate.scaled === 0n) return 0;
  return assertCents(Number(roundHalfUpDivBig(BigInt(amount) * rate.scaled, RATE_SCALE)), 'interest');
}
