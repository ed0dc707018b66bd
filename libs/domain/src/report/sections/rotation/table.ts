import type { SectionTable } from '../section-table.js';
import { CITY_COLUMN } from '../table-parts.js';
import type { CityRotation } from './types.js';
import type { SectionLabelsByLang } from '../section-table.js';
import { CITY_LABEL } from '../table-parts.js';

const COLUMNS = {
  ...CITY_COLUMN,
  model: 'model',
  rentals: 'integer',
  average_months: 'decimal',
  median_months: 'decimal',
  min_months: 'integer',
  max_months: 'integer',
} as const;
export type RotationColumn = keyof typeof COLUMNS;

/** A city's row (no model) then one row per model, which has only a mean. */
export const ROTATION_TABLE: SectionTable<readonly CityRotation[], RotationColumn> = {
  columns: COLUMNS,
  rows: (data) =>
    data.flatMap((c) => [
      {
        city: c.city,
        model: null,
        rentals: c.rentals,
        average_months: c.averageMonths,
        median_months: c.medianMonths,
        min_months: c.minMonths,
        max_months: c.maxMonths,
      },
      ...c.byModel.map((m) => ({
        city: c.city,
        model: m.model,
        rentals: m.rentals,
        average_months: m.averageMonths,
        median_months: null,
        min_months: null,
        max_months: null,
      })),
    ]),
};

export const ROTATION_LABELS: SectionLabelsByLang<RotationColumn> = {
  fr: {
    title: 'Rotation (durée de location, mois)',
    sheet: 'Rotation des locations',
    columns: {
      ...CITY_LABEL.fr,
      model: 'Modèle',
      rentals: 'Locations',
      average_months: 'Moyenne (mois)',
      median_months: 'Médiane (mois)',
      min_months: 'Min (mois)',
      max_months: 'Max (mois)',
    },
  },
  en: {
    title: 'Rotation (rental length, months)',
    sheet: 'Rental rotation',
    columns: {
      ...CITY_LABEL.en,
      model: 'Model',
      rentals: 'Rentals',
      average_months: 'Average (months)',
      median_months: 'Median (months)',
      min_months: 'Min (months)',
      max_months: 'Max (months)',
    },
  },
};
