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
  return assertCents(Number(roundHalfUpDivBig(acc, RATE_SCALE)), 'present value');
}
