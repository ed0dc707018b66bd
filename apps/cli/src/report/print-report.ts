import {
  SECTION_NAMES,
  type IngestCounts,
  type ModelRank,
  type Report,
  type ReportData,
  type SectionName,
} from '#domain';
import { count, formatTable, money, percent, ratio } from './table.js';

const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

type SectionTable = readonly [title: string, table: string];

/** Each section as a titled table; a section without its table does not compile. */
const SECTION_TABLES = {
  monthly: (data: ReportData): SectionTable => [
    'Monthly revenue',
    formatTable(
      [
        'city / month',
        'sales',
        'rentals',
        'total',
        'vs prev.',
        'vs year before',
        'sales #',
        'rentals #',
      ],
      data.monthly.flatMap(({ city, months }) =>
        months.map((month) => [
          `${city} ${month.month}`,
          money(month.sales),
          money(month.rentals),
          money(month.total),
          percent(month.growth),
          percent(month.yearOverYear),
          count(month.salesCount),
          count(month.rentalsCount),
        ]),
      ),
    ),
  ],
  split: (data: ReportData): SectionTable => [
    'Sales / rentals split',
    formatTable(
      ['city', 'sales', 'share', 'sales #', 'rentals', 'share', 'rentals #'],
      data.split.map(({ city, sales, rentals }) => [
        city,
        money(sales.revenue),
        percent(sales.revenueShare),
        count(sales.count),
        money(rentals.revenue),
        percent(rentals.revenueShare),
        count(rentals.count),
      ]),
    ),
  ],
  comparison: (data: ReportData): SectionTable => [
    'Inter-city comparison',
    formatTable(
      ['rank city', 'revenue', 'share', 'transactions', 'avg ticket', 'sales', 'rentals', 'growth'],
      [
        ...data.comparison.cities.map((city) => [
          `${city.rank}. ${city.city}`,
          money(city.revenue),
          percent(city.share),
          count(city.transactions),
          money(city.averageTicket),
          money(city.salesRevenue),
          money(city.rentalsRevenue),
          percent(city.growth),
        ]),
        [
          'total',
          money(data.comparison.total.revenue),
          '',
          count(data.comparison.total.transactions),
          '',
          '',
          '',
          '',
        ],
      ],
    ),
  ],
  topModels: (data: ReportData): SectionTable => [
    'Top models (ranked by --by: count, or revenue)',
    formatTable(
      ['city type rank', 'model', 'count', 'revenue'],
      data.topModels.flatMap(({ city, sales, rentals }) => [
        ...rankRows(`${city} vente`, sales),
        ...rankRows(`${city} location`, rentals),
      ]),
    ),
  ],
  seasonality: (data: ReportData): SectionTable => [
    'Seasonality (average revenue per calendar month)',
    formatTable(
      ['city month', 'average revenue', 'index'],
      data.seasonality.flatMap(({ city, months }) =>
        months.map((month) => [
          `${city} ${MONTH_NAMES[month.month - 1]}`,
          money(month.averageRevenue),
          ratio(month.index),
        ]),
      ),
    ),
  ],
  rotation: (data: ReportData): SectionTable => [
    'Rotation (rental length, months)',
    formatTable(
      ['city / model', 'rentals', 'average', 'median', 'min', 'max'],
      data.rotation.flatMap((city) => [
        [
          city.city,
          count(city.rentals),
          count(city.averageMonths),
          count(city.medianMonths),
          count(city.minMonths),
          count(city.maxMonths),
        ],
        ...city.byModel.map((model) => [
          `  ${model.model}`,
          count(model.rentals),
          count(model.averageMonths),
          '',
          '',
          '',
        ]),
      ]),
    ),
  ],
  margins: (data: ReportData): SectionTable => [
    'Margins (contract basis)',
    formatTable(
      ['city type', 'revenue', 'cost', 'margin', 'rate', 'count', 'cost basis'],
      data.margins.flatMap(({ city, sales, rentals }) =>
        [['vente', sales] as const, ['location', rentals] as const].map(([type, margin]) => [
          `${city} ${type}`,
          money(margin.revenue),
          money(margin.cost),
          money(margin.margin),
          percent(margin.marginRate),
          count(margin.count),
          margin.basis,
        ]),
      ),
    ),
  ],
  forecast: (data: ReportData): SectionTable => [
    'Trend (least squares over the last months) and forecast',
    formatTable(
      [
        'city',
        'trend',
        'slope / month',
        'r2',
        'forecast',
        'seasonal forecast',
        'MAPE lin./seas.',
        'best',
      ],
      data.forecast.map((city) => [
        city.city,
        city.trend,
        money(city.slope),
        ratio(city.r2),
        city.forecast.map((point) => `${point.month} ${money(point.revenue)}`).join(', '),
        city.seasonalForecast.map((point) => `${point.month} ${money(point.revenue)}`).join(', '),
        `${percent(city.backtest.linearMape)} / ${percent(city.backtest.seasonalMape)}`,
        city.backtest.best ?? '-',
      ]),
    ),
  ],
  company: (data: ReportData): SectionTable => [
    `All cities (${data.company.cities.join(', ') || 'none'})`,
    formatTable(
      ['month', 'sales', 'rentals', 'total', 'vs prev.', 'vs year before', 'transactions'],
      data.company.months.map((month) => [
        month.month,
        money(month.sales),
        money(month.rentals),
        money(month.total),
        percent(month.growth),
        percent(month.yearOverYear),
        count(month.salesCount + month.rentalsCount),
      ]),
    ),
  ],
} satisfies Record<SectionName, (data: ReportData) => SectionTable>;

/** One section as a titled table. */
export function formatSection(name: SectionName, data: ReportData): string {
  const [title, table] = SECTION_TABLES[name](data);
  return `== ${title}\n${table}`;
}

/** The report as readable tables, one block per section. */
export function formatReport(report: Report, ingest: IngestCounts): string {
  const blocks = SECTION_NAMES.map((name) => formatSection(name, report.data));
  const header =
    `AutoConnect report: ${report.from ?? '-'} to ${report.to ?? '-'}, ${report.basis} basis, ` +
    `${report.cities.join(', ') || 'no city'}\n` +
    `Read ${count(ingest.rows)} rows: ${count(ingest.accepted)} accepted, ` +
    `${count(ingest.duplicates)} duplicates, ${count(ingest.conflicts)} conflicting duplicates, ` +
    `${count(ingest.rejected)} rejected`;
  return [header, ...blocks].join('\n\n') + '\n';
}

function rankRows(label: string, models: readonly ModelRank[]): string[][] {
  return models.map((model, rank) => [
    `${label} ${rank + 1}.`,
    model.model,
    count(model.count),
    money(model.revenue),
  ]);
}
