/**
 * What `run` and `close` share: reading the input workbook and listing errors on standard error.
 */
import { basename } from 'node:path';
import { WORKBOOK, type InputError } from '../input/table';
import type { WorkbookTables } from '../input/grid';
import { WorkbookError, type XlsxPackage } from '../xlsx/package';
import { readWorkbookFile, readWorkbookTables } from '../xlsx/readTables';

export interface InputWorkbook {
  pkg: XlsxPackage;
  tables: WorkbookTables;
}

/**
 * The workbook's package and its input tables, with `check` run on the package (the parts to be copied); a
 * workbook that cannot be read is an error at `Workbook`, in the reader's plain sentence. Anything else is a bug
 * and is thrown.
 */
export async function readInputWorkbook(
  input: string,
  check: (pkg: XlsxPackage) => void,
): Promise<InputWorkbook | { errors: InputError[] }> {
  try {
    const pkg = await readWorkbookFile(input);
    const tables = readWorkbookTables(pkg, basename(input));
    check(pkg);
    return { pkg, tables };
  } catch (e) {
    if (e instanceof WorkbookError) return { errors: [{ where: WORKBOOK, message: e.message }] };
    throw e;
  }
}

/** Each error at its cell, then how many: "lease-workpapers: 2 input errors; no workbook written". */
export function listErrors(
  stderr: { write(text: string): unknown },
  errors: readonly InputError[],
  what = 'input error',
): void {
  for (const e of errors) stderr.write(`${e.where}: ${e.message}\n`);
  stderr.write(`lease-workpapers: ${errors.length} ${what}${errors.length === 1 ? '' : 's'}; no workbook written\n`);
}
