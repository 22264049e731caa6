/**
 * Every text the pane shows, in one place, ready for translation: plain strings, and functions where a number
 * or a name goes into the sentence (numbers arrive already formatted for the display language).
 */
export const STRINGS = {
  title: 'Lease Workpapers',
  tagline: 'ASC 842 schedules, journal entries and disclosures from your lease table.',
  tabsLabel: 'Lease Workpapers steps',
  tabs: { template: 'Template', check: 'Validate', generate: 'Generate', policies: 'Policies' },

  template: {
    intro: (tables: string) =>
      `Adds the input tables: ${tables}, with dropdown lists and one example lease to overwrite. Tables you already have are left as they are.`,
    button: 'Create input template',
    busy: 'Creating the template…',
    done: 'Template created',
    nothing: 'Nothing to add',
    added: (list: string) => `Added: ${list}.`,
    existing: (list: string) => `Already in the workbook, left as they are: ${list}.`,
    tableOnSheet: (table: string, sheet: string) => `${table} (sheet ${sheet})`,
    failed: 'The template could not be created',
  },

  check: {
    intro: 'Checks every lease, payment, modification and policy before anything is measured.',
    button: 'Validate inputs',
    busy: 'Checking…',
    ok: 'No problems found',
    noErrors: 'No errors found',
    warningsToReview: (n: string, one: boolean) =>
      `${n} ${one ? 'warning' : 'warnings'} to review (they do not stop Generate).`,
    warning: 'Warning:',
    ready: (n: string, one: boolean) => `${n} ${one ? 'lease' : 'leases'} ready to generate.`,
    problems: (n: string, one: boolean) => `${n} ${one ? 'problem' : 'problems'} to fix`,
    goHint: 'Select a cell reference to go to it.',
    listLabel: 'Problems in the inputs',
    goTo: (where: string, message: string, warning: boolean) =>
      `Go to ${where}: ${warning ? 'Warning: ' : ''}${message}`,
    failed: 'The inputs could not be read',
    highlight: 'Highlight these cells in the sheet',
    unhighlight: 'Remove the highlight',
  },

  stale: {
    title: 'Inputs changed',
    since: (time: string) => `The inputs changed after this result (${time}).`,
    validateAgain: 'Validate again',
    generateAgain: 'Generate again',
  },

  generate: {
    intro:
      'Writes the sheets Schedules, Journal Entries, Journal Import, Classification, Lease Memos, Roll-Forward, Disclosures, Tie-Out and Run Log (and Catch-Ups once a period is closed). Earlier workpapers are replaced only when the new ones are complete; your own sheets are never touched.',
    button: 'Generate workpapers',
    cancel: 'Cancel',
    cancelling: 'Cancelling…',
    progressLabel: (phase: string) => `Generating: ${phase}`,
    phasesLabel: 'Phases',
    leasesOf: (done: string, total: string) => `${done} of ${total} leases`,
    requestsSent: (n: string) => `${n} requests sent`,
    cancelled: 'Cancelled',
    cancelledBody: 'Nothing was replaced: the previous workpapers are as they were.',
    failed: 'The workpapers could not be written',
    failedTail: 'The previous workpapers are as they were.',
    fixFirst: 'Fix the inputs first',
    fixFirstBody: (n: string, one: boolean) =>
      `${n} ${one ? 'problem' : 'problems'}; select a cell reference to go to it.`,
    written: 'Workpapers written',
    memos: {
      button: 'Download memos',
      hint: 'The lease memos (facts, classification, measurement, modifications, policies) as a Word document.',
      busy: 'Preparing memos…',
      downloaded: (file: string) => `Downloaded ${file}`,
      changed: 'The inputs changed since this Generate; generate again, then download the memos.',
      inputErrors: 'The inputs have problems now; validate them, generate again, then download the memos.',
      failed: 'The memos could not be prepared.',
    },
    summaryLabel: 'Run summary',
    leases: 'Leases',
    leasesDetail: (total: string, op: string, fin: string, st: string) =>
      `${total} (${op} operating, ${fin} finance, ${st} short-term)`,
    atDate: (date: string) => `At ${date}`,
    liability: (currency: string) => `Lease liability (${currency})`,
    rouAsset: (currency: string) => `ROU assets (${currency})`,
    leaseCost: (currency: string, from: string, to: string) => `Lease cost ${from} to ${to} (${currency})`,
    checksPassed: 'Checks passed',
    checksOf: (passed: string, total: string) => `${passed} of ${total}`,
    failingChecks: 'Checks that failed',
    goToCheck: (label: string) => `Go to the Tie-Out row: ${label}`,
    timeTaken: 'Time taken',
    seconds: (s: string) => `${s} s`,
    sheets: 'Sheets',
    goToSheet: (name: string) => `Go to sheet ${name}`,
    leftAlone: (list: string, one: boolean) =>
      `Your own ${one ? 'sheet' : 'sheets'} ${list} ${one ? 'was' : 'were'} left alone; the add-in wrote beside ${one ? 'it' : 'them'}.`,
    notMeasured: (list: string) => `Not measured: ${list}`,
    periodReported: 'Period reported',
    periodText: (label: string, start: string, end: string, month: boolean) =>
      month ? label : `${label} (${start} to ${end})`,
    picker: {
      legend: 'Period to report',
      reportingDate: 'Reporting Date (month-end)',
      reportingDateHint: (date: string) => `Month-end ${date}`,
      monthFormat: 'Type the month as YYYY-MM (2025-12 for the month ending 2025-12-31).',
      reportingPeriod: 'Reporting Period',
      kinds: { month: 'Month', quarter: 'Quarter', year: 'Year' },
      help: 'For this run only, like --reporting-date and --period on the command line: the Policies table is not changed. To keep a period, set Reporting Date and Reporting Period on the Policies tab.',
      fromPolicies: 'As the Policies table says (a blank Reporting Date: the last month-end on or before today)',
      usePolicies: 'Use the Policies table’s period',
      reading: 'Reading the Policies table…',
    },
    close: {
      heading: 'Close period',
      intro:
        'Records what is booked through the Reporting Date in the Posted Balances sheet and sets Closed Through in the Policies table. Later runs keep closed months as posted and book any difference as a catch-up entry in the first open month.',
      button: (date: string) => `Close period through ${date}…`,
      confirmTitle: (date: string) => `Close the months through ${date}?`,
      confirmBody:
        'Closed months are not reopened: a later close must be this month-end or a later one. Nothing else in the workbook changes.',
      confirm: (date: string) => `Close through ${date}`,
      keepOpen: 'Do not close',
      busy: (date: string) => `Closing through ${date}…`,
      closed: (date: string) => `Closed through ${date}`,
      closedBody: (n: string, one: boolean, sheet: string) =>
        `${n} ${one ? 'lease' : 'leases'} recorded in the PostedBalances table (sheet ${sheet}); Closed Through set in the Policies table.`,
      refused: 'The period was not closed',
      inputErrors: 'Fix the inputs first: nothing was closed',
      listLabel: 'Why the period was not closed',
      failed: 'The period could not be closed',
      failedTail: 'Look at the Posted Balances sheet and Closed Through in the Policies table before closing again.',
    },
    warnings: (n: string, one: boolean) => `${n} ${one ? 'warning' : 'warnings'} (the run went ahead)`,
  },

  policies: {
    intro: "These settings are the Policies table in your workbook; the workpapers' Run Log records them.",
    reading: 'Reading the Policies table…',
    noTable: 'No Policies table yet',
    noTableBody: 'Create the input template first (Template tab); the defaults apply until then.',
    default: '(default)',
    save: 'Save policies',
    saving: 'Saving…',
    unsaved: (n: string, one: boolean) => `${n} unsaved ${one ? 'change' : 'changes'}`,
    noChanges: 'No unsaved changes',
    discard: 'Discard changes',
    saved: (list: string) => `Saved ${list}.`,
    fixFields: (n: string, one: boolean) => `${n} ${one ? 'field needs' : 'fields need'} attention before saving.`,
    failed: 'The policies could not be saved',
    accountsElsewhere:
      'GL accounts come from the GLAccounts table (the Template tab adds it). Here: the layout the journal is imported in, and account names in this table from earlier templates.',
    sections: {
      measurement: 'Measurement',
      reporting: 'Reporting period',
      accounts: 'Accounts',
      preparer: 'Preparer',
    },
  },
} as const;
