/**
 * The names of the one-file-per-company QuickBooks import files: `je.csv` -> `je - Parent Co.csv`, the currency
 * added for an entity in several, safe on Windows, macOS and Linux, and never two companies in one file.
 */
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { companyFilePaths, fileNamePart } from '../../src/cli/journalFiles';

const company = (entity: string, currency = 'USD', several = false, entry = `LW-202512-${entity.length}ABCDE`) => ({
  entity,
  currency,
  entry,
  entityHasSeveralCurrencies: several,
});

describe('journal import file names per company', () => {
  it('puts the company before the extension, beside the name given', () => {
    expect(companyFilePaths('je.csv', [company('US Retail'), company('Parent Co')])).toEqual([
      'je - US Retail.csv',
      'je - Parent Co.csv',
    ]);
    expect(companyFilePaths(join('out', 'q4 journal.csv'), [company('Parent Co')])).toEqual([
      join('out', 'q4 journal - Parent Co.csv'),
    ]);
    expect(companyFilePaths('journal', [company('Parent Co')])).toEqual(['journal - Parent Co']);
  });

  it('names the currency only for an entity in more than one, and lines without an entity "(no entity)"', () => {
    expect(
      companyFilePaths('je.csv', [
        company(''),
        company('UK Ltd', 'GBP', true),
        company('UK Ltd', 'USD', true),
        company('US Retail'),
      ]),
    ).toEqual(['je - (no entity).csv', 'je - UK Ltd (GBP).csv', 'je - UK Ltd (USD).csv', 'je - US Retail.csv']);
  });

  it('makes the name safe on every common file system', () => {
    expect(fileNamePart('A/B\\C:D*E?F"G<H>I|J')).toBe('A_B_C_D_E_F_G_H_I_J');
    expect(fileNamePart('Tab\there\nnew   line')).toBe('Tab here new line');
    expect(fileNamePart('Acme Inc. ')).toBe('Acme Inc');
    expect(fileNamePart('...')).toBe('_');
    expect(fileNamePart('=1+1')).toBe('=1+1');
    const long = fileNamePart('Ünïcode GmbH '.repeat(40));
    expect(Buffer.byteLength(long, 'utf8')).toBeLessThanOrEqual(100);
    expect('Ünïcode GmbH '.repeat(40).startsWith(long)).toBe(true);
  });

  it('two companies that would share a file (ignoring case) get their Journal No.', () => {
    const paths = companyFilePaths('je.csv', [
      company('A/B', 'USD', false, 'LW-202512-111111'),
      company('A:B', 'USD', false, 'LW-202512-222222'),
      company('C', 'USD', false, 'LW-202512-333333'),
    ]);
    expect(paths).toEqual(['je - A_B (LW-202512-111111).csv', 'je - A_B (LW-202512-222222).csv', 'je - C.csv']);
    expect(new Set(paths.map((p) => p.toLowerCase())).size).toBe(3);
  });

  it('property: any entities give distinct, safe names, each the given name with its company before the extension', () => {
    const entity = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('Parent Co', 'parent co', 'A/B', 'A:B', 'A_B', '(no entity)', 'Ünïcode GmbH', 'x'.repeat(300)),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(entity, fc.constantFrom('USD', 'EUR', 'GBP')), { maxLength: 12 }), (raw) => {
        // Companies as the summary forms them: entity trimmed, one per entity (ignoring case) and currency.
        const seen = new Map<string, { entity: string; currency: string }>();
        for (const [e, currency] of raw) {
          const k = `${e.trim().toLowerCase()}|${currency}`;
          if (!seen.has(k)) seen.set(k, { entity: e.trim(), currency });
        }
        const list = [...seen.values()];
        const companies = list.map((c, i) => ({
          ...c,
          entry: `LW-202512-${i.toString(16).padStart(6, '0').toUpperCase()}`,
          entityHasSeveralCurrencies: list.filter((o) => o.entity.toLowerCase() === c.entity.toLowerCase()).length > 1,
        }));
        const paths = companyFilePaths(join('out', 'je.csv'), companies);
        expect(paths).toHaveLength(companies.length);
        expect(new Set(paths.map((p) => p.normalize('NFC').toLowerCase())).size).toBe(paths.length);
        for (const p of paths) {
          const name = basename(p);
          expect(p).toBe(join('out', name));
          expect(name.startsWith('je - ')).toBe(true);
          expect(name.endsWith('.csv')).toBe(true);
          // eslint-disable-next-line no-control-regex
          expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f\u007f]/);
          expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(255);
        }
      }),
      { numRuns: 200 },
    );
  });
});
