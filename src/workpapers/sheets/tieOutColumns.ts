/**
 * Where the tables beside the Tie-Out's checks start (1-based columns, all headed on the same row), known before the
 * sheet is built: the Disclosures refer to the payments the Schedules do not show, listed there.
 */
import { PAYMENT_HEADERS, REMEASUREMENT_HEADERS } from './remeasurementProof';
import { col, sheetRef } from '../cells';
import { SHEET } from '../names';
import { LEASE_COL, LEASE_KEYS, type LeaseKey } from './tieOutCheck';
import { MEASUREMENT_COLUMNS } from './tieOutMeasurement';

export interface TieOutColumns {
  remeasurement: number;
  measurement: number;
  unscheduled: number;
}

/** `events`: how many remeasurements, partial terminations and impairments the Tie-Out proves. */
export function tieOutColumns(events: number): TieOutColumns {
  const remeasurement = LEASE_COL + LEASE_KEYS.length + 1;
  const measurement =
    remeasurement + (events === 0 ? 0 : REMEASUREMENT_HEADERS.length + 1 + PAYMENT_HEADERS.length + 1);
  return { remeasurement, measurement, unscheduled: measurement + MEASUREMENT_COLUMNS + 1 };
}

/** The Tie-Out's header row (the checks and every table beside them). */
export const TIE_OUT_HEADER_ROW = 5;

/** A cell of the lease tie-out table (lease `idx` in input order), absolute and sheet-qualified. */
export function leaseTableCell(key: LeaseKey, idx: number): string {
  return `${sheetRef(SHEET.tieOut)}$${col(LEASE_COL + LEASE_KEYS.indexOf(key))}$${TIE_OUT_HEADER_ROW + 1 + idx}`;
}
