import DecimalJs from 'decimal.js';

/**
 * The engine's private decimal.js clone: 40 significant digits, half-up rounding.
 * Nothing else in the product changes these settings, and nothing here touches the global Decimal.
 */
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;
