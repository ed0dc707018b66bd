import type { Cell, SectionTable } from '../section-table.js';
import { CITY_COLUMN } from '../table-parts.js';
import type { CityTopModels, ModelRank } from './types.js';
import type { SectionLabelsByLang } from '../section-table.js';
import { CITY_LABEL } from '../table-parts.js';

const COLUMNS = {
  ...CITY_COLUMN,
  type: 'code',
  rank: 'integer',
  model: 'model',
  count: 'integer',
  revenue: 'money',
} as const;
export type TopModelsColumn = keyof typeof COLUMNS;

export const TOP_MODELS_TABLE: SectionTable<readonly CityTopModels[], TopModelsColumn> = {
  columns: COLUMNS,
  rows: (data) =>
    data.flatMap(({ city, sales, rentals }) => [
      ...rankRows(city, 'vente', sales),
      ...rankRows(city, 'location', rentals),
    ]),
};

function rankRows(
  city: string,
  type: string,
  models: readonly ModelRank[],
): Record<TopModelsColumn, Cell>[] {
  return models.map((m, index) => ({
    city,
    type,
    rank: index + 1,
    model: m.model,
    count: m.count,
    revenue: m.revenue,
  }));
}

export const TOP_MODELS_LABELS: SectionLabelsByLang<TopModelsColumn> = {
  fr: {
    title: 'Meilleurs modèles',
    sheet: 'Meilleurs modèles',
    columns: {
      ...CITY_LABEL.fr,
      type: 'Type',
      rank: 'Rang',
      model: 'Modèle',
      count: 'Transactions',
      revenue: 'CA (€)',
    },
  },
  en: {
    title: 'Top models',
    sheet: 'Top models',
    columns: {
      ...CITY_LABEL.en,
      type: 'Type',
      rank: 'Rank',
      model: 'Model',
      count: 'Transactions',
      revenue: 'Revenue (€)',
    },
  },
};
