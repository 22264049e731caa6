/**
 * Test helpers working on .xlsx packages directly: change one cell's value (to corrupt a workpaper on purpose),
 * find a sheet's part.
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
