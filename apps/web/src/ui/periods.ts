import type { MessageKey } from './i18n.js';
import { addMonths } from './months.js';

/** The ready-made periods of the filters, as the URL names them (`?period=this-year`). */
export const PERIODS = [
  'last-month',
  'last-3-months',
  'this-year',
  'last-12-months',
  'last-year',
] as const;
export type Period = (typeof PERIODS)[number];

/** What each period's button says. */
export const PERIOD_LABELS: Readonly<Record<Period, MessageKey>> = {
  'last-month': 'preset_last_month',
  'last-3-months': 'preset_last_3_months',
  'this-year': 'preset_this_year',
  'last-12-months': 'preset_last_12_months',
  'last-year': 'preset_last_year',
};

export function isPeriod(value: string | null): value is Period {
  return (PERIODS as readonly (string | null)[]).includes(value);
}

/**
 * The months of a period, `current` being the month in progress: the months before it are the
 * complete ones, except "this year", which runs from January to today.
 */
export function periodRange(period: Period, current: string): { from: string; to: string } {
  const january = `${current.slice(0, 4)}-01`;
  switch (period) {
    case 'last-month':
      return { from: addMonths(current, -1), to: addMonths(current, -1) };
    case 'last-3-months':
      return { from: addMonths(current, -3), to: addMonths(current, -1) };
    case 'this-year':
      return { from: january, to: current };
    case 'last-12-months':
      return { from: addMonths(current, -12), to: addMonths(current, -1) };
    case 'last-year':
      return { from: addMonths(january, -12), to: addMonths(january, -1) };
  }
}

/** The month in progress in the dealer's calendar (Europe/Paris). */
export function currentMonth(now = new Date()): string {
  return now.toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' }).slice(0, 7);
}
