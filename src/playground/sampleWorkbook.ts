/** The playground's starting workbook: the sample portfolio's input tables, as a user would have filled them in. */
import { SAMPLE_PORTFOLIO } from '../cli/samplePortfolio';
import { inputSheets } from '../template';
import { createTemplate } from '../office/templateWriter';
import type { MemoryExcel } from '../office/memoryExcel';

export async function loadSampleWorkbook(excel: MemoryExcel): Promise<void> {
  excel.addSheet('Sheet1');
  await createTemplate(excel.run, inputSheets(SAMPLE_PORTFOLIO));
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem('Sheet1').delete();
    context.workbook.worksheets.getItem('Leases').activate();
  });
}
