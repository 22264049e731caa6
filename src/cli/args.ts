/**
 * The command line's arguments (CONTRACT section 4), parsed without side effects:
 *   lease-workpapers run <input.xlsx> --out <output.xlsx> [--json <file.json|->] [--reporting-date YYYY-MM-DD] [--progress]
 *   lease-workpapers --help | --version
 */
import { parseMonthEnd } from '../input/policies';

export interface RunArgs {
  kind: 'run';
  input: string;
  out: string;
  /** A file, or "-" for standard output. */
  json: string | null;
  /** Overrides the Policies table's Reporting Date. */
  reportingDate: string | null;
  /** Print progress on standard error even when it is not a terminal. */
  progress: boolean;
}

export type Args = RunArgs | { kind: 'help' } | { kind: 'version' } | { kind: 'usage'; message: string };

export const USAGE = `Usage:
  lease-workpapers run <input.xlsx> --out <output.xlsx> [--json <file.json|->] [--reporting-date YYYY-MM-DD] [--progress]
  lease-workpapers --help
  lease-workpapers --version

Reads the Leases, LeasePayments, LeaseModifications and Policies tables of <input.xlsx>, measures every lease
(ASC 842), and writes the workpaper sheets (Schedules, Journal Entries, Roll-Forward, Disclosures, Tie-Out,
Run Log) into a copy of the workbook at <output.xlsx>.

Options:
  --out <file>             the workbook to write (required; written only when the inputs have no errors)
  --json <file|->          also write the JSON export (CONTRACT section 5); "-" writes it to standard output
  --reporting-date <date>  the reporting month-end, overriding the Policies table (e.g. 2029-12-31)
  --progress               print progress on standard error (automatic when it is a terminal)
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 done; 1 input errors (each printed as Sheet!Cell: message; no workbook written); 2 usage.`;

const VALUE_OPTIONS = new Set(['--out', '--json', '--reporting-date']);

export function parseArgs(argv: readonly string[]): Args {
  if (argv.some((a) => a === '--help' || a === '-h') || argv[0] === 'help') return { kind: 'help' };
  if (argv.some((a) => a === '--version' || a === '-v' || a === '-V')) return { kind: 'version' };
  if (argv.length === 0) return { kind: 'usage', message: 'no command given' };
  const [command, ...rest] = argv;
  if (command !== 'run') return { kind: 'usage', message: `unknown command "${command}" (the command is "run")` };

  const values = new Map<string, string>();
  const positional: string[] = [];
  let progress = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--progress') {
      progress = true;
      continue;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(0, eq) : a;
      if (!VALUE_OPTIONS.has(name)) return { kind: 'usage', message: `unknown option ${name}` };
      let value: string | undefined;
      if (eq >= 0) value = a.slice(eq + 1);
      else {
        value = rest[i + 1];
        i++;
      }
      if (value === undefined || value === '' || (value.startsWith('--') && value !== '-')) {
        return { kind: 'usage', message: `${name} needs a value` };
      }
      if (values.has(name)) return { kind: 'usage', message: `${name} is given twice` };
      values.set(name, value);
      continue;
    }
    if (a.startsWith('-') && a !== '-') return { kind: 'usage', message: `unknown option ${a}` };
    positional.push(a);
  }
  if (positional.length === 0)
    return { kind: 'usage', message: 'run needs an input workbook: run <input.xlsx> --out <output.xlsx>' };
  if (positional.length > 1)
    return {
      kind: 'usage',
      message: `run takes one input workbook, not ${positional.length} (${positional.join(', ')})`,
    };
  const out = values.get('--out');
  if (out === undefined) return { kind: 'usage', message: '--out <output.xlsx> is required' };
  if (out === '-')
    return { kind: 'usage', message: '--out must be a file (the workbook cannot go to standard output)' };
  let reportingDate: string | null = null;
  const rd = values.get('--reporting-date');
  if (rd !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(rd)) {
      return { kind: 'usage', message: `--reporting-date "${rd}" is not a date in the form YYYY-MM-DD` };
    }
    const p = parseMonthEnd('--reporting-date', rd);
    if (!p.ok)
      return { kind: 'usage', message: p.message.replace(/; enter an Excel date or text in the form YYYY-MM-DD$/, '') };
    reportingDate = p.value;
  }
  return { kind: 'run', input: positional[0], out, json: values.get('--json') ?? null, reportingDate, progress };
}
