import { parseArgs, USAGE } from '../../src/cli/args';
import { OWNED_SHEET_NAMES } from '../../src/workpapers/names';

describe('parseArgs', () => {
  it('--help names every sheet a run writes (it left out Classification and Lease Memos)', () => {
    const words = USAGE.replace(/\s+/g, ' ');
    for (const sheet of OWNED_SHEET_NAMES) expect(words).toContain(sheet);
  });

  it('takes --memos FILE.docx for the lease memos, and refuses standard output for it', () => {
    expect(parseArgs(['run', 'in.xlsx', '--out', 'o.xlsx', '--memos', 'memos.docx'])).toMatchObject({
      kind: 'run',
      memos: 'memos.docx',
    });
    expect(parseArgs(['run', 'in.xlsx', '--out', 'o.xlsx', '--memos', '-'])).toEqual({
      kind: 'usage',
      message: '--memos must be a file (a Word document)',
    });
    expect(parseArgs(['run', 'in.xlsx', '--out', 'o.xlsx', '--memos'])).toEqual({
      kind: 'usage',
      message: '--memos needs a value',
    });
  });

  it('parses close: one workbook, --through a month-end, --out', () => {
    expect(parseArgs(['close', 'in.xlsx', '--through', '2025-06-30', '--out', 'out.xlsx'])).toEqual({
      kind: 'close',
      input: 'in.xlsx',
      out: 'out.xlsx',
      through: '2025-06-30',
      progress: false,
    });
    expect(parseArgs(['close', '--out=o.xlsx', '--through=2024-02-29', 'in.xlsx', '--progress'])).toMatchObject({
      kind: 'close',
      through: '2024-02-29',
      progress: true,
    });
  });

  it('parses run with every option, in either --opt value or --opt=value form', () => {
    expect(parseArgs(['run', 'in.xlsx', '--out', 'out.xlsx'])).toEqual({
      kind: 'run',
      input: 'in.xlsx',
      out: 'out.xlsx',
      json: null,
      reportingDate: null,
      period: null,
      journalCsv: null,
      journalFormat: null,
      memos: null,
      progress: false,
    });
    expect(
      parseArgs(['run', '--json', '-', '--out=o.xlsx', 'in.xlsx', '--reporting-date', '2029-12-31', '--progress']),
    ).toEqual({
      kind: 'run',
      input: 'in.xlsx',
      out: 'o.xlsx',
      json: '-',
      reportingDate: '2029-12-31',
      period: null,
      journalCsv: null,
      journalFormat: null,
      memos: null,
      progress: true,
    });
    expect(
      parseArgs([
        'run',
        'in.xlsx',
        '--out',
        'o.xlsx',
        '--period',
        'Quarter',
        '--journal-csv=je.csv',
        '--journal-format',
        'netsuite',
      ]),
    ).toMatchObject({ period: 'quarter', journalCsv: 'je.csv', journalFormat: 'netsuite' });
  });

  it('recognizes help and version anywhere', () => {
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['run', 'x', '-h'])).toEqual({ kind: 'help' });
    expect(parseArgs(['help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['--version'])).toEqual({ kind: 'version' });
    expect(parseArgs(['-v'])).toEqual({ kind: 'version' });
  });

  it.each([
    [[], 'no command given'],
    [['go', 'in.xlsx'], 'unknown command "go" (the commands are "run" and "close")'],
    [['run', '--out', 'o.xlsx'], 'run needs an input workbook: run <input.xlsx> --out <output.xlsx>'],
    [['run', 'a.xlsx', 'b.xlsx', '--out', 'o.xlsx'], 'run takes one input workbook, not 2 (a.xlsx, b.xlsx)'],
    [['run', 'in.xlsx'], '--out <output.xlsx> is required'],
    [['run', 'in.xlsx', '--out'], '--out needs a value'],
    [['run', 'in.xlsx', '--out', '--json', 'x'], '--out needs a value'],
    [['run', 'in.xlsx', '--out', '-'], '--out must be a file (the workbook cannot go to standard output)'],
    [['run', 'in.xlsx', '--out', 'a', '--out', 'b'], '--out is given twice'],
    [['run', 'in.xlsx', '--out', 'o', '--force'], 'unknown option --force'],
    [['run', 'in.xlsx', '--out', 'o', '-x'], 'unknown option -x'],
    [
      ['run', 'in.xlsx', '--out', 'o', '--reporting-date', '12/31/2029'],
      '--reporting-date "12/31/2029" is not a date in the form YYYY-MM-DD',
    ],
    [
      ['run', 'in.xlsx', '--out', 'o', '--reporting-date', '2029-12-15'],
      '--reporting-date 2029-12-15 is not a month-end (such as 2029-12-31)',
    ],
    [['run', 'in.xlsx', '--out', 'o', '--reporting-date', '2029-02-30'], '--reporting-date "2029-02-30" is not a date'],
    [['run', 'in.xlsx', '--out', 'o', '--period', 'week'], '--period "week" is not month, quarter or year'],
    [['run', 'in.xlsx', '--out', 'o', '--period'], '--period needs a value'],
    [
      ['run', 'in.xlsx', '--out', 'o', '--journal-csv', 'j.csv', '--journal-format', 'sap'],
      '--journal-format "sap" is not quickbooks, netsuite or generic',
    ],
    [
      ['run', 'in.xlsx', '--out', 'o', '--json', '-', '--journal-csv', '-'],
      '--json and --journal-csv cannot both go to standard output',
    ],
    [['run', 'in.xlsx', '--out=', 'o'], '--out needs a value'],
    [['run', 'in.xlsx', '--out', 'o', '--through', '2025-06-30'], '--through is an option of close, not of run'],
    [['close', 'in.xlsx', '--out', 'o'], '--through YYYY-MM-DD (the month-end to close) is required'],
    [['close', 'in.xlsx', '--through', '2025-06-30'], '--out <output.xlsx> is required'],
    [
      ['close', '--through', '2025-06-30', '--out', 'o'],
      'close needs a workbook: close <workbook.xlsx> --through YYYY-MM-DD --out <output.xlsx>',
    ],
    [
      ['close', 'a.xlsx', 'b.xlsx', '--through', '2025-06-30', '--out', 'o'],
      'close takes one workbook, not 2 (a.xlsx, b.xlsx)',
    ],
    [
      ['close', 'in.xlsx', '--through', '2025-06-15', '--out', 'o'],
      '--through 2025-06-15 is not a month-end (such as 2025-06-30)',
    ],
    [
      ['close', 'in.xlsx', '--through', '30/06/2025', '--out', 'o'],
      '--through "30/06/2025" is not a date in the form YYYY-MM-DD',
    ],
    [
      ['close', 'in.xlsx', '--through', '2025-06-30', '--out', 'o', '--json', 'j'],
      '--json is an option of run, not of close',
    ],
  ])('%j is a usage error: %s', (argv, message) => {
    expect(parseArgs(argv)).toEqual({ kind: 'usage', message });
  });
});
