import { ErrorCode, type RowError } from '../model/errors.js';
import { formatMonth, monthIndex, type MonthIndex } from '../model/month.js';
import type { Transaction } from '../model/transaction.js';

/**
 * The dates a transaction may carry: from 2000-01-01 to `maxFutureDays` after today. One typo
 * (year 0024, 2205) would otherwise stretch every report over centuries. Bounds are day keys
 * (month index x 32 + day), comparable as numbers.
 */
export interface DateWindow {
  readonly earliest: number;
  readonly latest: number;
  readonly maxFutureDays: number;
}

export const DEFAULT_MAX_FUTURE_DAYS = 31;
const EARLIEST = dayKey(monthIndex(2000, 1), 1);

export function dayKey(month: MonthIndex, day: number): number {
  return month * 32 + day;
}

/** The window on `today` (a `Date`, read by the caller: the domain reads no clock). */
export function dateWindow(today: Date, maxFutureDays = DEFAULT_MAX_FUTURE_DAYS): DateWindow {
  const latest = new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + maxFutureDays),
  );
  return {
    earliest: EARLIEST,
    latest: dayKey(
      monthIndex(latest.getUTCFullYear(), latest.getUTCMonth() + 1),
      latest.getUTCDate(),
    ),
    maxFutureDays,
  };
}

/** DATE_OUT_OF_RANGE when the transaction's date is outside the window. */
export function outsideWindow(
  transaction: Transaction,
  line: number,
  window: DateWindow,
): RowError | undefined {
  const key = dayKey(transaction.month, transaction.day);
  if (key >= window.earliest && key <= window.latest) return undefined;
  return {
    line,
    code: ErrorCode.DateOutOfRange,
    field: 'date',
    transactionId: transaction.transactionId,
    message: `line ${line}: date ${formatDayKey(key)} is outside ${formatDayKey(window.earliest)} to ${formatDayKey(window.latest)} (today + MAX_FUTURE_DAYS ${window.maxFutureDays})`,
  };
}

function formatDayKey(key: number): string {
  return `${formatMonth(Math.floor(key / 32))}-${String(key % 32).padStart(2, '0')}`;
}
