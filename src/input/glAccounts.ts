/**
 * The optional `GLAccounts` table (CONTRACT 2): the chart of accounts the journal posts to. Each row maps an account
 * role (Account Key) to an Account Number and Account Name, for every entity (Entity blank) or one entity; every
 * other header is a segment (Department, Class, Location, Subsidiary, ...) carried onto every journal line of the
 * account. A role not in the table posts to the product's default name with no number.
 *
 * Errors at their cells: an Account Key that is not a role, a role mapped twice for one entity, a blank Account Name.
 */
import type { GlAccountChart, GlAccountRow } from '../engine/terms';
import { ACCOUNT_ROLES, findAccountRole } from './accountRoles';
import { GL_ACCOUNTS_COLUMNS } from './columns';
import { JOURNAL_OWN_HEADERS } from './journalColumns';
import type { TableGrid } from './grid';
import { BoundTable, headerWhere, type InputError } from './table';
import { headerKey, parseText } from './values';

export function readGlAccounts(table: TableGrid, errors: InputError[]): GlAccountChart {
  const bound = BoundTable.bind(table, GL_ACCOUNTS_COLUMNS, errors);
  const own = new Set(GL_ACCOUNTS_COLUMNS.map((c) => headerKey(c.header)));
  const segments: { name: string; col: number }[] = [];
  const seenSegments = new Set<string>();
  table.headers.forEach((h, col) => {
    const name = parseText(h ?? null).trim();
    const k = headerKey(name);
    if (k === '' || own.has(k) || seenSegments.has(k)) return;
    if (JOURNAL_OWN_HEADERS.some((j) => headerKey(j) === k)) {
      errors.push({
        where: headerWhere(table, col),
        message:
          `Column "${name}" is carried onto every journal line as a segment, but the journal already has a column ` +
          'of that name; rename it (for example "Segment: ' +
          name +
          '")',
      });
      return;
    }
    seenSegments.add(k);
    segments.push({ name, col });
  });
  const rows: GlAccountRow[] = [];
  if (!bound.has('role') || !bound.has('name')) return { rows, segmentNames: segments.map((s) => s.name) };
  const mapped = new Map<string, string>();
  for (const row of bound.rows()) {
    const key = row.text('role', true, errors);
    const entity = row.text('entity', false, errors);
    const number = row.text('number', false, errors) ?? '';
    const name = row.text('name', false, errors);
    if (name === null || name.trim() === '') {
      row.error('name', 'Account Name is blank; enter the name of the general-ledger account', errors);
    }
    if (key === null) continue;
    const role = findAccountRole(key);
    if (!role) {
      row.error(
        'role',
        `Account Key "${key}" is not an account role; the roles are ${ACCOUNT_ROLES.join(', ')}`,
        errors,
      );
      continue;
    }
    const who = entity === null || entity.trim() === '' ? null : entity.trim();
    const mapKey = `${role}\u0000${who?.toLowerCase() ?? ''}`;
    const first = mapped.get(mapKey);
    if (first) {
      row.error(
        'role',
        `Account Key "${role}" is mapped twice ${who === null ? 'for every entity' : `for entity "${who}"`} (first at ${first}); keep one row`,
        errors,
      );
      continue;
    }
    mapped.set(mapKey, row.where('role'));
    if (name === null || name.trim() === '') continue;
    const values: Record<string, string> = {};
    for (const s of segments) values[s.name] = parseText(table.rows[row.index][s.col]?.value ?? null).trim();
    rows.push({ role, entity: who, number: number.trim(), name: name.trim(), segments: values });
  }
  return { rows, segmentNames: segments.map((s) => s.name) };
}
