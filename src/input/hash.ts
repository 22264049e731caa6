/**
 * inputHash: a fingerprint of the input tables for the run log, so a reviewer can tell whether two runs read the
 * same inputs. SHA-256 over a canonical serialization of the input tables (Leases, LeasePayments,
 * LeaseModifications, Policies, and PostedBalances once a period is closed): table names, headers and non-blank rows, with text trimmed and blank cells as
 * null. Where the tables sit, number formats and any other table do not count, so the add-in (Office.js) and the
 * command line (exceljs) give the same hash for the same workbook.
 */
import type { GridValue, WorkbookTables } from './grid';
import { TABLE_NAMES } from './columns';
import { POSTED_BALANCES_TABLE } from './postedBalances';
import { sha256 } from './sha256';
import { findTable, isBlankRow } from './table';

const FORMAT = 'lease-workpapers input v1';

function canonicalValue(v: GridValue | undefined): GridValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : String(v);
  return v;
}

/** The canonical text that `inputHash` digests (exposed for tests and for debugging a hash mismatch). */
export function canonicalInput(tables: WorkbookTables): string {
  // PostedBalances (what a close recorded) counts when present; a workbook never closed hashes as before.
  const names = [
    ...Object.values(TABLE_NAMES),
    ...(findTable(tables, POSTED_BALANCES_TABLE) ? [POSTED_BALANCES_TABLE] : []),
  ];
  const parts = names.map((name) => {
    const t = findTable(tables, name);
    if (!t) return { table: name, absent: true };
    return {
      table: name,
      headers: t.headers.map((h) => canonicalValue(h)),
      rows: t.rows.filter((r) => !isBlankRow(r)).map((r) => r.map((c) => canonicalValue(c?.value))),
    };
  });
  return `${FORMAT}\n${JSON.stringify(parts)}`;
}

/** Hex SHA-256 of the canonical input. */
export function inputHash(tables: WorkbookTables): string {
  return sha256(canonicalInput(tables));
}
