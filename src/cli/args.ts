/**
 * The command line's arguments (CONTRACT section 4), parsed with node:util's parseArgs, without side effects:
 *   lease-workpapers run <input.xlsx> --out <output.xlsx> [--json <file.json|->] [--reporting-date YYYY-MM-DD]
 *     [--period month|quarter|year] [--journal-csv <file.csv> [--journal-format quickbooks|netsuite|generic]]
 *     [--memos <file.docx>] [--progress]
 *   lease-workpapers --help | --version
 */
import { parseArgs as parseNodeArgs } from 'node:util';
import { parseMonthEnd } from '../input/policies';
import type { PeriodKind } from '../workpapers/reportingPeriod';
import { JOURNAL_FORMATS, type JournalFormat } from '../workpapers/journalImport';

export interface RunArgs {
  kind: 'run';
  input: string;
  out: string;
  /** A file, or "-" for standard output. */
  json: string | null;
  /** Overrides the Policies table's Reporting Date. */
  reportingDate: string | null;
  /** Overrides the Policies table's Reporting Period. */
  period: PeriodKind | null;
  /** A CSV file of the period's journal in an accounting system's import layout, or "-" for standard output. */
  journalCsv: string | null;
  /** The layout of the CSV file and the Journal Import sheet; null = the Journal Import Format policy. */
  journalFormat: JournalFormat | null;
  /** A Word document of the lease memos. */
  memos: string | null;
  /** Print progress on standard error even when it is not a terminal. */
  progress: boolean;
}

/** `close <workbook.xlsx> --through YYYY-MM-DD --out <output.xlsx>` (CONTRACT section 4). */
export interface CloseArgs {
  kind: 'close';
  input: string;
  out: string;
  /** The month-end closed. */
  through: string;
  progress: boolean;
}

export type Args = RunArgs | CloseArgs | { kind: 'help' } | { kind: 'version' } | { kind: 'usage'; message: string };

export const USAGE = `Usage:
  lease-workpapers run <input.xlsx> --out <output.xlsx> [--json <file.json|->] [--reporting-date YYYY-MM-DD]
                   [--period month|quarter|year] [--journal-csv <file.csv> [--journal-format quickbooks|netsuite|generic]]
                   [--memos <file.docx>] [--progress]
  lease-workpapers close <workbook.xlsx> --through YYYY-MM-DD --out <output.xlsx> [--progress]
  lease-workpapers --help
  lease-workpapers --version

Reads the Leases, LeasePayments, LeaseModifications, VariablePayments, GLAccounts and Policies tables of
<input.xlsx>, measures every lease (ASC 842), and writes the workpaper sheets (Schedules, Journal Entries, Journal
Import, Classification, Lease Memos, Roll-Forward, Disclosures, Tie-Out, Run Log, and Catch-Ups once a month is
closed) for the reporting period into a copy of the workbook at <output.xlsx>. The input workbook is never written.

close records a closed month: per lease, what is booked through the month-end --through, in a PostedBalances
table on a Posted Balances sheet, and Closed Through in the Policies table, in a copy of the workbook at
<output.xlsx>. Later runs do not issue closed months again and book any difference as a catch-up entry on the
first day of the first open month. A month-end before Closed Through, or after the Reporting Date, is refused.

Options:
  --out <file>               the workbook to write (required; written only when the inputs have no errors)
  --json <file|->            also write the JSON export (every lease, month and journal line); "-" writes it to
                             standard output
  --reporting-date <date>    the reporting month-end, overriding the Policies table (e.g. 2029-12-31; default: the
                             policy, else the last month-end on or before today)
  --period <length>          month, quarter or year (fiscal), ending on the reporting date (default: the policy,
                             else month)
  --journal-csv <file|->     also write the period's postable summary journal as a CSV import file; "-" writes it
                             to standard output. quickbooks: when the period spans several companies (entities, or
                             an entity in several currencies), one file per company, je.csv -> "je - Parent Co.csv"
                             ("je - Parent Co (EUR).csv" for an entity in several currencies); "-" is then refused
  --journal-format <layout>  quickbooks, netsuite or generic, for the CSV file and the Journal Import sheet
                             (default: the Journal Import Format policy, else generic)
  --memos <file.docx>        also write the lease memos (facts, classification, measurement, modifications,
                             policy elections) as a Word document
  --through <date>           close: the month-end to close (e.g. 2025-06-30)
  --progress                 print progress on standard error (automatic when it is a terminal)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 done (warnings, if any, printed as "warning: Sheet!Cell: message"); 1 input errors or a refused
close (each printed as Sheet!Cell: message or Workbook: message; no workbook written); 2 usage, no input file at
the path given, or an output that cannot be written (nothing replaced).`;

