/**
 * How a finance lease's payments split between interest and principal for the cash flow disclosure: each payment
 * settles the interest accrued and not yet paid first, the rest is principal (ASC 842-20-45-5: the interest part is an
 * operating cash flow, the principal part a financing cash flow). Operating and short-term rows settle no interest.
 */
import type { LeaseResult } from '../engine';

/**
 * The interest each payment of a finance lease settles (payments settle accrued interest first): by lease-month row,
 * the part of its advance and of its arrears payment that is interest. Operating and short-term rows settle none.
 */
export function interestSettled(lease: LeaseResult): { advance: number; arrears: number }[] {
  let accrued = 0;
  return lease.months.map((r) => {
    const finance = r.classification === 'finance';
    const settle = (amount: number) => {
      if (!finance || amount === 0) return 0;
      const paid = Math.min(Math.max(accrued, 0), Math.max(amount, 0));
      accrued -= paid;
      return paid;
    };
    const advance = settle(r.advancePayment);
    if (finance) accrued += r.interest;
    const arrears = settle(r.arrearsPayment);
    return { advance, arrears };
  });
}
