/**
 * What the .xlsx adapter refuses to read, and the plain sentences it says when a file is not a workbook it can
 * read. Every limit is checked before the memory it guards is used, and its message names the limit, so a run
 * ends with `Workbook: ...` (exit 1) instead of running out of memory.
 */

/** Largest input file read (the whole file is held in memory). */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;
/** Largest part (uncompressed) this program parses as XML: the workbook, its relationships, styles, shared
 *  strings, tables and the worksheets that hold input tables. */
export const MAX_XML_PART_BYTES = 128 * 1024 * 1024;
/** Largest part copied into the output (uncompressed); a sheet of Excel's full 1,048,576 rows fits. */
export const MAX_PART_BYTES = 2000 * 1024 * 1024;
/** Excel's own limit on the text of one cell. */
export const MAX_CELL_TEXT = 32_767;
/** Cells read into the input tables, after blank rows and columns past the last value are trimmed. */
export const MAX_TABLE_CELLS = 5_000_000;

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-US')} MB`;
}

/** Every reason a file is not a workbook this program reads, as the sentence after `Workbook: `. */
export const NOT_A_WORKBOOK = {
  encrypted:
    'the file is encrypted (protected with a password to open). Remove the password in Excel (File > Info > ' +
    'Protect Workbook > Encrypt with Password, clear it), save, and run again.',
  xls:
    'the file is an Excel 97-2003 workbook (.xls), not an .xlsx workbook. Open it in Excel and save it as ' +
    '"Excel Workbook (.xlsx)".',
  ods:
    'the file is an OpenDocument spreadsheet (.ods) with an .xlsx name. Open it and save it as "Excel Workbook ' +
    '(.xlsx)".',
  text:
    'the file is text (for example CSV), not an .xlsx workbook. Open it in Excel and save it as "Excel Workbook ' +
    '(.xlsx)".',
  empty: 'the file is empty.',
  unknown: 'the file is not an .xlsx workbook (it is not a ZIP package).',
  otherPackage: 'the file is a ZIP package but not an Excel workbook (it has no workbook part).',
  zip64: 'the file uses ZIP64 (a package over 4 GB), which this program does not read.',
  encryptedParts: 'the ZIP package has encrypted entries, which an .xlsx workbook never has.',
  tooLarge: (bytes: number) =>
    `the file is ${megabytes(bytes)}, larger than the ${megabytes(MAX_FILE_BYTES)} this program reads.`,
  damaged: (detail: string) => `the file is damaged: ${detail}. Open it in Excel, save a repaired copy, and run again.`,
  partDamaged: (part: string, detail: string) =>
    `the file is damaged: its part ${part} ${detail}. Open it in Excel, save a repaired copy, and run again.`,
  partTooLarge: (part: string, bytes: number, limit: number) =>
    `the file's part ${part} is ${megabytes(bytes)} uncompressed, larger than the ${megabytes(limit)} this program reads ` +
    'from one part.',
} as const;
