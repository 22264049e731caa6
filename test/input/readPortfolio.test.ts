import { readPortfolio } from '../../src/input/portfolio';
import type { InputError } from '../../src/input/table';
import type { GridValue } from '../../src/input/grid';
import { E3, JAN_2029, LEASE_HEADERS, MOD_HEADERS, grid, gridOf, leases, workbook } from './tables';

function errorsOf(...args: Parameters<typeof workbook>): InputError[] {
  const r = readPortfolio(workbook(...args));
  expect(r.input).toBeNull();
  return r.errors;
}
function inputOf(...args: Parameters<typeof workbook>) {
  const r = readPortfolio(workbook(...args));
  expect(r.errors).toEqual([]);
  if (!r.input) throw new Error('no input');
  return r.input;
}
const lines = (errs: InputError[]): string[] => errs.map((e) => `${e.where}: ${e.message}`);

const payments = (rows: GridValue[][]) => grid('LeasePayments', ['Lease ID', 'Date', 'Amount'], rows);
const mods = (...records: Record<string, GridValue>[]) => gridOf('LeaseModifications', MOD_HEADERS, records);
const policies = (rows: GridValue[][]) => grid('Policies', ['Setting', 'Value'], rows);

describe('Leases', () => {
  it('reads the PwC automobile lease with the contract defaults', () => {
    const input = inputOf(leases(E3));
    expect(input.leases).toHaveLength(1);
    const l = input.leases[0];
    expect(l).toMatchObject({
      id: 'E3',
      description: 'Automobile',
      entity: '',
      assetClass: '',
      currency: 'USD',
      commencement: '2029-01-01',
      termMonths: 36,
      payment: 50000,
      frequency: 'Monthly',
      timing: 'Advance',
      freeRentMonths: 0,
      initialDirectCosts: 0,
      leaseIncentives: 0,
      prepaidRent: 0,
      residualValueGuarantee: 0,
      purchaseOptionPrice: 0,
      purchaseOptionCertain: false,
      ownershipTransfers: false,
      specializedAsset: false,
      usefulLifeMonths: null,
      fairValue: null,
      classificationOverride: null,
      irregularPayments: [],
    });
    expect(l.discountRate.toString()).toBe('0.06');
    expect(l.annualEscalation.toString()).toBe('0');
    expect(input.modifications).toEqual([]);
    expect(input.policies.rateBasis).toBe('Payment frequency');
  });

  it("records where each of a lease's values was read from, for the workpapers' live input checks", () => {
    const t = grid(
      'Leases',
      ['Lease ID', 'Payment', 'Commencement Date', 'Term (Months)', 'Discount Rate'],
      [
        ['A', 100, '2029-01-01', 12, 0.05],
        ['B', 200, '2029-01-01', 24, 0.05],
      ],
      'Lease data',
      'C4',
    );
    const l = inputOf(t).leases[1];
    expect(l.inputCells).toEqual({
      id: "'Lease data'!C6",
      payment: "'Lease data'!D6",
      commencement: "'Lease data'!E6",
      termMonths: "'Lease data'!F6",
      discountRate: "'Lease data'!G6",
    });
  });

  it('reads every column in its accepted forms', () => {
    const l = inputOf(
      leases({
        ...E3,
        'Lease ID': 1001,
        Entity: 'US Co',
        'Asset Class': 'Office',
        Currency: 'eur',
        'Commencement Date': '2029-01-01',
        'Term (Months)': '120',
        Payment: '85,000.00',
        Frequency: 'quarterly',
        Timing: 'ARREARS',
        'Annual Escalation': '4%',
        'Free Rent (Months)': 3,
        'Discount Rate': '5.75%',
        'Initial Direct Costs': 35000,
        'Lease Incentives': 250000,
        'Prepaid Rent': 1000.5,
        'Residual Value Guarantee': 10,
        'Purchase Option Price': 20,
        'Purchase Option Certain': 'yes',
        'Ownership Transfers': true,
        'Specialized Asset': 'No',
        'Useful Life (Months)': 480,
        'Fair Value': 9_000_000,
        Classification: 'finance',
      }),
    ).leases[0];
    expect(l).toMatchObject({
      id: '1001',
      entity: 'US Co',
      assetClass: 'Office',
      currency: 'EUR',
      termMonths: 120,
      payment: 8_500_000,
      frequency: 'Quarterly',
      timing: 'Arrears',
      freeRentMonths: 3,
      initialDirectCosts: 3_500_000,
      leaseIncentives: 25_000_000,
      prepaidRent: 100_050,
      residualValueGuarantee: 1000,
      purchaseOptionPrice: 2000,
      purchaseOptionCertain: true,
      ownershipTransfers: true,
      specializedAsset: false,
      usefulLifeMonths: 480,
      fairValue: 900_000_000,
      classificationOverride: 'finance',
    });
    expect(l.annualEscalation.toString()).toBe('0.04');
    expect(l.discountRate.toString()).toBe('0.0575');
  });

  it('finds tables and headers case-insensitively, ignoring spaces, in any order, with extra columns', () => {
    const t = grid(
      'LEASES',
      ['discount rate', 'My notes', 'LeaseID', 'TERM(MONTHS)', 'commencement  date', 'payment'],
      [[0.06, 'anything', 'E3', 36, JAN_2029, 500]],
    );
    const l = inputOf(t).leases[0];
    expect(l).toMatchObject({ id: 'E3', termMonths: 36, commencement: '2029-01-01', payment: 50000 });
  });

  it('skips blank rows (Office.js blanks are "", exceljs blanks are null)', () => {
    const t = grid('Leases', LEASE_HEADERS, []);
    const row = (id: string) => LEASE_HEADERS.map((h) => ({ value: h === 'Lease ID' ? id : h in E3 ? E3[h] : null }));
    t.rows = [
      LEASE_HEADERS.map(() => ({ value: '' })),
      row('E3'),
      LEASE_HEADERS.map(() => ({ value: null })),
      LEASE_HEADERS.map(() => ({ value: '  ' })),
      row('E4'),
    ];
    const input = inputOf(t);
    expect(input.leases.map((l) => l.id)).toEqual(['E3', 'E4']);
  });

  it('needs the Leases table, and says how to make one', () => {
    expect(lines(errorsOf(policies([])))).toEqual([
      'Workbook: No table named Leases. Put one row per lease in an Excel table (Insert > Table) named Leases, or start from the template',
    ]);
    expect(lines(errorsOf(grid('Leases', LEASE_HEADERS, [[]], 'Data', 'C2')))).toEqual([
      'Data!C2: Table Leases has no leases; add one row per lease',
    ]);
  });

  it('names the header row cell of each missing required column', () => {
    const t = grid('Leases', ['Lease ID', 'Payment', 'Term (Months)'], [['E3', 500, 36]], 'Leases', 'B3');
    expect(lines(errorsOf(t))).toEqual([
      'Leases!B3: Table Leases has no "Commencement Date" column; add it to the header row',
      'Leases!B3: Table Leases has no "Discount Rate" column; add it to the header row',
    ]);
  });

  it('reports a header given twice at the second one', () => {
    const t = grid('Leases', [...LEASE_HEADERS, 'payment'], [[]]);
    t.rows = [LEASE_HEADERS.map((h) => ({ value: h in E3 ? E3[h] : null })).concat([{ value: 1 }])];
    expect(lines(errorsOf(t))).toEqual([
      'Leases!Y1: Column "Payment" appears twice in table Leases (also at Leases!H1)',
    ]);
  });

  it('addresses errors by the real cell: sheet, table position, row and column', () => {
    // Table at B3 on sheet "Lease data": headers in row 3, the second data row is row 5; Discount Rate is the
    // 13th column, so B + 12 = N.
    const t = gridOf(
      'Leases',
      LEASE_HEADERS,
      [E3, { ...E3, 'Lease ID': 'E4', 'Discount Rate': 'abc' }],
      'Lease data',
      'B3',
    );
    expect(lines(errorsOf(t))).toEqual([`'Lease data'!N5: Discount Rate "abc" is not a percentage`]);
  });

  it('reports every error of every row, not just the first', () => {
    const t = leases(
      { ...E3, 'Lease ID': 'A' },
      { ...E3, 'Lease ID': 'a' }, // duplicate, case-insensitive
      { ...E3, 'Lease ID': null, 'Term (Months)': 0 },
      {
        ...E3,
        'Lease ID': 'B',
        'Commencement Date': 'next year',
        'Term (Months)': 12.5,
        Payment: -100,
        Frequency: 'Weekly',
        Timing: 'Middle',
        'Discount Rate': 1.5,
        'Free Rent (Months)': 'two',
        Currency: 'Dollars',
        'Initial Direct Costs': 'n/a',
        'Purchase Option Certain': 'Maybe',
        'Useful Life (Months)': 0,
        'Fair Value': 0,
        Classification: 'Short-term',
        'Annual Escalation': 2,
      },
      {
        ...E3,
        'Lease ID': 'C',
        'Commencement Date': null,
        Payment: null,
        'Discount Rate': null,
        'Free Rent (Months)': 40,
      },
    );
    expect(lines(errorsOf(t))).toEqual([
      'Leases!A3: Lease ID "a" appears twice (first at Leases!A2)',
      'Leases!A4: Lease ID is required',
      'Leases!G4: Term (Months) 0 must be at least 1',
      'Leases!E5: Currency "Dollars" is not a three-letter ISO 4217 code such as USD',
      'Leases!F5: Commencement Date "next year" is not a date; enter an Excel date or text in the form YYYY-MM-DD',
      'Leases!G5: Term (Months) 12.5 is not a whole number',
      'Leases!H5: Payment -100 is negative; enter an amount >= 0',
      'Leases!I5: Frequency "Weekly" is not one of Monthly, Quarterly, Semiannual, Annual',
      'Leases!J5: Timing "Middle" is not one of Advance, Arrears',
      'Leases!K5: Annual Escalation 200% must be above -100% and at most 100%; 2 reads as 200%: type 2% or 0.02',
      'Leases!L5: Free Rent (Months) "two" is not a number',
      'Leases!M5: Discount Rate 150% must be from 0% to 100%; 1.5 reads as 150%: type 1.5% or 0.015',
      'Leases!N5: Initial Direct Costs "n/a" is not a number',
      'Leases!S5: Purchase Option Certain "Maybe" is not Yes or No',
      'Leases!V5: Useful Life (Months) 0 must be at least 1',
      'Leases!W5: Fair Value 0 must be greater than 0',
      'Leases!X5: Classification "Short-term" is not one of Operating, Finance',
      'Leases!F6: Commencement Date is required',
      'Leases!H6: Payment is required',
      'Leases!L6: Free Rent (Months) 40 is longer than the term of 36 months',
      'Leases!M6: Discount Rate is required',
    ]);
  });

  it('treats completely blank optional columns as absent', () => {
    const t = gridOf('Leases', LEASE_HEADERS, [E3, { ...E3, 'Lease ID': 'E4' }]);
    expect(inputOf(t).leases).toHaveLength(2);
  });
});

