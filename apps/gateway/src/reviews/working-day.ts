import { Cron } from 'croner';
import { DEALER_TIME_ZONE, calendarDayIn, isFrenchPublicHoliday } from '#domain/model';

/**
 * The first moment from `at` on, at the same time of day in Paris, of a weekday that is no public
 * holiday: when a review due on a holiday goes out instead.
 */
export function nextWorkingTime(at: Date): Date {
  const [hour, minute, second] = at
    .toLocaleTimeString('en-GB', { timeZone: DEALER_TIME_ZONE, hour12: false })
    .split(':')
    .map(Number);
  const weekdays = new Cron(`${second} ${minute} ${hour} * * 1-5`, {
    timezone: DEALER_TIME_ZONE,
    paused: true,
  });
  let next = weekdays.nextRun(new Date(at.getTime() - 1000))!;
  while (isFrenchPublicHoliday(calendarDayIn(next, DEALER_TIME_ZONE))) {
    next = weekdays.nextRun(next)!;
  }
  weekdays.stop();
  return next;
}
