/**
 * Which date system the open workbook counts in. Office.js has no property for it, so Excel is asked to evaluate
 * DATE(2000,1,1): 36526 in the 1900 date system, 1,462 fewer in the 1904 one (a workbook from Excel for Mac's old
 * default or Numbers). Reading converts such a workbook's dates to the 1900 system the product works in, and
 * writing converts them back (see ../input/dateSystem.ts).
 */
import { DAYS_1904 } from '../input/dateSystem';
import type { XRequestContext } from './excelApi';

/** DATE(2000,1,1) in the 1900 date system. */
const SERIAL_2000_IN_1900 = 36526;

/**
 * Whether the workbook uses the 1904 date system, asked in a request of its own. A host that cannot evaluate the
 * function (Office.js has known failures of `workbook.functions`) is taken to count in the 1900 system, as nearly
 * every workbook does, rather than stopping the read **(choice)**.
 */
export async function usesDate1904(context: XRequestContext): Promise<boolean> {
  try {
    const probe = context.workbook.functions.date(2000, 1, 1).load('value');
    await context.sync();
    return probe.value === SERIAL_2000_IN_1900 - DAYS_1904;
  } catch {
    return false;
  }
}
