/**
 * The playground's starting workbook: the sample portfolio's input tables, as a user would have filled them in;
 * or a portfolio of N made-up leases (`?workbook=scale&leases=2000`) for trying the pane at scale.
 */
import { SAMPLE_PORTFOLIO } from '../cli/samplePortfolio';
import { inputSheets, type InputContent, type InputRow } from '../template';
import { createTemplate } from '../office/templateWriter';
import type { MemoryExcel } from '../office/memoryExcel';

/**
 * `n` leases with terms from 12 to 120 months, monthly and quarterly, in advance and in arrears (a fixed
 * pseudo-random sequence: the same portfolio every time).
 */
export function scalePortfolio(n: number): InputContent {
  let seed = 42;
  const next = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const leases: InputRow[] = Array.from({ length: n }, (_, i) => ({
    'Lease ID': `L-${String(i + 1).padStart(4, '0')}`,
    Description: `Store ${i + 1}`,
    Entity: ['US Retail', 'EU Retail', 'Corporate'][i % 3],
    'Asset Class': ['Real estate', 'Vehicles', 'Equipment'][i % 3],
    'Commencement Date': `20${24 + next(3)}-${String(1 + next(12)).padStart(2, '0')}-01`,
    'Term (Months)': 12 + next(109),
    Payment: 1000 + next(49000) + next(100) / 100,
    Frequency: i % 5 === 0 ? 'Quarterly' : 'Monthly',
    Timing: i % 4 === 0 ? 'Arrears' : 'Advance',
    'Annual Escalation': next(4) / 100,
    'Discount Rate': (300 + next(600)) / 10000,
  }));
  return { leases };
}

export async function loadSampleWorkbook(excel: MemoryExcel, content: InputContent = SAMPLE_PORTFOLIO): Promise<void> {
  excel.addSheet('Sheet1');
  await createTemplate(excel.run, inputSheets(content));
  await excel.run(async (context) => {
    context.workbook.worksheets.getItem('Sheet1').delete();
    context.workbook.worksheets.getItem('Leases').activate();
  });
}
