/**
 * The Classification sheet (CONTRACT 1.8, ASC 842-10-25-2 and 842-20-25-2): per lease, the five tests with their
 * figures, the short-term test, the tests' own result, any override beside it, the classification in force, and for a
 * finance lease the rule that set its amortization period (CONTRACT 1.7); then each reassessment at a modification.
 *
 * At commencement the figures are live: the Yes/No facts, the term, Useful Life and Fair Value link to the lease's
 * cells in the `Leases` table; the PV of the lease payments for the 90% test is the Tie-Out's liability at
 * commencement + paid at commencement - incentives; each test, the result and the classification in force are
 * formulas. The Tie-Out counts the leases whose classification in force, re-performed here, is the one measured, so
 * an edited fact (Ownership Transfers, Useful Life, Fair Value, an override) FAILs it. Reassessments show the
 * engine's figures (the remaining term against the useful life left, the PV of the revised payments against the
 * row's Fair Value) as values.
 */
import type { LeaseResult } from '../../engine';
import type { LeaseTerms, Policies } from '../../engine/terms';
import { bold, classificationLabel, FMT, formula, formulaText, num, sheetRef, text } from '../cells';
import { SHEET } from '../names';
import type { PlanCell, SheetPlan } from '../plan';
import { measurementLabel } from './schedules';
import { leaseTableCell } from './tieOutColumns';

const HEADERS = [
  'Lease ID',
  'Ownership transfers',
  'Purchase option reasonably certain',
  'Lease term (months)',
  'Useful life (months)',
  'Term / useful life',
  'Economic life threshold',
  'Term test met',
  'PV of lease payments',
  'Fair value',
  'PV / fair value',
  'Fair value threshold',
  'PV test met',
  'Specialized asset',
  'Short-term test met',
  "Tests' result",
  'Override',
  'Classification in force',
  'Measured as',
  'Agrees',
  'Finance amortization period',
] as const;
type Key = (typeof HEADERS)[number];

const REASSESSMENT_HEADERS = [
  'Lease ID',
  'Modification',
  'Effective month',
  'Ownership transfers',
  'Purchase option reasonably certain',
  'Term test',
  'PV test',
  'Specialized asset',
  "Tests' result",
  'Override',
  'Classification in force',
  'Finance amortization period',
] as const;

export interface ClassificationLayout {
  sheet: SheetPlan;
  /** Absolute, sheet-qualified ranges of the commencement table's "Agrees" column, and the number of leases. */
  agreesRange: string;
  leases: number;
}

function yesNo(cell: string): string {
  const k = `UPPER(TRIM(${cell}))`;
  return `IF(OR(${k}="YES",${k}="Y",${k}="TRUE"),"Yes","No")`;
}

function amortizationText(p: LeaseResult['amortizationPeriod']): string {
  if (!p) return 'n/a';
  return `${p.rule}: through lease month ${p.endMonth} (ASC 842-20-35-8)`;
}

