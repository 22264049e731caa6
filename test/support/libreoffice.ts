/**
 * Test helper: let LibreOffice (headless, a private profile) recalculate an .xlsx from its formulas and read the
 * values back. Each soffice run costs seconds: convert many files in one run where possible.
 */
import { execFile } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { readZip } from '../../src/xlsx/zip';
import { unescapeXml } from '../../src/xlsx/sheetXml';

export const SOFFICE = process.env.SOFFICE ?? 'soffice';

let profileDir: string | null = null;

/**
 * A private LibreOffice user profile for this process, set to recalculate .xlsx formulas on load always
 * (OOXMLRecalcMode 0), so no cached value is ever trusted.
 */
function profile(): string {
  if (profileDir) return profileDir;
  const dir = join(tmpdir(), `lo-profile-${process.pid}`);
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(
    join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  profileDir = dir;
  return dir;
}

function run(args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      SOFFICE,
      [`-env:UserInstallation=file://${profile()}`, '--headless', '--norestore', '--nologo', ...args],
      { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`soffice ${args.join(' ')} failed: ${err.message}\n${stdout}\n${stderr}`));
        else resolve();
      },
    );
  });
}

/**
 * Converts `files` with LibreOffice in one run. `filter` is a --convert-to target ("xlsx", "pdf", "csv:...").
 * Returns the output paths in the same order (outputs are named after the inputs, in `outDir`).
 */
export async function convert(
  files: string[],
  filter: string,
  outDir?: string,
  timeoutMs = 600_000,
): Promise<string[]> {
  const dir = outDir ?? mkdtempSync(join(tmpdir(), 'lo-out-'));
  mkdirSync(dir, { recursive: true });
  await run(['--convert-to', filter, '--outdir', dir, ...files], timeoutMs);
  const ext = filter.split(':')[0];
  return files.map((f) => {
    const out = join(dir, basename(f).replace(/\.[^.]+$/, '') + '.' + ext);
    if (ext !== 'csv' && !existsSync(out)) throw new Error(`LibreOffice wrote no ${out}`);
    return out;
  });
}

/** Recalculates each file from its formulas (LibreOffice opens it, recalculates, saves as .xlsx). */
export async function recalculate(files: string[]): Promise<string[]> {
  return convert(files, 'xlsx:Calc MS Excel 2007 XML');
}

/** A cell as read back: the value, or for a formula cell the formula and its computed result. */
export interface ReadCell {
  value: string | number | boolean | null;
  formula?: string;
}

export type ReadSheet = Map<string, ReadCell>; // by A1 address

/**
 * Every non-empty cell of every sheet, read straight from the package XML (formula results in `value`): shared
 * strings, inline strings, numbers, booleans, errors and formula results as LibreOffice wrote them.
 */
export function readWorkbook(path: string): Map<string, ReadSheet> {
  const parts = readZip(readFileSync(path));
  const str = (name: string) => parts.get(name)?.toString('utf8') ?? '';
  const shared: string[] = [];
  for (const m of str('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)) {
    shared.push([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1])).join(''));
  }
  const rels = new Map<string, string>();
  for (const m of str('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*>/g)) {
    const id = /Id="([^"]*)"/.exec(m[0])?.[1];
    const target = /Target="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) rels.set(id, target.replace(/^\/?xl\//, ''));
  }
  const out = new Map<string, ReadSheet>();
  for (const m of str('xl/workbook.xml').matchAll(/<sheet [^>]*>/g)) {
    const name = unescapeXml(/name="([^"]*)"/.exec(m[0])?.[1] ?? '');
    const rid = /r:id="([^"]*)"/.exec(m[0])?.[1] ?? '';
    const xml = str(`xl/${rels.get(rid)}`);
    const sheet: ReadSheet = new Map();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[2];
      const body = c[3] ?? '';
      const t = /\bt="([^"]*)"/.exec(attrs)?.[1] ?? 'n';
      const f = /<f[^>]*>([\s\S]*?)<\/f>/.exec(body)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: ReadCell['value'] = null;
      if (t === 'inlineStr') {
        value = [...body.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((x) => unescapeXml(x[1])).join('');
      } else if (v !== undefined) {
        if (t === 's') value = shared[Number(v)];
        else if (t === 'str' || t === 'e') value = unescapeXml(v);
        else if (t === 'b') value = v === '1';
        else value = Number(v);
      }
      if (value === null && f === undefined) continue;
      sheet.set(c[1], f === undefined ? { value } : { value, formula: unescapeXml(f) });
    }
    out.set(name, sheet);
  }
  return out;
}

/**
 * Every sheet as CSV with raw (unformatted) values, in one soffice run: the fast path for large workbooks.
 * Returns sheet name -> rows of cells (strings as LibreOffice wrote them).
 */
/** One Tie-Out check as the spreadsheet computed it. */
export interface TieOutCheckRow {
  no: number;
  check: string;
  a: unknown;
  b: unknown;
  result: string;
}

/** The Tie-Out's check rows (from row 6, while column A holds a check number). */
export function tieOutChecks(tieOut: ReadSheet): TieOutCheckRow[] {
  const out: TieOutCheckRow[] = [];
  for (let r = 6; ; r++) {
    const v = (c: string) => tieOut.get(`${c}${r}`)?.value;
    const no = v('A');
    if (typeof no !== 'number') break;
    out.push({ no, check: String(v('B')), a: v('D'), b: v('E'), result: String(v('G')) });
  }
  return out;
}

export async function readCsvSheets(path: string): Promise<Map<string, string[][]>> {
  const dir = mkdtempSync(join(tmpdir(), 'lo-csv-'));
  // 44 = comma, 34 = quote, 76 = UTF-8, row 1; false = raw values, not as shown; -1 = every sheet
  await run(
    [
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      dir,
      path,
    ],
    600_000,
  );
  const base = basename(path).replace(/\.[^.]+$/, '');
  const out = new Map<string, string[][]>();
  for (const f of readdirSync(dir)) {
    if (!f.startsWith(base + '-') || !f.endsWith('.csv')) continue;
    const sheet = f.slice(base.length + 1, -4);
    out.set(sheet, parseCsv(readFileSync(join(dir, f), 'utf8')));
  }
  return out;
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Column letters of a 1-based column number. */
export { columnLetters } from '../../src/input/a1';
