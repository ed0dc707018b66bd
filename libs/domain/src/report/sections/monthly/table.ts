import type { SectionTable } from '../section-table.js';
import { CITY_COLUMN, MONTH_COLUMNS, monthCells } from '../table-parts.js';
import type { CityMonthly } from './types.js';
import type { SectionLabelsByLang } from '../section-table.js';
import { CITY_LABEL, MONTH_LABELS } from '../table-parts.js';

const COLUMNS = { ...CITY_COLUMN, ...MONTH_COLUMNS };
export type MonthlyColumn = keyof typeof COLUMNS;

export const MONTHLY_TABLE: SectionTable<readonly CityMonthly[], MonthlyColumn> = {
  columns: COLUMNS,
  rows: (data) =>
    data.flatMap(({ city, months }) => months.map((m) => ({ city, ...monthCells(m) }))),
};

export const MONTHLY_LABELS: SectionLabelsByLang<MonthlyColumn> = {
  fr: {
    title: 'Chiffre d’affaires mensuel',
    sheet: 'CA mensuel',
    columns: { ...CITY_LABEL.fr, ...MONTH_LABELS.fr },
  },
  en: {
    title: 'Monthly revenue',
    sheet: 'Monthly revenue',
    columns: { ...CITY_LABEL.en, ...MONTH_LABELS.en },
  },
};