describe('LeasePayments', () => {
  it('replaces the regular stream: rows sorted by date, Payment may then be blank', () => {
    const t = leases({ ...E3, Payment: null }, { ...E3, 'Lease ID': 'R' });
    const p = payments([
      ['e3', '2029-06-15', 700],
      ['E3', JAN_2029, 1000.5],
      [null, null, null],
      ['E3', '2031-12-31', 0],
    ]);
    const input = inputOf(t, p);
    // Each payment keeps its cells (the workpapers compare them live with what was measured).
    const at = (r: number) => ({
      id: `LeasePayments!A${r}`,
      date: `LeasePayments!B${r}`,
      amount: `LeasePayments!C${r}`,
    });
    expect(input.leases[0].irregularPayments).toEqual([
      { date: '2029-01-01', amount: 100050, inputCells: at(3) },
      { date: '2029-06-15', amount: 70000, inputCells: at(2) },
      { date: '2031-12-31', amount: 0, inputCells: at(5) },
    ]);
    // The tables as found, for a live count of their rows: three Lease ID cells of LeasePayments hold something.
    expect(input.inputTables).toEqual({
      leases: { name: 'Leases', idHeader: 'Lease ID', idCells: 2 },
      leasePayments: { name: 'LeasePayments', idHeader: 'Lease ID', idCells: 3 },
    });
    expect(input.leases[0].payment).toBe(0);
    expect(input.leases[1].irregularPayments).toEqual([]);
  });

  it('rejects unknown leases, dates outside the term, and bad amounts', () => {
    const t = leases(E3);
    const p = payments([
      ['X9', JAN_2029, 100],
      ['E3', '2028-12-31', 100], // the day before commencement
      ['E3', '2032-01-01', 100], // the day after month 36 ends (2031-12-31)
      ['E3', JAN_2029, -1],
      ['E3', null, 'ten'],
    ]);
    expect(lines(errorsOf(t, p))).toEqual([
      'LeasePayments!A2: Lease ID "X9" is not in the Leases table',
      'LeasePayments!B3: Date 2028-12-31 is before lease E3 commences on 2029-01-01',
      "LeasePayments!B4: Date 2032-01-01 is after lease E3's term ends on 2031-12-31",
      'LeasePayments!C5: Amount -1 is negative; enter an amount >= 0',
      'LeasePayments!B6: Date is required',
      'LeasePayments!C6: Amount "ten" is not a number',
    ]);
  });

  it('still requires Payment for a lease without payment rows', () => {
    expect(lines(errorsOf(leases({ ...E3, Payment: null }), payments([])))).toEqual(['Leases!H2: Payment is required']);
  });
});

