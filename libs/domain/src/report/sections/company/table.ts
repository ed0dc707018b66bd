import type { SectionTable } from '../section-table.js';
import { MONTH_COLUMNS, monthCells } from '../table-parts.js';
import type { CompanyTotals } from './types.js';
import type { SectionLabelsByLang } from '../section-table.js';
import { MONTH_LABELS } from '../table-parts.js';

export type CompanyColumn = keyof typeof MONTH_COLUMNS;

export const COMPANY_TABLE: SectionTable<CompanyTotals, CompanyColumn> = {
  columns: MONTH_COLUMNS,
  rows: (data) => data.months.map(monthCells),
};

export const COMPANY_LABELS: SectionLabelsByLang<CompanyColumn> = {
  fr: { title: 'Entreprise (toutes villes)', sheet: 'Entreprise', columns: MONTH_LABELS.fr },
  en: { title: 'Company (every city)', sheet: 'Company', columns: MONTH_LABELS.en },
};