const OPTIONS = {
  out: { type: 'string' },
  json: { type: 'string' },
  'reporting-date': { type: 'string' },
  period: { type: 'string' },
  'journal-csv': { type: 'string' },
  'journal-format': { type: 'string' },
  memos: { type: 'string' },
  through: { type: 'string' },
  progress: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  V: { type: 'boolean' },
} as const;

type OptionName = keyof typeof OPTIONS;
const VALUE_OPTIONS = (Object.keys(OPTIONS) as OptionName[]).filter((k) => OPTIONS[k].type === 'string');

const PERIODS: readonly PeriodKind[] = ['month', 'quarter', 'year'];

type Token = NonNullable<ReturnType<typeof parseNodeArgs>['tokens']>[number];

/** The plain-words usage message for what node:util refused, or for a value-taking option given twice or empty. */
function checkTokens(tokens: readonly Token[], argv: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const name = `--${t.name}`;
    if (!(t.name in OPTIONS)) return `unknown option ${t.rawName}`;
    if (!VALUE_OPTIONS.includes(t.name as OptionName)) continue;
    // "--out --json x": node would take "--json" as the value; a value never starts with "--".
    const next = argv[t.index + 1];
    if (t.value === undefined || t.value === '' || (t.inlineValue !== true && next?.startsWith('--'))) {
      return `${name} needs a value`;
    }
    if (seen.has(t.name)) return `${name} is given twice`;
    seen.add(t.name);
  }
  return null;
}

