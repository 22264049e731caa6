/**
 * The .xlsx adapter for output (command line): writes a WorkpaperPlan's sheets into a copy of the input workbook.
 *
 * How: the input package is copied part by part, unchanged (each part checked first: its CRC, and XML parts for
 * well-formedness, so a damaged part is refused rather than copied), except
 * - the sheets this product wrote on an earlier run (marked with the sheet-scoped name OUTPUT_MARK) are removed,
 *   with the parts only they used, and the calculation chain (Excel rebuilds it);
 * - the workbook part, its relationships, the content types and the styles gain the new sheets, their tables, the
 *   marks and the cell styles they use.
 * A user's own sheet named like an output is kept; the output is written beside it as `Schedules (add-in)`, as the
 * add-in does, and the plan's formulas are pointed at the names actually written (sheets and tables).
 *
 * Each plan sheet is SpreadsheetML generated here and streamed through deflate (a million-row schedule never sits
 * in memory as one string). Strings are inline text (never a formula, whatever they begin with); formulas are
 * written without a cached result and the workbook asks for a full recalculation on load.
 */
import { refRenamer } from '../office/formulaRefs';
import { quoteSheetName } from '../input/a1';
import { isOwnedSheet, OUTPUT_MARK, outputSheetNames } from '../workpapers/names';
import type { WorkpaperPlan } from '../workpapers/plan';
import { partFolder, relsPartName, WorkbookError, XlsxPackage } from './package';
import { readWorkbookFile } from './readTables';
import {
  ensureStyleSkeleton,
  escapeXml,
  extendStyles,
  printTitles,
  StyleRegistry,
  tableHeaders,
  tableXml,
  worksheetXml,
} from './sheetXml';
import { policyEdit, type PolicyValue } from './policyValue';
import { readWorkbookInfo, type WorkbookInfo, type WorkbookSheet } from './workbookPart';
import { scanXml, withDefaultNamespace } from './xml';
import { ZipWriter } from './zip';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const REL_WORKSHEET = `${NS_REL}/worksheet`;
const REL_TABLE = `${NS_REL}/table`;
const REL_STYLES = `${NS_REL}/styles`;
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A tag pattern for an element (any namespace prefix), attributes quoted as XML allows. */
const ATTRS = `(?:[^>"']|"[^"]*"|'[^']*')*`;
const tag = (name: string, flags = 'g') => new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])${ATTRS}>`, flags);
const attr = (t: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(t);
  return m ? (m[2] ?? m[3]) : undefined;
};
const setAttr = (t: string, name: string, value: string): string => {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(t)) return t.replace(re, `$1"${value}"`);
  return t.replace(/(\/?>)$/, ` ${name}="${value}"$1`);
};

const EMPTY_STYLES = XML_HEAD + `<styleSheet xmlns="${NS_MAIN}"></styleSheet>`;

/** The parts of the package a source part's relationships point to (internal targets that exist). */
function targetsOf(pkg: XlsxPackage, source: string): string[] {
  return pkg
    .relationships(source)
    .map((r) => (r.target === null ? undefined : pkg.find(r.target)))
    .filter((t): t is string => t !== undefined);
}

/** The part a relationships part belongs to ("xl/_rels/workbook.xml.rels" -> "xl/workbook.xml"; root -> ""). */
function sourceOfRels(rels: string): string | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(rels);
  if (!m) return null;
  return `${m[1]}${m[2]}`;
}

/**
 * The parts to drop with the product's previous sheets: each sheet part, what it alone refers to (tables, drawings,
 * comments...), their relationship parts, and the calculation chain.
 */
function partsToDrop(pkg: XlsxPackage, owned: WorkbookSheet[], calcChain: string[]): Set<string> {
  const lower = (s: string) => s.toLowerCase();
  const reach = new Set<string>();
  const queue = owned.map((s) => s.part).filter((p): p is string => p !== null);
  const sheets = new Set(queue.map(lower));
  while (queue.length > 0) {
    const p = queue.pop() as string;
    if (reach.has(lower(p))) continue;
    reach.add(lower(p));
    queue.push(...targetsOf(pkg, p));
  }
  // Keep whatever a part that stays still refers to.
  const relsParts = pkg.names().filter((n) => /(^|\/)_rels\/[^/]*\.rels$/i.test(n));
  for (let changed = true; changed;) {
    changed = false;
    for (const rels of relsParts) {
      const source = sourceOfRels(rels);
      if (source === null || reach.has(lower(source))) continue;
      if (source !== '' && !pkg.has(source)) continue;
      for (const t of targetsOf(pkg, source)) {
        if (sheets.has(lower(t))) continue; // the workbook's link to a dropped sheet goes with it
        if (reach.delete(lower(t))) changed = true;
      }
    }
  }
  const drop = new Set<string>();
  for (const n of pkg.names()) {
    if (reach.has(lower(n))) {
      drop.add(lower(n));
      drop.add(lower(relsPartName(n)));
    }
  }
  for (const c of calcChain) drop.add(lower(c));
  return drop;
}

/**
 * The parts of `pkg` a copy keeps (all but the replaced sheets' and the calculation chain), each checked: a damaged
 * part is a WorkbookError before anything is measured or written. The command line calls it as soon as it has read
 * the workbook; writePlan calls it again (each part is checked once).
 */
export function checkPartsToCopy(pkg: XlsxPackage, options: WritePlanOptions = {}): void {
  const info = readWorkbookInfo(pkg);
  const replaced = (s: WorkbookSheet) => (options.replaces ? options.replaces(s.name) : s.owned);
  const calcChain = info.relationships
    .filter((r) => r.type === 'calcChain' && r.target !== null)
    .map((r) => pkg.find(r.target as string))
    .filter((x): x is string => x !== undefined);
  const drop = partsToDrop(pkg, info.sheets.filter(replaced), calcChain);
  for (const n of pkg.names()) if (!drop.has(n.toLowerCase())) pkg.check(n);
}

interface Planned {
  role: string;
  name: string;
  part: string;
  relId: string;
  tables: { id: number; part: string; name: string; relId: string; range: string; style?: string }[];
  /** The rows and columns printed on every page ("'Tie-Out'!$A:$B,'Tie-Out'!$1:$5"), or null. */
  printTitles: string | null;
}

/** Writes `plan` into a copy of `input` (a path or an opened package; a new workbook when null) at `outPath`. */
export interface WritePlanOptions {
  /** The sheets of the input the plan replaces (default: the sheets marked as this product's, OUTPUT_MARK). */
  replaces?: (sheetName: string) => boolean;
  /** A Policies value to set in the copy (a close records Closed Through). */
  policy?: PolicyValue;
}

export async function writePlan(
  input: string | XlsxPackage | null,
  plan: WorkpaperPlan,
  outPath: string,
  options: WritePlanOptions = {},
): Promise<void> {
  const pkg = typeof input === 'string' ? await readWorkbookFile(input) : input;

  // The parts to rewrite, as text, and the ones copied as they are.
  let contentTypes: string;
  let rootRels: string | null = null;
  let workbookPart = 'xl/workbook.xml';
  let workbookXml: string;
  let workbookRels: string;
  let stylesPart: string | null = null;
  let stylesXml: string;
  let kept: string[] = [];
  let keptSheets: WorkbookSheet[] = [];
  let workbookInfo: WorkbookInfo | null = null;
  const keptTableNames = new Set<string>();
  let maxTableId = 0;
  const taken = new Set<string>();
  if (pkg === null) {
    contentTypes =
      XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '</Types>';
    rootRels =
      XML_HEAD +
      `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
    workbookXml = XML_HEAD + `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets/></workbook>`;
    workbookRels = XML_HEAD + `<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;
    stylesXml = EMPTY_STYLES;
  } else {
    const info = readWorkbookInfo(pkg);
    workbookPart = info.part;
    const replaced = (s: WorkbookSheet) => (options.replaces ? options.replaces(s.name) : s.owned);
    const owned = info.sheets.filter(replaced);
    keptSheets = info.sheets.filter((s) => !replaced(s));
    workbookInfo = info;
    const calcChain = info.relationships
      .filter((r) => r.type === 'calcChain' && r.target !== null)
      .map((r) => pkg.find(r.target as string))
      .filter((x): x is string => x !== undefined);
    const drop = partsToDrop(pkg, owned, calcChain);
    const styleRel = info.relationships.find((r) => r.type === 'styles' && r.target !== null);
    stylesPart = styleRel ? (pkg.find(styleRel.target as string) ?? null) : null;
    const rewritten = new Set(
      ['[Content_Types].xml', workbookPart, relsPartName(workbookPart), stylesPart ?? ''].map((n) => n.toLowerCase()),
    );
    kept = pkg.names().filter((n) => !drop.has(n.toLowerCase()) && !rewritten.has(n.toLowerCase()));
    for (const n of kept) pkg.check(n);
    for (const n of pkg.names()) taken.add(n.toLowerCase());

    pkg.xml('[Content_Types].xml');
    contentTypes = pkg.text('[Content_Types].xml');
    if (stylesPart) pkg.xml(stylesPart);
    workbookXml = withDefaultNamespace(pkg.text(workbookPart), NS_MAIN);
    workbookRels = pkg.has(relsPartName(workbookPart))
      ? pkg.text(relsPartName(workbookPart))
      : XML_HEAD + `<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;
    stylesXml = stylesPart ? withDefaultNamespace(pkg.text(stylesPart), NS_MAIN) : EMPTY_STYLES;

    // Tables that stay: their names and ids are taken.
    const keptLower = new Set(kept.map((n) => n.toLowerCase()));
    for (const s of keptSheets) {
      if (s.part === null) continue;
      for (const r of pkg.relationships(s.part)) {
        const t = r.type === 'table' && r.target !== null ? pkg.find(r.target) : undefined;
        if (!t || !keptLower.has(t.toLowerCase())) continue;
        scanXml(pkg.text(t), {
          open: (el, a) => {
            if (el !== 'table') return;
            for (const nm of [a.name, a.displayName]) if (nm) keptTableNames.add(nm.toLowerCase());
            maxTableId = Math.max(maxTableId, Number(a.id) || 0);
          },
        });
      }
    }

    // Relationships and content types of the dropped parts go with them.
    const droppedIds = new Set(owned.map((s) => s.relId));
    const calcLower = new Set(calcChain.map((c) => c.toLowerCase()));
    workbookRels = workbookRels.replace(tag('Relationship'), (t) => {
      const id = attr(t, 'Id') ?? '';
      const target = info.relationships.find((r) => r.id === id)?.target;
      return droppedIds.has(id) || (target && calcLower.has(target.toLowerCase())) ? '' : t;
    });
    contentTypes = contentTypes.replace(tag('Override'), (t) => {
      const part = (attr(t, 'PartName') ?? '').replace(/^\//, '').toLowerCase();
      return drop.has(part) ? '' : t;
    });
  }
  if (stylesPart === null) {
    stylesPart = `${partFolder(workbookPart) ? `${partFolder(workbookPart)}/` : ''}styles.xml`;
    for (let k = 2; taken.has(stylesPart.toLowerCase()); k++) stylesPart = stylesPart.replace(/\d*\.xml$/, `${k}.xml`);
    taken.add(stylesPart.toLowerCase());
    workbookRels = addRelationship(workbookRels, REL_STYLES, relativeTarget(workbookPart, stylesPart)).xml;
    contentTypes = addOverride(contentTypes, stylesPart, CT_STYLES);
  }
  stylesXml = ensureStyleSkeleton(stylesXml);

  // Names: a user's sheet keeps its name; the output takes "Name (add-in)". Tables likewise take "Name_2".
  const roles = plan.sheets.map((s) => s.name);
  const sheetNames = outputSheetNames(
    roles,
    keptSheets.map((s) => s.name),
  );
  const tableNames = new Map<string, string>();
  for (const s of plan.sheets) {
    for (const t of s.tables ?? []) {
      let name = t.name;
      for (let k = 2; keptTableNames.has(name.toLowerCase()); k++) name = `${t.name}_${k}`;
      keptTableNames.add(name.toLowerCase());
      tableNames.set(t.name, name);
    }
  }
  const renamedSheets = new Map([...sheetNames].filter(([a, b]) => a !== b));
  const renamedTables = new Map([...tableNames].filter(([a, b]) => a !== b));
  const rename = refRenamer(renamedSheets, renamedTables);

  const folder = partFolder(workbookPart);
  const newPart = (dir: string, base: string): string => {
    for (let n = 1; ; n++) {
      const name = `${folder ? `${folder}/` : ''}${dir}/${base}${n}.xml`;
      if (!taken.has(name.toLowerCase())) {
        taken.add(name.toLowerCase());
        return name;
      }
    }
  };
  let tableId = maxTableId;
  const planned: Planned[] = plan.sheets.map((s) => {
    const part = newPart('worksheets', 'sheet');
    const added = addRelationship(workbookRels, REL_WORKSHEET, relativeTarget(workbookPart, part));
    workbookRels = added.xml;
    contentTypes = addOverride(contentTypes, part, CT_WORKSHEET);
    const tables = (s.tables ?? []).map((t, k) => {
      const tpart = newPart('tables', 'table');
      contentTypes = addOverride(contentTypes, tpart, CT_TABLE);
      return {
        id: ++tableId,
        part: tpart,
        name: tableNames.get(t.name) as string,
        relId: `rId${k + 1}`,
        range: t.range,
        style: t.style,
      };
    });
    const name = sheetNames.get(s.name) as string;
    return { role: s.name, name, part, relId: added.id, tables, printTitles: printTitles(name, s.pageSetup) };
  });

  const workbookEdit = editWorkbook(workbookXml, keptSheets, planned);
  workbookXml = workbookEdit.xml;

  const styles = new StyleRegistry(
    countMatches(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '', /<xf[\s>/]/g),
  );
  const dxfBlock = /<dxfs[^>]*>([\s\S]*?)<\/dxfs>/.exec(stylesXml);
  const passDxf = dxfBlock ? countMatches(dxfBlock[1], /<dxf[\s>/]/g) : 0;

  // A value set in the Policies table (close): the parts it changes are written edited, not copied.
  let edited = new Map<string, string>();
  if (options.policy) {
    if (pkg === null || workbookInfo === null)
      throw new WorkbookError('the workbook has no Policies table to record it in');
    const edit = policyEdit(pkg, workbookInfo, keptSheets, options.policy, (f) => styles.index(f, false));
    if (typeof edit === 'string') throw new WorkbookError(edit);
    edited = edit.parts;
  }

  // Millions of rows: the fastest deflate level (files about a quarter larger, written about a third faster).
  const rowsInPlan = plan.sheets.reduce(
    (n, s) => n + s.rows.length + (s.blocks ?? []).reduce((m, b) => m + b.rowCount, 0),
    0,
  );
  const zip = new ZipWriter(outPath, rowsInPlan > 200_000 ? 1 : 6);
  try {
    await zip.add('[Content_Types].xml', [contentTypes]);
    if (rootRels !== null) await zip.add('_rels/.rels', [rootRels]);
    await zip.add(workbookPart, [workbookXml]);
    await zip.add(relsPartName(workbookPart), [workbookRels]);
    if (pkg !== null) {
      for (const n of kept) {
        const text = edited.get(n);
        if (text !== undefined) await zip.add(n, [text]);
        else await zip.addStored(pkg.stored(n));
      }
    }
    for (const [k, p] of planned.entries()) {
      const sheetPlan = plan.sheets[k];
      await zip.add(
        p.part,
        worksheetXml(sheetPlan, {
          styles,
          passDxf: () => passDxf,
          failDxf: () => passDxf + 1,
          tableRelIds: p.tables.map((t) => t.relId),
          tabSelected: workbookEdit.selectFirstOutput && k === 0,
          formula: rename,
          date1904: workbookInfo?.date1904 ?? false,
        }),
      );
      if (p.tables.length > 0) {
        await zip.add(relsPartName(p.part), [
          XML_HEAD +
            `<Relationships xmlns="${NS_PKG_REL}">` +
            p.tables
              .map(
                (t) =>
                  `<Relationship Id="${t.relId}" Type="${REL_TABLE}" Target="${escapeXml(relativeTarget(p.part, t.part))}"/>`,
              )
              .join('') +
            '</Relationships>',
        ]);
        for (const t of p.tables) {
          const headers = tableHeaders(sheetPlan, { name: t.name, range: t.range });
          await zip.add(t.part, [tableXml(t.id, t.name, t.range, headers, t.style)]);
        }
      }
    }
    await zip.add(stylesPart, [extendStyles(stylesXml, styles).xml]);
    await zip.finish();
  } catch (e) {
    zip.abort();
    throw e;
  }
}

