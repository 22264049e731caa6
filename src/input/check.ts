/**
 * Validate: every problem of the input tables, errors (which stop a run) and warnings (which do not, CONTRACT
 * 1.10), each at its cell. Reading alone finds the errors of the tables; the leases are then measured, so that a
 * modification that cannot apply is an error here too, and the engine's warnings are listed beside the errors.
 */
import { measurePortfolio, portfolioWarnings } from '../engine/portfolio';
import type { WorkbookTables } from './grid';
import { measurementErrors, readPortfolio } from './portfolio';
import type { InputError } from './table';

export type Severity = 'error' | 'warning';

/** An error or a warning at its cell. */
export interface InputProblem extends InputError {
  severity: Severity;
}

export interface InputCheck {
  errors: InputProblem[];
  warnings: InputProblem[];
  /** Leases read (0 when the tables have errors). */
  leaseCount: number;
}

export function checkPortfolio(tables: WorkbookTables): InputCheck {
  const read = readPortfolio(tables);
  const errors: InputProblem[] = read.errors.map((e) => ({ ...e, severity: 'error' }));
  if (!read.input) return { errors, warnings: [], leaseCount: 0 };
  const result = measurePortfolio(read.input);
  for (const e of measurementErrors(read, result.failures)) errors.push({ ...e, severity: 'error' });
  const warnings: InputProblem[] = portfolioWarnings(result).map((w) => ({
    where: w.where,
    message: w.message,
    severity: 'warning',
  }));
  return { errors, warnings, leaseCount: read.input.leases.length };
}
