/**
 * The rows of `LeasePayments`, `LeaseModifications` and `VariablePayments` under live check (the `Leases` rows are
 * checked lease by lease in the measurement proof, tieOutMeasurement.ts):
 *
 *   one row per lease and table (a lease's rows split in parts where one formula would pass Excel's limit), placed
 *   beside the Tie-Out's checks: the table, the lease, the sheet rows, the rows checked, and "Rows as used" = the
 *   number of those rows whose every cell still holds what was measured (tieOutInputs.ts compares each cell);
 *   a check per table with rows: rows used | rows as used, naming the first lease with a changed row when it FAILs;
 *   a check per table present (`Leases` too): its filled Lease ID cells when generated | now (COUNTA over the
 *   table's column, by structured reference, so it follows the table when Excel grows it), so a row added (or
 *   removed) after generating FAILs.
 */
import type {
  CheckedTable,
  InputTableSource,
  IrregularPayment,
  LeaseTerms,
  ModificationTerms,
  PortfolioInput,
  VariablePayment,
} from '../../engine/terms';
import { parseCell, parseWhere } from '../../input/a1';
import { leaseIdKey } from '../../input/table';
import { col, FMT, formula, formulaText, num, text } from '../cells';
import type { PlanCell, PlanTable } from '../plan';
import { MAX_CHECK_FORMULA, tableColumn, type Check } from './tieOutCheck';
import {
  INPUTS_CHANGED,
  INPUTS_CHANGED_MESSAGE,
  modificationComparisons,
  paymentComparisons,
  rowAsUsedTerm,
  variablePaymentComparisons,
  type InputComparison,
} from './tieOutInputs';

const HEADERS = {
  table: 'Input table',
  id: 'Lease ID',
  rows: 'Rows',
  checked: 'Rows checked',
  asUsed: 'Rows as used',
  inputs: 'Inputs',
} as const;
type Key = keyof typeof HEADERS;
const KEYS = Object.keys(HEADERS) as Key[];

const TABLE_LABEL: Record<CheckedTable, string> = {
  leases: 'Leases',
  leasePayments: 'LeasePayments',
  leaseModifications: 'LeaseModifications',
  variablePayments: 'VariablePayments',
};

/** One input row: where it is and its comparisons. */
interface InputRow {
  sheet: string;
  row: number;
  tests: InputComparison[];
}

/** One row of the table beside the checks: some rows of one lease in one input table. */
interface Part {
  table: Exclude<CheckedTable, 'leases'>;
  leaseId: string;
  rows: InputRow[];
}

export interface InputRowsProof {
  checks: Check[];
  place(put: (r: number, c: number, cell: PlanCell | null) => void): void;
  tables: PlanTable[];
  widths: number[];
}

/** "Sheet rows 5-7, 9" for the rows of a part (one sheet). */
function rowsText(rows: readonly InputRow[]): string {
  const sorted = [...new Set(rows.map((r) => r.row))].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let k = 0; k < sorted.length;) {
    let j = k;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j === k ? String(sorted[k]) : `${sorted[k]}-${sorted[j]}`);
    k = j + 1;
  }
  const shown = runs.length > 12 ? [...runs.slice(0, 12), `... (${runs.length - 12} more)`] : runs;
  return `${rows[0].sheet} ${sorted.length === 1 ? 'row' : 'rows'} ${shown.join(', ')}`;
}

function inputRow(cells: Readonly<Record<string, string>> | undefined, tests: InputComparison[]): InputRow | null {
  const where = parseWhere(cells?.id ?? Object.values(cells ?? {})[0] ?? '');
  if (!where || tests.length === 0) return null;
  return { sheet: where.sheet, row: parseCell(where.cell.split(':')[0]).row, tests };
}

/** A lease's rows of one table in parts, each part's formula within Excel's limit. */
function partsOf(table: Part['table'], leaseId: string, rows: InputRow[]): Part[] {
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  const parts: Part[] = [];
  let size = 0;
  for (const r of sorted) {
    const len = rowAsUsedTerm(r.tests).length + 1;
    const last = parts[parts.length - 1];
    if (!last || size + len > MAX_CHECK_FORMULA || last.rows[0].sheet !== r.sheet) {
      parts.push({ table, leaseId, rows: [r] });
      size = len;
    } else {
      last.rows.push(r);
      size += len;
    }
  }
  return parts;
}

/** The rows of the three tables, lease by lease in the order of `Leases`, grouped by table. */
function partsByTable(leases: readonly LeaseTerms[], modifications: readonly ModificationTerms[]): Part[] {
  const byLease = new Map<string, ModificationTerms[]>();
  for (const m of modifications) {
    const k = leaseIdKey(m.leaseId);
    const list = byLease.get(k);
    if (list) list.push(m);
    else byLease.set(k, [m]);
  }
  const rows = <T>(list: readonly T[] | undefined, f: (x: T) => InputRow | null): InputRow[] =>
    (list ?? []).map(f).filter((r): r is InputRow => r !== null);
  const payments = (l: LeaseTerms) =>
    rows(l.irregularPayments, (p: IrregularPayment) => inputRow(p.inputCells, paymentComparisons(l.id, p)));
  const mods = (l: LeaseTerms) =>
    rows(byLease.get(leaseIdKey(l.id)), (m: ModificationTerms) => inputRow(m.inputCells, modificationComparisons(m)));
  const variable = (l: LeaseTerms) =>
    rows(l.variablePayments, (p: VariablePayment) => inputRow(p.inputCells, variablePaymentComparisons(l.id, p)));
  return [
    ...leases.flatMap((l) => partsOf('leasePayments', l.id, payments(l))),
    ...leases.flatMap((l) => partsOf('leaseModifications', l.id, mods(l))),
    ...leases.flatMap((l) => partsOf('variablePayments', l.id, variable(l))),
  ];
}

