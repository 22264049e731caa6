/**
 * The period's journal (CONTRACT sections 1.11 and 3): the detail per lease (each entry balanced, dated as booked)
 * and the postable summary: per entity and currency, one balanced entry dated on the last day of the period with one
 * line per account role, each the detail's lines summed by account. Detail lines are produced on demand, lease by
 * lease, so a portfolio of any size is never held in memory at once.
 */
import type { LeaseResult } from '../engine';
import { ACCOUNT_ROLES, type Account, type AccountRole, type ChartOfAccounts } from '../input/accountRoles';
import { sha256 } from '../input/sha256';
import { addDays, type IsoDate } from '../engine/calendar/dates';
import { leaseIdKey } from '../input/table';
import type { LeaseCatchUp } from './catchUp';
import { catchUpJournal, leaseJournal, type JournalLine, type JournalOptions } from './journal';
import { fiscalQuarterOfKey, fiscalYearOfKey, monthKey } from './periods';
import type { ReportingPeriod } from './reportingPeriod';

export interface SummaryLine {
  date: string;
  entity: string;
  currency: string;
  entry: string;
  account: Account;
  debit: number;
  credit: number;
  memo: string;
}

/** A closed period (CONTRACT 1.11): months through `closedThrough` are not issued again; catch-ups are. */
export interface JournalClose {
  closedThrough: IsoDate;
  positions: readonly LeaseCatchUp[];
}

export interface PeriodJournal {
  period: ReportingPeriod;
  chart: ChartOfAccounts;
  /**
   * The detail lines of subject `idx` in the period (computed again on each call): the leases in input order, then
   * the leases only PostedBalances still holds (their catch-up reverses what was posted).
   */
  leaseLines(idx: number): JournalLine[];
  /** Detail lines per subject (leases, then posted-only leases). */
  counts: number[];
  totalLines: number;
  summary: SummaryLine[];
}

/** "202512", "FY2025Q4", "FY2025": the period in a summary entry number. */
export function periodCode(p: ReportingPeriod, fiscalYearEndMonth: number): string {
  const key = monthKey(p.end);
  if (p.kind === 'month') return `${p.end.slice(0, 4)}${p.end.slice(5, 7)}`;
  const fy = fiscalYearOfKey(key, fiscalYearEndMonth);
  return p.kind === 'quarter' ? `FY${fy}Q${fiscalQuarterOfKey(key, fiscalYearEndMonth)}` : `FY${fy}`;
}

/**
 * The summary entry number of an entity and currency in a period: "LW-202512-3F9A1C", the last part the first six
 * hexadecimal digits of the SHA-256 of "entity|currency" (stable, and short enough for QuickBooks' 21 characters).
 */
export function summaryEntryNumber(code: string, entity: string, currency: string): string {
  return `LW-${code}-${sha256(`${entity.trim()}|${currency}`).slice(0, 6).toUpperCase()}`;
}

export function periodJournal(
  leases: readonly LeaseResult[],
  period: ReportingPeriod,
  chart: ChartOfAccounts,
  fiscalYearEndMonth: number,
  close: JournalClose | null = null,
): PeriodJournal {
  const options: JournalOptions = { accumulatedAmortization: chart.maps('Finance ROU accumulated amortization') };
  // Closed months are not issued again: the period's entries start after Closed Through.
  const firstOpen = close ? addDays(close.closedThrough, 1) : period.start;
  const window = { from: firstOpen > period.start ? firstOpen : period.start, to: period.end };
  const inPeriod = (d: IsoDate) => d >= period.start && d <= period.end;
  const positions = new Map((close?.positions ?? []).map((p) => [leaseIdKey(p.leaseId), p]));
  const catchUp = (p: LeaseCatchUp | undefined): JournalLine[] =>
    close && p && inPeriod(p.date) ? catchUpJournal(p, close.closedThrough, options) : [];
  const postedOnly = (close?.positions ?? []).filter((p) => !p.inInput);
  const subjects = leases.length + postedOnly.length;
  const leaseLines = (idx: number): JournalLine[] => {
    if (idx >= leases.length) return catchUp(postedOnly[idx - leases.length]);
    const lines = window.from <= window.to ? leaseJournal(leases[idx], window, options) : [];
    const cu = catchUp(positions.get(leaseIdKey(leases[idx].id)));
    return cu.length === 0 ? lines : [...cu, ...lines];
  };
  const counts: number[] = [];
  const totals = new Map<string, { entity: string; currency: string; net: Map<AccountRole, number> }>();
  let totalLines = 0;
  for (let idx = 0; idx < subjects; idx++) {
    const lines = leaseLines(idx);
    counts.push(lines.length);
    totalLines += lines.length;
    if (lines.length === 0) continue;
    const { entity, currency } = lines[0];
    const key = `${entity.trim().toLowerCase()}\u0000${currency}`;
    let t = totals.get(key);
    if (!t) totals.set(key, (t = { entity: entity.trim(), currency, net: new Map() }));
    for (const l of lines) t.net.set(l.role, (t.net.get(l.role) ?? 0) + l.debit - l.credit);
  }
  const code = periodCode(period, fiscalYearEndMonth);
  const summary: SummaryLine[] = [];
  const groups = [...totals.values()].sort((a, b) =>
    a.entity === b.entity ? (a.currency < b.currency ? -1 : 1) : a.entity < b.entity ? -1 : 1,
  );
  for (const g of groups) {
    const entry = summaryEntryNumber(code, g.entity, g.currency);
    for (const role of ACCOUNT_ROLES) {
      const net = g.net.get(role) ?? 0;
      if (net === 0) continue;
      summary.push({
        date: period.end,
        entity: g.entity,
        currency: g.currency,
        entry,
        account: chart.account(role, g.entity),
        debit: net > 0 ? net : 0,
        credit: net < 0 ? -net : 0,
        memo: `Leases (ASC 842), ${period.start} to ${period.end}: ${role}`,
      });
    }
  }
  return { period, chart, leaseLines, counts, totalLines, summary };
}
