/**
 * The command line's promises on standard error (CONTRACT 4), as the tests and the fuzz campaign check them.
 */

/** Lines allowed on exit 0 and 1: errors at a cell or at the workbook, warnings, the closing count. */
export const ALLOWED_STDERR_LINE =
  /^((?:'(?:[^']|'')+'|[^\s!:']+)![A-Z]{1,3}[0-9]+: \S.*|Workbook: \S.*|warning: \S.*|lease-workpapers: \d+ input errors?; no workbook written)$/;

const LEAKED =
  /\n\s+at |\bat Object\.|node_modules|TypeError|RangeError|ReferenceError|DecimalError|\[object |\bundefined\b|\bNaN\b|https?:\/\//;

/** Whether standard error shows a stack trace or a library's own words (quoted user text does not count). */
export function leaksInternals(stderr: string): boolean {
  return LEAKED.test(stderr.replace(/"(?:[^"\\]|\\.)*"/g, '""'));
}
