import fc from 'fast-check';
import {
  parseAmount,
  parseChoice,
  parseDate,
  parseDecimal,
  parsePercent,
  parseText,
  parseWholeNumber,
  parseYesNo,
} from '../../src/input/values';
import type { Parsed } from '../../src/input/values';

function value<T>(p: Parsed<T>): T {
  if (!p.ok) throw new Error(`expected a value, got: ${p.message}`);
  return p.value;
}
function message<T>(p: Parsed<T>): string {
  if (p.ok) throw new Error(`expected an error, got ${String(p.value)}`);
  return p.message;
}

describe('amounts (cents, from the shortest decimal string, half-up)', () => {
  it('reads numbers and numeric text', () => {
    expect(value(parseAmount('Payment', 500))).toBe(50000);
    expect(value(parseAmount('Payment', '1,234.50'))).toBe(123450);
    expect(value(parseAmount('Payment', ' 42 '))).toBe(4200);
    expect(value(parseAmount('Payment', 0))).toBe(0);
  });

  it('rounds what Excel shows, not the binary float', () => {
    // 1.005 and 1234.565 are stored a hair below the half cent: float math (Math.round(x * 100)) rounds them down.
    expect(Math.round(1.005 * 100)).toBe(100);
    expect(value(parseAmount('Payment', 1.005))).toBe(101);
    expect(value(parseAmount('Payment', 1234.565))).toBe(123457);
    expect(value(parseAmount('Payment', 0.1 + 0.2))).toBe(30);
    expect(value(parseAmount('Payment', 10000 / 3))).toBe(333333);
  });

  it('agrees with integer arithmetic on any whole number of tenths of a cent (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (mills) => {
        // mills / 1000 currency units -> cents, half-up: (mills + 5) div 10.
        const text = `${Math.floor(mills / 1000)}.${String(mills % 1000).padStart(3, '0')}`;
        expect(value(parseAmount('Payment', Number(text)))).toBe(Math.floor((mills + 5) / 10));
      }),
    );
  });

  it('rejects negatives, non-numbers, and zero where it must be positive', () => {
    expect(message(parseAmount('Payment', -5))).toBe('Payment -5 is negative; enter an amount >= 0');
    expect(message(parseAmount('Payment', 'abc'))).toBe('Payment "abc" is not a number');
    expect(message(parseAmount('Payment', '1.2.3'))).toBe('Payment "1.2.3" is not a number');
    expect(message(parseAmount('Payment', '12,34'))).toBe('Payment "12,34" is not a number');
    expect(message(parseAmount('Payment', true))).toBe('Payment TRUE is not a number');
    expect(message(parseAmount('Fair Value', 0, 'positive'))).toBe('Fair Value 0 must be greater than 0');
    expect(message(parseAmount('Payment', 2e12))).toBe('Payment 2000000000000 is too large');
  });
});

describe('percentages', () => {
  const rate = { min: 0, max: 1 };
  it('accepts 0.05, "5%", "5 %", "0.05"', () => {
    for (const v of [0.05, '5%', '5 %', '0.05'])
      expect(value(parsePercent('Discount Rate', v, rate)).toString()).toBe('0.05');
    expect(value(parsePercent('Discount Rate', '6.125%', rate)).toString()).toBe('0.06125');
    expect(value(parsePercent('Discount Rate', 0, rate)).toString()).toBe('0');
    expect(value(parsePercent('Discount Rate', 1, rate)).toString()).toBe('1');
  });

  it('keeps the decimal the cell shows (0.07 is not 0.07000000000000000666)', () => {
    expect(value(parsePercent('Discount Rate', 0.07, rate)).toString()).toBe('0.07');
  });

  it('rejects rates outside 0%-100% with a hint for a bare 6', () => {
    expect(message(parsePercent('Discount Rate', 6, rate))).toBe(
      'Discount Rate 600% must be from 0% to 100%; 6 reads as 600%: type 6% or 0.06',
    );
    expect(message(parsePercent('Discount Rate', -0.01, rate))).toBe('Discount Rate -1% must be from 0% to 100%');
    expect(message(parsePercent('Discount Rate', '150%', rate))).toBe('Discount Rate 150% must be from 0% to 100%');
    expect(message(parsePercent('Discount Rate', 'abc', rate))).toBe('Discount Rate "abc" is not a percentage');
    expect(message(parsePercent('Discount Rate', 'x%', rate))).toBe('Discount Rate "x%" is not a percentage');
    const open = { min: 0, max: 1, minExclusive: true, maxExclusive: true };
    expect(message(parsePercent('Scope Reduction %', 1, open))).toBe(
      'Scope Reduction % 100% must be above 0% and below 100%',
    );
  });
});

