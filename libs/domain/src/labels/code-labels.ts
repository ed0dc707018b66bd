import type { Translated } from './lang.js';

/**
 * The codes a report's cells hold (the JSON and the standard CSV keep them, for programs) and
 * what people read for them: French CSV, XLSX, the CLI and the dashboard.
 */
export const CELL_CODES = [
  'vente',
  'location',
  'history',
  'forecast',
  'seasonal_forecast',
  'up',
  'down',
  'flat',
  'actual',
  'estimated',
  'mixed',
  'linear',
  'seasonal',
] as const;
export type CellCode = (typeof CELL_CODES)[number];

export const CODE_LABELS: Translated<Readonly<Record<CellCode, string>>> = {
  fr: {
    vente: 'vente',
    location: 'location',
    history: 'historique',
    forecast: 'prévision (droite)',
    seasonal_forecast: 'prévision saisonnière',
    up: 'hausse',
    down: 'baisse',
    flat: 'stable',
    actual: 'réelle',
    estimated: 'estimée',
    mixed: 'en partie estimée',
    linear: 'droite',
    seasonal: 'saisonnière',
  },
  en: {
    vente: 'sale',
    location: 'rental',
    history: 'history',
    forecast: 'forecast (line)',
    seasonal_forecast: 'seasonal forecast',
    up: 'up',
    down: 'down',
    flat: 'flat',
    actual: 'actual',
    estimated: 'estimated',
    mixed: 'partly estimated',
    linear: 'line',
    seasonal: 'seasonal',
  },
};

export function isCellCode(value: string): value is CellCode {
  return (CELL_CODES as readonly string[]).includes(value);
}
