/**
 * The Office adapter writes each sheet plan's page setup through ExcelApi 1.9's worksheet.pageLayout when the host
 * has it (feature-detected), and leaves it alone otherwise.
 */
import type { XRange, XWorksheet } from '../../src/office/excelApi';
import { DEFAULT_BUDGET, type RequestPacker } from '../../src/office/requests';
import { writeSheetPlan } from '../../src/office/sheetWriter';
import type { SheetPlan } from '../../src/workpapers/plan';

/** A packer that runs each queued command at once. */
const packer = { add: async (_b: number, _c: number, f: () => void) => f() } as unknown as RequestPacker;

function fakeSheet(): { sheet: XWorksheet; layout: Record<string, unknown>; calls: string[] } {
  const calls: string[] = [];
  const hf = { leftHeader: '', centerHeader: '', centerFooter: '' };
  const layout: Record<string, unknown> = {
    orientation: 'Portrait',
    zoom: {},
    setPrintTitleRows: (r: string) => calls.push(`rows ${r}`),
    setPrintTitleColumns: (c: string) => calls.push(`columns ${c}`),
    headersFooters: { defaultForAllPages: hf },
  };
  const sheet = { pageLayout: layout, getRange: () => ({}) as XRange } as unknown as XWorksheet;
  return { sheet, layout, calls };
}

const plan: SheetPlan = {
  name: 'Tie-Out',
  rows: [],
  pageSetup: {
    orientation: 'landscape',
    pagesWide: 3,
    titleRows: [1, 5],
    titleColumns: ['A', 'B'],
    headerText: 'Q4 FY2025 & comparatives',
  },
};

describe('page setup through the Office adapter', () => {
  it('sets orientation, pages wide, print titles, header and footer on a 1.9 host', async () => {
    const { sheet, layout, calls } = fakeSheet();
    await writeSheetPlan(packer, sheet, plan, { budget: DEFAULT_BUDGET, pageLayout: true });
    expect(layout.orientation).toBe('Landscape');
    expect(layout.zoom).toEqual({ horizontalFitToPages: 3 });
    expect(calls).toEqual(['rows $1:$5', 'columns $A:$B']);
    expect((layout.headersFooters as { defaultForAllPages: object }).defaultForAllPages).toEqual({
      leftHeader: '&A',
      centerHeader: 'Q4 FY2025 && comparatives',
      centerFooter: 'Page &P of &N',
    });
  });

  it('touches nothing on a host without pageLayout (ExcelApi 1.8)', async () => {
    const { sheet, layout, calls } = fakeSheet();
    await writeSheetPlan(packer, sheet, plan, { budget: DEFAULT_BUDGET, pageLayout: false });
    expect(layout.orientation).toBe('Portrait');
    expect(calls).toEqual([]);
  });
});
