/**
 * Lease memos: per lease, the technical-accounting memo an auditor asks for, as plain data (headed sections of
 * paragraphs) that the Lease Memos sheet and the Word document both lay out: the facts (terms, dates, payments, the
 * discount rate and its source), the classification analysis with its figures and the ASC 842 paragraphs applied,
 * the measurement at commencement, each modification and how it was accounted for, and the policy elections used.
 * Plain professional prose an accountant can edit; every figure is the engine's.
 */
import type { LeaseResult, MonthRow } from '../engine';
import type { LeaseTerms, Policies } from '../engine/terms';
import { amountText, classificationLabel } from './cells';

export interface MemoSection {
  heading: string;
  paragraphs: string[];
}

export interface LeaseMemo {
  leaseId: string;
  title: string;
  /** Operating, Finance or Short-term. */
  classification: string;
  sections: MemoSection[];
}

function pct(x: { toString(): string } | number, places = 2): string {
  const n = Number(x.toString()) * 100;
  return `${n.toFixed(places).replace(/\.?0+$/, '')}%`;
}

const money = (cents: number, currency: string) => `${currency} ${amountText(cents)}`;

function months(n: number): string {
  return `${n} month${n === 1 ? '' : 's'}`;
}

function facts(lease: LeaseResult, t: LeaseTerms | undefined, policies: Policies): string[] {
  const cur = lease.currency;
  const who = lease.entity ? `${lease.entity} (the lessee)` : 'The lessee';
  const what = lease.description || lease.assetClass || 'the underlying asset';
  const out: string[] = [];
  out.push(
    `${who} leases ${what}${lease.assetClass && lease.description ? ` (${lease.assetClass})` : ''} under lease ${lease.id}. ` +
      `The lease commences on ${lease.commencement} for a non-cancellable term of ${months(lease.termMonths)}.`,
  );
  if (t) {
    if (t.irregularPayments.length > 0) {
      const total = t.irregularPayments.reduce((s, p) => s + p.amount, 0);
      out.push(
        `The payments are scheduled individually in the LeasePayments table: ${t.irregularPayments.length} payments from ${t.irregularPayments[0].date} totalling ${money(total, cur)}.`,
      );
    } else {
      const esc = Number(t.annualEscalation.toString());
      out.push(
        `Fixed payments are ${money(t.payment, cur)} ${t.frequency.toLowerCase()}, paid in ${t.timing.toLowerCase()}` +
          (esc !== 0 ? `, escalating by ${pct(t.annualEscalation)} on each anniversary of commencement` : '') +
          (t.freeRentMonths > 0 ? `, with ${months(t.freeRentMonths)} of free rent at the start of the term` : '') +
          '.',
      );
    }
    const extras: string[] = [];
    if (t.initialDirectCosts) extras.push(`initial direct costs of ${money(t.initialDirectCosts, cur)}`);
    if (t.leaseIncentives) extras.push(`lease incentives received of ${money(t.leaseIncentives, cur)}`);
    if (t.prepaidRent) extras.push(`rent prepaid before commencement of ${money(t.prepaidRent, cur)}`);
    if (t.residualValueGuarantee)
      extras.push(
        `a residual value guarantee of which ${money(t.residualValueGuarantee, cur)} is probable of being owed`,
      );
    if (t.purchaseOptionPrice)
      extras.push(
        `a purchase option at ${money(t.purchaseOptionPrice, cur)}, ${t.purchaseOptionCertain ? 'reasonably certain' : 'not reasonably certain'} of exercise`,
      );
    if (extras.length > 0) out.push(`The lease also carries ${extras.join('; ')}.`);
    out.push(
      `The payments are discounted at ${pct(t.discountRate, 4)} a year, the discount rate entered for the lease (the rate implicit in the lease when readily determinable, otherwise the lessee's incremental borrowing rate; ASC 842-20-30-3). ` +
        `Under the Rate Basis policy (${policies.rateBasis}) the monthly rate is ${lease.monthlyRate.text.slice(0, 14)}.`,
    );
  }
  return out;
}

