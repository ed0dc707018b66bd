import type { SectionTable } from '../section-table.js';
import { CITY_COLUMN } from '../table-parts.js';
import type { CitySeasonality } from './types.js';
import type { SectionLabelsByLang } from '../section-table.js';
import { CITY_LABEL } from '../table-parts.js';

const COLUMNS = {
  ...CITY_COLUMN,
  calendar_month: 'integer',
  average_revenue: 'money',
  index: 'decimal',
} as const;
export type SeasonalityColumn = keyof typeof COLUMNS;

export const SEASONALITY_TABLE: SectionTable<readonly CitySeasonality[], SeasonalityColumn> = {
  columns: COLUMNS,
  rows: (data) =>
    data.flatMap(({ city, months }) =>
      months.map((m) => ({
        city,
        calendar_month: m.month,
        average_revenue: m.averageRevenue,
        index: m.index,
      })),
    ),
};

export const SEASONALITY_LABELS: SectionLabelsByLang<SeasonalityColumn> = {
  fr: {
    title: 'Saisonnalité',
    sheet: 'Saisonnalité',
    columns: {
      ...CITY_LABEL.fr,
      calendar_month: 'Mois (1-12)',
      average_revenue: 'CA moyen (€)',
      index: 'Indice saisonnier',
    },
  },
  en: {
    title: 'Seasonality',
    sheet: 'Seasonality',
    columns: {
      ...CITY_LABEL.en,
      calendar_month: 'Month (1-12)',
      average_revenue: 'Average revenue (€)',
      index: 'Seasonal index',
    },
  },
};