export function classificationLayout(args: {
  leases: readonly LeaseResult[];
  terms: readonly LeaseTerms[];
  policies: Policies;
}): ClassificationLayout {
  const { leases, policies } = args;
  const termsById = new Map(args.terms.map((t) => [t.id, t]));
  const C = Object.fromEntries(HEADERS.map((h, i) => [h, String.fromCharCode(65 + i)])) as Record<Key, string>;
  const headerRow = 5;
  const first = headerRow + 1;
  const last = Math.max(headerRow + leases.length, first);
  const rows: (PlanCell | null)[][] = [];
  rows.push([bold('Lease classification (ASC 842-10-25-2; short-term exemption ASC 842-20-25-2)')]);
  rows.push([
    text(
      'A lease is a finance lease when any test is met: ownership transfers, a purchase option reasonably certain of exercise, the lease term at least the economic life threshold of the remaining useful life ' +
        '(skipped when Useful Life is blank), the PV of the lease payments (paid at commencement included, net of incentives, RVG included) at least the fair value threshold of Fair Value ' +
        '(skipped when blank), or a specialized asset. Otherwise operating; short-term when the term is 12 months or less with no purchase option reasonably certain and policy Short-Term Exemption is Yes.',
    ),
  ]);
  rows.push([
    text(
      `An override in the Classification column of Leases wins over the tests (the short-term test too) and is shown beside the tests' own result. Policies: Economic Life Threshold ${policies.economicLifeThreshold.toString()}, ` +
        `Fair Value Threshold ${policies.fairValueThreshold.toString()}, Short-Term Exemption ${policies.shortTermExemption ? 'Yes' : 'No'}. Figures at commencement link to the Leases table.`,
    ),
  ]);
  rows.push([bold('At commencement')]);
  rows.push(HEADERS.map((h) => bold(h)));
  leases.forEach((lease, idx) => {
    const r = first + idx;
    const x = (k: Key) => `${C[k]}${r}`;
    const t = termsById.get(lease.id);
    const cells = t?.inputCells ?? {};
    const tests = lease.classificationTests;
    const met = (name: string) => tests.tests.find((q) => q.name.startsWith(name))?.met ?? false;
    const link = (field: string, fallback: PlanCell | null, f: (c: string) => string, fmt?: string) =>
      cells[field] ? formula(f(cells[field]), fmt) : fallback;
    const shortTerm = lease.classification === 'short-term';
    const row: Record<Key, PlanCell | null> = {
      'Lease ID': text(lease.id),
      'Ownership transfers': link('ownershipTransfers', text(met('Ownership') ? 'Yes' : 'No'), yesNo),
      'Purchase option reasonably certain': link(
        'purchaseOptionCertain',
        text(met('Purchase option') ? 'Yes' : 'No'),
        yesNo,
      ),
      'Lease term (months)': link('termMonths', num(lease.termMonths, FMT.integer), (c) => `--${c}`, FMT.integer),
      'Useful life (months)': link(
        'usefulLifeMonths',
        t?.usefulLifeMonths ? num(t.usefulLifeMonths, FMT.integer) : null,
        (c) => `IF(TRIM(${c})="","",--${c})`,
        FMT.integer,
      ),
      'Term / useful life': formula(
        `IF(${x('Useful life (months)')}="","",${x('Lease term (months)')}/${x('Useful life (months)')})`,
        FMT.percent2,
      ),
      'Economic life threshold': num(Number(policies.economicLifeThreshold.toString()), FMT.percent2),
      'Term test met': formula(
        `IF(${x('Term / useful life')}="","n/a (Useful Life blank)",IF(${x('Term / useful life')}>=${x('Economic life threshold')},"Yes","No"))`,
      ),
      'PV of lease payments': shortTerm
        ? text('not measured (short-term)')
        : formula(
            `${leaseTableCell('liability0', idx)}+${leaseTableCell('dayOne', idx)}+${leaseTableCell('prepaid', idx)}-${leaseTableCell('incentives', idx)}`,
            FMT.money,
          ),
      'Fair value': link(
        'fairValue',
        t?.fairValue ? num(t.fairValue / 100, FMT.money) : null,
        (c) => `IF(TRIM(${c})="","",--${c})`,
        FMT.money,
      ),
      'PV / fair value': formula(
        `IF(OR(${x('Fair value')}="",NOT(ISNUMBER(${x('PV of lease payments')}))),"",${x('PV of lease payments')}/${x('Fair value')})`,
        FMT.percent2,
      ),
      'Fair value threshold': num(Number(policies.fairValueThreshold.toString()), FMT.percent2),
      'PV test met': formula(
        `IF(${x('PV / fair value')}="",IF(${x('Fair value')}="","n/a (Fair Value blank)","n/a (short-term)"),IF(${x('PV / fair value')}>=${x('Fair value threshold')},"Yes","No"))`,
      ),
      'Specialized asset': link('specializedAsset', text(met('Specialized') ? 'Yes' : 'No'), yesNo),
      'Short-term test met': formula(
        `IF(AND(${formulaText(policies.shortTermExemption ? 'Yes' : 'No')}="Yes",${x('Lease term (months)')}<=12,${x('Purchase option reasonably certain')}="No"),"Yes","No")`,
      ),
      "Tests' result": formula(
        `IF(${x('Short-term test met')}="Yes","Short-term",IF(OR(${x('Ownership transfers')}="Yes",${x('Purchase option reasonably certain')}="Yes",${x('Term test met')}="Yes",${x('PV test met')}="Yes",${x('Specialized asset')}="Yes"),"Finance","Operating"))`,
      ),
      Override: link(
        'classification',
        tests.override ? text(classificationLabel(tests.override)) : null,
        (c) => `IF(TRIM(${c})="","",PROPER(TRIM(${c})))`,
      ),
      'Classification in force': formula(`IF(${x('Override')}="",${x("Tests' result")},${x('Override')})`),
      'Measured as': text(classificationLabel(lease.classification)),
      Agrees: formula(`IF(${x('Classification in force')}=${x('Measured as')},"Yes","No")`),
      'Finance amortization period': text(amortizationText(lease.amortizationPeriod)),
    };
    rows.push(HEADERS.map((h) => row[h]));
  });
  // Reassessments at modifications (values: the engine's figures).
  const reassessments: (PlanCell | null)[][] = [];
  for (const lease of leases) {
    for (const m of lease.measurements) {
      if (m.index === 0) continue;
      const row = lease.months.find((x) => x.month === m.startMonth);
      if (!row || row.event === 'Impairment' || row.event === 'Termination') continue;
      const c = m.classification;
      const test = (name: string) => c.tests.find((q) => q.name.startsWith(name));
      const shown = (name: string) => {
        const q = test(name);
        return text(q ? `${q.applicable ? (q.met ? 'Yes' : 'No') : 'n/a'}: ${q.detail}` : 'n/a');
      };
      reassessments.push([
        text(lease.id),
        text(`${row.event ?? 'Remeasurement'} (${measurementLabel(m.index)})`),
        num(m.startMonth, FMT.integer),
        shown('Ownership'),
        shown('Purchase option'),
        shown('Lease term'),
        shown('PV of payments'),
        shown('Specialized'),
        text(classificationLabel(c.byTests)),
        c.override ? text(classificationLabel(c.override)) : null,
        text(classificationLabel(c.result)),
        text(amortizationText(m.amortizationPeriod)),
      ]);
    }
  }
  rows.push([]);
  const reHeader = rows.length + 2;
  rows.push([
    bold(
      "Reassessments at modifications (CONTRACT 1.10: the remaining term against the useful life left, the PV of the revised payments against the row's Fair Value)",
    ),
  ]);
  rows.push(REASSESSMENT_HEADERS.map((h) => bold(h)));
  if (reassessments.length === 0) rows.push([text('None: no remeasurement or partial termination')]);
  rows.push(...reassessments);
  const C2 = (i: number) => String.fromCharCode(65 + i);
  return {
    sheet: {
      name: SHEET.classification,
      rows,
      columnWidths: [14, 13, 15, 11, 11, 11, 11, 18, 16, 14, 11, 11, 18, 11, 11, 12, 11, 14, 12, 8, 44],
      frozenRows: headerRow,
      frozenColumns: 1,
      tables: [
        {
          name: 'ClassificationTests',
          range: `A${headerRow}:${C2(HEADERS.length - 1)}${last}`,
          style: 'TableStyleLight9',
        },
        ...(reassessments.length > 0
          ? [
              {
                name: 'ClassificationReassessments',
                range: `A${reHeader}:${C2(REASSESSMENT_HEADERS.length - 1)}${reHeader + reassessments.length}`,
                style: 'TableStyleLight9',
              },
            ]
          : []),
      ],
      tabColor: '#375623',
    },
    agreesRange: `${sheetRef(SHEET.classification)}$${C.Agrees}$${first}:$${C.Agrees}$${last}`,
    leases: leases.length,
  };
}