function classificationAnalysis(lease: LeaseResult, policies: Policies): string[] {
  const c = lease.classificationTests;
  const test = (name: string) => c.tests.find((q) => q.name.startsWith(name));
  const line = (label: string, para: string, name: string) => {
    const q = test(name);
    if (!q) return null;
    const verdict = !q.applicable ? 'not performed' : q.met ? 'met' : 'not met';
    return `${label} (ASC 842-10-25-2(${para})): ${verdict}. ${q.detail}.`;
  };
  const out = [
    `We assessed the lease at commencement against the five criteria of ASC 842-10-25-2; meeting any one makes it a finance lease.`,
    line('Transfer of ownership', 'a', 'Ownership'),
    line('Purchase option reasonably certain of exercise', 'b', 'Purchase option'),
    line(
      `Lease term for a major part of the remaining economic life (threshold ${pct(policies.economicLifeThreshold)}, ASC 842-10-55-2)`,
      'c',
      'Lease term',
    ),
    line(
      `Present value of the lease payments amounting to substantially all of the fair value (threshold ${pct(policies.fairValueThreshold)}, ASC 842-10-55-2)`,
      'd',
      'PV of payments',
    ),
    line('Specialized asset with no alternative use to the lessor', 'e', 'Specialized'),
  ].filter((x): x is string => x !== null);
  const st = test('Short-term');
  if (st) {
    out.push(
      `Short-term lease exemption (ASC 842-20-25-2, elected by policy: ${policies.shortTermExemption ? 'Yes' : 'No'}): ${st.met ? 'applies' : 'does not apply'}. ${st.detail}.`,
    );
  }
  const byTests = classificationLabel(c.byTests);
  if (c.override) {
    out.push(
      `The tests indicate a${byTests === 'Operating' ? 'n' : ''} ${byTests.toLowerCase()} lease; management has overridden this and classified the lease as ${classificationLabel(c.override).toLowerCase()} (entered in the Classification column). The reason for the override should be documented here.`,
    );
  } else {
    out.push(
      `Conclusion: the lease is classified as ${byTests.toLowerCase()}${byTests === 'Short-term' ? ' (no asset or liability recognized)' : ''}.`,
    );
  }
  return out;
}

function measurement(lease: LeaseResult): string[] {
  const cur = lease.currency;
  if (lease.classification === 'short-term') {
    const total = lease.months.reduce((s, m) => s + m.leaseCost, 0);
    return [
      `As a short-term lease, no right-of-use asset or lease liability is recognized (ASC 842-20-25-2). The lease cost of ${money(total, cur)} (all payments, prepaid rent and initial direct costs, less incentives) is recognized straight-line over the ${months(lease.termMonths)} (ASC 842-20-25-6).`,
    ];
  }
  const first = lease.measurements[0];
  const out = [
    `The lease liability at commencement is the present value of the lease payments not yet paid, ${money(lease.liabilityAtCommencement, cur)} (ASC 842-20-30-1), computed month by month at the monthly rate and rounded to the cent.`,
    `The right-of-use asset is ${money(lease.rouAtCommencement, cur)}: the liability` +
      (lease.paidAtCommencement
        ? `, plus ${money(lease.paidAtCommencement, cur)} paid at or before commencement`
        : '') +
      (lease.initialDirectCosts ? `, plus initial direct costs of ${money(lease.initialDirectCosts, cur)}` : '') +
      (lease.leaseIncentives ? `, less lease incentives of ${money(lease.leaseIncentives, cur)}` : '') +
      ' (ASC 842-20-30-5).',
  ];
  if (lease.classification === 'finance') {
    const p = lease.amortizationPeriod;
    out.push(
      `As a finance lease, interest accrues on the liability and the right-of-use asset is amortized straight-line (ASC 842-20-25-5, 842-20-35-8)` +
        (p ? ` over the ${p.rule}, through lease month ${p.endMonth}` : '') +
        `: ${money(first.amortizationMonthly, cur)} a month.`,
    );
  } else {
    out.push(
      `As an operating lease, a single lease cost of ${money(first.straightLineMonthly, cur)} a month is recognized straight-line over the term (ASC 842-20-25-6); the liability accretes at the discount rate and the right-of-use asset is amortized by the difference (ASC 842-20-35-3).`,
    );
  }
  return out;
}