describe('LeaseModifications', () => {
  const office = { ...E3, 'Lease ID': 'OFF', 'Term (Months)': 60, 'Commencement Date': '2029-01-31' };

  it('reads each type, keeps the row as source, and sorts by effective date', () => {
    const m = mods(
      { 'Lease ID': 'off', 'Effective Date': '2031-03-31', Type: 'impairment', 'Impairment Amount': 1234.56 },
      {
        'Lease ID': 'OFF',
        'Effective Date': '2030-02-28', // month 14 of a lease commencing on the 31st (EDATE clamps)
        Type: 'Remeasurement',
        'New Term (Months)': 84,
        'New Payment': 650,
        'New Discount Rate': '7%',
        'Purchase Option Certain': 'No',
        'Residual Value Guarantee': 100,
        'Fair Value': 50000,
        Classification: 'Operating',
      },
      { 'Lease ID': 'E3', 'Effective Date': '2030-01-01', Type: 'Partial Termination', 'Scope Reduction %': '25%' },
      { 'Lease ID': 'OFF', 'Effective Date': '2035-01-31', Type: 'Termination' }, // month 73 <= 84
    );
    const input = inputOf(leases(E3, office), m);
    expect(input.modifications.map((x) => [x.leaseId, x.effectiveDate, x.type, x.source])).toEqual([
      ['E3', '2030-01-01', 'Partial termination', 'LeaseModifications!A4'],
      ['OFF', '2030-02-28', 'Remeasurement', 'LeaseModifications!A3'],
      ['OFF', '2031-03-31', 'Impairment', 'LeaseModifications!A2'],
      ['OFF', '2035-01-31', 'Termination', 'LeaseModifications!A5'],
    ]);
    const [partial, remeasure, impair, terminate] = input.modifications;
    expect(partial.scopeReduction?.toString()).toBe('0.25');
    expect(partial.newTermMonths).toBeNull();
    expect(partial.terminationPayment).toBeNull();
    expect(remeasure).toMatchObject({
      newTermMonths: 84,
      newPayment: 65000,
      purchaseOptionCertain: false,
      residualValueGuarantee: 10000,
      fairValue: 5_000_000,
      classificationOverride: 'operating',
      scopeReduction: null,
      impairmentAmount: null,
    });
    expect(remeasure.newDiscountRate?.toString()).toBe('0.07');
    expect(impair.impairmentAmount).toBe(123456);
    expect(terminate.terminationPayment).toBe(0);
  });

  it('checks effective dates against lease months and the term in force', () => {
    const m = mods(
      { 'Lease ID': 'E3', 'Effective Date': '2029-01-01', Type: 'Remeasurement' }, // at commencement
      { 'Lease ID': 'E3', 'Effective Date': '2029-03-15', Type: 'Remeasurement' }, // not a month start
      { 'Lease ID': 'E3', 'Effective Date': '2032-01-01', Type: 'Remeasurement' }, // month 37 > 36
      { 'Lease ID': 'NOPE', 'Effective Date': '2030-01-01', Type: 'Remeasurement' },
      { 'Lease ID': 'E3', 'Effective Date': '2030-01-01', Type: 'Remeasurement', 'New Term (Months)': 12 }, // month 13
    );
    expect(lines(errorsOf(leases(E3), m))).toEqual([
      'LeaseModifications!B2: Effective Date 2029-01-01 is not after lease E3 commences on 2029-01-01; a change takes effect at the start of a later lease month',
      'LeaseModifications!B3: Effective Date 2029-03-15 is not the start of a lease month of lease E3 (month 3 starts 2029-03-01, month 4 starts 2029-04-01)',
      "LeaseModifications!B4: Effective Date 2032-01-01 is after lease E3's term in force ends on 2031-12-31 (36 months)",
      'LeaseModifications!A5: Lease ID "NOPE" is not in the Leases table',
      'LeaseModifications!D6: New Term (Months) 12 ends before the effective month 13 (2030-01-01); to end the lease use Type Termination',
    ]);
  });

  it('lets an earlier extension carry a later change beyond the original term, whatever the row order', () => {
    const m = mods(
      { 'Lease ID': 'E3', 'Effective Date': '2033-01-01', Type: 'Remeasurement' }, // month 49: inside 60
      { 'Lease ID': 'E3', 'Effective Date': '2030-01-01', Type: 'Remeasurement', 'New Term (Months)': 60 },
    );
    expect(inputOf(leases(E3), m).modifications.map((x) => x.effectiveDate)).toEqual(['2030-01-01', '2033-01-01']);
    // ...and a shortening makes a later row fall outside the term in force.
    const shorter = mods(
      { 'Lease ID': 'E3', 'Effective Date': '2030-01-01', Type: 'Remeasurement', 'New Term (Months)': 24 },
      { 'Lease ID': 'E3', 'Effective Date': '2031-02-01', Type: 'Impairment', 'Impairment Amount': 1 },
    );
    expect(lines(errorsOf(leases(E3), shorter))).toEqual([
      "LeaseModifications!B3: Effective Date 2031-02-01 is after lease E3's term in force ends on 2030-12-31 (24 months)",
    ]);
  });

  it('allows one change per lease per effective date', () => {
    const m = mods(
      { 'Lease ID': 'E3', 'Effective Date': '2030-01-01', Type: 'Remeasurement', 'New Payment': 600 },
      { 'Lease ID': 'E3', 'Effective Date': '2030-02-01', Type: 'Remeasurement', 'New Payment': 650 },
      { 'Lease ID': 'e3', 'Effective Date': '2030-01-01', Type: 'Impairment', 'Impairment Amount': 100 },
    );
    expect(lines(errorsOf(leases(E3), m))).toEqual([
      'LeaseModifications!B4: Lease E3 already has a change effective 2030-01-01 (LeaseModifications!A2); combine them in one row',
    ]);
  });

  it('accepts New Payment for a lease whose payments come from LeasePayments (it replaces the later payments)', () => {
    const p = payments([['E3', JAN_2029, 500]]);
    const m = mods({ 'Lease ID': 'E3', 'Effective Date': '2030-01-01', Type: 'Remeasurement', 'New Payment': 600 });
    expect(inputOf(leases(E3), p, m).modifications[0].newPayment).toBe(60000);
  });

  it('reads Incentive Received on a Remeasurement or Partial termination, and refuses it on other types', () => {
    const m = mods(
      { 'Lease ID': 'E3', 'Effective Date': '2030-01-01', Type: 'Remeasurement', 'Incentive Received': 1234.5 },
      {
        'Lease ID': 'E3',
        'Effective Date': '2030-03-01',
        Type: 'Impairment',
        'Impairment Amount': 10,
        'Incentive Received': 5,
      },
    );
    expect(lines(errorsOf(leases(E3), m))).toEqual([
      'LeaseModifications!N3: Incentive Received does not apply to a Impairment row; clear it or change Type',
    ]);
    const ok = mods({
      'Lease ID': 'E3',
      'Effective Date': '2030-01-01',
      Type: 'Remeasurement',
      'Incentive Received': 1234.5,
    });
    expect(inputOf(leases(E3), ok).modifications[0].incentiveReceived).toBe(123450);
  });

  it('allows nothing after a termination', () => {
    const m = mods(
      { 'Lease ID': 'E3', 'Effective Date': '2030-01-01', Type: 'Termination', 'Termination Payment': 2500 },
      { 'Lease ID': 'E3', 'Effective Date': '2030-06-01', Type: 'Impairment', 'Impairment Amount': 1 },
    );
    expect(lines(errorsOf(leases(E3), m))).toEqual([
      'LeaseModifications!B3: Lease E3 is already terminated effective 2030-01-01 (LeaseModifications!A2)',
    ]);
  });

  it('checks the type and the fields each type needs or cannot use', () => {
    const m = mods(
      { 'Lease ID': 'E3', 'Effective Date': '2030-01-01', Type: 'Sublease' },
      { 'Lease ID': 'E3', 'Effective Date': '2030-01-01', Type: 'Partial termination' },
      { 'Lease ID': 'E3', 'Effective Date': '2030-01-01', Type: 'Partial termination', 'Scope Reduction %': 1 },
      { 'Lease ID': 'E3', 'Effective Date': '2030-01-01', Type: 'Partial termination', 'Scope Reduction %': 0 },
      { 'Lease ID': 'E3', 'Effective Date': '2030-01-01', Type: 'Impairment' },
      {
        'Lease ID': 'E3',
        'Effective Date': '2030-01-01',
        Type: 'Remeasurement',
        'Scope Reduction %': 0.5,
        'Impairment Amount': 5,
      },
      { 'Lease ID': 'E3', 'Effective Date': '2030-01-01', Type: 'Termination', 'New Payment': 100 },
      { 'Lease ID': 'E3', 'Effective Date': null, Type: null, 'New Discount Rate': 2 },
    );
    expect(lines(errorsOf(leases(E3), m))).toEqual([
      'LeaseModifications!C2: Type "Sublease" is not one of Remeasurement, Partial termination, Termination, Impairment',
      'LeaseModifications!G3: Scope Reduction % is required',
      'LeaseModifications!G4: Scope Reduction % 100% must be above 0% and below 100%',
      'LeaseModifications!G5: Scope Reduction % 0% must be above 0% and below 100%',
      'LeaseModifications!I6: Impairment Amount is required',
      'LeaseModifications!G7: Scope Reduction % does not apply to a Remeasurement row; clear it or change Type',
      'LeaseModifications!I7: Impairment Amount does not apply to a Remeasurement row; clear it or change Type',
      'LeaseModifications!E8: New Payment does not apply to a Termination row; clear it or change Type',
      'LeaseModifications!B9: Effective Date is required',
      'LeaseModifications!C9: Type is required',
      'LeaseModifications!F9: New Discount Rate 200% must be from 0% to 100%; 2 reads as 200%: type 2% or 0.02',
    ]);
  });

  it('needs the type-specific column when a row uses that type', () => {
    const m = grid('LeaseModifications', ['Lease ID', 'Effective Date', 'Type'], [['E3', '2030-01-01', 'Impairment']]);
    expect(lines(errorsOf(leases(E3), m))).toEqual([
      'LeaseModifications!C2: An Impairment row needs an "Impairment Amount" column',
    ]);
  });
});

