/**
 * Tie-Out checks of the Schedules: every row ties (liability and ROU), each month opens on the previous closing,
 * and every lease ends at 0.00 (continuation sheets included).
 */
import { SC } from './schedules';
import { sched, sumParts, type Check, type SchedulePart, type TieOutContext } from './tieOutCheck';

export function scheduleChecks(ctx: TieOutContext): Check[] {
  const windowed = ctx.schedules.window !== null;
  /** In a windowed workbook, the lifetime checks count only the leases whose whole life is written. */
  const wholeOnly = windowed ? `(${ctx.lt(ctx.L.whole)}="Yes")*` : '--';
  const { L, lt, leasesChecked, countWhere } = ctx;
  const parts = ctx.schedules.parts;
  const notShort = (p: SchedulePart) => `(${sched(p, SC.classification)}<>"Short-term")`;
  const sameLease = (p: SchedulePart) => `(${sched(p, SC.id, 3)}=${sched(p, SC.id, 2, p.lastRow - 1)})`;
  return [
    {
      what: 'Schedules: liability closing = opening + adjustment + accretion/interest - payments, every row',
      compares: 'Lease-month rows (not short-term) | rows that tie',
      a: sumParts(parts, (p) => `SUMPRODUCT(--${notShort(p)})`),
      b: sumParts(
        parts,
        (p) =>
          `SUMPRODUCT(${notShort(p)}*(ROUND(${sched(p, SC.liabilityOpening)}+${sched(p, SC.liabilityAdjustment)}+${sched(p, SC.interest)}-${sched(p, SC.payments)}-${sched(p, SC.liabilityClosing)},2)=0))`,
      ),
      count: true,
    },
    {
      what: 'Schedules: ROU closing = opening + adjustment - amortization, every row',
      compares: 'Lease-month rows (not short-term) | rows that tie',
      a: sumParts(parts, (p) => `SUMPRODUCT(--${notShort(p)})`),
      b: sumParts(
        parts,
        (p) =>
          `SUMPRODUCT(${notShort(p)}*(ROUND(${sched(p, SC.rouOpening)}+${sched(p, SC.rouAdjustment)}-${sched(p, SC.amortization)}-${sched(p, SC.rouClosing)},2)=0))`,
      ),
      count: true,
    },
    {
      what: "Schedules: each month's opening liability and ROU asset = the previous month's closing",
      compares: "Rows after a lease's first month | rows that carry the previous closing",
      a: sumParts(parts, (p) => (p.lastRow < 3 ? null : `SUMPRODUCT(--${sameLease(p)})`)),
      b: sumParts(parts, (p) =>
        p.lastRow < 3
          ? null
          : `SUMPRODUCT(${sameLease(p)}*(ROUND(${sched(p, SC.liabilityOpening, 3)}-${sched(p, SC.liabilityClosing, 2, p.lastRow - 1)},2)=0)*(ROUND(${sched(p, SC.rouOpening, 3)}-${sched(p, SC.rouClosing, 2, p.lastRow - 1)},2)=0))`,
      ),
      count: true,
    },
    {
      what: `Schedules: the lease liability is 0.00 at the end of every lease${windowed ? ' whose whole life the window holds' : ''}`,
      compares: `Leases${windowed ? ` (column ${L.whole} = Yes)` : ''} | leases ending at 0.00 (lease table column ${L.liabilityEnd})`,
      a: windowed ? countWhere(`--(${lt(L.whole)}="Yes")`) : leasesChecked,
      b: countWhere(`${wholeOnly}(ROUND(${lt(L.liabilityEnd)},2)=0)`),
      count: true,
    },
    {
      what: `Schedules: the ROU asset is 0.00 at the end of every lease${windowed ? ' whose whole life the window holds' : ''}, after any transfer to owned assets`,
      compares: `Leases${windowed ? ` (column ${L.whole} = Yes)` : ''} | leases ending at 0.00 (column ${L.rouEnd})`,
      a: windowed ? countWhere(`--(${lt(L.whole)}="Yes")`) : leasesChecked,
      b: countWhere(`${wholeOnly}(ROUND(${lt(L.rouEnd)},2)=0)`),
      count: true,
    },
    ...(windowed
      ? [
          {
            what: `Schedules window (${ctx.schedules.window!.from} to ${ctx.schedules.window!.to}): each lease's first month written opens with the balances brought forward = engine`,
            compares: `Leases | leases whose opening liability and ROU asset equal columns ${L.bfLiability} and ${L.bfRou} (column ${L.bfDiff} = 0.00)`,
            a: leasesChecked,
            b: countWhere(`--(ROUND(${lt(L.bfDiff)},2)=0)`),
            count: true,
          },
          {
            what: `Schedules window: the liability brought forward = PV of the payments still due, re-performed (within the cent rounding of the months since its measurement)`,
            compares: `Leases | leases whose column ${L.bfPvDiff} is 0.00 (PV in column ${L.bfPv}, from the lease's payments at the Schedules' monthly rate)`,
            a: leasesChecked,
            b: countWhere(`--(ROUND(${lt(L.bfPvDiff)},2)=0)`),
            count: true,
          },
        ]
      : []),
  ];
}
