import type { Cell, SectionLabelsByLang, SectionTable } from '../section-table.js';
import { CITY_COLUMN, CITY_LABEL } from '../table-parts.js';
import type { TargetMonth, Targets } from './types.js';

const COLUMNS = {
  ...CITY_COLUMN,
  month: 'month',
  actual: 'money',
  target: 'money',
  variance: 'money',
  variance_rate: 'ratio',
  attainment: 'ratio',
  sales_target: 'money',
  sales_attainment: 'ratio',
  rentals_target: 'money',
  rentals_attainment: 'ratio',
  year_to_date_actual: 'money',
  year_to_date_target: 'money',
  year_to_date_attainment: 'ratio',
} as const;
export type TargetsColumn = keyof typeof COLUMNS;

function row(city: string, m: TargetMonth): Record<TargetsColumn, Cell> {
  return {
    city,
    month: m.month,
    actual: m.actual,
    target: m.target,
    variance: m.variance,
    variance_rate: m.varianceRate,
    attainment: m.attainment,
    sales_target: m.sales.target,
    sales_attainment: m.sales.attainment,
    rentals_target: m.rentals.target,
    rentals_attainment: m.rentals.attainment,
    year_to_date_actual: m.yearToDate.actual,
    year_to_date_target: m.yearToDate.target,
    year_to_date_attainment: m.yearToDate.attainment,
  };
}

/** One row per city and month, then the company's (city: `*`). */
export const TARGETS_TABLE: SectionTable<Targets, TargetsColumn> = {
  columns: COLUMNS,
  rows: (data) => [
    ...data.cities.flatMap((c) => c.months.map((m) => row(c.city, m))),
    ...(data.company?.months.map((m) => row('*', m)) ?? []),
  ],
};

export const TARGETS_LABELS: SectionLabelsByLang<TargetsColumn> = {
  fr: {
    title: 'Objectifs de chiffre d’affaires',
    sheet: 'Objectifs',
    columns: {
      ...CITY_LABEL.fr,
      month: 'Mois',
      actual: 'Réalisé (€)',
      target: 'Objectif (€)',
      variance: 'Écart (€)',
      variance_rate: 'Écart (%)',
      attainment: 'Atteinte',
      sales_target: 'Objectif ventes (€)',
      sales_attainment: 'Atteinte ventes',
      rentals_target: 'Objectif locations (€)',
      rentals_attainment: 'Atteinte locations',
      year_to_date_actual: 'Réalisé depuis janvier (€)',
      year_to_date_target: 'Objectif depuis janvier (€)',
      year_to_date_attainment: 'Atteinte depuis janvier',
    },
  },
  en: {
    title: 'Revenue targets',
    sheet: 'Targets',
    columns: {
      ...CITY_LABEL.en,
      month: 'Month',
      actual: 'Actual (€)',
      target: 'Target (€)',
      variance: 'Variance (€)',
      variance_rate: 'Variance (%)',
      attainment: 'Attainment',
      sales_target: 'Sales target (€)',
      sales_attainment: 'Sales attainment',
      rentals_target: 'Rentals target (€)',
      rentals_attainment: 'Rentals attainment',
      year_to_date_actual: 'Year-to-date actual (€)',
      year_to_date_target: 'Year-to-date target (€)',
      year_to_date_attainment: 'Year-to-date attainment',
    },
  },
};
