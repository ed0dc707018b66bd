import { monthIndex, type MonthIndex } from './month.js';

/** A day of the calendar: its month and its day of the month (1-31). */
export interface CalendarDay {
  readonly month: MonthIndex;
  readonly day: number;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a real date `YYYY-MM-DD`; undefined otherwise. */
export function parseCalendarDay(text: string): CalendarDay | undefined {
  const match = DAY_PATTERN.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || year < 1) {
    return undefined;
  }
  return { month: monthIndex(year, month), day };
}

/**
 * The calendar day `instant` falls on in `timeZone` (the dealer's: Europe/Paris), as `YYYY-MM-DD`:
 * the caller reads the clock, the domain tells the day.
 */
export function calendarDayIn(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/**
 * One formatter per time zone: making one per call was 3 % of the gateway's CPU under 20 clients
 * reading reports (every report asks for today's date).
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The dealer's calendar: a month is in progress while Paris is in it. */
export const DEALER_TIME_ZONE = 'Europe/Paris';
