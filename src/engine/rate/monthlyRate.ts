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
  /** 1 / (1 + i) exactly, as numerator / denominator (for present values that fall on a half-cent). */
  discountExact: { numerator: bigint; denominator: bigint };
  /**
   * i as a fraction of two small integers when it is one (r/12 of a rate with a few decimals: 0.06/12 = 1/200),
   * so that round(amount x i) can be done in exact integer arithmetic without BigInt. Null otherwise.
   */
  fraction: {
    big: { numerator: bigint; denominator: bigint };
    small: { numerator: number; denominator: number } | null;
  } | null;
}

const HighPrecision = Decimal.clone({ precision: 45 });
const cache = new Map<string, MonthlyRate>();

/**
 * The monthly rate of CONTRACT 1.3 for an annual rate r:
 *   Payment frequency: (1 + r/p)^(p/12) - 1 (monthly payments: r/12);
 *   Monthly: r/12;  Effective annual: (1 + r)^(1/12) - 1.
 */
export function monthlyRate(annual: Decimal | string, basis: RateBasis, paymentsPerYear: number): MonthlyRate {
  const key = `${annual.toString()}|${basis}|${paymentsPerYear}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const r = new HighPrecision(annual.toString());
  let i: InstanceType<typeof HighPrecision>;
  if (basis === 'Monthly' || (basis === 'Payment frequency' && paymentsPerYear === 12)) {
    const exact = nominalMonthly(r);
    cache.set(key, exact);
    return exact;
  }
  if (basis === 'Effective annual') {
    i = r.plus(1).pow(new HighPrecision(1).dividedBy(12)).minus(1);
  } else {
    const p = new HighPrecision(paymentsPerYear);
    i = r.dividedBy(p).plus(1).pow(p.dividedBy(12)).minus(1);
  }
  const rate = rateFromDecimal(i.toDecimalPlaces(RATE_DECIMALS, Decimal.ROUND_HALF_UP).toString());
  cache.set(key, rate);
  return rate;
}

/**
 * A monthly rate given directly as a decimal fraction (rounded to 30 places). When `nominalMonthly` knows i exactly
 * as a fraction, interest is rounded from the exact fraction; otherwise from these 30 places.
 */
export function rateFromDecimal(i: Decimal | string): MonthlyRate {
  const d = new HighPrecision(i.toString()).toDecimalPlaces(RATE_DECIMALS, Decimal.ROUND_HALF_UP);
  const scaled = BigInt(d.times(HighPrecision.pow(10, RATE_DECIMALS)).toFixed(0));
  const discountScaled = roundHalfUpDivBig(RATE_SCALE * RATE_SCALE, RATE_SCALE + scaled);
  const dec = new Decimal(d.toString());
  return {
    text: dec.toFixed(),
    decimal: dec,
    scaled,
    discountScaled,
    discountExact: { numerator: RATE_SCALE, denominator: RATE_SCALE + scaled },
    fraction: null,
  };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** r/12 exactly: the common monthly rate, as an exact fraction (a small one for typical rates: 0.06/12 = 1/200). */
function nominalMonthly(r: InstanceType<typeof HighPrecision>): MonthlyRate {
  const rate = rateFromDecimal(r.dividedBy(12).toDecimalPlaces(RATE_DECIMALS, Decimal.ROUND_HALF_UP).toString());
  const places = r.decimalPlaces();
  let numerator = BigInt(r.times(HighPrecision.pow(10, places)).toFixed(0));
  let denominator = 12n * 10n ** BigInt(places);
  const g = gcd(numerator, denominator);
  if (g > 1n) {
    numerator /= g;
    denominator /= g;
  }
  return {
    ...rate,
    discountExact: { numerator: denominator, denominator: denominator + numerator },
    fraction: {
      big: { numerator, denominator },
      small:
        numerator < 2n ** 20n && denominator < 2n ** 40n
          ? { numerator: Number(numerator), denominator: Number(denominator) }
          : null,
    },
  };
}

const HALF_SCALE = RATE_SCALE / 2n;

/** round(amount x i), half-up (away from zero) to the cent: accretion or interest on a balance. Exact integers. */
export function applyRate(amount: Cents, rate: MonthlyRate): Cents {
  if (amount === 0 || rate.scaled === 0n) return 0;
  const f = rate.fraction?.small ?? null;
  if (f !== null) {
    const abs = amount < 0 ? -amount : amount;
    const n = abs * f.numerator;
    if (n <= Number.MAX_SAFE_INTEGER) {
      // Exact integer division with remainder: every value here is an integer below 2^53.
      let q = Math.floor(n / f.denominator);
      let rem = n - q * f.denominator;
      if (rem < 0) {
        q -= 1;
        rem += f.denominator;
      } else if (rem >= f.denominator) {
        q += 1;
        rem -= f.denominator;
      }
      if (2 * rem >= f.denominator) q += 1;
      return amount < 0 && q !== 0 ? -q : q;
    }
  }
  const exact = rate.fraction?.big;
  if (exact) {
    return assertCents(Number(roundHalfUpDivBig(BigInt(amount) * exact.numerator, exact.denominator)), 'interest');
  }
  const x = BigInt(amount) * rate.scaled;
  const q = x >= 0n ? (x + HALF_SCALE) / RATE_SCALE : -((HALF_SCALE - x) / RATE_SCALE);
  return q === 0n ? 0 : assertCents(Number(q), 'interest');
}
