/**
 * SpreadsheetML for a sheet plan: the worksheet XML (streamed in chunks), its tables, and the cell styles the plan
 * uses (added to the workbook's styles.xml at the end). Strings are written as inline text, never as formulas;
 * formulas are written without a cached value, so the spreadsheet computes them when it opens the file.
 */
import { columnLetters, columnNumber, quoteSheetName } from '../input/a1';
import type { PlanCell, PlanDataValidation, PlanPageSetup, PlanTable, SheetPlan } from '../workpapers/plan';
import { writeIn } from '../input/dateSystem';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// Characters XML 1.0 cannot carry at all (they are dropped).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(s: string): string {
  let out = s.replace(INVALID_XML, '');
  if (/[&<>"]/.test(out))
    out = out.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return out;
}

/** Built-in number formats Excel knows by id. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};

/** Cell styles (number format + bold) in use, as cellXfs indices after the workbook's existing ones. */
export class StyleRegistry {
  private readonly byKey = new Map<string, number>();
  readonly formats: string[] = [];
  readonly xfs: { format: string; bold: boolean }[] = [];

  constructor(private readonly baseXfCount: number) {}

  /** The cellXfs index for a format and weight; undefined for the default style. */
  index(format: string | undefined, bold: boolean | undefined): number | undefined {
    const f = format && format !== 'General' ? format : '';
    if (!f && !bold) return undefined;
    const key = `${bold ? 'b' : ''}|${f}`;
    let i = this.byKey.get(key);
    if (i === undefined) {
      i = this.baseXfCount + this.xfs.length;
      this.xfs.push({ format: f || 'General', bold: !!bold });
      this.byKey.set(key, i);
    }
    return i;
  }
}

/** Children of styleSheet in schema order, each with the default an empty workbook has. */
const STYLE_SKELETON: [string, string | null][] = [
  ['numFmts', null],
  ['fonts', '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'],
  [
    'fills',
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
  ],
  ['borders', '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'],
  ['cellStyleXfs', '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'],
  ['cellXfs', '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'],
  ['cellStyles', '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'],
  ['dxfs', null],
  ['tableStyles', null],
  ['colors', null],
  ['extLst', null],
];

/**
 * styles.xml with what the written cells refer to: at least one font, the two fills Excel requires, a border,
 * a cell style and a cell format (a styles part from another writer may have none of them, or be missing).
 */
export function ensureStyleSkeleton(xml: string): string {
  xml = xml.replace(/<styleSheet([^>]*)\/>/, '<styleSheet$1></styleSheet>');
  STYLE_SKELETON.forEach(([name, dflt], k) => {
    if (dflt === null) return;
    const block = new RegExp(`<${name}(?=[\\s/>])[^>]*?(?:/>|>([\\s\\S]*?)</${name}>)`).exec(xml);
    if (block && block[1] !== undefined && /<[a-zA-Z]/.test(block[1])) return;
    if (block) {
      xml = xml.replace(block[0], dflt);
      return;
    }
    const later = STYLE_SKELETON.slice(k + 1).map(([n]) => n);
    const at = new RegExp(`<(?:${later.join('|')})[\\s/>]`).exec(xml);
    const pos = at ? at.index : xml.lastIndexOf('</styleSheet>');
    xml = `${xml.slice(0, pos)}${dflt}${xml.slice(pos)}`;
  });
  return xml;
}

/** styles.xml with the registry's cell styles and the PASS/FAIL differential formats appended. */
export function extendStyles(xml: string, reg: StyleRegistry): { xml: string; passDxf: number; failDxf: number } {
  // Number formats
  const existingFmtIds = [...xml.matchAll(/<numFmt [^>]*numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
  let nextFmt = Math.max(163, ...existingFmtIds) + 1;
  const fmtIds = new Map<string, number>();
  for (const m of xml.matchAll(/<numFmt [^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)) {
    fmtIds.set(unescapeXml(m[2]), Number(m[1]));
  }
  const newFmts: string[] = [];
  const fmtId = (f: string) => {
    if (BUILTIN_FORMATS[f] !== undefined) return BUILTIN_FORMATS[f];
    let id = fmtIds.get(f);
    if (id === undefined) {
      id = nextFmt++;
      fmtIds.set(f, id);
      newFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(f)}"/>`);
    }
    return id;
  };
  const xfXml = reg.xfs.map((x) => ({ id: fmtId(x.format), bold: x.bold }));
  if (newFmts.length > 0) {
    if (/<numFmts[^>]*\/>/.test(xml)) xml = xml.replace(/<numFmts[^>]*\/>/, `<numFmts count="0"></numFmts>`);
    if (/<numFmts[\s>]/.test(xml)) {
      xml = xml.replace(/<numFmts([^>]*)>([\s\S]*?)<\/numFmts>/, (_m, _attrs, inner: string) => {
        const all = inner + newFmts.join('');
        const count = (all.match(/<numFmt /g) ?? []).length;
        return `<numFmts count="${count}">${all}</numFmts>`;
      });
    } else {
      xml = xml.replace(/(<styleSheet[^>]*>)/, `$1<numFmts count="${newFmts.length}">${newFmts.join('')}</numFmts>`);
    }
  }
  // A bold font: a copy of font 0 with <b/>.
  let boldFont = 0;
  if (xfXml.some((x) => x.bold)) {
    const fonts = /<fonts([^>]*)>([\s\S]*?)<\/fonts>/.exec(xml);
    if (!fonts) throw new Error('styles.xml has no fonts');
    const first = /<font>([\s\S]*?)<\/font>|<font\/>/.exec(fonts[2]);
    const inner = first && first[1] ? first[1] : '<sz val="11"/><name val="Calibri"/>';
    const count = (fonts[2].match(/<font[\s>/]/g) ?? []).length;
    boldFont = count;
    xml = xml.replace(
      fonts[0],
      `<fonts${fonts[1].replace(/count="\d+"/, `count="${count + 1}"`)}>${fonts[2]}<font><b/>${inner.replace(/<b\/>/g, '')}</font></fonts>`,
    );
  }
  const cellXfs = /<cellXfs([^>]*)>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!cellXfs) throw new Error('styles.xml has no cellXfs');
  const added = xfXml
    .map(
      (x) =>
        `<xf numFmtId="${x.id}" fontId="${x.bold ? boldFont : 0}" fillId="0" borderId="0" xfId="0"${x.id ? ' applyNumberFormat="1"' : ''}${x.bold ? ' applyFont="1"' : ''}/>`,
    )
    .join('');
  const xfCount = (cellXfs[2].match(/<xf[\s>/]/g) ?? []).length + xfXml.length;
  xml = xml.replace(cellXfs[0], `<cellXfs count="${xfCount}">${cellXfs[2]}${added}</cellXfs>`);
  // Differential formats for the PASS/FAIL conditional formats.
  const pass =
    '<dxf><font><b/><color rgb="FF006100"/></font><fill><patternFill><bgColor rgb="FFC6EFCE"/></patternFill></fill></dxf>';
  const fail =
    '<dxf><font><b/><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>';
  let passDxf: number;
  const dx = /<dxfs([^>]*)>([\s\S]*?)<\/dxfs>/.exec(xml);
  if (dx) {
    const n = (dx[2].match(/<dxf[\s>/]/g) ?? []).length;
    passDxf = n;
    xml = xml.replace(dx[0], `<dxfs count="${n + 2}">${dx[2]}${pass}${fail}</dxfs>`);
  } else if (/<dxfs[^>]*\/>/.test(xml)) {
    passDxf = 0;
    xml = xml.replace(/<dxfs[^>]*\/>/, `<dxfs count="2">${pass}${fail}</dxfs>`);
  } else {
    passDxf = 0;
    xml = xml.replace(/(<\/cellStyles>|<cellStyles[^>]*\/>)/, `$1<dxfs count="2">${pass}${fail}</dxfs>`);
  }
  return { xml, passDxf, failDxf: passDxf + 1 };
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function numberText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  return Object.is(n, -0) ? '0' : String(n);
}

function cellXml(ref: string, cell: PlanCell, style: number | undefined, formula: (f: string) => string): string {
  const s = style === undefined ? '' : ` s="${style}"`;
  if (cell.formula !== undefined) {
    const written = formula(cell.formula);
    const f = written.startsWith('=') ? written.slice(1) : written;
    return `<c r="${ref}"${s}><f>${escapeXml(f)}</f></c>`;
  }
  const v = cell.value;
  if (v === null || v === undefined) return style === undefined ? '' : `<c r="${ref}"${s}/>`;
  if (typeof v === 'number') {
    const t = numberText(v);
    return t === null ? '' : `<c r="${ref}"${s}><v>${t}</v></c>`;
  }
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  const text = v.length > 32767 ? v.slice(0, 32767) : v;
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

/** Bytes of XML gathered into large buffers (far less garbage than joining strings). */
const SINK_SIZE = 1 << 21;

class ByteSink {
  private buf = Buffer.allocUnsafe(SINK_SIZE);
  private pos = 0;

  write(s: string): void {
    if (this.pos + s.length * 3 > this.buf.length) this.grow(s.length * 3);
    this.pos += this.buf.write(s, this.pos);
  }

  private grow(need: number): void {
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + need));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  get size(): number {
    return this.pos;
  }

  /** The bytes so far (a fresh buffer starts). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(SINK_SIZE);
    this.pos = 0;
    return out;
  }
}

function writeRow(
  sink: ByteSink,
  r: number,
  cells: readonly (PlanCell | null)[],
  styleOf: (c: PlanCell, col: number) => number | undefined,
  formula: (f: string) => string,
  inDateSystem: (c: PlanCell, col: number) => PlanCell,
): void {
  let row = '';
  const rs = String(r);
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (cell) row += cellXml(columnLetters(c + 1) + rs, inDateSystem(cell, c), styleOf(cell, c), formula);
  }
  if (row) sink.write(`<row r="${rs}">${row}</row>`);
}

export interface SheetXmlOptions {
  styles: StyleRegistry;
  passDxf: () => number;
  failDxf: () => number;
  /** r:ids of the sheet's table parts. */
  tableRelIds: string[];
  tabSelected: boolean;
  /** How a formula is written (the command line points formulas at the names its sheets and tables were given). */
  formula?: (formula: string) => string;
  /**
   * The workbook counts dates in the 1904 date system (Excel for Mac 2008, Numbers): the plans' date serials, which
   * are in the 1900 system, are written 1,462 days smaller so that they show the same dates. Formulas name dates with
   * DATE(y,m,d), which either system reads alike.
   */
  date1904?: boolean;
}

/** The last row and column a sheet plan fills. */
export function sheetExtent(plan: SheetPlan): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  plan.rows.forEach((r, i) => {
    if (r.some((c) => c)) rows = i + 1;
    cols = Math.max(cols, r.length);
  });
  for (const b of plan.blocks ?? []) {
    if (b.rowCount > 0) rows = Math.max(rows, b.firstRow + b.rowCount - 1);
    cols = Math.max(cols, b.columnFormats.length);
  }
  return { rows, cols };
}

/** The worksheet XML in chunks of about 1 MB (Buffers of UTF-8, strings for the head and tail). */
export function* worksheetXml(original: SheetPlan, o: SheetXmlOptions): Generator<string | Buffer> {
  const plan = original;
  const formula = o.formula ?? ((f: string) => f);
  const listFormulas = (plan.dataValidations ?? []).map((v) => formula(listFormula(plan.name, v)));
  const { rows: lastRow, cols: lastCol } = sheetExtent(plan);
  let head = XML_HEAD + `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`;
  if (plan.tabColor || plan.pageSetup) {
    head += '<sheetPr>';
    if (plan.tabColor) head += `<tabColor rgb="FF${plan.tabColor.replace('#', '').toUpperCase()}"/>`;
    if (plan.pageSetup) head += '<pageSetUpPr fitToPage="1"/>';
    head += '</sheetPr>';
  }
  head += `<dimension ref="A1${lastRow > 0 && lastCol > 0 ? `:${columnLetters(Math.max(lastCol, 1))}${Math.max(lastRow, 1)}` : ''}"/>`;
  const fr = plan.frozenRows ?? 0;
  const fc = plan.frozenColumns ?? 0;
  head += `<sheetViews><sheetView workbookViewId="0"${o.tabSelected ? ' tabSelected="1"' : ''}>`;
  if (fr > 0 || fc > 0) {
    const pane = fr > 0 && fc > 0 ? 'bottomRight' : fr > 0 ? 'bottomLeft' : 'topRight';
    head +=
      `<pane${fc > 0 ? ` xSplit="${fc}"` : ''}${fr > 0 ? ` ySplit="${fr}"` : ''} topLeftCell="${columnLetters(fc + 1)}${fr + 1}" activePane="${pane}" state="frozen"/>` +
      `<selection pane="${pane}" activeCell="${columnLetters(fc + 1)}${fr + 1}" sqref="${columnLetters(fc + 1)}${fr + 1}"/>`;
  }
  head += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>';
  if (plan.columnWidths && plan.columnWidths.length > 0) {
    head += '<cols>';
    (plan.columnWidths ?? []).forEach((w, i) => {
      head += `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`;
    });
    head += '</cols>';
  }
  head += '<sheetData>';
  yield head;

  const styles = o.styles;
  const plainStyle = (c: PlanCell) => styles.index(c.numberFormat, c.bold);
  const toDateSystem = (c: PlanCell, format: string | undefined): PlanCell => {
    const value = writeIn(c.value, format, o.date1904 ?? false);
    return value === c.value ? c : { ...c, value };
  };
  const plainDates = (c: PlanCell) => toDateSystem(c, c.numberFormat);
  const sink = new ByteSink();
  for (let i = 0; i < plan.rows.length; i++) {
    writeRow(sink, i + 1, plan.rows[i], plainStyle, formula, plainDates);
    if (sink.size > 1 << 20) yield sink.take();
  }
  for (const block of plan.blocks ?? []) {
    const colStyles = block.columnFormats.map((f) => styles.index(f, false));
    const styleOf = (c: PlanCell, col: number) =>
      c.bold || (c.numberFormat !== undefined && c.numberFormat !== block.columnFormats[col])
        ? styles.index(c.numberFormat ?? block.columnFormats[col], c.bold)
        : colStyles[col];
    const blockDates = (c: PlanCell, col: number) => toDateSystem(c, c.numberFormat ?? block.columnFormats[col]);
    for (let i = 0; i < block.rowCount; i++) {
      writeRow(sink, block.firstRow + i, block.row(i), styleOf, formula, blockDates);
      if (sink.size > 1 << 20) yield sink.take();
    }
  }
  if (sink.size > 0) yield sink.take();

  let tail = '</sheetData>';
  let priority = 1;
  for (const cf of plan.conditionalFormats ?? []) {
    if (cf.kind !== 'passFail') continue;
    tail +=
      `<conditionalFormatting sqref="${escapeXml(cf.range)}">` +
      `<cfRule type="cellIs" dxfId="${o.passDxf()}" priority="${priority++}" operator="equal"><formula>"PASS"</formula></cfRule>` +
      `<cfRule type="cellIs" dxfId="${o.failDxf()}" priority="${priority++}" operator="equal"><formula>"FAIL"</formula></cfRule>` +
      '</conditionalFormatting>';
  }
  const dv = plan.dataValidations ?? [];
  if (dv.length > 0) {
    tail += `<dataValidations count="${dv.length}">`;
    dv.forEach((v, k) => {
      const formula1 = listFormulas[k];
      const err = v.errorMessage
        ? ` showErrorMessage="1" errorTitle="Not in the list" error="${escapeXml(v.errorMessage)}"`
        : ' showErrorMessage="1"';
      tail += `<dataValidation type="list" allowBlank="1"${err} sqref="${escapeXml(v.range)}"><formula1>${escapeXml(formula1)}</formula1></dataValidation>`;
    });
    tail += '</dataValidations>';
  }
  tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (plan.pageSetup) tail += pageSetupXml(plan.pageSetup);
  if (o.tableRelIds.length > 0) {
    tail += `<tableParts count="${o.tableRelIds.length}">${o.tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`;
  }
  tail += '</worksheet>';
  yield tail;
}

/**
 * The page setup and header/footer of a sheet: fitted to `pagesWide` pages across and as many down as needed; the
 * header shows the sheet's name (left) and the period (centre), the footer "Page x of y".
 */
export function pageSetupXml(p: PlanPageSetup): string {
  const headerText = p.headerText.replace(/&/g, '&&');
  return (
    `<pageSetup orientation="${p.orientation}" fitToWidth="${p.pagesWide}" fitToHeight="0"/>` +
    `<headerFooter><oddHeader>${escapeXml(`&L&A&C${headerText}`)}</oddHeader><oddFooter>${escapeXml('&CPage &P of &N')}</oddFooter></headerFooter>`
  );
}

/** The print titles of a sheet ("'Tie-Out'!$A:$B,'Tie-Out'!$1:$5"), or null when it repeats nothing. */
export function printTitles(sheetName: string, p: PlanPageSetup | undefined): string | null {
  if (!p || (!p.titleRows && !p.titleColumns)) return null;
  const q = quoteSheetName(sheetName);
  const refs: string[] = [];
  if (p.titleColumns) refs.push(`${q}!$${p.titleColumns[0]}:$${p.titleColumns[1]}`);
  if (p.titleRows) refs.push(`${q}!$${p.titleRows[0]}:$${p.titleRows[1]}`);
  return refs.join(',');
}

/** Excel's limit on an inline dropdown list (the items joined by commas). */
export const INLINE_LIST_LIMIT = 255;

/**
 * A dropdown's formula1: the visible range the plan names, or the inline list. An inline list holds at most 255
 * characters and no comma or quote inside an item; a longer list needs a `source` range (nothing is hidden).
 */
function listFormula(sheet: string, v: PlanDataValidation): string {
  if (v.source !== undefined) return v.source.replace(/^=/, '');
  const list = v.list.join(',');
  if (list.length > INLINE_LIST_LIMIT || v.list.some((x) => /[,"]/.test(x))) {
    throw new Error(`${sheet}!${v.range}: the dropdown list is too long for Excel inline; give it a source range`);
  }
  return `"${list}"`;
}

/** The header texts of a table, read from the plan (rows or the first row of a block). */
export function tableHeaders(plan: SheetPlan, table: PlanTable): string[] {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(table.range.replace(/\$/g, ''));
  if (!m) throw new Error(`${plan.name}: table ${table.name} has no range like A1:D10 (${table.range})`);
  const c1 = columnNumber(m[1]);
  const c2 = columnNumber(m[3]);
  const r = Number(m[2]);
  let cells: readonly (PlanCell | null)[] | undefined = plan.rows[r - 1];
  if (!cells) {
    const b = (plan.blocks ?? []).find((x) => r >= x.firstRow && r < x.firstRow + x.rowCount);
    if (b) cells = b.row(r - b.firstRow);
  }
  const names: string[] = [];
  const seen = new Set<string>();
  for (let c = c1; c <= c2; c++) {
    const v = cells?.[c - 1]?.value;
    const name = v === null || v === undefined ? '' : String(v).trim();
    if (!name) throw new Error(`${plan.name}!${columnLetters(c)}${r}: table ${table.name} needs a header here`);
    if (seen.has(name.toLowerCase()))
      throw new Error(`${plan.name}: table ${table.name} has two columns named "${name}"`);
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

export function tableXml(
  id: number,
  name: string,
  range: string,
  headers: string[],
  style: string | undefined,
): string {
  const ref = range.replace(/\$/g, '');
  return (
    XML_HEAD +
    `<table xmlns="${NS_MAIN}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${headers.length}">${headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`).join('')}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(style ?? 'TableStyleMedium2')}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    '</table>'
  );
}
