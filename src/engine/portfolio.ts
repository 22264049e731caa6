import { measureLease, ModificationError } from './lease';
import type { LeaseResult } from './schedule/types';
import type { ModificationTerms, PortfolioInput } from './terms';
import type { LeaseWarning } from './warnings';

/** A lease the engine could not measure (for instance a modification that cannot apply), with the cell to look at. */
export interface LeaseFailure {
  leaseId: string;
  message: string;
  where?: string;
}

export interface PortfolioResult {
  /** In input order. */
  leases: LeaseResult[];
  failures: LeaseFailure[];
}

/**
 * Measures every lease of the portfolio. Leases are independent: the result of one never depends on another or on
 * the order of the table. `onProgress` is called after each lease.
 */
export function measurePortfolio(
  input: PortfolioInput,
  onProgress?: (done: number, total: number) => void,
): PortfolioResult {
  const byLease = new Map<string, ModificationTerms[]>();
  for (const mod of input.modifications) {
    const list = byLease.get(mod.leaseId);
    if (list) list.push(mod);
    else byLease.set(mod.leaseId, [mod]);
  }
  const leases: LeaseResult[] = [];
  const failures: LeaseFailure[] = [];
  const known = new Set(input.leases.map((l) => l.id));
  for (const mod of input.modifications) {
    if (!known.has(mod.leaseId)) {
      failures.push({
        leaseId: mod.leaseId,
        message: `no lease "${mod.leaseId}" in the Leases table`,
        where: mod.source,
      });
    }
  }
  const total = input.leases.length;
  input.leases.forEach((terms, i) => {
    try {
      leases.push(measureLease(terms, byLease.get(terms.id) ?? [], input.policies));
    } catch (e) {
      const err = e as Error;
      failures.push({
        leaseId: terms.id,
        message: `lease ${terms.id}: ${err.message}`,
        where: e instanceof ModificationError ? e.where : undefined,
      });
    }
    onProgress?.(i + 1, total);
  });
  return { leases, failures };
}

/** Every measured lease's warnings, lease by lease in input order (CONTRACT 1.10): they never stop a run. */
export function portfolioWarnings(result: PortfolioResult): LeaseWarning[] {
  return result.leases.flatMap((l) => l.warnings);
}
