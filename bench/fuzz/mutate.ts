/**
 * Seeded mutations of an .xlsx package for the fuzz campaign: cell types and values, table and sheet structure,
 * XML damage and ZIP damage. The same seed gives the same workbook, so any failure can be replayed.
 */
import { XlsxPackage } from '../../src/xlsx/package';

export { random } from '../random';

type Rng = () => number;
/** One of `xs` (the mutators check for an empty list first: an earlier mutation may have removed every one). */
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

/** Values that have broken spreadsheet readers before, as cell XML bodies (attributes after the reference). */
const TEXTS = [
  'e5',
  'E+5',
  'e2%',
  '1e308',
  '1e-400',
  '-0',
  '0',
  ' ',
  '',
  '5%',
  '600%',
  '-5%',
  '1,234.56',
  '1.2.3',
  '=SUM(A1:A3)',
  '+44',
  '@x',
  '#N/A',
  '#DIV/0!',
  'TRUE',
  'yes',
  'Y',
  'Monthly',
  'annual',
  'Finance',
  'Remeasurement',
  'Termination',
  'Impairment',
  'Partial termination',
  '2029-02-30',
  '2029-01-01',
  '2029-01-01T12:00:00',
  '0000-00-00',
  '9999-12-31',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e21',
  '99999999999999999999',
  '0.005',
  '0.0049999',
  'L-001',
  'l-001 ',
  'ÄÖÜ€',
  '\u200b',
  'a\tb',
  '1 000',
  '(100)',
  '$500',
  '€500',
  'USD',
  'usd',
  'XXXX',
  '12/31/2029',
  '31.12.2029',
];
const NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  0.004999,
  0.005,
  1.005,
  12,
  36,
  60,
  120,
  600,
  601,
  1200,
  1201,
  1e12,
  1e12 + 1,
  2 ** 53,
  2 ** 53 + 2,
  1e15,
  1e300,
  -1e300,
  5e-324,
  0.1 + 0.2,
  47119,
  47119.5,
  2958465,
  2958466,
  1,
  59,
  60,
  61,
  0.06,
  1,
  1.0000001,
];

function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A random replacement for a cell's content, as a whole `<c .../>` element at `ref`. */
function randomCell(rng: Rng, ref: string): string {
  const style = rng() < 0.3 ? ` s="${int(rng, 0, 12)}"` : '';
  switch (int(rng, 0, 9)) {
    case 0:
    case 1:
      return `<c r="${ref}"${style}><v>${pick(rng, NUMBERS)}</v></c>`;
    case 2:
    case 3:
      return `<c r="${ref}"${style} t="inlineStr"><is><t>${xmlText(pick(rng, TEXTS))}</t></is></c>`;
    case 4:
      return `<c r="${ref}"${style} t="b"><v>${pick(rng, ['0', '1', 'true', '2'])}</v></c>`;
    case 5:
      return `<c r="${ref}"${style} t="e"><v>${pick(rng, ['#N/A', '#REF!', '#VALUE!'])}</v></c>`;
    case 6:
      return `<c r="${ref}"${style} t="s"><v>${pick(rng, ['0', '99999', '-1', 'x'])}</v></c>`;
    case 7:
      return `<c r="${ref}"${style}><f>${xmlText(pick(rng, ['A1*2', 'SUM(B:B)', '1/0', '"x"']))}</f></c>`;
    case 8:
      return `<c r="${ref}"${style} t="d"><v>${pick(rng, ['2029-01-01', '2029-01-01T00:00:00Z', 'x', '2029-13-01'])}</v></c>`;
    default:
      return `<c r="${ref}"${style}><v>${pick(rng, ['abc', '1e5', ' 12 ', ''])}</v></c>`;
  }
}

/** The kinds of mutation, each a function of the package's parts. */
type Parts = Map<string, Buffer>;
export type MutationKind = 'cell' | 'structure' | 'xml' | 'zip';

const text = (parts: Parts, name: string) => parts.get(name)?.toString('utf8') ?? '';
const put = (parts: Parts, name: string, s: string) => parts.set(name, Buffer.from(s, 'utf8'));
const sheetParts = (parts: Parts) => [...parts.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
const tableParts = (parts: Parts) => [...parts.keys()].filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n));