export function parseArgs(argv: readonly string[]): Args {
  if (argv.some((a) => a === '--help' || a === '-h') || argv[0] === 'help') return { kind: 'help' };
  if (argv.some((a) => a === '--version' || a === '-v' || a === '-V')) return { kind: 'version' };
  if (argv.length === 0) return { kind: 'usage', message: 'no command given' };
  const [command, ...rest] = argv;
  if (command !== 'run' && command !== 'close') {
    return { kind: 'usage', message: `unknown command "${command}" (the commands are "run" and "close")` };
  }

  let parsed: ReturnType<
    typeof parseNodeArgs<{
      args: string[];
      options: typeof OPTIONS;
      allowPositionals: true;
      strict: false;
      tokens: true;
    }>
  >;
  try {
    parsed = parseNodeArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  } catch (e) {
    return { kind: 'usage', message: (e as Error).message };
  }
  const problem = checkTokens(parsed.tokens ?? [], rest);
  if (problem) return { kind: 'usage', message: problem };
  const positional = parsed.positionals;
  const unknownShort = positional.find((a) => a.startsWith('-') && a !== '-');
  if (unknownShort) return { kind: 'usage', message: `unknown option ${unknownShort}` };
  const value = (name: OptionName): string | undefined => {
    const v = parsed.values[name];
    return typeof v === 'string' ? v : undefined;
  };
  if (command === 'close') return closeArgs(positional, value, parsed.values.progress === true);
  if (value('through') !== undefined) return { kind: 'usage', message: '--through is an option of close, not of run' };

  if (positional.length === 0)
    return { kind: 'usage', message: 'run needs an input workbook: run <input.xlsx> --out <output.xlsx>' };
  if (positional.length > 1)
    return {
      kind: 'usage',
      message: `run takes one input workbook, not ${positional.length} (${positional.join(', ')})`,
    };
  const out = value('out');
  if (out === undefined) return { kind: 'usage', message: '--out <output.xlsx> is required' };
  if (out === '-')
    return { kind: 'usage', message: '--out must be a file (the workbook cannot go to standard output)' };
  let reportingDate: string | null = null;
  const rd = value('reporting-date');
  if (rd !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(rd)) {
      return { kind: 'usage', message: `--reporting-date "${rd}" is not a date in the form YYYY-MM-DD` };
    }
    const p = parseMonthEnd('--reporting-date', rd);
    if (!p.ok)
      return { kind: 'usage', message: p.message.replace(/; enter an Excel date or text in the form YYYY-MM-DD$/, '') };
    reportingDate = p.value;
  }
  const periodText = value('period');
  let period: PeriodKind | null = null;
  if (periodText !== undefined) {
    const p = periodText.trim().toLowerCase();
    if (!PERIODS.includes(p as PeriodKind)) {
      return { kind: 'usage', message: `--period "${periodText}" is not month, quarter or year` };
    }
    period = p as PeriodKind;
  }
  const formatText = value('journal-format');
  let journalFormat: JournalFormat | null = null;
  if (formatText !== undefined) {
    const f = formatText.trim().toLowerCase();
    if (!JOURNAL_FORMATS.includes(f as JournalFormat)) {
      return { kind: 'usage', message: `--journal-format "${formatText}" is not quickbooks, netsuite or generic` };
    }
    journalFormat = f as JournalFormat;
  }
  const journalCsv = value('journal-csv') ?? null;
  if (value('memos') === '-') return { kind: 'usage', message: '--memos must be a file (a Word document)' };
  const json = value('json') ?? null;
  if (json === '-' && journalCsv === '-') {
    return { kind: 'usage', message: '--json and --journal-csv cannot both go to standard output' };
  }
  return {
    kind: 'run',
    input: positional[0],
    out,
    json,
    reportingDate,
    period,
    journalCsv,
    journalFormat,
    memos: value('memos') ?? null,
    progress: parsed.values.progress === true,
  };
}

/** The arguments of `close`: one workbook, --out, --through a month-end; no option of `run`. */
function closeArgs(
  positional: readonly string[],
  value: (name: OptionName) => string | undefined,
  progress: boolean,
): Args {
  const runOnly = (['json', 'reporting-date', 'period', 'journal-csv', 'journal-format'] as const).find(
    (o) => value(o) !== undefined,
  );
  if (runOnly) return { kind: 'usage', message: `--${runOnly} is an option of run, not of close` };
  if (positional.length !== 1) {
    return {
      kind: 'usage',
      message:
        positional.length === 0
          ? 'close needs a workbook: close <workbook.xlsx> --through YYYY-MM-DD --out <output.xlsx>'
          : `close takes one workbook, not ${positional.length} (${positional.join(', ')})`,
    };
  }
  const out = value('out');
  if (out === undefined) return { kind: 'usage', message: '--out <output.xlsx> is required' };
  if (out === '-')
    return { kind: 'usage', message: '--out must be a file (the workbook cannot go to standard output)' };
  const t = value('through');
  if (t === undefined) return { kind: 'usage', message: '--through YYYY-MM-DD (the month-end to close) is required' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    return { kind: 'usage', message: `--through "${t}" is not a date in the form YYYY-MM-DD` };
  }
  const p = parseMonthEnd('--through', t);
  if (!p.ok) {
    return { kind: 'usage', message: p.message.replace(/; enter an Excel date or text in the form YYYY-MM-DD$/, '') };
  }
  return { kind: 'close', input: positional[0], out, through: p.value, progress };
}
