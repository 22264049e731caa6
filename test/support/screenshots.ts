/**
 * Screenshots of output sheets for the test run (test-artifacts/, git-ignored): the top of each sheet, with the
 * values LibreOffice recalculated, the plan's number formats, widths, bold and PASS/FAIL colours, rendered by
 * LibreOffice to PDF (one page per sheet) and by pdftoppm to PNG.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanCell, SheetPlan, WorkpaperPlan } from '../../src/workpapers/plan';
import { writePlan } from '../../src/xlsx/writePlan';
import { columnLetters } from '../../src/input/a1';
import { convert, type ReadSheet } from './libreoffice';

/** The first `maxRows` rows of a plan sheet with the recalculated values in place of its formulas. */
export function previewSheet(plan: SheetPlan, values: ReadSheet, maxRows: number): SheetPlan {
  const rows: (PlanCell | null)[][] = [];
  const block = plan.blocks?.[0];
  for (let r = 1; r <= maxRows; r++) {
    const planRow: readonly (PlanCell | null)[] =
      plan.rows[r - 1] ??
      (block && r >= block.firstRow && r < block.firstRow + block.rowCount ? block.row(r - block.firstRow) : []);
    const width = Math.max(planRow.length, block?.columnFormats.length ?? 0);
    const row: (PlanCell | null)[] = [];
    for (let c = 1; c <= width; c++) {
      const read = values.get(`${columnLetters(c)}${r}`);
      const pc = planRow[c - 1];
      if (!read || read.value === null) {
        row.push(null);
        continue;
      }
      const cell: PlanCell = { value: read.value };
      const fmt = pc?.numberFormat ?? (block && r >= block.firstRow ? block.columnFormats[c - 1] : undefined);
      if (fmt) cell.numberFormat = fmt;
      if (pc?.bold) cell.bold = true;
      row.push(cell);
    }
    rows.push(row);
  }
  return {
    name: plan.name,
    rows,
    columnWidths: plan.columnWidths,
    conditionalFormats: plan.conditionalFormats,
    tabColor: plan.tabColor,
  };
}

/**
 * Writes one PNG per sheet of `plan` (top `rowsOf(name)` rows) to `outDir`, named "<n>-<sheet>.png".
 * Returns the file paths.
 */
export async function screenshots(
  plan: WorkpaperPlan,
  recalculated: Map<string, ReadSheet>,
  outDir: string,
  rowsOf: (sheet: string) => number,
): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'shots-'));
  const sheets = plan.sheets.map((s) => previewSheet(s, recalculated.get(s.name) ?? new Map(), rowsOf(s.name)));
  const xlsx = join(tmp, 'preview.xlsx');
  await writePlan(null, { sheets }, xlsx);
  const [pdf] = await convert(
    [xlsx],
    'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}',
    tmp,
  );
  execFileSync('pdftoppm', ['-r', '72', '-png', pdf, join(tmp, 'page')]);
  const pages = readdirSync(tmp)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages.length), pdf]).toString();
  const out = pages.map((p, k) => {
    const base = `${String(k + 1).padStart(2, '0')}-${sheets[k]?.name.replace(/[^A-Za-z0-9-]+/g, '-') ?? 'page'}`;
    const target = join(outDir, `${base}.png`);
    renameSync(join(tmp, p), target);
    // Wide sheets also as readable tiles (about 1,400 pixels wide at 110 dpi).
    const size = new RegExp(`Page\\s+${k + 1} size:\\s+([\\d.]+) x ([\\d.]+)`).exec(info);
    const width = size ? (Number(size[1]) / 72) * 110 : 0;
    const height = size ? Math.min((Number(size[2]) / 72) * 110, 1400) : 0;
    for (let x = 0, part = 1; width > 1600 && x < width; x += 1400, part++) {
      execFileSync('pdftoppm', [
        '-f',
        String(k + 1),
        '-l',
        String(k + 1),
        '-r',
        '110',
        '-x',
        String(x),
        '-y',
        '0',
        '-W',
        '1400',
        '-H',
        String(Math.ceil(height)),
        '-png',
        '-singlefile',
        pdf,
        join(outDir, `${base}-part${part}`),
      ]);
    }
    return target;
  });
  rmSync(tmp, { recursive: true, force: true });
  return out;
}
