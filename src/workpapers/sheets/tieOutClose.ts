/**
 * Tie-Out checks of a closed period (CONTRACT 1.11), when Closed Through is set: closed months unchanged (no entry
 * dated in a closed month is issued again) and catch-up = recomputed cumulative - posted cumulative, per lease and
 * account (the change list of the Catch-Ups sheet) and in total per account role (PostedBalances summed live).
 */
import { sheetRef, dateInFormula } from '../cells';
import { CATCH_UP_TYPE, postedFormula, type CatchUpsLayout, type JournalRefs } from './catchUps';
import type { Check } from './tieOutCheck';
import type { ClosingFigure, PostedBalances } from '../../input/postedBalances';
import { SHEET } from '../names';

export function closeChecks(layout: CatchUpsLayout, journal: JournalRefs): Check[] {
  const ct = layout.closedThrough;
  const { C } = layout;
  const cu = (c: string, first: number, last: number) => `${sheetRef(SHEET.catchUps)}$${c}$${first}:$${c}$${last}`;
  const reissued = journal.parts.map((p) => {
    const r = (c: string) => `${sheetRef(p.sheet)}$${c}$${p.firstRow}:$${c}$${Math.max(p.firstRow, p.lastRow)}`;
    return `COUNTIFS(${r(journal.date)},"<="&${dateInFormula(ct)},${r(journal.type)},"<>${CATCH_UP_TYPE}")`;
  });
  const checks: Check[] = [
    {
      what: `Closed months unchanged: no journal line dated on or before Closed Through ${ct} is issued again`,
      compares: `Journal lines dated on or before ${ct}, catch-ups aside | 0`,
      a: reissued.length === 0 ? '0' : reissued.join('+'),
      b: '0',
      count: true,
    },
    {
      what: 'Catch-up = recomputed cumulative - posted cumulative, per lease and account (Catch-Ups change list)',
      compares: 'Change-list rows | rows where the catch-up booked = recomputed - posted',
      a: layout.changeRows === 0 ? '0' : `ROWS(${cu(C.result, layout.changeFirst, layout.changeLast)})`,
      b: layout.changeRows === 0 ? '0' : `COUNTIF(${cu(C.result, layout.changeFirst, layout.changeLast)},"PASS")`,
      count: true,
    },
  ];
  const sheet = sheetRef(SHEET.catchUps);
  for (let r = layout.totalsFirst; r <= layout.totalsLast; r++) {
    checks.push({
      // A formula (the account's name from the Catch-Ups sheet), not text: the check names its account.
      what: () => `="Catch-up = recomputed - posted, all leases: "&${sheet}$${C.role}$${r}`,
      compares: `Journal catch-up lines on the account (Catch-Ups ${C.booked}${r}) | recomputed - PostedBalances total (Catch-Ups ${C.difference}${r})`,
      a: `${sheet}$${C.booked}$${r}`,
      b: `${sheet}$${C.difference}$${r}`,
    });
  }
  return checks;
}

/** The PostedBalances figures of a lease summed (0 for a lease not posted), as a live formula. */
export function postedFigure(posted: PostedBalances): (leaseId: string, figures: readonly ClosingFigure[]) => string {
  return (leaseId, figures) => {
    const terms = figures.map((f) => postedFormula(posted, f, leaseId)).filter((t) => t !== '0');
    return terms.length === 0 ? '0' : terms.join('+');
  };
}
