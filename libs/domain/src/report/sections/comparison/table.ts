import type { SectionTable } from '../section-table.js';
import { CITY_COLUMN } from '../table-parts.js';
import type { Comparison } from './types.js';
import type { SectionLabelsByLang } from '../section-table.js';
import { CITY_LABEL } from '../table-parts.js';

const COLUMNS = {
  rank: 'integer',
  ...CITY_COLUMN,
  revenue: 'money',
  share: 'ratio',
  transactions: 'integer',
  average_ticket: 'money',
  sales_revenue: 'money',
  rentals_revenue: 'money',
  growth: 'ratio',
  year_over_year: 'ratio',
} as const;
export type ComparisonColumn = keyof typeof COLUMNS;

export const COMPARISON_TABLE: SectionTable<Comparison, ComparisonColumn> = {
  columns: COLUMNS,
  rows: (data) =>
    data.cities.map((c) => ({
      rank: c.rank,
      city: c.city,
      revenue: c.revenue,
      share: c.share,
      transactions: c.transactions,
      average_ticket: c.averageTicket,
      sales_revenue: c.salesRevenue,
      rentals_revenue: c.rentalsRevenue,
      growth: c.growth,
      year_over_year: c.yearOverYear,
    })),
};

export const COMPARISON_LABELS: SectionLabelsByLang<ComparisonColumn> = {
  fr: {
    title: 'Comparaison des villes',
    sheet: 'Comparaison des villes',
    columns: {
      rank: 'Rang',
      ...CITY_LABEL.fr,
      revenue: 'CA (€)',
      share: 'Part du total',
      transactions: 'Transactions',
      average_ticket: 'Panier moyen (€)',
      sales_revenue: 'CA ventes (€)',
      rentals_revenue: 'CA locations (€)',
      growth: 'Évolution dernier mois',
      year_over_year: 'Évolution sur un an',
    },
  },
  en: {
    title: 'Inter-city comparison',
    sheet: 'City comparison',
    columns: {
      rank: 'Rank',
      ...CITY_LABEL.en,
      revenue: 'Revenue (€)',
      share: 'Share of the total',
      transactions: 'Transactions',
      average_ticket: 'Average ticket (€)',
      sales_revenue: 'Sales revenue (€)',
      rentals_revenue: 'Rentals revenue (€)',
      growth: 'Last month’s change',
      year_over_year: 'Change on the year before',
    },
  },
};
