/**
 * The workbook part of an .xlsx package: its sheets in order (name, part, whether the product wrote it), the date
 * system, and its relationships. Sheets the add-in or the command line wrote carry the sheet-scoped defined name
 * `LeaseWorkpapers_Output` (OUTPUT_MARK): only those are the product's.
 */
import { OUTPUT_MARK } from '../workpapers/names';
import { WorkbookError, type Relationship, type XlsxPackage } from './package';
import { prefixedAttribute } from './xml';

export interface WorkbookSheet {
  name: string;
  /** Position among the workbook's sheets (0-based), what `localSheetId` counts. */
  index: number;
  relId: string;
  /** The sheet's part, or null when the relationship names none or the part is missing. */
  part: string | null;
  /** A worksheet (not a chart sheet or a macro sheet). */
  worksheet: boolean;
  /** Written by this product (marked with OUTPUT_MARK). */
  owned: boolean;
}

export interface WorkbookInfo {
  part: string;
  sheets: WorkbookSheet[];
  date1904: boolean;
  relationships: Relationship[];
}

export function readWorkbookInfo(pkg: XlsxPackage): WorkbookInfo {
  const part = pkg.workbookPart();
  const relationships = pkg.relationships(part);
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const sheets: WorkbookSheet[] = [];
  const marked = new Set<number>();
  let date1904 = false;
  let inName: { name: string; local: number | null } | null = null;
  pkg.xml(part, {
    open: (el, attrs, selfClosing) => {
      if (el === 'workbookPr') date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
      else if (el === 'sheet') {
        const relId = prefixedAttribute(attrs, 'id') ?? '';
        const rel = byId.get(relId);
        const target = rel?.target ? (pkg.find(rel.target) ?? null) : null;
        sheets.push({
          name: attrs.name ?? '',
          index: sheets.length,
          relId,
          part: target,
          worksheet: rel?.type === 'worksheet',
          owned: false,
        });
      } else if (el === 'definedName' && !selfClosing) {
        const local = attrs.localSheetId === undefined ? null : Number(attrs.localSheetId);
        inName = { name: attrs.name ?? '', local: Number.isInteger(local) ? local : null };
      }
    },
    close: (el) => {
      if (el === 'definedName') {
        if (inName && inName.name === OUTPUT_MARK && inName.local !== null) marked.add(inName.local);
        inName = null;
      }
    },
  });
  if (sheets.length === 0) throw new WorkbookError('the workbook has no sheets.');
  const seen = new Set<string>();
  for (const s of sheets) {
    if (s.name.trim() === '' || seen.has(s.name.toLowerCase())) {
      throw new WorkbookError('the file is damaged: two of its sheets have the same name, or one has none.');
    }
    seen.add(s.name.toLowerCase());
    s.owned = marked.has(s.index);
  }
  return { part, sheets, date1904, relationships };
}
