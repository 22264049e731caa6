/**
 * A generated lease with one random modification (remeasurement, possibly reclassifying it, partial termination,
 * impairment or termination) at a lease-month start inside its term, for property tests of the workpapers.
 */
import fc from 'fast-check';
import { measureLease, type LeaseResult } from '../../src/engine';
import { Decimal } from '../../src/engine/money/decimal';
import type { ModificationTerms } from '../../src/engine/terms';
import { leaseArb } from '../engine/support/arbitraries';
import { modification } from '../support/leases';

/** A random modification at a lease-month start inside the term, or none. */
export const modArb = fc.option(
  fc.record({
    monthPermille: fc.integer({ min: 1, max: 999 }),
    kind: fc.constantFrom('Remeasurement', 'Partial termination', 'Impairment', 'Termination'),
    /** A remeasurement that also overrides the classification to the other one (a reclassification). */
    reclassify: fc.boolean(),
    paymentPct: fc.integer({ min: 10, max: 200 }),
    scopePct: fc.integer({ min: 1, max: 90 }),
    amountPermille: fc.integer({ min: 0, max: 500 }),
  }),
  { nil: null },
);

/** The generated lease measured, with its modification when the engine accepts it. */
export function measured(p: {
  g: { terms: Parameters<typeof measureLease>[0]; policies: Parameters<typeof measureLease>[2] };
  m: {
    monthPermille: number;
    kind: string;
    reclassify: boolean;
    paymentPct: number;
    scopePct: number;
    amountPermille: number;
  } | null;
}): LeaseResult {
  const base = measureLease(p.g.terms, [], p.g.policies);
  if (!p.m || base.months.length < 3 || base.months[0].classification === 'short-term') return base;
  const k = 2 + Math.floor(((base.months.length - 2) * p.m.monthPermille) / 1000);
  const row = base.months[Math.min(k, base.months.length) - 1];
  const mods: ModificationTerms[] = [];
  const common = { leaseId: p.g.terms.id, effectiveDate: row.start };
  if (p.m.kind === 'Remeasurement') {
    mods.push(
      modification({
        ...common,
        type: 'Remeasurement',
        newPayment: Math.round((p.g.terms.payment * p.m.paymentPct) / 100),
        ...(p.m.reclassify
          ? { classificationOverride: row.classification === 'finance' ? ('operating' as const) : ('finance' as const) }
          : {}),
      }),
    );
  } else if (p.m.kind === 'Partial termination') {
    mods.push(
      modification({ ...common, type: 'Partial termination', scopeReduction: new Decimal(p.m.scopePct).div(100) }),
    );
  } else if (p.m.kind === 'Impairment') {
    mods.push(
      modification({
        ...common,
        type: 'Impairment',
        impairmentAmount: Math.floor((row.rouStart * p.m.amountPermille) / 1000),
      }),
    );
  } else {
    mods.push(
      modification({
        ...common,
        type: 'Termination',
        terminationPayment: Math.floor((row.liabilityStart * p.m.amountPermille) / 1000),
      }),
    );
  }
  try {
    return measureLease(p.g.terms, mods, p.g.policies);
  } catch {
    return base; // a modification the engine refuses (its own tests cover that)
  }
}

export const caseArb = fc.record({ g: leaseArb, m: modArb });
