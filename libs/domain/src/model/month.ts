/** A calendar month as one integer (year * 12 + month - 1), so month arithmetic is plain addition. */
export type MonthIndex = number;

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

export function monthIndex(year: number, month: number): MonthIndex {
  return year * 12 + month - 1;
}

export function monthOf(index: MonthIndex): number {
  return (index % 12) + 1;
}

export function formatMonth(index: MonthIndex): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(monthOf(index)).padStart(2, '0')}`;
}

/** Parses `YYYY-MM`; returns undefined when the text is not a real month. */
export function parseMonth(text: string): MonthIndex | undefined {
  const match = MONTH_PATTERN.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (year < 1 || month < 1 || month > 12) return undefined;
  return monthIndex(year, month);
}
