/**
 * Measuring in slices (Generate inline and Close period yield to the browser between slices of twenty leases):
 * the same leases and failures, in the same order, as one measurement of the whole portfolio.
 */
import { measurePortfolio } from '../../src/engine';
import { readPortfolio } from '../../src/input';
import { MemoryExcel } from '../../src/office/memoryExcel';
import { readWorkbookTables } from '../../src/office/readTables';
import { createTemplate } from '../../src/office/templateWriter';
import { scalePortfolio } from '../../src/playground/sampleWorkbook';
import { measureInSlices } from '../../src/taskpane/compute';
import { inputSheets } from '../../src/template';

test('slices of twenty give what one measurement gives (45 leases: three slices)', async () => {
  const excel = new MemoryExcel();
  excel.addSheet('Sheet1');
  await createTemplate(excel.run, inputSheets(scalePortfolio(45)));
  const { input } = readPortfolio(await readWorkbookTables(excel.run));
  expect(input?.leases).toHaveLength(45);
  let yields = 0;
  const done: number[] = [];
  const sliced = await measureInSlices(input!, {
    between: () => {
      yields++;
      return Promise.resolve();
    },
    onProgress: (n) => done.push(n),
  });
  expect(yields).toBe(3);
  expect(done).toEqual([0, 20, 40]);
  expect(sliced).toEqual(measurePortfolio(input!));
}, 60000);