function countMatches(s: string, re: RegExp): number {
  return (s.match(re) ?? []).length;
}

/** The target of a relationship from `source` to `target`, relative to the source's folder. */
function relativeTarget(source: string, target: string): string {
  const from = partFolder(source).split('/').filter(Boolean);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

function addRelationship(xml: string, type: string, target: string): { xml: string; id: string } {
  const ids = new Set([...xml.matchAll(tag('Relationship'))].map((m) => attr(m[0], 'Id')));
  let n = 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const el = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  const out = /<\/Relationships>/.test(xml)
    ? xml.replace(/<\/Relationships>(?![\s\S]*<\/Relationships>)/, `${el}</Relationships>`)
    : xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${el}</Relationships>`);
  return { xml: out, id };
}

function addOverride(xml: string, part: string, contentType: string): string {
  const el = `<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`;
  return xml.replace(/<\/Types>\s*$/, `${el}</Types>`);
}

/** After definedNames in a workbook part, in schema order: where a new calcPr or definedNames goes before. */
const AFTER_DEFINED_NAMES =
  'calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst';

/**
 * The workbook part with the product's previous sheets taken out (their sheet-scoped names too, the others'
 * renumbered), the new sheets and their marks added, full recalculation on load, and the active tab kept on the
 * user's sheet (or the first output when that sheet was an output).
 */
function editWorkbook(
  xml: string,
  kept: WorkbookSheet[],
  planned: Planned[],
): { xml: string; selectFirstOutput: boolean } {
  const keptIds = new Set(kept.map((s) => s.relId));
  const newIndex = new Map<number, number>();
  kept.forEach((s, i) => newIndex.set(s.index, i));
  // Sheets.
  let sheetId = 0;
  xml = xml.replace(tag('sheet'), (t) => {
    sheetId = Math.max(sheetId, Number(attr(t, 'sheetId')) || 0);
    const id = /\s[\w.-]+:id\s*=\s*("([^"]*)"|'([^']*)')/.exec(t);
    const relId = id ? (id[2] ?? id[3]) : '';
    return keptIds.has(relId) ? t : '';
  });
  const rNs = /xmlns:r\s*=\s*["']http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships["']/.test(
    xml,
  )
    ? ''
    : ` xmlns:r="${NS_REL}"`;
  const sheetEls = planned
    .map((p) => `<sheet name="${escapeXml(p.name)}" sheetId="${++sheetId}" r:id="${p.relId}"${rNs}/>`)
    .join('');
  if (/<sheets\s*\/>/.test(xml)) xml = xml.replace(/<sheets\s*\/>/, `<sheets>${sheetEls}</sheets>`);
  else if (/<\/sheets>/.test(xml)) xml = xml.replace('</sheets>', `${sheetEls}</sheets>`);
  else throw new WorkbookError('the file is damaged: its workbook part lists no sheets.');

  // Sheet-scoped names: dropped with their sheet, renumbered for the sheets that stay.
  const definedName = new RegExp(`<definedName(?=[\\s/>])${ATTRS}(?:/>|>[\\s\\S]*?</definedName>)`, 'g');
  xml = xml.replace(definedName, (el) => {
    const open = tag('definedName', '').exec(el)?.[0] ?? '';
    const local = attr(open, 'localSheetId');
    if (local === undefined) return el;
    const to = newIndex.get(Number(local));
    if (to === undefined) return '';
    return el.replace(open, setAttr(open, 'localSheetId', String(to)));
  });
  // Only workpaper sheets are the product's (a template's input sheets are the user's from the start).
  const marks = planned
    .map((p, k) => ({ p, k }))
    .filter(({ p }) => isOwnedSheet(p.role))
    .map(
      ({ p, k }) =>
        `<definedName name="${OUTPUT_MARK}" localSheetId="${kept.length + k}" hidden="1" ` +
        `comment="Lease Workpapers: written by the command line and replaced on each run">` +
        `${escapeXml(quoteSheetName(p.name))}!$A$1</definedName>`,
    )
    .concat(
      planned.flatMap((p, k) =>
        p.printTitles === null
          ? []
          : [
              `<definedName name="_xlnm.Print_Titles" localSheetId="${kept.length + k}">${escapeXml(p.printTitles)}</definedName>`,
            ],
      ),
    )
    .join('');
  if (/<\/definedNames>/.test(xml)) xml = xml.replace('</definedNames>', `${marks}</definedNames>`);
  else if (/<definedNames\s*\/>/.test(xml))
    xml = xml.replace(/<definedNames\s*\/>/, `<definedNames>${marks}</definedNames>`);
  else {
    const after = new RegExp(`<(?:${AFTER_DEFINED_NAMES})[\\s/>]`).exec(xml);
    const at = after ? after.index : xml.lastIndexOf('</workbook>');
    xml = `${xml.slice(0, at)}<definedNames>${marks}</definedNames>${xml.slice(at)}`;
  }
  // Recalculate everything on load (the new formulas have no cached values; the chain is gone).
  const calc = tag('calcPr', '').exec(xml);
  if (calc) xml = xml.replace(calc[0], setAttr(calc[0], 'fullCalcOnLoad', '1'));
  else xml = xml.replace('</definedNames>', '</definedNames><calcPr fullCalcOnLoad="1"/>');

  // The active tab and the first visible tab follow their sheets.
  let selectFirstOutput = kept.length === 0;
  const active = (old: string | undefined): number => {
    const i = old === undefined ? 0 : Number(old);
    const to = newIndex.get(Number.isInteger(i) ? i : 0);
    if (to === undefined) selectFirstOutput = true;
    return to ?? kept.length;
  };
  if (tag('workbookView', '').test(xml)) {
    let first = true;
    xml = xml.replace(tag('workbookView'), (t) => {
      const tab = active(attr(t, 'activeTab'));
      if (!first) selectFirstOutput = kept.length === 0;
      first = false;
      let out = setAttr(t, 'activeTab', String(tab));
      if (attr(t, 'firstSheet') !== undefined)
        out = setAttr(out, 'firstSheet', String(newIndex.get(Number(attr(t, 'firstSheet'))) ?? 0));
      return out;
    });
  } else if (kept.length === 0) {
    xml = xml.replace(/<sheets>/, '<bookViews><workbookView activeTab="0"/></bookViews><sheets>');
  }
  return { xml, selectFirstOutput };
}
