import { roundHalfUpDiv, type Cents } from '../money/cents';

/**
 * A total recognized evenly over `months` months: round(total / months) each month, the last month taking the
 * remainder so the months add up to the total exactly (CONTRACT 1.9).
 */
export interface StraightLine {
  total: Cents;
  months: number;
  monthly: Cents;
}

export function straightLine(total: Cents, months: number): StraightLine {
  return { total, months, monthly: roundHalfUpDiv(total, months) };
}

/** The amount of the i-th month (1-based) of the plan; 0 outside it. */
export function straightLineAmount(plan: StraightLine, i: number): Cents {
  if (i < 1 || i > plan.months) return 0;
  return i < plan.months ? plan.monthly : plan.total - plan.monthly * (plan.months - 1);
}
