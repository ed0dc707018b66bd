import type { Cell, SectionTable } from '../section-table.js';
import { CITY_COLUMN } from '../table-parts.js';
import type { CityForecast } from './types.js';
import type { SectionLabelsByLang } from '../section-table.js';
import { CITY_LABEL } from '../table-parts.js';

const COLUMNS = {
  ...CITY_COLUMN,
  month: 'month',
  kind: 'code',
  revenue: 'money',
  slope: 'money',
  r2: 'decimal',
  trend: 'code',
  linear_mape: 'ratio',
  seasonal_mape: 'ratio',
  best: 'code',
} as const;
export type ForecastColumn = keyof typeof COLUMNS;

/** One row per month (history, then each forecast), each with its city's fit. */
export const FORECAST_TABLE: SectionTable<readonly CityForecast[], ForecastColumn> = {
  columns: COLUMNS,
  rows: (data) =>
    data.flatMap((c) => {
      const row = (kind: string, month: string, revenue: number): Record<ForecastColumn, Cell> => ({
        city: c.city,
        month,
        kind,
        revenue,
        slope: c.slope,
        r2: c.r2,
        trend: c.trend,
        linear_mape: c.backtest.linearMape,
        seasonal_mape: c.backtest.seasonalMape,
        best: c.backtest.best,
      });
      return [
        ...c.window.map((p) => row('history', p.month, p.revenue)),
        ...c.forecast.map((p) => row('forecast', p.month, p.revenue)),
        ...c.seasonalForecast.map((p) => row('seasonal_forecast', p.month, p.revenue)),
      ];
    }),
};

export const FORECAST_LABELS: SectionLabelsByLang<ForecastColumn> = {
  fr: {
    title: 'Tendance et prévision',
    sheet: 'Tendance et prévision',
    columns: {
      ...CITY_LABEL.fr,
      month: 'Mois',
      kind: 'Nature',
      revenue: 'CA (€)',
      slope: 'Pente (€/mois)',
      r2: 'r²',
      trend: 'Tendance',
      linear_mape: 'Erreur moyenne (droite)',
      seasonal_mape: 'Erreur moyenne (saisonnière)',
      best: 'Méthode la plus juste',
    },
  },
  en: {
    title: 'Trend and forecast',
    sheet: 'Trend and forecast',
    columns: {
      ...CITY_LABEL.en,
      month: 'Month',
      kind: 'Kind',
      revenue: 'Revenue (€)',
      slope: 'Slope (€/month)',
      r2: 'r²',
      trend: 'Trend',
      linear_mape: 'Mean error (line)',
      seasonal_mape: 'Mean error (seasonal)',
      best: 'More accurate method',
    },
  },
};
