/**
 * Page setup of the owned sheets (CONTRACT section 3: each prints legibly): landscape, the used columns fitted to as
 * few pages wide as keep the print at about 70% or more (one page wide for the narrower sheets), the header rows
 * repeated on every page and, on a sheet more than one page wide, its label columns too, so labels print with their
 * amounts; the header names the sheet and the period, the footer counts pages ("Page x of y").
 */
import type { PlanPageSetup, SheetPlan } from './plan';
import { col } from './cells';
import { SHEET } from './names';

/** Column width units a landscape Letter/A4 page holds at 100% with the default margins. */
const PAGE_WIDTH = 125;
/** The smallest print scale accepted before another page is added across. */
const MIN_SCALE = 0.7;

/**
 * Label columns per sheet (repeated on every page when the sheet is more than one page wide): the Tie-Out's check
 * number and text, so a check's figures and PASS/FAIL print beside its name.
 */
const LABEL_COLUMNS: Record<string, number> = {
  [SHEET.schedules]: 1,
  [SHEET.journal]: 3,
  [SHEET.classification]: 1,
  [SHEET.rollForward]: 7,
  [SHEET.disclosures]: 1,
  [SHEET.tieOut]: 2,
};

function baseName(name: string): string {
  return name.replace(/ \d+$/, '');
}

/** The page setup of one sheet plan. */
export function pageSetupFor(sheet: SheetPlan, periodText: string): PlanPageSetup {
  const widths = sheet.columnWidths ?? [];
  const total = widths.reduce((s, w) => s + w, 0) || PAGE_WIDTH;
  const narrow = total <= PAGE_WIDTH * 0.8;
  const pagesWide = Math.max(1, Math.ceil(total / (PAGE_WIDTH / MIN_SCALE)));
  const setup: PlanPageSetup = {
    orientation: narrow ? 'portrait' : 'landscape',
    pagesWide,
    headerText: periodText,
  };
  const header = sheet.frozenRows ?? (sheet.tables && sheet.tables.length > 0 ? 1 : 0);
  if (header > 0) setup.titleRows = [1, header];
  const labels = LABEL_COLUMNS[baseName(sheet.name)] ?? 0;
  if (pagesWide > 1 && labels > 0) setup.titleColumns = ['A', col(labels)];
  return setup;
}

/** Every sheet with its page setup. */
export function withPageSetup(sheets: SheetPlan[], periodText: string): SheetPlan[] {
  return sheets.map((s) => ({ ...s, pageSetup: s.pageSetup ?? pageSetupFor(s, periodText) }));
}
