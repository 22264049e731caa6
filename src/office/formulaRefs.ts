/**
 * Sheet and table references inside A1 formulas, found without parsing the whole formula: what the writer needs
 * to point staging sheets' formulas at each other, and what the in-memory Excel needs to follow a sheet or table
 * rename the way Excel does. String literals ("...") are never touched.
 */
import { quoteSheetName } from '../input/a1';

export type FormulaRef =
  | { kind: 'sheet'; name: string; start: number; end: number }
  | { kind: 'table'; name: string; start: number; end: number };

/** A character that can start a sheet or table name: a letter, _, \ or any character from U+00C0. */
function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 92 || code >= 0xc0;
}

/** A character that can continue one: those, digits and the dot. */
function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57) || code === 46;
}

/** Every `Sheet!` / `'Sheet name'!` prefix and every `Table[...]` structured reference, left to right. */
export function findRefs(formula: string): FormulaRef[] {
  const refs: FormulaRef[] = [];
  // Most formulas refer to their own sheet only: no "!" and no "[" means nothing to find.
  if (formula.indexOf('!') < 0 && formula.indexOf('[') < 0) return refs;
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      i++;
      while (i < n) {
        if (formula[i] === '"') {
          if (formula[i + 1] === '"') i += 2;
          else break;
        } else i++;
      }
      i++;
      continue;
    }
    if (ch === "'") {
      const start = i;
      i++;
      let name = '';
      while (i < n) {
        if (formula[i] === "'") {
          if (formula[i + 1] === "'") {
            name += "'";
            i += 2;
          } else break;
        } else name += formula[i++];
      }
      i++;
      if (formula[i] === '!') refs.push({ kind: 'sheet', name, start, end: i + 1 });
      continue;
    }
    if (ch === '[') {
      i = skipBrackets(formula, i);
      continue;
    }
    if (isNameStart(formula.charCodeAt(i)) && (i === 0 || !isNameChar(formula.charCodeAt(i - 1)))) {
      const start = i;
      while (i < n && isNameChar(formula.charCodeAt(i))) i++;
      const name = formula.slice(start, i);
      if (formula[i] === '!') refs.push({ kind: 'sheet', name, start, end: i + 1 });
      else if (formula[i] === '[') {
        refs.push({ kind: 'table', name, start, end: i });
        i = skipBrackets(formula, i);
      }
      continue;
    }
    i++;
  }
  return refs;
}

function skipBrackets(formula: string, at: number): number {
  let depth = 0;
  let i = at;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === "'" && depth > 0) {
      i += 2; // an escaped character inside a column name
      continue;
    }
    if (ch === '[') depth++;
    else if (ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return i;
}

/**
 * The formula with sheet names and table names replaced (keys compared case-insensitively, as Excel compares
 * names). Sheet references are re-quoted as needed.
 */
export function renameRefs(
  formula: string,
  sheets: ReadonlyMap<string, string>,
  tables: ReadonlyMap<string, string> = new Map(),
): string {
  if (sheets.size === 0 && tables.size === 0) return formula;
  const refs = findRefs(formula);
  if (refs.length === 0) return formula;
  let out = '';
  let at = 0;
  for (const ref of refs) {
    const map = ref.kind === 'sheet' ? sheets : tables;
    const renamed = lookup(map, ref.name);
    if (renamed === undefined) continue;
    out += formula.slice(at, ref.start);
    out += ref.kind === 'sheet' ? `${quoteSheetName(renamed)}!` : renamed;
    at = ref.end;
  }
  return out + formula.slice(at);
}

/** "'Lease data'!A1:B9" -> { sheet: "Lease data", local: "A1:B9" }; sheet is null when the address names none. */
export function splitAddress(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: address };
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/**
 * `renameRefs` with the maps fixed, for rewriting many formulas: a formula that does not mention any of the names
 * (compared case-insensitively) is returned as it is without being parsed.
 */
export function refRenamer(
  sheets: ReadonlyMap<string, string>,
  tables: ReadonlyMap<string, string> = new Map(),
): (formula: string) => string {
  const names = [...sheets.keys(), ...tables.keys()];
  if (names.length === 0) return (formula) => formula;
  // Only ASCII names are screened (a regex's case folding is Excel's for ASCII); others always go through the parse.
  // eslint-disable-next-line no-control-regex
  if (!names.every((n) => /^[\x00-\x7f]+$/.test(n))) return (formula) => renameRefs(formula, sheets, tables);
  const escape = (n: string) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A quoted sheet name doubles its apostrophes: 'O''Brien'!A1.
  const mention = new RegExp(names.flatMap((n) => [escape(n), escape(n.replace(/'/g, "''"))]).join('|'), 'i');
  return (formula) => (mention.test(formula) ? renameRefs(formula, sheets, tables) : formula);
}

function lookup(map: ReadonlyMap<string, string>, name: string): string | undefined {
  const direct = map.get(name);
  if (direct !== undefined) return direct;
  const lower = name.toLowerCase();
  for (const [k, v] of map) if (k.toLowerCase() === lower) return v;
  return undefined;
}
