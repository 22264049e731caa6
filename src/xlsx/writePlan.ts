/**
 * The .xlsx adapter for output (command line): writes a WorkpaperPlan's sheets into a copy of the input workbook.
 *
 * How: exceljs loads the input workbook (or starts an empty one), drops every sheet the product owns
 * (isOwnedSheet) and saves the rest; then the package is rewritten part by part, adding each plan sheet as
 * SpreadsheetML generated here and streamed through deflate (a million-row schedule never sits in memory as cell
 * objects or as one string), with its tables, frozen panes, widths, tab colour, dropdown lists, PASS/FAIL
 * conditional formats and the cell styles it uses.
 *
 * Values: strings are always inline text (never a formula, whatever they begin with), numbers and booleans as
 * such; formulas are written without a cached result and the workbook asks for a full recalculation on load, so
 * Excel and LibreOffice compute every figure from the formulas.
 */
import { readFile, rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { isOwnedSheet } from '../workpapers/names';
import type { SheetPlan, WorkpaperPlan } from '../workpapers/plan';
import { setPolicyValue, type PolicyValue } from './policyValue';
import { readZip, ZipWriter } from './zip';
import { escapeXml, extendStyles, printTitles, StyleRegistry, tableHeaders, tableXml, worksheetXml } from './sheetXml';

const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const REL_TABLE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';

export interface WritePlanOptions {
  /** The sheets of the input the plan replaces (default: every sheet a run owns, isOwnedSheet). */
  replaces?: (sheetName: string) => boolean;
  /** A Policies value to set in the copy (a close records Closed Through). */
  policy?: PolicyValue;
}

/** A workbook the copy cannot be made from as asked, in plain words for `Workbook: message`. */
export class WorkbookWriteError extends Error {}

/** The input workbook without the sheets the plan replaces, as an .xlsx package (via exceljs). */
async function basePackage(
  inputPath: string | null,
  plan: WorkpaperPlan,
  options: WritePlanOptions,
): Promise<Map<string, Buffer>> {
  const wb = new ExcelJS.Workbook();
  if (inputPath !== null) await wb.xlsx.load((await readFile(inputPath)) as unknown as ExcelJS.Buffer);
  const planNames = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
  const replaces = options.replaces ?? isOwnedSheet;
  if (options.policy) {
    const problem = setPolicyValue(wb, options.policy);
    if (problem) throw new WorkbookWriteError(problem);
  }
  for (const ws of [...wb.worksheets]) {
    if (replaces(ws.name)) wb.removeWorksheet(ws.id);
    else if (planNames.has(ws.name.toLowerCase())) {
      throw new Error(`the workbook already has a sheet named "${ws.name}", which is not one this product writes`);
    }
  }
  wb.calcProperties.fullCalcOnLoad = true;
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return readZip(buf);
}

function text(parts: Map<string, Buffer>, name: string): string {
  const b = parts.get(name);
  if (!b) throw new Error(`the workbook package has no ${name}`);
  return b.toString('utf8');
}

function countMatches(s: string, re: RegExp): number {
  return (s.match(re) ?? []).length;
}

interface PlannedSheet {
  plan: SheetPlan;
  sheetFile: number;
  relId: string;
  tables: { id: number; file: number; name: string; relId: string; range: string; style?: string }[];
}

/** Writes `plan` into a copy of `inputPath` (or a new workbook when null) at `outPath`. */
export async function writePlan(
  inputPath: string | null,
  plan: WorkpaperPlan,
  outPath: string,
  options: WritePlanOptions = {},
): Promise<void> {
  const parts = await basePackage(inputPath, plan, options);
  const contentTypesXml = text(parts, '[Content_Types].xml');
  let workbookXml = text(parts, 'xl/workbook.xml');
  let workbookRels = text(parts, 'xl/_rels/workbook.xml.rels');
  const stylesXml = text(parts, 'xl/styles.xml');

  // Numbers already taken in the package.
  const names = [...parts.keys()];
  let sheetFile = Math.max(0, ...names.map((n) => Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(n)?.[1] ?? 0)));
  let tableFile = Math.max(0, ...names.map((n) => Number(/^xl\/tables\/table(\d+)\.xml$/.exec(n)?.[1] ?? 0)));
  let tableId = 0;
  const tableNames = new Set<string>();
  for (const n of names.filter((x) => /^xl\/tables\/table\d+\.xml$/.test(x))) {
    const x = text(parts, n);
    tableId = Math.max(tableId, Number(/<table [^>]*\bid="(\d+)"/.exec(x)?.[1] ?? 0));
    const nm = /<table [^>]*\bname="([^"]*)"/.exec(x)?.[1];
    if (nm) tableNames.add(nm.toLowerCase());
  }
  let sheetId = Math.max(0, ...[...workbookXml.matchAll(/<sheet [^>]*sheetId="(\d+)"/g)].map((m) => Number(m[1])));
  let relNo = Math.max(0, ...[...workbookRels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1])));
  const existingSheets = countMatches(workbookXml, /<sheet /g);

  const planned: PlannedSheet[] = plan.sheets.map((s) => {
    const tables = (s.tables ?? []).map((t, k) => {
      let name = t.name;
      while (tableNames.has(name.toLowerCase())) name = `${name}_1`;
      tableNames.add(name.toLowerCase());
      return { id: ++tableId, file: ++tableFile, name, relId: `rId${k + 1}`, range: t.range, style: t.style };
    });
    return { plan: s, sheetFile: ++sheetFile, relId: `rId${++relNo}`, tables };
  });

  // workbook.xml: the new sheets after the kept ones.
  const sheetEls = planned
    .map((p) => `<sheet name="${escapeXml(p.plan.name)}" sheetId="${++sheetId}" r:id="${p.relId}"/>`)
    .join('');
  if (/<sheets>/.test(workbookXml)) workbookXml = workbookXml.replace('</sheets>', `${sheetEls}</sheets>`);
  else if (/<sheets\/>/.test(workbookXml))
    workbookXml = workbookXml.replace('<sheets/>', `<sheets>${sheetEls}</sheets>`);
  else {
    const before =
      /<(functionGroups|externalReferences|definedNames|calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)[\s>/]/.exec(
        workbookXml,
      );
    const at = before ? before.index : workbookXml.lastIndexOf('</workbook>');
    workbookXml = `${workbookXml.slice(0, at)}<sheets>${sheetEls}</sheets>${workbookXml.slice(at)}`;
  }
  // Print titles: the rows (and label columns) each sheet repeats on every printed page.
  const titles = planned
    .map((p, k) => {
      const refs = printTitles(p.plan.name, p.plan.pageSetup);
      return refs === null
        ? ''
        : `<definedName name="_xlnm.Print_Titles" localSheetId="${existingSheets + k}">${escapeXml(refs)}</definedName>`;
    })
    .join('');
  if (titles) {
    if (/<definedNames\/>/.test(workbookXml))
      workbookXml = workbookXml.replace('<definedNames/>', `<definedNames>${titles}</definedNames>`);
    else if (/<definedNames>/.test(workbookXml))
      workbookXml = workbookXml.replace('</definedNames>', `${titles}</definedNames>`);
    else {
      const after =
        /<(calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)[\s>/]/.exec(
          workbookXml,
        );
      const at = after ? after.index : workbookXml.lastIndexOf('</workbook>');
      workbookXml = `${workbookXml.slice(0, at)}<definedNames>${titles}</definedNames>${workbookXml.slice(at)}`;
    }
  }
  if (existingSheets === 0 && !/<bookViews>/.test(workbookXml)) {
    workbookXml = workbookXml.replace('<sheets>', '<bookViews><workbookView activeTab="0"/></bookViews><sheets>');
  }
  workbookRels = workbookRels.replace(
    '</Relationships>',
    planned
      .map((p) => `<Relationship Id="${p.relId}" Type="${REL_WORKSHEET}" Target="worksheets/sheet${p.sheetFile}.xml"/>`)
      .join('') + '</Relationships>',
  );
  const overrides = planned
    .flatMap((p) => [
      `<Override PartName="/xl/worksheets/sheet${p.sheetFile}.xml" ContentType="${CT_WORKSHEET}"/>`,
      ...p.tables.map((t) => `<Override PartName="/xl/tables/table${t.file}.xml" ContentType="${CT_TABLE}"/>`),
    ])
    .join('');
  const contentTypes = contentTypesXml.replace('</Types>', `${overrides}</Types>`);

  const styles = new StyleRegistry(
    countMatches(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '', /<xf[\s>/]/g),
  );
  const dxfBlock = /<dxfs[^>]*>([\s\S]*?)<\/dxfs>/.exec(stylesXml);
  const passDxf = dxfBlock ? countMatches(dxfBlock[1], /<dxf>/g) : 0;

  // Millions of rows: the fastest deflate level (files about a quarter larger, written about a third faster).
  const rowsInPlan = plan.sheets.reduce(
    (n, s) => n + s.rows.length + (s.blocks ?? []).reduce((m, b) => m + b.rowCount, 0),
    0,
  );
  const zip = new ZipWriter(outPath, rowsInPlan > 200_000 ? 1 : 6);
  try {
    await zip.add('[Content_Types].xml', [contentTypes]);
    const fixed = new Set([
      '[Content_Types].xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'docProps/app.xml',
    ]);
    for (const name of ['_rels/.rels', 'docProps/core.xml']) {
      const b = parts.get(name);
      if (b) await zip.add(name, [b]);
      fixed.add(name);
    }
    await zip.add('docProps/app.xml', [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>',
    ]);
    await zip.add('xl/workbook.xml', [workbookXml]);
    await zip.add('xl/_rels/workbook.xml.rels', [workbookRels]);
    for (const [name, b] of parts) if (!fixed.has(name)) await zip.add(name, [b]);
    for (const [k, p] of planned.entries()) {
      await zip.add(
        `xl/worksheets/sheet${p.sheetFile}.xml`,
        worksheetXml(p.plan, {
          styles,
          passDxf: () => passDxf,
          failDxf: () => passDxf + 1,
          tableRelIds: p.tables.map((t) => t.relId),
          tabSelected: existingSheets === 0 && k === 0,
        }),
      );
      if (p.tables.length > 0) {
        await zip.add(`xl/worksheets/_rels/sheet${p.sheetFile}.xml.rels`, [
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            p.tables
              .map((t) => `<Relationship Id="${t.relId}" Type="${REL_TABLE}" Target="../tables/table${t.file}.xml"/>`)
              .join('') +
            '</Relationships>',
        ]);
        for (const t of p.tables) {
          const headers = tableHeaders(p.plan, { name: t.name, range: t.range });
          await zip.add(`xl/tables/table${t.file}.xml`, [tableXml(t.id, t.name, t.range, headers, t.style)]);
        }
      }
    }
    await zip.add('xl/styles.xml', [extendStyles(stylesXml, styles).xml]);
    await zip.finish();
  } catch (e) {
    zip.abort();
    await rm(outPath, { force: true });
    throw e;
  }
}
