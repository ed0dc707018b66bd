import { parseCents } from '../csv/numbers.js';
import { monthIndex, parseMonth, type MonthIndex } from '../model/month.js';
import type { TargetScope } from './target.js';

/** Spaces Excel puts between thousands: space, no-break space, narrow no-break space. */
const DIGIT_GROUPING = /[\s\u00A0\u202F]/g;
/** `1.250.000` or `1.250.000,50`: dots between groups of three digits. */
const THOUSANDS_BY_DOTS = /^\d{1,3}(\.\d{3})+(,\d{1,2})?$/;
const MONTH_YEAR = /^(\d{1,2})\/(\d{4})$/;
const FIRST_OF_MONTH = /^0?1\/(\d{1,2})\/(\d{4})$/;
const ISO_FIRST_OF_MONTH = /^(\d{4}-\d{2})-01$/;

/**
 * An amount in euros as integer cents: `1250000`, `1250000.50`, and in Excel's French dialect also
 * `1 250 000`, `1.250.000,50`, `1250000,50 €`.
 */
export function parseTargetCents(text: string, french: boolean): number | undefined {
  const bare = text.trim().replace(/\s*€$/, '');
  if (!french) return parseCents(bare);
  const grouped = bare.replace(DIGIT_GROUPING, '');
  if (THOUSANDS_BY_DOTS.test(grouped)) {
    return parseCents(grouped.replaceAll('.', '').replace(',', '.'));
  }
  if (grouped.includes('.')) return undefined;
  return parseCents(grouped.replace(',', '.'));
}

/** `2025-03`, and as Excel may have rewritten it: `03/2025`, `01/03/2025`, `2025-03-01`. */
export function parseTargetMonth(text: string): MonthIndex | undefined {
  const value = text.trim();
  const iso = ISO_FIRST_OF_MONTH.exec(value)?.[1] ?? value;
  const direct = parseMonth(iso);
  if (direct !== undefined) return direct;
  const match = MONTH_YEAR.exec(value) ?? FIRST_OF_MONTH.exec(value);
  if (match === null) return undefined;
  const month = Number(match[1]);
  const year = Number(match[2]);
  return month >= 1 && month <= 12 && year >= 1 ? monthIndex(year, month) : undefined;
}

/** Empty or `total` for the whole revenue, `vente` or `location` for one type. */
export function parseTargetScope(text: string): TargetScope | undefined {
  const value = text.trim().toLowerCase();
  if (value === '' || value === 'total') return 'total';
  return value === 'vente' || value === 'location' ? value : undefined;
}
