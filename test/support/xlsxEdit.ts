/**
 * Test helpers working on .xlsx packages directly: change cells (to corrupt a workpaper or an input on purpose, as a
 * user typing over a cell would), find a sheet's part.
 */
import { readFileSync } from 'node:fs';
import { readZip, ZipWriter } from '../../src/xlsx/zip';

function sheetPart(parts: Map<string, Buffer>, sheet: string): string {
  const wb = parts.get('xl/workbook.xml')!.toString('utf8');
  const rels = parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
  const esc = sheet.replace(/&/g, '&amp;');
  const el = [...wb.matchAll(/<sheet [^>]*>/g)].find((m) => m[0].includes(`name="${esc}"`));
  if (!el) throw new Error(`no sheet ${sheet}`);
  const rid = /r:id="([^"]*)"/.exec(el[0])![1];
  const rel = [...rels.matchAll(/<Relationship [^>]*>/g)].find((m) => m[0].includes(`Id="${rid}"`))![0];
  return `xl/${/Target="([^"]*)"/.exec(rel)![1].replace(/^\/?xl\//, '')}`;
}

/** Copies `src` to `dst` with the number in `sheet`!`ref` replaced by `change(old)`. Returns the old value. */
export async function editNumber(
  src: string,
  dst: string,
  sheet: string,
  ref: string,
  change: (old: number) => number,
): Promise<number> {
  const parts = readZip(readFileSync(src));
  const name = sheetPart(parts, sheet);
  const xml = parts.get(name)!.toString('utf8');
  const re = new RegExp(`<c r="${ref}"([^>]*)><v>([^<]*)</v></c>`);
  const m = re.exec(xml);
  if (!m) throw new Error(`${sheet}!${ref} holds no plain number`);
  const old = Number(m[2]);
  parts.set(name, Buffer.from(xml.replace(re, `<c r="${ref}"$1><v>${change(old)}</v></c>`), 'utf8'));
  const zip = new ZipWriter(dst);
  for (const [n, b] of parts) await zip.add(n, [b]);
  await zip.finish();
  return old;
}

/** One overwrite: the cell `ref` of `sheet` becomes the number `value` (whatever it held: a value or a formula). */
export interface CellEdit {
  sheet: string;
  ref: string;
  value: number | ((old: number) => number);
}

/**
 * Copies `src` to `dst` with each edit applied, as a user typing a number over a cell would: the cell keeps its
 * style, loses any formula, and holds the number. `value` as a function gets the cell's number (a formula's cached
 * result, or 0 when there is none).
 */
export async function editCells(src: string, dst: string, edits: readonly CellEdit[]): Promise<void> {
  const parts = readZip(readFileSync(src));
  for (const e of edits) {
    const name = sheetPart(parts, e.sheet);
    const xml = parts.get(name)!.toString('utf8');
    const re = new RegExp(
      `<c r="${e.ref}"((?: [a-z]+="[^"]*")*?)(?: t="[^"]*")?((?: [a-z]+="[^"]*")*?)(?:/>|>([\\s\\S]*?)</c>)`,
    );
    const m = re.exec(xml);
    if (!m) throw new Error(`${e.sheet}!${e.ref} is not in the sheet`);
    const attrs = `${m[1]}${m[2]}`;
    const old = Number(/<v>([^<]*)<\/v>/.exec(m[3] ?? '')?.[1] ?? 0);
    const value = typeof e.value === 'function' ? e.value(Number.isFinite(old) ? old : 0) : e.value;
    parts.set(name, Buffer.from(xml.replace(re, `<c r="${e.ref}"${attrs}><v>${value}</v></c>`), 'utf8'));
  }
  const zip = new ZipWriter(dst);
  for (const [n, b] of parts) await zip.add(n, [b]);
  await zip.finish();
}
