/**
 * The names of the journal import files of a layout that holds one company per file (QuickBooks Online), when the
 * period spans several companies: the name given to --journal-csv with the company before its extension,
 * `je.csv` -> `je - Parent Co.csv`, and the currency too when the entity has lines in more than one
 * (`je - Parent Co (EUR).csv`). Lines without an entity go to `je - (no entity).csv`.
 *
 * The company part is made safe on every common file system (choice): the characters Windows refuses in a name
 * (< > : " / \ | ? * and control characters) become "_", runs of white space one space, trailing dots and spaces are
 * dropped, and it is cut to 100 bytes of UTF-8. Two companies whose parts would then be the same file (compared
 * ignoring case, as Windows and macOS do) get their Journal No. added: `je - A_B (LW-202512-3F9A1C).csv`.
 */
import { basename, dirname, extname, join } from 'node:path';
import type { ImportCompany } from '../workpapers/journalImport';

/** The longest company part of a file name, in bytes of UTF-8 (file names stop at 255 bytes). */
const MAX_COMPANY_BYTES = 100;

/** A text made safe as part of a file name. */
export function fileNamePart(s: string): string {
  // eslint-disable-next-line no-control-regex
  let safe = s.replace(/\s+/g, ' ').replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_');
  const chars = [...safe].slice(0, MAX_COMPANY_BYTES);
  while (Buffer.byteLength(chars.join(''), 'utf8') > MAX_COMPANY_BYTES) chars.pop();
  safe = chars.join('');
  return safe.replace(/[. ]+$/, '').trim() || '_';
}

/** The company part of a file name: "Parent Co", "Parent Co (EUR)", "(no entity)". */
function companyPart(c: Pick<ImportCompany, 'entity' | 'currency' | 'entityHasSeveralCurrencies'>): string {
  const entity = c.entity === '' ? '(no entity)' : fileNamePart(c.entity);
  return c.entityHasSeveralCurrencies ? `${entity} (${fileNamePart(c.currency)})` : entity;
}

/** The file of each company (in the companies' order), beside `target` and named from it. */
export function companyFilePaths(
  target: string,
  companies: readonly Pick<ImportCompany, 'entity' | 'currency' | 'entry' | 'entityHasSeveralCurrencies'>[],
): string[] {
  const base = basename(target);
  const ext = extname(base);
  const stem = base.slice(0, base.length - ext.length);
  const parts = companies.map(companyPart);
  const key = (p: string) => p.normalize('NFC').toLowerCase();
  const uses = new Map<string, number>();
  for (const p of parts) uses.set(key(p), (uses.get(key(p)) ?? 0) + 1);
  return parts.map((p, i) => {
    const part = (uses.get(key(p)) ?? 0) > 1 ? `${p} (${companies[i].entry})` : p;
    return join(dirname(target), `${stem} - ${part}${ext}`);
  });
}
