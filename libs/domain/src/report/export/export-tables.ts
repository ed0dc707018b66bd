import type { ModelRank, MonthRevenueGrowth } from '../report.js';
import type { ReportData, SectionName } from '../sections/registry.js';

/** How a column's values are written: money to the cent, shares to 4 decimals. */
export type CellKind = 'text' | 'integer' | 'money' | 'ratio' | 'decimal';
export type Cell = string | number | null;

export interface ExportColumn {
  /** The header of the standard CSV: stable, for programs. */
  readonly key: string;
  /** The header people read (French CSV, XLSX). */
  readonly label: string;
  readonly kind: CellKind;
}

/** One section as a flat table: one row per fact, nothing merged, ready for a spreadsheet. */
export interface ExportTable {
  readonly title: string;
  readonly columns: readonly ExportColumn[];
  readonly rows: readonly (readonly Cell[])[];
}

const column = (key: string, label: string, kind: CellKind): ExportColumn => ({ key, label, kind });
const CITY = column('city', 'Ville', 'text');
const MONTH_COLUMNS = [
  column('month', 'Mois', 'text'),
  column('sales', 'Ventes (€)', 'money'),
  column('rentals', 'Locations (€)', 'money'),
  column('total', 'Total (€)', 'money'),
  column('sales_count', 'Nb ventes', 'integer'),
  column('rentals_count', 'Nb locations', 'integer'),
  column('growth', 'Évolution sur un mois', 'ratio'),
  column('year_over_year', 'Évolution sur un an', 'ratio'),
];

function monthCells(m: MonthRevenueGrowth): Cell[] {
  return [
    m.month,
    m.sales,
    m.rentals,
    m.total,
    m.salesCount,
    m.rentalsCount,
    m.growth,
    m.yearOverYear,
  ];
}