function mutateCell(rng: Rng, parts: Parts): string {
  if (sheetParts(parts).length === 0) return 'cell: no sheet';
  const sheet = pick(rng, sheetParts(parts));
  const xml = text(parts, sheet);
  const cells = [...xml.matchAll(/<c r="([A-Z]+)(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)].filter((m) => Number(m[2]) >= 3);
  if (cells.length === 0) return 'cell: none';
  const m = pick(rng, cells);
  const ref = `${m[1]}${m[2]}`;
  const op = int(rng, 0, 9);
  if (op === 0) {
    put(parts, sheet, xml.replace(m[0], ''));
    return `cell: delete ${sheet} ${ref}`;
  }
  if (op === 1) {
    // Duplicate a whole row under the next free row number (a duplicate Lease ID, a second modification).
    const row = new RegExp(`<row r="${m[2]}"[^>]*>[\\s\\S]*?</row>`).exec(xml);
    const last = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((r) => Number(r[1])));
    if (!row) return 'cell: no row';
    const copy = row[0]
      .replace(new RegExp(`r="([A-Z]+)${m[2]}"`, 'g'), `r="$1${last + 1}"`)
      .replace(/<row r="\d+"/, `<row r="${last + 1}"`);
    put(parts, sheet, xml.replace('</sheetData>', `${copy}</sheetData>`));
    return `cell: duplicate row ${sheet} ${m[2]}`;
  }
  put(parts, sheet, xml.replace(m[0], randomCell(rng, ref)));
  return `cell: replace ${sheet} ${ref}`;
}

function mutateStructure(rng: Rng, parts: Parts): string {
  if (tableParts(parts).length === 0 || sheetParts(parts).length === 0) return 'structure: nothing left to change';
  switch (int(rng, 0, 9)) {
    case 0: {
      const t = pick(rng, tableParts(parts));
      const ref = pick(rng, [
        'A3:XFD1048576',
        'A3:A3',
        'X18:A3',
        'ZZZ0:A1',
        'A3',
        '',
        'A1:X18',
        'A3:X1048576',
        'B4:C5',
      ]);
      put(parts, t, text(parts, t).replace(/ ref="[^"]*"/g, ` ref="${ref}"`));
      return `structure: table ref ${t} ${ref}`;
    }
    case 1: {
      const t = pick(rng, tableParts(parts));
      const name = pick(rng, ['Leases', 'leases', 'Lease', '', 'Policies', 'LeasePayments', 'X']);
      put(parts, t, text(parts, t).replace(/ (name|displayName)="[^"]*"/g, ` $1="${name}"`));
      return `structure: table name ${t} "${name}"`;
    }
    case 2: {
      // A header cell's text changed.
      const sheet = pick(rng, sheetParts(parts));
      const xml = text(parts, sheet);
      const heads = [...xml.matchAll(/<c r="[A-Z]+3"[^>]*><is><t>([^<]*)<\/t><\/is><\/c>/g)];
      if (heads.length === 0) return 'structure: no header';
      const h = pick(rng, heads);
      const to = pick(rng, [
        '',
        'Lease ID',
        'Payment',
        'Term(Months)',
        'Discount  Rate',
        'Unknown',
        h[1].toUpperCase(),
      ]);
      put(parts, sheet, xml.replace(h[0], h[0].replace(`<t>${h[1]}</t>`, `<t>${xmlText(to)}</t>`)));
      return `structure: header ${sheet} "${h[1]}" -> "${to}"`;
    }
    case 3: {
      const wb = text(parts, 'xl/workbook.xml');
      const sheets = [...wb.matchAll(/<sheet [^>]*\/>/g)];
      if (sheets.length === 0) return 'structure: no sheet element';
      const s = pick(rng, sheets);
      const op = int(rng, 0, 3);
      if (op === 0) put(parts, 'xl/workbook.xml', wb.replace(s[0], ''));
      else if (op === 1) put(parts, 'xl/workbook.xml', wb.replace(s[0], s[0].replace(/name="[^"]*"/, 'name="Leases"')));
      else if (op === 2) put(parts, 'xl/workbook.xml', wb.replace(s[0], s[0].replace(/r:id="[^"]*"/, 'r:id="rId999"')));
      else
        put(
          parts,
          'xl/workbook.xml',
          wb.replace(s[0], s[0].replace(/name="[^"]*"/, `name="${pick(rng, ['Schedules', 'Run Log', 'Tie-Out'])}"`)),
        );
      return `structure: workbook sheet op ${op}`;
    }
    case 4: {
      const rels = [...parts.keys()].filter((n) => n.endsWith('.rels'));
      if (rels.length === 0) return 'structure: no relationships';
      const r = pick(rng, rels);
      const x = text(parts, r);
      const target = pick(rng, [
        '/xl/tables/table1.xml',
        '../tables/table9.xml',
        'http://example.com/x',
        '',
        '/',
        '../../../../etc/passwd',
      ]);
      put(parts, r, x.replace(/Target="[^"]*"/, `Target="${target}"`));
      return `structure: rels target ${r} ${target}`;
    }
    case 5: {
      const sheet = pick(rng, sheetParts(parts));
      const to = pick(rng, ['0', '-1', '1048577', 'x', '', '99999999']);
      put(parts, sheet, text(parts, sheet).replace(/<row r="\d+"/, `<row r="${to}"`));
      return `structure: row number ${sheet} ${to}`;
    }
    case 6: {
      const sheet = pick(rng, sheetParts(parts));
      const to = pick(rng, ['A0', 'XFE4', 'a4', '4A', 'AAAA4', '', 'A1048577']);
      put(parts, sheet, text(parts, sheet).replace(/<c r="[A-Z]+\d+"/, `<c r="${to}"`));
      return `structure: cell ref ${sheet} ${to}`;
    }
    case 7: {
      put(
        parts,
        'xl/workbook.xml',
        text(parts, 'xl/workbook.xml').replace(/<workbookPr([^>]*)\/>/, '<workbookPr$1 date1904="1"/>'),
      );
      return 'structure: date1904';
    }
    case 8: {
      const drop = pick(rng, [
        'xl/styles.xml',
        'xl/_rels/workbook.xml.rels',
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/theme/theme1.xml',
        'xl/worksheets/_rels/sheet1.xml.rels',
      ]);
      parts.delete(drop);
      return `structure: part removed ${drop}`;
    }
    default: {
      // Remove every column of a table but one, or add one the reader does not know.
      const t = pick(rng, tableParts(parts));
      put(parts, t, text(parts, t).replace(/<tableColumn [^>]*\/>/, ''));
      return `structure: table column removed ${t}`;
    }
  }
}

function mutateXml(rng: Rng, parts: Parts): string {
  const names = [...parts.keys()].filter((n) => /\.(xml|rels)$/.test(n));
  if (names.length === 0) return 'xml: no part';
  const name = pick(rng, names);
  const x = text(parts, name);
  const at = int(rng, 0, Math.max(0, x.length - 1));
  switch (int(rng, 0, 5)) {
    case 0:
      put(parts, name, x.slice(0, at));
      return `xml: truncated ${name} at ${at}`;
    case 1:
      put(parts, name, x.slice(0, at) + x.slice(at + int(rng, 1, 20)));
      return `xml: deleted at ${name} ${at}`;
    case 2:
      put(
        parts,
        name,
        x.slice(0, at) +
          pick(rng, ['<', '&', '>', '"', '<x>', '</y>', '&bogus;', '&#0;', '\u0000', '<!DOCTYPE x>']) +
          x.slice(at),
      );
      return `xml: inserted at ${name} ${at}`;
    case 3:
      put(parts, name, x.replace(/<(\w+)/, '<$1x'));
      return `xml: tag renamed ${name}`;
    case 4:
      parts.set(name, Buffer.concat([Buffer.from([0xff, 0xfe]), parts.get(name)!]));
      return `xml: bad byte-order mark ${name}`;
    default:
      parts.set(name, Buffer.alloc(0));
      return `xml: emptied ${name}`;
  }
}

/** Damage to the ZIP file itself (applied to the finished bytes). */
export function damageZip(rng: Rng, buf: Buffer): { buf: Buffer; what: string } {
  const b = Buffer.from(buf);
  switch (int(rng, 0, 4)) {
    case 0: {
      const n = int(rng, 1, 16);
      for (let k = 0; k < n; k++) b[int(rng, 0, b.length - 1)] ^= 1 << int(rng, 0, 7);
      return { buf: b, what: `zip: ${n} bits flipped` };
    }
    case 1: {
      const at = int(rng, 0, b.length - 1);
      return { buf: b.subarray(0, at), what: `zip: truncated at ${at}` };
    }
    case 2: {
      // A central directory field (sizes, offsets, counts) overwritten.
      const cd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      if (cd >= 0) b.writeUInt32LE(int(rng, 0, 0xffffffff), cd + pick(rng, [16, 20, 24, 42]));
      return { buf: b, what: 'zip: directory field overwritten' };
    }
    case 3: {
      const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      if (eocd >= 0) b.writeUInt16LE(int(rng, 0, 0xffff), eocd + 10);
      return { buf: b, what: 'zip: entry count overwritten' };
    }
    default:
      return {
        buf: Buffer.concat([b.subarray(0, int(rng, 0, 64)), Buffer.alloc(int(rng, 0, 64), 0x41), b]),
        what: 'zip: bytes prepended',
      };
  }
}

/** The parts of a package, inflated. */
export function partsOf(buf: Buffer): Parts {
  const pkg = XlsxPackage.open(buf);
  return new Map(pkg.names().map((n) => [n, pkg.bytes(n)]));
}

/** Applies 1 to 3 mutations of the chosen kinds (ZIP damage is applied by the caller after packing). */
export function mutateParts(rng: Rng, parts: Parts): { kinds: MutationKind[]; what: string[] } {
  const kinds: MutationKind[] = [];
  const what: string[] = [];
  const count = int(rng, 1, 3);
  for (let k = 0; k < count; k++) {
    const r = rng();
    const kind: MutationKind = r < 0.5 ? 'cell' : r < 0.75 ? 'structure' : r < 0.92 ? 'xml' : 'zip';
    kinds.push(kind);
    if (kind === 'cell') what.push(mutateCell(rng, parts));
    else if (kind === 'structure') what.push(mutateStructure(rng, parts));
    else if (kind === 'xml') what.push(mutateXml(rng, parts));
  }
  return { kinds, what };
}
