import fc from 'fast-check';
import { refRenamer, renameRefs } from '../../src/office/formulaRefs';

describe('refRenamer', () => {
  test('gives what renameRefs gives, for formulas that mention the names or not', () => {
    const name = fc.constantFrom('Schedules', 'Tie-Out', "O'Brien", 'Journal Entries', 'ScheduleTable', 'tie-out', 'X');
    const part = fc.oneof(
      name.map((n) => `${n}!A1`),
      name.map((n) => `'${n.replace(/'/g, "''")}'!$B$2:$C$9`),
      name.map((n) => `SUM(${n}[Payment])`),
      fc.constantFrom('+', '*', '1', '"text Schedules"', 'A1', ','),
    );
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 6 }),
        fc.dictionary(name, fc.constantFrom('Staging 1', 'LW_2', "It's")),
        fc.dictionary(name, fc.constantFrom('Staged_T', 'T2')),
        (parts, sheets, tables) => {
          const formula = `=${parts.join('')}`;
          const s = new Map(Object.entries(sheets));
          const t = new Map(Object.entries(tables));
          expect(refRenamer(s, t)(formula)).toBe(renameRefs(formula, s, t));
        },
      ),
    );
  });

  test('a formula naming none of the sheets is left as it is; one naming a sheet in other case is renamed', () => {
    const rename = refRenamer(new Map([['Schedules', 'Staged']]));
    expect(rename('=SUM(Journal!C:C)')).toBe('=SUM(Journal!C:C)');
    expect(rename('=SUM(schedules!C:C)')).toBe('=SUM(Staged!C:C)');
  });
});
