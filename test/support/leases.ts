import { Decimal } from '../../src/engine/money/decimal';
import { centsFromDecimal } from '../../src/engine/money/cents';
import type { LeaseTerms, ModificationTerms } from '../../src/engine/terms';

/** A lease with every optional term at its CONTRACT default; amounts in currency units for readability. */
export function lease(
  over: Partial<Omit<LeaseTerms, 'payment'>> & { payment?: number | string; rate?: number | string } = {},
): LeaseTerms {
  const { payment, rate, ...rest } = over;
  return {
    id: 'L-1',
    description: '',
    entity: '',
    assetClass: '',
    currency: 'USD',
    commencement: '2029-01-01',
    termMonths: 36,
    payment: centsFromDecimal(payment ?? 500),
    frequency: 'Monthly',
    timing: 'Advance',
    annualEscalation: new Decimal(0),
    freeRentMonths: 0,
    discountRate: new Decimal(rate ?? '0.06'),
    initialDirectCosts: 0,
    leaseIncentives: 0,
    prepaidRent: 0,
    residualValueGuarantee: 0,
    purchaseOptionPrice: 0,
    purchaseOptionCertain: false,
    ownershipTransfers: false,
    specializedAsset: false,
    usefulLifeMonths: null,
    fairValue: null,
    classificationOverride: null,
    irregularPayments: [],
    ...rest,
  };
}

export function modification(
  over: Partial<ModificationTerms> & Pick<ModificationTerms, 'effectiveDate' | 'type'>,
): ModificationTerms {
  return {
    leaseId: 'L-1',
    newTermMonths: null,
    newPayment: null,
    newDiscountRate: null,
    scopeReduction: null,
    terminationPayment: null,
    impairmentAmount: null,
    purchaseOptionCertain: null,
    residualValueGuarantee: null,
    fairValue: null,
    classificationOverride: null,
    ...over,
  };
}

/** Dollars to cents for expectations written in currency units. */
export const $ = (x: number | string) => centsFromDecimal(x);
