import { assertCents, roundHalfUpDivBig, type Cents } from '../money/cents';
import { RATE_SCALE, type MonthlyRate } from '../rate/monthlyRate';

/** A payment at t months after commencement. */
export interface TimedAmount {
  t: number;
  amount: Cents;
}

/**
 * Present value at month `atT` (0 = commencement) of payments at t >= atT, each discounted by (1+i)^-(t-atT),
 * rounded half-up to the cent. Computed exactly in integers scaled by 10^30 (Horner's rule, month by month),
 * so the only approximation is the 30-place discount factor: far below a cent for any lease.
 */
export function presentValue(payments: readonly TimedAmount[], rate: MonthlyRate, atT = 0): Cents {
  let maxT = atT;
  for (const p of payments) {
    if (p.t < atT) throw new RangeError(`payment at month ${p.t} is before the measurement date (month ${atT})`);
    if (p.t > maxT) maxT = p.t;
  }
  const byT = new Array<bigint>(maxT - atT + 1).fill(0n);
  for (const p of payments) byT[p.t - atT] += BigInt(p.amount);
  const v = rate.discountScaled;
  let acc = 0n; // scaled by RATE_SCALE
  for (let k = byT.length - 1; k >= 0; k--) {
    acc = (acc * v) / RATE_SCALE;
    if (byT[k] !== 0n) acc += byT[k] * RATE_SCALE;
  }
  // The fixed-point sum is within far less than 10^-12 of a cent of the exact one. Only when it lies that close to a
  // half-cent can the rounding depend on the approximation: then compute the exact rational present value.
  const rem = (acc < 0n ? -acc : acc) % RATE_SCALE;
  const fromHalf = rem - HALF;
  if (fromHalf < TIE_WINDOW && fromHalf > -TIE_WINDOW) return exactPresentValue(byT, rate);
  return assertCents(Number(roundHalfUpDivBig(acc, RATE_SCALE)), 'present value');
}

const HALF = RATE_SCALE / 2n;
const TIE_WINDOW = RATE_SCALE / 10n ** 12n;

/** sum of a_k x (b/c)^k as an exact fraction, rounded half-up: slow, used only next to a half-cent. */
function exactPresentValue(byT: readonly bigint[], rate: MonthlyRate): Cents {
  const { numerator: b, denominator: c } = rate.discountExact;
  const n = byT.length - 1;
  // sum a_k b^k c^(n-k) / c^n, by Horner's rule on the numerator.
  let num = 0n;
  let bk = 1n;
  const cPowers: bigint[] = [1n];
  for (let k = 1; k <= n; k++) cPowers.push(cPowers[k - 1] * c);
  for (let k = 0; k <= n; k++) {
    if (byT[k] !== 0n) num += byT[k] * bk * cPowers[n - k];
    bk *= b;
  }
  return assertCents(Number(roundHalfUpDivBig(num, cPowers[n])), 'present value');
}
