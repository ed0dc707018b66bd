import type { SectionTable } from '../section-table.js';
import { CITY_COLUMN } from '../table-parts.js';
import type { CityMargins } from './types.js';
import type { SectionLabelsByLang } from '../section-table.js';
import { CITY_LABEL } from '../table-parts.js';

const COLUMNS = {
  ...CITY_COLUMN,
  type: 'code',
  revenue: 'money',
  cost: 'money',
  margin: 'money',
  margin_rate: 'ratio',
  count: 'integer',
  cost_basis: 'code',
  estimated_cost_rate: 'ratio',
} as const;
export type MarginsColumn = keyof typeof COLUMNS;

export const MARGINS_TABLE: SectionTable<readonly CityMargins[], MarginsColumn> = {
  columns: COLUMNS,
  rows: (data) =>
    data.flatMap(({ city, sales, rentals }) =>
      [['vente', sales] as const, ['location', rentals] as const].map(([type, m]) => ({
        city,
        type,
        revenue: m.revenue,
        cost: m.cost,
        margin: m.margin,
        margin_rate: m.marginRate,
        count: m.count,
        cost_basis: m.basis,
        estimated_cost_rate: m.estimatedCostRate,
      })),
    ),
};

export const MARGINS_LABELS: SectionLabelsByLang<MarginsColumn> = {
  fr: {
    title: 'Marges par type et ville',
    sheet: 'Marges',
    columns: {
      ...CITY_LABEL.fr,
      type: 'Type',
      revenue: 'CA (€)',
      cost: 'Coût (€)',
      margin: 'Marge (€)',
      margin_rate: 'Taux de marge',
      count: 'Transactions',
      cost_basis: 'Base des coûts',
      estimated_cost_rate: 'Taux de coût estimé',
    },
  },
  en: {
    title: 'Margins per type and city',
    sheet: 'Margins',
    columns: {
      ...CITY_LABEL.en,
      type: 'Type',
      revenue: 'Revenue (€)',
      cost: 'Cost (€)',
      margin: 'Margin (€)',
      margin_rate: 'Margin rate',
      count: 'Transactions',
      cost_basis: 'Cost basis',
      estimated_cost_rate: 'Estimated cost rate',
    },
  },
};