/** Each section's table; a section without one does not compile. */
export const EXPORT_TABLES = {
  monthly: (data: ReportData['monthly']): ExportTable => ({
    title: 'Revenus mensuels',
    columns: [CITY, ...MONTH_COLUMNS],
    rows: data.flatMap(({ city, months }) => months.map((m) => [city, ...monthCells(m)])),
  }),
  split: (data: ReportData['split']): ExportTable => ({
    title: 'Répartition ventes / locations',
    columns: [
      CITY,
      column('sales_revenue', 'CA ventes (€)', 'money'),
      column('sales_share', 'Part CA ventes', 'ratio'),
      column('sales_count', 'Nb ventes', 'integer'),
      column('sales_count_share', 'Part nb ventes', 'ratio'),
      column('rentals_revenue', 'CA locations (€)', 'money'),
      column('rentals_share', 'Part CA locations', 'ratio'),
      column('rentals_count', 'Nb locations', 'integer'),
      column('rentals_count_share', 'Part nb locations', 'ratio'),
    ],
    rows: data.map(({ city, sales, rentals }) => [
      city,
      sales.revenue,
      sales.revenueShare,
      sales.count,
      sales.countShare,
      rentals.revenue,
      rentals.revenueShare,
      rentals.count,
      rentals.countShare,
    ]),
  }),
  comparison: (data: ReportData['comparison']): ExportTable => ({
    title: 'Comparaison des villes',
    columns: [
      column('rank', 'Rang', 'integer'),
      CITY,
      column('revenue', 'CA (€)', 'money'),
      column('share', 'Part du total', 'ratio'),
      column('transactions', 'Transactions', 'integer'),
      column('average_ticket', 'Panier moyen (€)', 'money'),
      column('sales_revenue', 'CA ventes (€)', 'money'),
      column('rentals_revenue', 'CA locations (€)', 'money'),
      column('growth', 'Évolution dernier mois', 'ratio'),
      column('year_over_year', 'Évolution sur un an', 'ratio'),
    ],
    rows: data.cities.map((c) => [
      c.rank,
      c.city,
      c.revenue,
      c.share,
      c.transactions,
      c.averageTicket,
      c.salesRevenue,
      c.rentalsRevenue,
      c.growth,
      c.yearOverYear,
    ]),
  }),
  topModels: (data: ReportData['topModels']): ExportTable => ({
    title: 'Meilleurs modèles',
    columns: [
      CITY,
      column('type', 'Type', 'text'),
      column('rank', 'Rang', 'integer'),
      column('model', 'Modèle', 'text'),
      column('count', 'Transactions', 'integer'),
      column('revenue', 'CA (€)', 'money'),
    ],
    rows: data.flatMap(({ city, sales, rentals }) => [
      ...rankRows(city, 'vente', sales),
      ...rankRows(city, 'location', rentals),
    ]),
  }),
  seasonality: (data: ReportData['seasonality']): ExportTable => ({
    title: 'Saisonnalité',
    columns: [
      CITY,
      column('calendar_month', 'Mois (1-12)', 'integer'),
      column('average_revenue', 'CA moyen (€)', 'money'),
      column('index', 'Indice saisonnier', 'ratio'),
    ],
    rows: data.flatMap(({ city, months }) =>
      months.map((m) => [city, m.month, m.averageRevenue, m.index]),
    ),
  }),
  rotation: (data: ReportData['rotation']): ExportTable => ({
    title: 'Rotation (durée de location, mois)',
    columns: [
      CITY,
      column('model', 'Modèle', 'text'),
      column('rentals', 'Locations', 'integer'),
      column('average_months', 'Moyenne', 'decimal'),
      column('median_months', 'Médiane', 'decimal'),
      column('min_months', 'Min', 'integer'),
      column('max_months', 'Max', 'integer'),
    ],
    rows: data.flatMap((c) => [
      [c.city, null, c.rentals, c.averageMonths, c.medianMonths, c.minMonths, c.maxMonths],
      ...c.byModel.map((m) => [c.city, m.model, m.rentals, m.averageMonths, null, null, null]),
    ]),
  }),
  margins: (data: ReportData['margins']): ExportTable => ({
    title: 'Marges',
    columns: [
      CITY,
      column('type', 'Type', 'text'),
      column('revenue', 'CA (€)', 'money'),
      column('cost', 'Coût (€)', 'money'),
      column('margin', 'Marge (€)', 'money'),
      column('margin_rate', 'Taux de marge', 'ratio'),
      column('count', 'Transactions', 'integer'),
      column('cost_basis', 'Base des coûts', 'text'),
      column('estimated_cost_rate', 'Taux de coût estimé', 'ratio'),
    ],
    rows: data.flatMap(({ city, sales, rentals }) =>
      [['vente', sales] as const, ['location', rentals] as const].map(([type, m]) => [
        city,
        type,
        m.revenue,
        m.cost,
        m.margin,
        m.marginRate,
        m.count,
        m.basis,
        m.estimatedCostRate,
      ]),
    ),
  }),
  forecast: (data: ReportData['forecast']): ExportTable => ({
    title: 'Tendance et prévision',
    columns: [
      CITY,
      column('month', 'Mois', 'text'),
      column('kind', 'Nature', 'text'),
      column('revenue', 'CA (€)', 'money'),
      column('slope', 'Pente (€/mois)', 'money'),
      column('r2', 'r²', 'ratio'),
      column('trend', 'Tendance', 'text'),
      column('linear_mape', 'Erreur moyenne (droite)', 'ratio'),
      column('seasonal_mape', 'Erreur moyenne (saisonnière)', 'ratio'),
      column('best', 'Méthode la plus juste', 'text'),
    ],
    rows: data.flatMap((c) => {
      const fit = [
        c.slope,
        c.r2,
        c.trend,
        c.backtest.linearMape,
        c.backtest.seasonalMape,
        c.backtest.best,
      ];
      return [
        ...c.window.map((p) => [c.city, p.month, 'history', p.revenue, ...fit]),
        ...c.forecast.map((p) => [c.city, p.month, 'forecast', p.revenue, ...fit]),
        ...c.seasonalForecast.map((p) => [c.city, p.month, 'seasonal_forecast', p.revenue, ...fit]),
      ];
    }),
  }),
  company: (data: ReportData['company']): ExportTable => ({
    title: 'Entreprise (toutes villes)',
    columns: MONTH_COLUMNS,
    rows: data.months.map(monthCells),
  }),
} satisfies { readonly [K in SectionName]: (data: ReportData[K]) => ExportTable };

/** One section's table, from its data as the report holds it. */
export function sectionTable<K extends SectionName>(section: K, data: ReportData[K]): ExportTable {
  return (EXPORT_TABLES[section] as (data: ReportData[K]) => ExportTable)(data);
}

/** A value as exported: money to the cent, shares and decimals to 4 places. */
export function roundCell(kind: CellKind, value: Cell): Cell {
  if (typeof value !== 'number') return value;
  if (kind === 'money') return Math.round(value * 100) / 100;
  if (kind === 'ratio' || kind === 'decimal') return Math.round(value * 10_000) / 10_000;
  return value;
}

function rankRows(city: string, type: string, models: readonly ModelRank[]): Cell[][] {
  return models.map((m, index) => [city, type, index + 1, m.model, m.count, m.revenue]);
}
