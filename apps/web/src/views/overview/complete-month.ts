import type { MonthRevenueGrowth } from '#domain/report';

/**
 * The month the tiles show: the range's last month unless it is the month in progress, then the
 * latest month before it that holds a transaction; undefined when none does.
 */
export function completeMonth(
  company: readonly MonthRevenueGrowth[],
  last: string,
  inProgress: string | null,
): string | undefined {
  if (last !== inProgress) return last;
  for (let index = company.length - 1; index >= 0; index -= 1) {
    const month = company[index]!;
    if (month.month < last && month.salesCount + month.rentalsCount > 0) return month.month;
  }
  return undefined;
}
