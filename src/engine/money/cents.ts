import { Decimal } from './decimal';

/**
 * An amount of money as a whole number of cents.
 *
 * Cents are JavaScript integers: every sum and difference of integers below 2^53 (about $90 trillion) is exact,
 * so balances are carried without any binary-fraction error. Products with a rate and divisions are never done
 * in floating point: see `roundHalfUpDiv` and `rate/monthlyRate.ts`, which use exact integer (BigInt) arithmetic.
 */
export type Cents = number;

export const ZERO: Cents = 0;

/** Throws unless `c` is a whole number of cents that JavaScript represents exactly. */
export function assertCents(c: Cents, what = 'amount'): Cents {
  if (!Number.isSafeInteger(c)) throw new RangeError(`${what} ${c} is not a whole number of cents within range`);
  return c;
}

/** Cents from a decimal amount of currency units, rounded half-up (away from zero) to the cent. */
export function centsFromDecimal(d: Decimal | string | number): Cents {
  const dec = new Decimal(d);
  return assertCents(dec.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() || 0);
}

/** The amount as a decimal of currency units (exact). */
export function centsToDecimal(c: Cents): Decimal {
  return new Decimal(c).dividedBy(100);
}

/** "1234.50", "-0.07": two decimals, no thousands separator (the JSON export's form). */
export function formatCents(c: Cents): string {
  assertCents(c);
  const neg = c < 0;
  const abs = Math.abs(c);
  const units = Math.trunc(abs / 100);
  const rest = abs - units * 100;
  return `${neg ? '-' : ''}${units}.${rest < 10 ? '0' : ''}${rest}`;
}

/** n / d rounded half-up (half away from zero), exact for any integers. */
export function roundHalfUpDivBig(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const twice = 2n * n;
  return n >= 0n ? (twice + d) / (2n * d) : -((-twice + d) / (2n * d));
}

/** total / parts rounded half-up to the cent: the straight-line share of one period. */
export function roundHalfUpDiv(total: Cents, parts: number): Cents {
  if (!Number.isSafeInteger(parts) || parts <= 0) throw new RangeError(`cannot share over ${parts} periods`);
  return Number(roundHalfUpDivBig(BigInt(assertCents(total)), BigInt(parts)));
}

/** Sum of cents (exact). */
export function sumCents(values: Iterable<Cents>): Cents {
  let s = 0;
  for (const v of values) s += v;
  return assertCents(s);
}