describe('dates', () => {
  it('reads Excel serials and ISO text', () => {
    expect(value(parseDate('Date', 47119))).toBe('2029-01-01');
    expect(value(parseDate('Date', 61))).toBe('1900-03-01'); // after Excel's phantom 1900-02-29 (serial 60)
    expect(value(parseDate('Date', '2029-02-28'))).toBe('2029-02-28');
    expect(value(parseDate('Date', ' 2029-02-28T00:00:00Z '))).toBe('2029-02-28');
  });

  it('rejects non-dates, impossible dates, times of day and ambiguous text', () => {
    expect(message(parseDate('Date', '2029-02-29'))).toMatch(/^Date "2029-02-29" is not a date/);
    expect(message(parseDate('Date', '01/02/2029'))).toBe(
      'Date "01/02/2029" is not a date; enter an Excel date or text in the form YYYY-MM-DD',
    );
    expect(message(parseDate('Date', 47119.5))).toBe('Date 47119.5 has a time of day; enter a date only');
    expect(message(parseDate('Date', 0))).toBe('Date 0 is not a date');
    expect(message(parseDate('Date', 60))).toBe('Date 60 is not a date');
    expect(message(parseDate('Date', true))).toMatch(/^Date TRUE is not a date/);
  });
});

describe('whole numbers, Yes/No, choices, text', () => {
  it('whole numbers', () => {
    expect(value(parseWholeNumber('Term (Months)', 36, 1, 1200))).toBe(36);
    expect(value(parseWholeNumber('Term (Months)', '36', 1, 1200))).toBe(36);
    expect(message(parseWholeNumber('Term (Months)', 36.5, 1, 1200))).toBe('Term (Months) 36.5 is not a whole number');
    expect(message(parseWholeNumber('Term (Months)', 0, 1, 1200))).toBe('Term (Months) 0 must be at least 1');
    expect(message(parseWholeNumber('Term (Months)', 1201, 1, 1200))).toBe('Term (Months) 1201 must be at most 1200');
  });

  it('Yes/No', () => {
    for (const v of ['Yes', 'yes', ' Y ', 'TRUE', true]) expect(value(parseYesNo('Ownership Transfers', v))).toBe(true);
    for (const v of ['No', 'n', false, 'false']) expect(value(parseYesNo('Ownership Transfers', v))).toBe(false);
    expect(message(parseYesNo('Ownership Transfers', 'maybe'))).toBe('Ownership Transfers "maybe" is not Yes or No');
    expect(message(parseYesNo('Ownership Transfers', 1))).toBe('Ownership Transfers 1 is not Yes or No');
  });

  it('choices are case-insensitive and ignore spaces and hyphens', () => {
    const f = ['Monthly', 'Quarterly', 'Semiannual', 'Annual'] as const;
    expect(value(parseChoice('Frequency', 'semi-annual', f))).toBe('Semiannual');
    expect(value(parseChoice('Frequency', 'QUARTERLY', f))).toBe('Quarterly');
    expect(message(parseChoice('Frequency', 'Weekly', f))).toBe(
      'Frequency "Weekly" is not one of Monthly, Quarterly, Semiannual, Annual',
    );
  });

  it('text: numbers as their shortest decimal text', () => {
    expect(parseText(1001)).toBe('1001');
    expect(parseText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(parseText('  L-1 ')).toBe('L-1');
    expect(value(parseDecimal('x', '-1.5e3')).toString()).toBe('-1500');
  });
});

describe('number text that is not a number is a message, never an exception', () => {
  it('an exponent alone ("e5", "E+5", "e2%") is not a number', () => {
    expect(message(parseAmount('Payment', 'e5'))).toBe('Payment "e5" is not a number');
    expect(message(parseWholeNumber('Term (Months)', 'E+5', 1, 1200))).toBe('Term (Months) "E+5" is not a number');
    expect(message(parsePercent('Discount Rate', 'e2%', { min: 0, max: 1 }))).toBe(
      'Discount Rate "e2%" is not a percentage',
    );
    expect(message(parseAmount('Payment', '.e1'))).toBe('Payment ".e1" is not a number');
    expect(message(parseAmount('Payment', '1e9999'))).toBe('Payment "1e9999" is not a number');
  });

  it('numbers written with an exponent or a bare point still read', () => {
    expect(value(parseAmount('Payment', '1.5e3'))).toBe(150000);
    expect(value(parseAmount('Payment', '.5'))).toBe(50);
    expect(value(parseAmount('Payment', '2.'))).toBe(200);
    expect(value(parsePercent('Discount Rate', '5e0%', { min: 0, max: 1 })).toString()).toBe('0.05');
  });

  it('any text at all: every parser answers with a value or a message', () => {
    const text = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[-+ .,eE%0-9]{0,12}$/),
      fc.constantFrom('e5', 'E+5', 'e2%', '-.e', '1e', '1,', ',1', '1e-999', '+', '%', '1,000.5e3%'),
    );
    fc.assert(
      fc.property(text, (t) => {
        for (const p of [
          parseDecimal('X', t),
          parseAmount('X', t),
          parseWholeNumber('X', t, 1, 1200),
          parsePercent('X', t, { min: 0, max: 1 }),
          parseDate('X', t),
        ]) {
          expect(p.ok ? 'value' in p : typeof p.message === 'string').toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('dates past Excel calendar', () => {
  it('a serial past 9999-12-31 is not a date (it was read as the year 2.7e+297)', () => {
    expect(value(parseDate('Reporting Date', 2958465))).toBe('9999-12-31');
    expect(message(parseDate('Reporting Date', 2958466))).toBe('Reporting Date 2958466 is not a date');
    expect(message(parseDate('Reporting Date', 1e300))).toBe('Reporting Date 1e+300 is not a date');
  });
});
