/**
 * Table change events (ExcelApi 1.7 `TableCollection.onChanged`): `onChange` runs after any edit of data in a
 * table. The handler stays registered for the pane's session (the pane calls this once).
 */
import type { ExcelRun } from './excelApi';

export async function watchTables(run: ExcelRun, onChange: () => void): Promise<void> {
  await run(async (context) => {
    context.workbook.tables.onChanged.add(async () => onChange());
    await context.sync();
  });
}