function modification(lease: LeaseResult, row: MonthRow): string {
  const cur = lease.currency;
  const when = `Effective ${row.start} (lease month ${row.month})`;
  const m = lease.measurements.find((x) => x.index === row.measurement);
  const gain =
    row.gainLoss === 0
      ? ''
      : ` A ${row.gainLoss > 0 ? 'gain' : 'loss'} of ${money(Math.abs(row.gainLoss), cur)} is recognized.`;
  switch (row.event) {
    case 'Remeasurement':
      return (
        `${when}, the lease was modified and the liability remeasured: the revised payments discounted at ${m ? pct(m.annualRate, 4) : 'the rate in force'} a year (ASC 842-10-25-8, 842-20-35-5): ` +
        `the liability moved by ${money(row.liabilityAdjustment, cur)} and the right-of-use asset by ${money(row.rouAdjustment, cur)}.` +
        (m ? ` Classification was reassessed: ${classificationLabel(m.classification.result).toLowerCase()}.` : '') +
        gain
      );
    case 'Partial termination':
      return (
        `${when}, the scope of the lease was reduced (a partial termination, ASC 842-10-25-13): ${money(row.liabilityDerecognized, cur)} of the liability and ${money(row.rouDerecognized, cur)} of the right-of-use asset were derecognized, ` +
        `and the remaining lease was remeasured (liability adjustment in total ${money(row.liabilityAdjustment, cur)}).` +
        (m ? ` Classification was reassessed: ${classificationLabel(m.classification.result).toLowerCase()}.` : '') +
        gain
      );
    case 'Termination':
      return `${when}, the lease was terminated with a payment of ${money(row.arrearsPayment, cur)}: the liability and the right-of-use asset were derecognized (ASC 842-20-40-1).${gain}`;
    case 'Impairment':
      return `${when}, the right-of-use asset was impaired by ${money(row.impairment, cur)} (ASC 842-20-35-9, ASC 360-10); from then on an operating lease amortizes its remaining asset straight-line and its cost is accretion plus amortization (ASC 842-20-35-10).`;
    default:
      return '';
  }
}

function elections(policies: Policies): string[] {
  return [
    `Rate Basis: ${policies.rateBasis}. Short-term lease exemption (ASC 842-20-25-2): ${policies.shortTermExemption ? 'elected' : 'not elected'}. ` +
      `Classification thresholds (ASC 842-10-55-2): ${pct(policies.economicLifeThreshold)} of the remaining economic life and ${pct(policies.fairValueThreshold)} of fair value. ` +
      `Partial terminations: ${policies.partialTerminationMethod.toLowerCase()}.`,
  ];
}

export function leaseMemos(
  leases: readonly LeaseResult[],
  terms: readonly LeaseTerms[],
  policies: Policies,
): LeaseMemo[] {
  const byId = new Map(terms.map((t) => [t.id, t]));
  return leases.map((lease) => {
    const events = lease.months.filter((m) => m.event !== null);
    const sections: MemoSection[] = [
      { heading: 'Facts', paragraphs: facts(lease, byId.get(lease.id), policies) },
      { heading: 'Classification', paragraphs: classificationAnalysis(lease, policies) },
      { heading: 'Measurement at commencement', paragraphs: measurement(lease) },
      {
        heading: 'Modifications',
        paragraphs: events.length === 0 ? ['None recorded.'] : events.map((e) => modification(lease, e)),
      },
      { heading: 'Policy elections', paragraphs: elections(policies) },
    ];
    return {
      leaseId: lease.id,
      title: `Lease ${lease.id}${lease.description ? `: ${lease.description}` : ''}`,
      classification: classificationLabel(lease.classification),
      sections,
    };
  });
}