describe('Policies', () => {
  it('defaults when the table is absent or a value blank', () => {
    const p = inputOf(leases(E3), policies([['Rate Basis', null]])).policies;
    expect(p.rateBasis).toBe('Payment frequency');
    expect(p.shortTermExemption).toBe(true);
    expect(p.economicLifeThreshold.toString()).toBe('0.75');
    expect(p.fairValueThreshold.toString()).toBe('0.9');
    expect(p.reportingDate).toBeNull();
    expect(p.fiscalYearEndMonth).toBe(12);
    expect(p.accountNames).toEqual({});
    expect(p.reportingPeriod).toBe('Month');
    expect(p.closedThrough).toBeNull();
  });

  it('reads every setting, names matched case-insensitively ignoring spaces', () => {
    const p = inputOf(
      leases(E3),
      policies([
        ['rate basis', 'effective annual'],
        ['ShortTerm Exemption', 'No'],
        ['Economic Life Threshold', '80%'],
        ['Fair Value Threshold', 0.95],
        ['Partial Termination Method', 'Proportion of liability'],
        ['Reporting Date', '2029-06-30'],
        ['Fiscal Year End Month', 'June'],
        ['Reporting Period', 'quarter'],
        ['ROU Asset Account', '1610 ROU assets'],
        ['Lease Liability Account', '2410 Lease liabilities'],
        ['Cash Account', '1000 Cash'],
        [null, null],
      ]),
    ).policies;
    expect(p.rateBasis).toBe('Effective annual');
    expect(p.shortTermExemption).toBe(false);
    expect(p.economicLifeThreshold.toString()).toBe('0.8');
    expect(p.fairValueThreshold.toString()).toBe('0.95');
    expect(p.partialTerminationMethod).toBe('Proportion of liability');
    expect(p.reportingDate).toBe('2029-06-30');
    expect(p.fiscalYearEndMonth).toBe(6);
    expect(p.reportingPeriod).toBe('Quarter');
    // The account settings of earlier templates name the roles they stood for (GLAccounts supersedes them).
    expect(p.accountNames).toEqual({
      'Operating ROU asset': '1610 ROU assets',
      'Finance ROU asset': '1610 ROU assets',
      'Operating lease liability current': '2410 Lease liabilities',
      'Operating lease liability non-current': '2410 Lease liabilities',
      'Finance lease liability current': '2410 Lease liabilities',
      'Finance lease liability non-current': '2410 Lease liabilities',
      Cash: '1000 Cash',
    });
  });

  it('rejects unknown settings, duplicates and bad values', () => {
    const errs = errorsOf(
      leases(E3),
      policies([
        ['Discount Convention', 'Monthly'],
        ['Rate Basis', 'Daily'],
        ['Rate Basis', 'Monthly'],
        ['Short-Term Exemption', 'Sometimes'],
        ['Economic Life Threshold', 0],
        ['Fair Value Threshold', 90],
        ['Reporting Date', '2029-06-15'],
        ['Fiscal Year End Month', 13],
      ]),
    );
    expect(lines(errs).map((l) => l.replace(/; the settings are .*/, '; the settings are ...'))).toEqual([
      'Policies!A2: Setting "Discount Convention" is not a policy setting; the settings are ...',
      'Policies!B3: Rate Basis "Daily" is not one of Payment frequency, Monthly, Effective annual',
      'Policies!A4: Setting "Rate Basis" appears twice (first at Policies!A3)',
      'Policies!B5: Short-Term Exemption "Sometimes" is not Yes or No',
      'Policies!B6: Economic Life Threshold 0% must be above 0% and at most 100%',
      'Policies!B7: Fair Value Threshold 9000% must be above 0% and at most 100%; 90 reads as 9000%: type 90% or 0.9',
      'Policies!B8: Reporting Date 2029-06-15 is not a month-end (such as 2029-06-30)',
      'Policies!B9: Fiscal Year End Month 13 is not a month: enter 1 to 12 or a month name',
    ]);
    expect(errs[0].message).toContain('Rate Basis, Short-Term Exemption');
  });
});

it('returns the lease rows for placing engine failures', () => {
  const r = readPortfolio(workbook(gridOf('Leases', LEASE_HEADERS, [E3, { ...E3, 'Lease ID': 'X' }], 'In', 'C5')));
  expect([...r.leaseSources]).toEqual([
    ['E3', 'In!C6'],
    ['X', 'In!C7'],
  ]);
});
