/**
 * Tie-Out checks of the Roll-Forward: every row ties (liability, ROU asset), every quarter and year row agrees with its
 * months, and the monthly movements equal the Schedules' (additions, accretion/interest, payments, amortization).
 */
import { formulaText, dateInFormula } from '../cells';
import { BASIS } from './rollForward';
import { SC } from './schedules';
import {
  RC,
  rollForwardRange,
  sched,
  sumParts,
  type Check,
  type SchedulePart,
  type TieOutContext,
} from './tieOutCheck';

export function rollForwardChecks(ctx: TieOutContext): Check[] {
  const parts = ctx.schedules.parts;
  const { rf, rows: rfRows } = rollForwardRange(ctx.rollForward);
  const month = formulaText(BASIS.month);
  // With a Schedules window, both sides cover what is booked inside it: the Roll-Forward's months of the window and
  // the Schedules' figures whose booking date (a lease month's start or end) falls in it.
  const w = ctx.schedules.window;
  const from = w ? dateInFormula(w.from) : '';
  const to = w ? dateInFormula(w.to) : '';
  const booked = (p: SchedulePart, dateColumn: string) =>
    w ? `,${sched(p, dateColumn)},">="&${from},${sched(p, dateColumn)},"<="&${to}` : '';
  const schedSum = (c: string, dateColumn: string = SC.end) =>
    sumParts(
      parts,
      (p) => `SUMIFS(${sched(p, c)},${sched(p, SC.classification)},"<>Short-term"${booked(p, dateColumn)})`,
    );
  const monthly = (c: string, sign = '') =>
    rfRows === 0
      ? '0'
      : `${sign}SUMIFS(${rf(c)},${rf(RC.basis)},${month}${w ? `,${rf(RC.to)},">="&${from},${rf(RC.to)},"<="&${to}` : ''})`;
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
          `SUMIFS(${sched(p, SC.liabilityOpening)},${sched(p, SC.month)},1,${sched(p, SC.classification)},"<>Short-term"${booked(p, SC.start)})`,
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
      b: w ? `${schedSum(SC.advance, SC.start)}+${schedSum(SC.arrears)}` : schedSum(SC.payments),
    },
    {
      what: 'Roll-Forward = Schedules: ROU amortization',
      compares: 'Roll-forward amortization (monthly rows, as a positive amount) | Schedules ROU amortization',
      a: monthly(RC.amortization, '-'),
      b: schedSum(SC.amortization),
    },
  ];
}
