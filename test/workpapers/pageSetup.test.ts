import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { pageSetupFor } from '../../src/workpapers/pageSetup';
import type { SheetPlan } from '../../src/workpapers/plan';
import { writePlan } from '../../src/xlsx/writePlan';
import { readZip } from '../../src/xlsx/zip';
import { E3, plan } from './support';

describe('page setup of the owned sheets', () => {
  const { plan: p } = plan([E3], { reportingDate: '2029-12-31' });

  it('every owned sheet has one: header with the period, header rows repeated, fitted across', () => {
    for (const s of p.sheets) {
      expect(s.pageSetup).toBeDefined();
      expect(s.pageSetup!.headerText).toBe('December 2029 (2029-12-01 to 2029-12-31)');
      expect(s.pageSetup!.pagesWide).toBeGreaterThanOrEqual(1);
      if (s.frozenRows) expect(s.pageSetup!.titleRows).toEqual([1, s.frozenRows]);
    }
    const by = (name: string) => p.sheets.find((s) => s.name === name)!.pageSetup!;
    expect(by('Run Log')).toMatchObject({ pagesWide: 1 });
    expect(by('Lease Memos')).toMatchObject({ orientation: 'landscape', pagesWide: 1 });
    // Wide sheets print across pages with their label columns repeated, at 70% or more.
    expect(by('Schedules')).toMatchObject({ orientation: 'landscape', titleRows: [1, 1], titleColumns: ['A', 'A'] });
    expect(by('Tie-Out').titleColumns).toEqual(['A', 'B']);
    for (const s of p.sheets) {
      const width = (s.columnWidths ?? []).reduce((a, w) => a + w, 0);
      expect((s.pageSetup!.pagesWide * 125) / Math.max(width, 1)).toBeGreaterThanOrEqual(Math.min(0.7, 125 / width));
    }
  });

  it('a narrow sheet prints one page wide in portrait, without repeated columns', () => {
    const narrow: SheetPlan = { name: 'Run Log', rows: [], columnWidths: [40, 50] };
    expect(pageSetupFor(narrow, 'Q4')).toEqual({ orientation: 'portrait', pagesWide: 1, headerText: 'Q4' });
  });

  it('the .xlsx writer writes the page setup, header, footer and print titles Excel reads', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'page-setup-')), 'out.xlsx');
    await writePlan(null, p, path);
    const parts = readZip(readFileSync(path));
    const xmlOf = (i: number) => parts.get(`xl/worksheets/sheet${i}.xml`)!.toString('utf8');
    const schedules = xmlOf(1);
    expect(schedules).toMatch(/<sheetPr><tabColor rgb="[0-9A-F]+"\/><pageSetUpPr fitToPage="1"\/><\/sheetPr>/);
    expect(schedules).toMatch(/<pageSetup orientation="landscape" fitToWidth="\d+" fitToHeight="0"\/>/);
    expect(schedules).toContain(
      '<headerFooter><oddHeader>&amp;L&amp;A&amp;CDecember 2029 (2029-12-01 to 2029-12-31)</oddHeader><oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter></headerFooter>',
    );
    // Excel's own reader (exceljs here) takes the settings.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('Tie-Out')!;
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.headerFooter.oddFooter).toBe('&CPage &P of &N');
    // Print titles: the Tie-Out repeats its header rows and its check columns on every page.
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\$?\d+:\$?\d+$/);
    expect(ws.pageSetup.printTitlesColumn).toMatch(/^\$?[A-Z]+:\$?[A-Z]+$/);
    const workbookXml = parts.get('xl/workbook.xml')!.toString('utf8');
    expect(workbookXml).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="\d+">'Tie-Out'!\$[A-Z]+:\$[A-Z]+,'Tie-Out'!\$\d+:\$\d+<\/definedName>/,
    );
  });
});
