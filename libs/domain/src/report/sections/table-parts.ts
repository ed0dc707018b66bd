import type { Translated } from '../../labels/lang.js';
import type { MonthRevenueGrowth } from './monthly/types.js';
import type { Cell } from './section-table.js';

/** Columns several sections share, with their labels. */
export const CITY_COLUMN = { city: 'text' } as const;
export const CITY_LABEL: Translated<{ city: string }> = {
  fr: { city: 'Ville' },
  en: { city: 'City' },
};

export const MONTH_COLUMNS = {
  month: 'month',
  sales: 'money',
  rentals: 'money',
  total: 'money',
  sales_count: 'integer',
  rentals_count: 'integer',
  growth: 'ratio',
  year_over_year: 'ratio',
  target: 'money',
  year_to_date: 'money',
  year_to_date_last_year: 'money',
  year_to_date_change: 'ratio',
} as const;

export const MONTH_LABELS: Translated<Record<keyof typeof MONTH_COLUMNS, string>> = {
  fr: {
    month: 'Mois',
    sales: 'Ventes (€)',
    rentals: 'Locations (€)',
    total: 'Total (€)',
    sales_count: 'Nb ventes',
    rentals_count: 'Nb locations',
    growth: 'Évolution sur un mois',
    year_over_year: 'Évolution sur un an',
    target: 'Objectif (€)',
    year_to_date: 'Cumul depuis janvier (€)',
    year_to_date_last_year: 'Même période N-1 (€)',
    year_to_date_change: 'Évolution du cumul sur N-1',
  },
  en: {
    month: 'Month',
    sales: 'Sales (€)',
    rentals: 'Rentals (€)',
    total: 'Total (€)',
    sales_count: 'Sales #',
    rentals_count: 'Rentals #',
    growth: 'Change on the month before',
    year_over_year: 'Change on the year before',
    target: 'Target (€)',
    year_to_date: 'Year to date (€)',
    year_to_date_last_year: 'Same period last year (€)',
    year_to_date_change: 'Year-to-date change on last year',
  },
};

export function monthCells(m: MonthRevenueGrowth): Record<keyof typeof MONTH_COLUMNS, Cell> {
  return {
    month: m.month,
    sales: m.sales,
    rentals: m.rentals,
    total: m.total,
    sales_count: m.salesCount,
    rentals_count: m.rentalsCount,
    growth: m.growth,
    year_over_year: m.yearOverYear,
    target: m.target,
    year_to_date: m.yearToDate,
    year_to_date_last_year: m.yearToDateLastYear,
    year_to_date_change: m.yearToDateChange,
  };
}
