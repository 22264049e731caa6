/**
 * Closing a month (CONTRACT 1.11, the add-in's "Close period" and the command line's `close`): which month-ends
 * may be closed, and what the close records. Pure: the adapters read the workbook and write the plan.
 *
 * A close is refused when it would reopen closed months (a month-end before Closed Through), when it would close a
 * month not yet reported (after the Reporting Date), and when it re-closes the month already closed while the
 * figures computed now differ from those posted (that would restate the closed books: run the next month to book
 * the catch-up, then close it). Re-closing the same month with nothing changed records the same figures again.
 */
import type { LeaseResult } from '../engine';
import type { IsoDate } from '../engine/calendar/dates';
import type { PostedBalances } from '../input/postedBalances';
import type { ReportingDateSource } from './reportingPeriod';
import { changedPositions, closedPositions } from './catchUp';
import type { WorkpaperPlan } from './plan';
import { closeLeases, postedBalancesSheet } from './sheets/postedBalances';

export interface CloseRefusal {
  /** The Policies setting concerned: the adapter names its cell. */
  where: 'closedThrough' | 'reportingDate';
  message: string;
}

/** Where the Reporting Date a close is checked against came from, in the refusal's words. */
export function closeReportingDateSource(source: ReportingDateSource): string {
  return source === 'default'
    ? 'no Reporting Date is set: the last month-end on or before today'
    : 'Reporting Date policy';
}

export function closeRefusal(args: {
  through: IsoDate;
  reportingDate: IsoDate;
  /** Where the Reporting Date came from, in words ("the Reporting Date policy"). */
  reportingDateSource: string;
  leases: readonly LeaseResult[];
  posted: PostedBalances | null;
}): CloseRefusal | null {
  const { through, posted } = args;
  if (posted && through < posted.through) {
    return {
      where: 'closedThrough',
      message: `Cannot close ${through}: months through ${posted.through} are already closed, and closing an earlier month-end would reopen them. Close ${posted.through} or a later month-end`,
    };
  }
  if (through > args.reportingDate) {
    return {
      where: 'reportingDate',
      message: `Cannot close ${through}: it is after the Reporting Date ${args.reportingDate} (${args.reportingDateSource}). Report the period first: set the Reporting Date policy in the Policies table to ${through} or later and run; then close it (close reads the policy, not --reporting-date)`,
    };
  }
  if (posted && through === posted.through) {
    const changed = changedPositions(closedPositions(args.leases, posted));
    if (changed.length > 0) {
      const ids = changed.map((c) => c.leaseId);
      const named = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');
      return {
        where: 'closedThrough',
        message: `Cannot close ${through} again: it is already closed and the figures computed now differ from those posted for ${named}. Run the next month to book the catch-up, then close that month`,
      };
    }
  }
  return null;
}

/** The sheets a close writes: the Posted Balances sheet with every lease's figures through `through`. */
export function closePlan(args: {
  through: IsoDate;
  leases: readonly LeaseResult[];
  recordedAt: string;
  productVersion: string;
}): WorkpaperPlan {
  const closings = closeLeases(args.leases, args.through);
  return {
    sheets: [
      postedBalancesSheet({
        through: args.through,
        closings,
        recordedAt: args.recordedAt,
        productVersion: args.productVersion,
      }),
    ],
  };
}
