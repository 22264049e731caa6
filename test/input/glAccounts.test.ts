/**
 * The `GLAccounts` table (CONTRACT 2): read into the chart of accounts, errors at their cells, per-entity overrides
 * and segment columns carried onto journal lines.
 */
import { measureLease, defaultPolicies } from '../../src/engine';
import { chartOfAccounts, DEFAULT_ACCOUNT_NAMES } from '../../src/input/accountRoles';
import { readPortfolio } from '../../src/input/portfolio';
import type { InputError } from '../../src/input/table';
import type { GridValue } from '../../src/input/grid';
import { inputSheets } from '../../src/template';
import { periodJournal } from '../../src/workpapers/periodJournal';
import { buildJsonExport } from '../../src/export/json';
import { lease } from '../support/leases';
import { planTables } from '../template/planTables';
import { E3, grid, leases, workbook } from './tables';

const HEADERS = ['Account Key', 'Entity', 'Account Number', 'Account Name', 'Department', 'Location'];
const gl = (rows: GridValue[][]) => grid('GLAccounts', HEADERS, rows, 'Chart', 'B2');
const lines = (errs: InputError[]): string[] => errs.map((e) => `${e.where}: ${e.message}`);

describe('the GLAccounts table', () => {
  it('reads roles (any case and spacing), per-entity rows, numbers as text and segment columns', () => {
    const r = readPortfolio(
      workbook(
        leases(E3),
        gl([
          ['operating ROU Asset', null, 1610, 'ROU assets - operating', 'Ops', 'HQ'],
          ['Cash', null, '1000', 'Operating cash', null, null],
          ['Cash', 'Compute Co', '1010', 'Compute Co cash', 'IT', '=Austin'],
        ]),
      ),
    );
    expect(r.errors).toEqual([]);
    const chart = r.input!.glAccounts!;
    expect(chart.segmentNames).toEqual(['Department', 'Location']);
    expect(chart.rows).toEqual([
      {
        role: 'Operating ROU asset',
        entity: null,
        number: '1610',
        name: 'ROU assets - operating',
        segments: { Department: 'Ops', Location: 'HQ' },
      },
      {
        role: 'Cash',
        entity: null,
        number: '1000',
        name: 'Operating cash',
        segments: { Department: '', Location: '' },
      },
      {
        role: 'Cash',
        entity: 'Compute Co',
        number: '1010',
        name: 'Compute Co cash',
        segments: { Department: 'IT', Location: '=Austin' },
      },
    ]);
    const c = chartOfAccounts(chart);
    expect(c.account('Cash', 'compute co ')).toMatchObject({ number: '1010', segments: ['IT', '=Austin'] });
    expect(c.account('Cash', 'Other Co')).toMatchObject({ number: '1000', name: 'Operating cash' });
    // A role the table leaves out: the default name, no number.
    expect(c.account('Finance ROU asset', 'Other Co')).toEqual({
      role: 'Finance ROU asset',
      number: '',
      name: DEFAULT_ACCOUNT_NAMES['Finance ROU asset'],
      segments: ['', ''],
    });
    expect(c.maps('Finance ROU accumulated amortization')).toBe(false);
  });

  it('names the cell of an unknown role, a role mapped twice for one entity and a blank account name', () => {
    const r = readPortfolio(
      workbook(
        leases(E3),
        gl([
          ['Right-of-use asset', null, '1600', 'ROU', null, null],
          ['Cash', null, '1000', 'Cash', null, null],
          ['cash', null, '1001', 'Cash 2', null, null],
          ['Cash', 'A Co', '1002', 'Cash A', null, null],
          ['Cash', 'a co', '1003', 'Cash A again', null, null],
          ['Prepaid rent', null, '1300', null, null, null],
          ['Prepaid rent', 'B Co', '1301', '   ', null, null],
        ]),
      ),
    );
    expect(r.input).toBeNull();
    expect(lines(r.errors).map((l) => l.replace(/; the roles are .*/, '; the roles are ...'))).toEqual([
      'Chart!B3: Account Key "Right-of-use asset" is not an account role; the roles are ...',
      'Chart!B5: Account Key "Cash" is mapped twice for every entity (first at Chart!B4); keep one row',
      'Chart!B7: Account Key "Cash" is mapped twice for entity "a co" (first at Chart!B6); keep one row',
      'Chart!E8: Account Name is blank; enter the name of the general-ledger account',
      'Chart!E9: Account Name is blank; enter the name of the general-ledger account',
    ]);
    expect(r.errors[0].message).toContain('Operating ROU asset, Finance ROU asset');
  });

  it('a missing Account Key or Account Name column is reported at the header row', () => {
    const r = readPortfolio(workbook(leases(E3), grid('GLAccounts', ['Account Number', 'Account Name'], [['1', 'x']])));
    expect(lines(r.errors)).toEqual([
      'GLAccounts!A1: Table GLAccounts has no "Account Key" column; add it to the header row',
    ]);
  });

  it('the template writes one row per role with the default names, and reads back without errors', () => {
    const one = {
      'Lease ID': 'X',
      'Commencement Date': '2029-01-01',
      'Term (Months)': 12,
      Payment: 1,
      'Discount Rate': 0.05,
    };
    const r = readPortfolio(planTables(inputSheets({ leases: [one] })));
    expect(r.errors).toEqual([]);
    const rows = r.input!.glAccounts!.rows;
    expect(rows.map((x) => x.role)).toHaveLength(19);
    for (const row of rows)
      expect(row.name).toBe(DEFAULT_ACCOUNT_NAMES[row.role as keyof typeof DEFAULT_ACCOUNT_NAMES]);
    expect(r.input!.glAccounts!.segmentNames).toEqual(['Department', 'Class', 'Location']);
  });

  it('journal lines carry the account number, name and segments of their entity', () => {
    const chart = chartOfAccounts({
      segmentNames: ['Department'],
      rows: [
        { role: 'Cash', entity: null, number: '1000', name: 'Cash', segments: { Department: 'Treasury' } },
        {
          role: 'Operating lease cost',
          entity: 'B',
          number: '6200',
          name: 'Rent B',
          segments: { Department: 'B ops' },
        },
      ],
    });
    const r = [
      measureLease(lease({ id: 'A', entity: 'A', termMonths: 24, payment: 1000, rate: '0.05' }), [], defaultPolicies()),
      measureLease(lease({ id: 'B', entity: 'B', termMonths: 24, payment: 1000, rate: '0.05' }), [], defaultPolicies()),
    ];
    const period = { start: '2029-03-01', end: '2029-03-31', kind: 'month' as const, closedThrough: null };
    const j = periodJournal(r, period, chart, 12);
    const json = buildJsonExport('t', { leases: r, failures: [] }, [], period, j).journal;
    const cost = json.filter((l) => l.accountKey === 'Operating lease cost');
    expect(cost.map((l) => [l.leaseId, l.accountNumber, l.accountName, l.segments])).toEqual([
      ['A', '', DEFAULT_ACCOUNT_NAMES['Operating lease cost'], { Department: '' }],
      ['B', '6200', 'Rent B', { Department: 'B ops' }],
    ]);
    expect(json.filter((l) => l.accountKey === 'Cash').every((l) => l.accountNumber === '1000')).toBe(true);
    expect(j.summary.find((s) => s.entity === 'B' && s.account.role === 'Operating lease cost')?.account.number).toBe(
      '6200',
    );
  });
});
