import type { Decimal } from '../money/decimal';
import type { Cents } from '../money/cents';
import type { RentReset } from '../payments/stream';
import type { Measurement } from '../schedule/types';

/** The terms in force after the modifications so far: each row changes some of them (blank = unchanged). */
export interface TermsInForce {
  termMonths: number;
  annualRate: Decimal;
  resets: RentReset[];
  purchaseOptionCertain: boolean;
  residualValueGuarantee: Cents;
  fairValue: Cents | null;
  /** The lease's own Classification override (a row's override applies from that row on). */
  override: 'operating' | 'finance' | null;
  /** An operating lease's ROU was impaired: from then on it amortizes straight-line. */
  impaired: boolean;
  measurement: Measurement;
}
