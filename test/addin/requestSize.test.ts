import fc from 'fast-check';
import { rowChunks } from '../../src/office/sheetWriter';
import { valueBytes } from '../../src/office/requests';
import type { PlanCell, SheetPlan } from '../../src/workpapers/plan';

const utf8Json = (v: unknown): number => Buffer.byteLength(JSON.stringify(v), 'utf8');

describe('request size accounting', () => {
  test('a cell entry is counted as the UTF-8 size of its JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.string({ unit: 'binary' }),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.integer(),
          fc.boolean(),
          fc.constant(null),
        ),
        (v) => expect(valueBytes(v)).toBe(utf8Json(v)),
      ),
    );
  });

  test('a chunk counts exactly the JSON of the formulas and number formats it sends, row by row', () => {
    const cell = fc.option(
      fc.record(
        {
          value: fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.boolean()),
          numberFormat: fc.constantFrom('#,##0.00', 'yyyy-mm-dd', '@', 'General', '€#,##0'),
        },
        { requiredKeys: ['value'] },
      ),
      { nil: null },
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 6 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 8 }),
        (rows, blockRows) => {
          const plan: SheetPlan = {
            name: 'S',
            rows: rows as (PlanCell | null)[][],
            blocks: [
              {
                firstRow: rows.length + 2,
                rowCount: blockRows,
                columnFormats: ['@', '0.00', undefined],
                row: (i) => [{ value: `r${i}` }, { value: i / 7 }, { formula: `=B${i + 1}*"é"` }],
              },
            ],
          };
          const chunks = [...rowChunks(plan, { bytes: 2000, cells: 40 })];
          for (const ch of chunks) {
            const sent = Array.from({ length: ch.rows }, (_, i) => {
              const f = ch.formulas?.[i] ?? Array(ch.columns).fill(null);
              const nf = ch.numberFormats?.[i] ?? Array(ch.columns).fill(null);
              return utf8Json(f) + utf8Json(nf) + 2;
            }).reduce((a, b) => a + b, 0);
            expect(ch.bytes).toBe(sent + 400);
            expect(ch.bytes).toBeLessThanOrEqual(2000);
            expect(ch.cells).toBeLessThanOrEqual(40);
          }
        },
      ),
    );
  });
});
