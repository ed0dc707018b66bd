import { cityKey } from '#contracts';
import { DEALER_TIME_ZONE, calendarDayIn, formatMonth, parseMonth } from '#domain/model';
import type { ReviewConfig } from '../config/review-config.js';
import { COMPANY_SCOPE } from './review-content.js';

/** One message to send: a review (the company's or a city's) to one address. */
export interface Recipient {
  readonly scope: string;
  readonly to: string;
}

/** The management gets the company's review; each city's managers, their city's. */
export function recipientsOf(config: ReviewConfig, cities: readonly string[]): Recipient[] {
  const recipients: Recipient[] = config.management.map((to) => ({ scope: COMPANY_SCOPE, to }));
  for (const city of cities) {
    for (const to of config.byCity.get(cityKey(city)) ?? []) recipients.push({ scope: city, to });
  }
  return recipients;
}

/** The month before the one `instant` falls in, in Paris: the month a review is due for. */
export function monthJustClosed(instant: Date): string {
  return formatMonth(parseMonth(calendarDayIn(instant, DEALER_TIME_ZONE).slice(0, 7))! - 1);
}
