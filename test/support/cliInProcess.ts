/** The command line's main() called in this process, with standard output and error captured. */
import { main } from '../../src/cli/main';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[]): Promise<CliResult> {
  const captured = { stdout: '', stderr: '' };
  const code = await main(argv, {
    stdout: { write: (s: string) => (captured.stdout += s) },
    stderr: { write: (s: string) => (captured.stderr += s), isTTY: false },
    now: () => new Date('2026-01-01T00:00:00Z'),
    signals: false,
  });
  return { code, ...captured };
}

/** Lines the contract allows on standard error: errors at a cell or the workbook, warnings, the closing count. */
export const ALLOWED_STDERR_LINE =
  /^((?:'(?:[^']|'')+'|[^\s!:']+)![A-Z]{1,3}[0-9]+: \S.*|Workbook: \S.*|warning: \S.*|lease-workpapers: \d+ input errors?; no workbook written)$/;

/** Text that would mean a stack trace or a library's own words reached the user. */
export const LEAKED_INTERNALS =
  /\n\s+at |\bat Object\.|node_modules|TypeError|RangeError|ReferenceError|DecimalError|\[object |undefined|NaN|https?:\/\//;
