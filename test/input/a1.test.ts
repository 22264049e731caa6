import fc from 'fast-check';
import {
  columnLetters,
  columnNumber,
  formatCell,
  formatRange,
  formatWhere,
  offsetCell,
  parseCell,
  parseRange,
  parseWhere,
  rangeSize,
  MAX_COLUMNS,
  MAX_ROWS,
} from '../../src/input/a1';

describe('column letters', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('column %i is %s', (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
    expect(columnNumber(letters.toLowerCase())).toBe(n);
  });

  it('rejects columns off the sheet', () => {
    expect(() => columnLetters(0)).toThrow(RangeError);
    expect(() => columnLetters(16385)).toThrow(RangeError);
    expect(() => columnLetters(1.5)).toThrow(RangeError);
    expect(() => columnNumber('XFE')).toThrow(RangeError);
    expect(() => columnNumber('AAAA')).toThrow(RangeError);
    expect(() => columnNumber('A1')).toThrow(RangeError);
    expect(() => columnNumber('')).toThrow(RangeError);
  });

  it('round-trips every column number (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX_COLUMNS }), (n) => columnNumber(columnLetters(n)) === n));
  });

  it('orders like Excel: more letters = later, same length = alphabetical (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_COLUMNS - 1 }), (n) => {
        const a = columnLetters(n);
        const b = columnLetters(n + 1);
        return a.length < b.length || (a.length === b.length && a < b);
      }),
    );
  });
});

describe('cells and ranges', () => {
  it('parses and formats cells, absolute markers included', () => {
    expect(parseCell('B3')).toEqual({ col: 2, row: 3 });
    expect(parseCell('$AA$10')).toEqual({ col: 27, row: 10 });
    expect(parseCell('xfd1048576')).toEqual({ col: 16384, row: 1048576 });
    expect(formatCell({ col: 27, row: 10 })).toBe('AA10');
    expect(() => parseCell('A0')).toThrow(RangeError);
    expect(() => parseCell('A1048577')).toThrow(RangeError);
    expect(() => parseCell('3B')).toThrow(RangeError);
    expect(() => formatCell({ col: 1, row: 0 })).toThrow(RangeError);
  });

  it('round-trips cells (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_COLUMNS }), fc.integer({ min: 1, max: MAX_ROWS }), (col, row) => {
        const a = formatCell({ col, row });
        expect(parseCell(a)).toEqual({ col, row });
      }),
    );
  });

  it('parses ranges and normalizes their corners', () => {
    expect(parseRange('A1:T1201')).toEqual({ start: { col: 1, row: 1 }, end: { col: 20, row: 1201 } });
    expect(parseRange('C5:A1')).toEqual({ start: { col: 1, row: 1 }, end: { col: 3, row: 5 } });
    expect(parseRange('B3')).toEqual({ start: { col: 2, row: 3 }, end: { col: 2, row: 3 } });
    expect(formatRange(parseRange('$B$3:$D$9'))).toBe('B3:D9');
    expect(rangeSize('B3:D9')).toEqual({ rows: 7, cols: 3 });
    expect(() => parseRange('A1:B2:C3')).toThrow(RangeError);
  });

  it('offsets cells, across the Z/AA boundary, and refuses to leave the sheet', () => {
    expect(offsetCell('B3', 4, 3)).toBe('E7');
    expect(offsetCell('Z1', 0, 1)).toBe('AA1');
    expect(offsetCell('AA10', -9, -26)).toBe('A1');
    expect(() => offsetCell('A1', -1, 0)).toThrow(RangeError);
    expect(() => offsetCell('XFD1', 0, 1)).toThrow(RangeError);
  });

  it('offsetting there and back is the identity (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 100000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 100000 }),
        (col, row, dc, dr) => {
          const start = formatCell({ col, row });
          expect(offsetCell(offsetCell(start, dr, dc), -dr, -dc)).toBe(start);
        },
      ),
    );
  });
});

describe('Sheet!Cell', () => {
  it('quotes sheet names only when Excel would', () => {
    expect(formatWhere('Leases', 'F7')).toBe('Leases!F7');
    expect(formatWhere('Lease data', { col: 6, row: 7 })).toBe("'Lease data'!F7");
    expect(formatWhere("Bob's leases", 'A1')).toBe("'Bob''s leases'!A1");
    expect(formatWhere('AB12', 'A1')).toBe("'AB12'!A1"); // a sheet named like a cell
    expect(formatWhere('2029', 'A1')).toBe("'2029'!A1");
  });

  it('parses what it formats', () => {
    expect(parseWhere('Leases!F7')).toEqual({ sheet: 'Leases', cell: 'F7' });
    expect(parseWhere("'Bob''s leases'!$a$1")).toEqual({ sheet: "Bob's leases", cell: 'A1' });
    expect(parseWhere('Workbook')).toBeNull();
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[!\\/?*[\]:]/.test(s)),
        fc.integer({ min: 1, max: MAX_COLUMNS }),
        fc.integer({ min: 1, max: MAX_ROWS }),
        (sheet, col, row) => {
          const cell = formatCell({ col, row });
          expect(parseWhere(formatWhere(sheet, cell))).toEqual({ sheet, cell });
        },
      ),
    );
  });
});
