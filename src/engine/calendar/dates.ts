/**
 * Calendar arithmetic on ISO dates ("YYYY-MM-DD"), pure and time-zone free: a date is a count of days since
 * 1970-01-01 (the proleptic Gregorian calendar), never a JavaScript Date in local time.
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface Ymd {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function parseIso(date: IsoDate): Ymd {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`"${date}" is not a date in the form YYYY-MM-DD`);
  const ymd = { year: +m[1], month: +m[2], day: +m[3] };
  if (ymd.month < 1 || ymd.month > 12 || ymd.day < 1 || ymd.day > daysInMonth(ymd.year, ymd.month)) {
    throw new RangeError(`"${date}" is not a calendar date`);
  }
  return ymd;
}

export function isIsoDate(s: string): boolean {
  try {
    parseIso(s);
    return true;
  } catch {
    return false;
  }
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

export function formatIso({ year, month, day }: Ymd): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIso(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(z: number): IsoDate {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return formatIso({ year: m <= 2 ? y + 1 : y, month: m, day: d });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Excel's EDATE: the same day `months` later, clamped to the end of a shorter month. */
export function edate(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIso(date);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const mo = total - y * 12 + 1;
  return formatIso({ year: y, month: mo, day: Math.min(day, daysInMonth(y, mo)) });
}

/** Excel's EOMONTH. */
export function eomonth(date: IsoDate, months: number): IsoDate {
  const { year, month } = parseIso(edate(formatIso({ ...parseIso(date), day: 1 }), months));
  return formatIso({ year, month, day: daysInMonth(year, month) });
}

/** First day of lease month k (k = 1..N): EDATE(commencement, k-1). */
export function leaseMonthStart(commencement: IsoDate, k: number): IsoDate {
  return edate(commencement, k - 1);
}

/** Last day of lease month k: the day before EDATE(commencement, k). */
export function leaseMonthEnd(commencement: IsoDate, k: number): IsoDate {
  return addDays(edate(commencement, k), -1);
}

/**
 * The lease month (1-based) that contains `date`, or 0 when the date is before commencement.
 * Months after the term are still numbered (N+1, ...).
 */
export function leaseMonthOf(commencement: IsoDate, date: IsoDate): number {
  if (date < commencement) return 0;
  const c = parseIso(commencement);
  const d = parseIso(date);
  let k = (d.year - c.year) * 12 + (d.month - c.month) + 1;
  // EDATE clamping means the month boundary is not always the same day number: step to the right month.
  while (k > 1 && leaseMonthStart(commencement, k) > date) k--;
  while (leaseMonthStart(commencement, k + 1) <= date) k++;
  return k;
}

/** 1900 date system: serial 1 = 1900-01-01; Excel's phantom 1900-02-29 is serial 60. */
const EXCEL_EPOCH = toDayNumber('1899-12-30');

export function fromExcelSerial(serial: number): IsoDate {
  if (!Number.isFinite(serial) || serial < 1) throw new RangeError(`${serial} is not an Excel date`);
  const whole = Math.floor(serial);
  if (whole === 60) throw new RangeError('Excel serial 60 is the non-existent 1900-02-29');
  return fromDayNumber(EXCEL_EPOCH + (whole < 60 ? whole + 1 : whole));
}

export function toExcelSerial(date: IsoDate): number {
  const n = toDayNumber(date) - EXCEL_EPOCH;
  return n < 61 ? n - 1 : n;
}

/** Compare ISO dates (string order is date order for 4-digit years). */
export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