/** A structured reference to a table's column: `Name[[Header]]`, the header's special characters escaped. */
export function tableColumnRef(source: InputTableSource): string {
  return tableColumn(source.name, source.idHeader);
}

/**
 * The check that a table holds as many rows as when the workpapers were generated (its filled Lease ID cells, as
 * COUNTA counts them): a row added or removed since FAILs.
 */
function rowCountCheck(table: CheckedTable, source: InputTableSource): Check {
  const label = TABLE_LABEL[table];
  const noun = table === 'leases' ? 'leases' : 'rows';
  const one = table === 'leases' ? 'a lease' : 'a row';
  return {
    what: (r) =>
      `IF(ROUND(F${r},0)=0,${formulaText(
        source.idCells === 0
          ? `Inputs: ${label} holds no ${noun}, as when the workpapers were generated`
          : `Inputs: ${label} holds the ${source.idCells} ${noun} the workpapers were generated from, none added or removed since`,
      )},` +
      `"${INPUTS_CHANGED_MESSAGE} (${label} has "&E${r}&" ${noun} now, "&D${r}&" when generated: ${one} was added or removed)")`,
    compares: `${noun[0].toUpperCase()}${noun.slice(1)} in the ${label} table when generated | filled Lease ID cells in it now (COUNTA over its Lease ID column)`,
    a: String(source.idCells),
    b: `COUNTA(${tableColumnRef(source)})`,
    count: true,
  };
}

export function inputRowsProof(args: {
  input: Pick<PortfolioInput, 'leases' | 'modifications' | 'inputTables'>;
  firstCol: number;
  headerRow: number;
}): InputRowsProof {
  const { input, firstCol, headerRow } = args;
  const parts = partsByTable(input.leases, input.modifications);
  const C = Object.fromEntries(KEYS.map((k, i) => [k, col(firstCol + i)])) as Record<Key, string>;
  const first = headerRow + 1;
  const last = Math.max(headerRow + parts.length, first);
  const writes: [number, number, PlanCell | null][] = [];
  parts.forEach((p, k) => {
    const r = first + k;
    const x = (key: Key) => `${C[key]}${r}`;
    const cells: Record<Key, PlanCell | null> = {
      table: text(TABLE_LABEL[p.table]),
      id: text(p.leaseId),
      rows: text(rowsText(p.rows)),
      checked: num(p.rows.length, FMT.integer),
      asUsed: formula(p.rows.map((row) => rowAsUsedTerm(row.tests)).join('+'), FMT.integer),
      inputs: formula(`IF(${x('asUsed')}=${x('checked')},"as used",${formulaText(INPUTS_CHANGED)})`),
    };
    KEYS.forEach((key, i) => writes.push([r, firstCol + i, cells[key]]));
  });

  const checks: Check[] = [];
  const tables = input.inputTables ?? {};
  if (tables.leases) checks.push(rowCountCheck('leases', tables.leases));
  for (const table of ['leasePayments', 'leaseModifications', 'variablePayments'] as const) {
    const source = tables[table];
    if (!source) continue;
    const label = TABLE_LABEL[table];
    const mine = parts.map((p, k) => ({ p, k })).filter(({ p }) => p.table === table);
    if (mine.length > 0) {
      const from = first + mine[0].k;
      const to = first + mine[mine.length - 1].k;
      const rng = (key: Key) => `$${C[key]}$${from}:$${C[key]}$${to}`;
      const firstChanged = `INDEX(${rng('id')},MATCH(${formulaText(INPUTS_CHANGED)},${rng('inputs')},0))`;
      checks.push({
        what: (r) =>
          `IF(ROUND(F${r},0)=0,${formulaText(`Inputs: every ${label} row used holds what was measured (column ${C.inputs})`)},` +
          `"${INPUTS_CHANGED_MESSAGE} ("&F${r}&" ${label} "&IF(F${r}=1,"row","rows")&" changed, lease "&${firstChanged}&")")`,
        compares: `${label} rows used | ${label} rows whose cells hold what was measured (column ${C.asUsed})`,
        a: `SUM(${rng('checked')})`,
        b: `SUM(${rng('asUsed')})`,
        count: true,
      });
    }
    checks.push(rowCountCheck(table, source));
  }

  return {
    checks,
    place(put) {
      if (parts.length === 0) return;
      put(headerRow - 1, firstCol, text('Input rows as used', true));
      put(
        headerRow - 1,
        firstCol + 2,
        text(
          `Each lease's rows of LeasePayments, LeaseModifications and VariablePayments: ${C.asUsed} counts the rows whose every cell still holds what was measured ` +
            '(dates and whole numbers exactly, amounts within half a cent, rates within 10^-9, choices and Lease IDs ignoring case).',
        ),
      );
      KEYS.forEach((k, i) => put(headerRow, firstCol + i, text(HEADERS[k], true)));
      for (const [r, c, cell] of writes) put(r, c, cell);
    },
    tables:
      parts.length === 0
        ? []
        : [{ name: 'InputRowsAsUsed', range: `${C.table}${headerRow}:${C.inputs}${last}`, style: 'TableStyleLight9' }],
    widths:
      parts.length === 0
        ? []
        : KEYS.map((k) => (k === 'rows' ? 30 : k === 'id' ? 14 : Math.max(12, HEADERS[k].length + 2))),
  };
}
