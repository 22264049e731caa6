/**
 * Numbers, money and dates as the display language writes them (Intl): "2,015" in English, "2.015" in German.
 * Amounts arrive in whole cents and are divided exactly (integer arithmetic) before display.
 */
export interface Formatters {
  locale: string;
  count(n: number): string;
  /** Whole cents as an amount with two decimals (no currency symbol: the currency is named beside it). */
  cents(c: number): string;
  /** An ISO date (2025-12-31) as the locale writes it. */
  date(iso: string): string;
  /** A moment as local time with its UTC offset ("14:02:07 UTC+01:00"). */
  time(ms: number): string;
  seconds(s: number): string;
  /** Names joined as the locale joins a list ("A, B and C"; "A, B und C"). */
  list(items: readonly string[]): string;
  /** A month's name (1-12) in the display language ("December", "Dezember"). */
  monthName(month: number): string;
}

function safeLocale(locale: string | undefined): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf(locale ? [locale] : []).at(0) ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/** The local UTC offset at `ms` as "+01:00" / "-05:00" / "+00:00". */
export function utcOffset(ms: number): string {
  const minutes = -new Date(ms).getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

export function formatters(language?: string): Formatters {
  const locale = safeLocale(language);
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const dateFormat = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const listFormat = new Intl.ListFormat(locale, { type: 'conjunction' });
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return {
    locale,
    count: (n) => whole.format(n),
    cents: (c) => {
      // Exact: the whole units and the cents are formatted apart, so no binary fraction is ever displayed.
      const negative = c < 0;
      const abs = Math.abs(c);
      const units = Math.floor(abs / 100);
      const rest = abs % 100;
      const parts = money.formatToParts(units + 0.5);
      const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
      const unitsText = whole.format(units);
      const text = `${unitsText}${decimal}${String(rest).padStart(2, '0')}`;
      return negative ? `-${text}` : text;
    },
    date: (iso) => {
      const [y, m, d] = iso.split('-').map(Number);
      return dateFormat.format(new Date(Date.UTC(y, m - 1, d)));
    },
    time: (ms) => `${timeFormat.format(new Date(ms))} UTC${utcOffset(ms)}`,
    seconds: (s) => oneDecimal.format(s),
    list: (items) => listFormat.format(items),
    monthName: (month) => monthFormat.format(new Date(Date.UTC(2000, month - 1, 1))),
  };
}

/**
 * A moment as ISO 8601 local time with its UTC offset ("2026-03-31T17:05:09+02:00"): what the Run Log shows as
 * the time of a run from the pane (the same instant as UTC, readable where the accountant is).
 */
export function localIsoTimestamp(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}` +
    `T${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}${utcOffset(ms)}`
  );
}
