/**
 * Tie-Out checks of the Roll-Forward: every row ties (liability, ROU asset), every quarter and year row agrees with its
 * months, and the monthly movements equal the Schedules' (additions, accretion/interest, payments, amortization).
 */
import { formulaText } from '../cells';
import { BASIS } from './rollForward';
import { SC } from './schedules';
import { RC, rollForwardRange, sched, sumParts, type Check, type TieOutContext } from './tieOutCheck';

export function rollForwardChecks(ctx: TieOutContext): Check[] {
  const parts = ctx.schedules.parts;
  const { rf, rows: rfRows } = rollForwardRange(ctx.rollForward);
  const month = formulaText(BASIS.month);
  const schedSum = (c: string) =>
    sumParts(parts, (p) => `SUMIFS(${sched(p, c)},${sched(p, SC.classification)},"<>Short-term")`);
  const monthly = (c: string, sign = '') => (rfRows === 0 ? '0' : `${sign}SUMIFS(${rf(c)},${rf(RC.basis)},${month})`);
  return [
    {
      what: 'Roll-Forward: liability opening + movements = closing, every row',
      compares: 'Roll-forward rows | rows whose Liability check is 0.00',
      a: rfRows === 0 ? '0' : `ROWS(${rf(RC.liabilityCheck)})`,
      b: rfRows === 0 ? '0' : `SUMPRODUCT(--(ROUND(${rf(RC.liabilityCheck)},2)=0))`,
      count: true,
    },
    {
      what: 'Roll-Forward: ROU asset opening + movements = closing, every row',
      compares: 'Roll-forward rows | rows whose ROU check is 0.00',
      a: rfRows === 0 ? '0' : `ROWS(${rf(RC.rouCheck)})`,
      b: rfRows === 0 ? '0' : `SUMPRODUCT(--(ROUND(${rf(RC.rouCheck)},2)=0))`,
      count: true,
    },
    {
      what: 'Roll-Forward: every quarter and year row = its months (opening, each movement, closing)',
      compares: 'Quarter and year rows | rows whose Months check is 0.00',
      a: rfRows === 0 ? '0' : `COUNTIF(${rf(RC.basis)},"<>"&${month})`,
      b: rfRows === 0 ? '0' : `COUNTIFS(${rf(RC.basis)},"<>"&${month},${rf(RC.monthsCheck)},0)`,
      count: true,
    },
    {
      what: 'Roll-Forward = Schedules: additions = liabilities at commencement',
      compares: 'Roll-forward additions (monthly rows) | Schedules month-1 opening liabilities',
      a: monthly(RC.liabilityAdditions),
      b: sumParts(
        parts,
        (p) =>
          `SUMIFS(${sched(p, SC.liabilityOpening)},${sched(p, SC.month)},1,${sched(p, SC.classification)},"<>Short-term")`,
      ),
    },
    {
      what: 'Roll-Forward = Schedules: accretion/interest',
      compares: 'Roll-forward accretion/interest (monthly rows) | Schedules accretion/interest',
      a: monthly(RC.interest),
      b: schedSum(SC.interest),
    },
    {
      what: 'Roll-Forward = Schedules: payments that reduce the liability',
      compares: 'Roll-forward payments (monthly rows, as a positive amount) | Schedules payments',
      a: monthly(RC.payments, '-'),
      b: schedSum(SC.payments),
    },
    {
      what: 'Roll-Forward = Schedules: ROU amortization',
      compares: 'Roll-forward amortization (monthly rows, as a positive amount) | Schedules ROU amortization',
      a: monthly(RC.amortization, '-'),
      b: schedSum(SC.amortization),
    },
  ];
}
