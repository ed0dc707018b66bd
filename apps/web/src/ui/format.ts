import type { Lang } from './i18n.js';

/** Numbers for people: euros without cents in tables of millions, shares with one decimal. */
export interface Formats {
  readonly money: (euros: number | null) => string;
  readonly moneyCents: (euros: number | null) => string;
  readonly percent: (ratio: number | null) => string;
  readonly signedPercent: (ratio: number | null) => string;
  readonly integer: (value: number | null) => string;
  readonly decimal: (value: number | null) => string;
  /** Two decimals: a seasonal index, an r². */
  readonly index: (value: number | null) => string;
  readonly month: (month: string) => string;
  readonly monthLong: (month: string) => string;
  readonly calendarMonth: (month: number) => string;
  readonly time: (date: Date) => string;
  /** A change of a share, in percentage points: `+3,3 pts`. */
  readonly points: (delta: number | null) => string;
  /** Money in k€ / M€, for axes and tight tables. */
  readonly compactMoney: (euros: number | null) => string;
  /** A day given as `YYYY-MM-DD`: `14/12/2025`. */
  readonly day: (date: string) => string;
  /** A day and a time: `02/12/2026 08:15`. */
  readonly dateTime: (date: Date) => string;
}

const DASH = '—';
const locales: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** `2025-01` as a date in UTC, so that no time zone moves it to another month. */
function monthDate(month: string): Date {
  const [year, index] = month.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (index ?? 1) - 1, 1));
}

export function formats(lang: Lang): Formats {
  const locale = locales[lang];
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  });
  const moneyCents = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const signed = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const index = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const month = new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const monthLong = new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const calendar = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
  const compact = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    notation: 'compact',
    maximumSignificantDigits: 3,
  });
  const points = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' });
  const orDash =
    (format: (value: number) => string) =>
    (value: number | null): string =>
      value === null || !Number.isFinite(value) ? DASH : format(value);
  return {
    money: orDash((v) => money.format(v)),
    moneyCents: orDash((v) => moneyCents.format(v)),
    percent: orDash((v) => percent.format(v)),
    signedPercent: orDash((v) => signed.format(v)),
    integer: orDash((v) => integer.format(v)),
    decimal: orDash((v) => decimal.format(v)),
    index: orDash((v) => index.format(v)),
    month: (m) => month.format(monthDate(m)),
    monthLong: (m) => monthLong.format(monthDate(m)),
    calendarMonth: (m) => calendar.format(new Date(Date.UTC(2001, m - 1, 1))),
    time: (date) => time.format(date),
    points: orDash((v) => `${points.format(v * 100)} pts`),
    compactMoney: orDash((v) => compact.format(v)),
    dateTime: (date) => dateTime.format(date),
    day: (date) => dayFormat.format(new Date(`${date}T00:00:00Z`)),
  };
}
