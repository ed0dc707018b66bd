import type { Cell, SectionLabelsByLang, SectionTable } from '../section-table.js';
import { CITY_COLUMN, CITY_LABEL } from '../table-parts.js';
import type { Progress, ProgressFigures } from './types.js';

const COLUMNS = {
  ...CITY_COLUMN,
  month: 'month',
  through_day: 'integer',
  revenue: 'money',
  transactions: 'integer',
  previous_month: 'month',
  previous_revenue: 'money',
  growth: 'ratio',
  last_year_month: 'month',
  last_year_revenue: 'money',
  year_over_year: 'ratio',
  year_to_date_revenue: 'money',
  year_to_date_last_year_revenue: 'money',
  year_to_date_change: 'ratio',
  last_date: 'text',
} as const;
export type ProgressColumn = keyof typeof COLUMNS;

function row(name: string, progress: Progress, p: ProgressFigures): Record<ProgressColumn, Cell> {
  return {
    city: name,
    month: p.current.month,
    through_day: progress.throughDay,
    revenue: p.current.revenue,
    transactions: p.current.transactions,
    previous_month: p.previousMonth.month,
    previous_revenue: p.previousMonth.revenue,
    growth: p.growth,
    last_year_month: p.lastYear.month,
    last_year_revenue: p.lastYear.revenue,
    year_over_year: p.yearOverYear,
    year_to_date_revenue: p.yearToDate.revenue,
    year_to_date_last_year_revenue: p.yearToDateLastYear.revenue,
    year_to_date_change: p.yearToDateChange,
    last_date: p.lastDate,
  };
}

/** One row per city, then the company's (city: `*`). */
export const PROGRESS_TABLE: SectionTable<Progress, ProgressColumn> = {
  columns: COLUMNS,
  rows: (data) => [
    ...data.cities.map((c) => row(c.city, data, c)),
    ...(data.company === null ? [] : [row('*', data, data.company)]),
  ],
};

export const PROGRESS_LABELS: SectionLabelsByLang<ProgressColumn> = {
  fr: {
    title: 'Mois en cours',
    sheet: 'Mois en cours',
    columns: {
      ...CITY_LABEL.fr,
      month: 'Mois en cours',
      through_day: 'Jusqu’au jour',
      revenue: 'CA à date (€)',
      transactions: 'Transactions à date',
      previous_month: 'Mois précédent',
      previous_revenue: 'CA mêmes jours (€)',
      growth: 'Évolution sur les mêmes jours',
      last_year_month: 'Même mois N-1',
      last_year_revenue: 'CA mêmes jours N-1 (€)',
      year_over_year: 'Évolution sur un an',
      year_to_date_revenue: 'CA depuis le 1er janvier (€)',
      year_to_date_last_year_revenue: 'CA même période N-1 (€)',
      year_to_date_change: 'Évolution depuis janvier sur N-1',
      last_date: 'Données jusqu’au',
    },
  },
  en: {
    title: 'Month in progress',
    sheet: 'Month in progress',
    columns: {
      ...CITY_LABEL.en,
      month: 'Month in progress',
      through_day: 'Through day',
      revenue: 'Revenue to date (€)',
      transactions: 'Transactions to date',
      previous_month: 'Previous month',
      previous_revenue: 'Same days’ revenue (€)',
      growth: 'Change on the same days',
      last_year_month: 'Same month last year',
      last_year_revenue: 'Same days last year (€)',
      year_over_year: 'Change on the year before',
      year_to_date_revenue: 'Revenue since January 1st (€)',
      year_to_date_last_year_revenue: 'Same period last year (€)',
      year_to_date_change: 'Year-to-date change on last year',
      last_date: 'Data up to',
    },
  },
};
