import type { SectionTable } from '../section-table.js';
import { CITY_COLUMN } from '../table-parts.js';
import type { CitySplit } from './types.js';
import type { SectionLabelsByLang } from '../section-table.js';
import { CITY_LABEL } from '../table-parts.js';

const COLUMNS = {
  ...CITY_COLUMN,
  sales_revenue: 'money',
  sales_share: 'ratio',
  sales_count: 'integer',
  sales_count_share: 'ratio',
  rentals_revenue: 'money',
  rentals_share: 'ratio',
  rentals_count: 'integer',
  rentals_count_share: 'ratio',
} as const;
export type SplitColumn = keyof typeof COLUMNS;

export const SPLIT_TABLE: SectionTable<readonly CitySplit[], SplitColumn> = {
  columns: COLUMNS,
  rows: (data) =>
    data.map(({ city, sales, rentals }) => ({
      city,
      sales_revenue: sales.revenue,
      sales_share: sales.revenueShare,
      sales_count: sales.count,
      sales_count_share: sales.countShare,
      rentals_revenue: rentals.revenue,
      rentals_share: rentals.revenueShare,
      rentals_count: rentals.count,
      rentals_count_share: rentals.countShare,
    })),
};

export const SPLIT_LABELS: SectionLabelsByLang<SplitColumn> = {
  fr: {
    title: 'Répartition ventes / locations',
    sheet: 'Ventes et locations',
    columns: {
      ...CITY_LABEL.fr,
      sales_revenue: 'CA ventes (€)',
      sales_share: 'Part CA ventes',
      sales_count: 'Nb ventes',
      sales_count_share: 'Part nb ventes',
      rentals_revenue: 'CA locations (€)',
      rentals_share: 'Part CA locations',
      rentals_count: 'Nb locations',
      rentals_count_share: 'Part nb locations',
    },
  },
  en: {
    title: 'Sales / rentals split',
    sheet: 'Sales and rentals',
    columns: {
      ...CITY_LABEL.en,
      sales_revenue: 'Sales revenue (€)',
      sales_share: 'Sales revenue share',
      sales_count: 'Sales #',
      sales_count_share: 'Sales # share',
      rentals_revenue: 'Rentals revenue (€)',
      rentals_share: 'Rentals revenue share',
      rentals_count: 'Rentals #',
      rentals_count_share: 'Rentals # share',
    },
  },
};
