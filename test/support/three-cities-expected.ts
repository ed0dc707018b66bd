import type {
  CityForecast,
  MonthRevenueGrowth,
  ProgressFigures,
  Report,
  TargetMonth,
  Trend,
} from '#domain/report';

/**
 * The default report (contract basis, 2024-01 to 2024-03) of ok/three-cities.csv, worked out by
 * hand from its rows:
 *   Lyon:      T1 sale 45000 (Jan, cost 40000), T2 rental 800 x 3 (Jan, cost 500/month),
 *              T3 sale 50000 (Feb), T4 rental 500 x 12 (Mar)
 *   Paris:     T5 sale 60000 (Jan), T6 rental 1000 x 2 (Feb), T7 sale 30000 (Mar, "paris",
 *              "Vente"), T8 rental 900 x 1 (Mar)
 *   Marseille: M1 sale 35000.50 (Feb, cost 30000)
 *   line 12 reuses T1's id with other content (a conflict, not applied); line 13 has the date
 *   2024-02-30 (rejected).
 * Estimated costs use the default rates: sale 0.85, rental 0.70.
 */
/** What the report publishes: money to the cent, rates and shares to 4 decimals. */
const cents = (value: number): number => Math.round(value * 100) / 100;
const r4 = (value: number): number => Math.round(value * 10_000) / 10_000;
const change = (now: number, before: number): number | null =>
  before === 0 ? null : r4((now - before) / before);

/**
 * The months of the `monthly` section, in order: each total is the sum, growth is on the row
 * before (on `before`, the month before the range, for the first), year-over-year on
 * `yearBefore[i]` (0: no data a year before). The year to date adds up the rows (none of the
 * ranges crosses a year) to `earlier`, the revenue of the year's months before the range and of
 * those months a year before; `targets[i]` is row i's target.
 */
export const months = (
  rows: readonly MonthRow[],
  before = 0,
  yearBefore: readonly number[] = [],
  earlier: { readonly current: number; readonly lastYear: number } = { current: 0, lastYear: 0 },
  targets: readonly (number | null)[] = [],
): MonthRevenueGrowth[] =>
  rows.map(([m, sales, rentals, salesCount, rentalsCount], index) => {
    const previous = rows[index - 1];
    const monthBefore = previous === undefined ? before : previous[1] + previous[2];
    const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
    const yearToDate =
      earlier.current + sum(rows.slice(0, index + 1).map((row) => row[1] + row[2]));
    const yearToDateLastYear = earlier.lastYear + sum(yearBefore.slice(0, index + 1));
    return {
      month: m,
      sales,
      rentals,
      total: sales + rentals,
      salesCount,
      rentalsCount,
      growth: change(sales + rentals, monthBefore),
      yearOverYear: change(sales + rentals, yearBefore[index] ?? 0),
      target: targets[index] ?? null,
      yearToDate: cents(yearToDate),
      yearToDateLastYear: cents(yearToDateLastYear),
      yearToDateChange: change(yearToDate, yearToDateLastYear),
    };
  });

/** January 1st to the fixture's asOf, and the same period of 2023 (no data). */
const yearToDate = (
  revenue: number,
  transactions: number,
): Pick<ProgressFigures, 'yearToDate' | 'yearToDateLastYear' | 'yearToDateChange'> => ({
  yearToDate: { from: '2024-01-01', to: '2024-04-15', revenue, transactions },
  yearToDateLastYear: { from: '2023-01-01', to: '2023-04-15', revenue: 0, transactions: 0 },
  yearToDateChange: null,
});
const mean3 = (y: readonly number[]): number => ((y[0] ?? 0) + (y[1] ?? 0) + (y[2] ?? 0)) / 3;
const grandTotal = 103400 + 92900 + 35000.5;
const lyonMean = (47400 + 50000 + 6000) / 3;
const parisMean = (60000 + 2000 + 30900) / 3;
const marseilleMean = 35000.5 / 3;

/** Least squares over x = 0, 1, 2 reduces to: slope (y2 - y0) / 2, intercept mean - slope. */
const line3 = (
  y0: number,
  y1: number,
  y2: number,
): { slope: number; intercept: number; r2: number } => {
  const mean = (y0 + y1 + y2) / 3;
  const slope = (y2 - y0) / 2;
  const intercept = mean - slope;
  const ssRes = [y0, y1, y2].reduce((acc, y, x) => acc + (y - intercept - slope * x) ** 2, 0);
  const ssTot = [y0, y1, y2].reduce((acc, y) => acc + (y - mean) ** 2, 0);
  return { slope: cents(slope), intercept: cents(intercept), r2: r4(1 - ssRes / ssTot) };
};
/**
 * Three months, each its calendar month's only one: every seasonal index is the month's total over
 * the mean of the three, so deseasonalised revenue is that mean every month (a flat line), and the
 * months forecast, never seen, have index 1: the seasonal forecast is `seasonalLevel` each month.
 * No month has three before it in the range: nothing to backtest.
 */
const forecast = (
  city: string,
  y: [number, number, number],
  trend: Trend,
  seasonalLevel = mean3(y),
): CityForecast => {
  const fit = line3(...y);
  return {
    city,
    window: [
      { month: '2024-01', revenue: y[0] },
      { month: '2024-02', revenue: y[1] },
      { month: '2024-03', revenue: y[2] },
    ],
    ...fit,
    trend,
    forecast: [3, 4, 5].map((x, step) => ({
      month: `2024-0${4 + step}`,
      revenue: cents(mean3(y) - ((y[2] - y[0]) / 2) * (1 - x)),
    })),
    seasonalForecast: ['2024-04', '2024-05', '2024-06'].map((month) => ({
      month,
      revenue: cents(seasonalLevel),
    })),
    backtest: { months: 0, linearMape: null, seasonalMape: null, best: null },
  };
};

// Line 12 gives T1 another date, model and price: a conflict, not a duplicate.
export const THREE_CITIES_INGEST = {
  rows: 11,
  accepted: 9,
  duplicates: 0,
  conflicts: 1,
  rejected: 1,
};

type MonthRow = readonly [string, number, number, number, number];
const LYON_ROWS: MonthRow[] = [
  ['2024-01', 45000, 2400, 1, 1],
  ['2024-02', 50000, 0, 1, 0],
  ['2024-03', 0, 6000, 0, 1],
];
const MARSEILLE_ROWS: MonthRow[] = [
  ['2024-01', 0, 0, 0, 0],
  ['2024-02', 35000.5, 0, 1, 0],
  ['2024-03', 0, 0, 0, 0],
];
const PARIS_ROWS: MonthRow[] = [
  ['2024-01', 60000, 0, 1, 0],
  ['2024-02', 0, 2000, 0, 1],
  ['2024-03', 30000, 900, 1, 1],
];

/** The `targets` section when no target is set: the actuals, every other figure null. */
const untargeted = (rows: readonly MonthRow[]): TargetMonth[] =>
  rows.map(([month, sales, rentals]) => {
    const figures = (actual: number): TargetMonth['sales'] => ({
      actual,
      target: null,
      variance: null,
      varianceRate: null,
      attainment: null,
    });
    return {
      month,
      ...figures(cents(sales + rentals)),
      sales: figures(sales),
      rentals: figures(rentals),
      yearToDate: { months: 0, actual: 0, target: null, attainment: null },
    };
  });

export const THREE_CITIES_REPORT: Report = {
  basis: 'contract',
  from: '2024-01',
  to: '2024-03',
  cities: ['Lyon', 'Marseille', 'Paris'],
  data: {
    monthly: [
      {
        city: 'Lyon',
        months: months(LYON_ROWS),
      },
      {
        city: 'Marseille',
        months: months(MARSEILLE_ROWS),
      },
      {
        city: 'Paris',
        months: months(PARIS_ROWS),
      },
    ],
    split: [
      {
        city: 'Lyon',
        sales: { revenue: 95000, count: 2, revenueShare: r4(95000 / 103400), countShare: 0.5 },
        rentals: { revenue: 8400, count: 2, revenueShare: r4(8400 / 103400), countShare: 0.5 },
      },
      {
        city: 'Marseille',
        sales: { revenue: 35000.5, count: 1, revenueShare: 1, countShare: 1 },
        rentals: { revenue: 0, count: 0, revenueShare: 0, countShare: 0 },
      },
      {
        city: 'Paris',
        sales: { revenue: 90000, count: 2, revenueShare: r4(90000 / 92900), countShare: 0.5 },
        rentals: { revenue: 2900, count: 2, revenueShare: r4(2900 / 92900), countShare: 0.5 },
      },
    ],
    comparison: {
      cities: [
        {
          city: 'Lyon',
          rank: 1,
          revenue: 103400,
          share: r4(103400 / grandTotal),
          transactions: 4,
          averageTicket: cents(103400 / 4),
          salesRevenue: 95000,
          rentalsRevenue: 8400,
          growth: r4((6000 - 50000) / 50000),
          yearOverYear: null,
        },
        {
          city: 'Paris',
          rank: 2,
          revenue: 92900,
          share: r4(92900 / grandTotal),
          transactions: 4,
          averageTicket: cents(92900 / 4),
          salesRevenue: 90000,
          rentalsRevenue: 2900,
          growth: r4((30900 - 2000) / 2000),
          yearOverYear: null,
        },
        {
          city: 'Marseille',
          rank: 3,
          revenue: 35000.5,
          share: r4(35000.5 / grandTotal),
          transactions: 1,
          averageTicket: cents(35000.5),
          salesRevenue: 35000.5,
          rentalsRevenue: 0,
          growth: -1,
          yearOverYear: null,
        },
      ],
      total: { revenue: grandTotal, transactions: 9 },
    },
    topModels: [
      {
        city: 'Lyon',
        sales: [{ model: 'BMW_X3', count: 2, revenue: 95000 }],
        // one rental each: Audi_A3's 500 x 12 outearns Tesla_Model_3's 800 x 3
        rentals: [
          { model: 'Audi_A3', count: 1, revenue: 6000 },
          { model: 'Tesla_Model_3', count: 1, revenue: 2400 },
        ],
      },
      { city: 'Marseille', sales: [{ model: 'Audi_A3', count: 1, revenue: 35000.5 }], rentals: [] },
      {
        city: 'Paris',
        sales: [
          { model: 'Mercedes_C_Class', count: 1, revenue: 60000 },
          { model: 'Audi_A3', count: 1, revenue: 30000 },
        ],
        rentals: [{ model: 'Tesla_Model_3', count: 2, revenue: 2900 }],
      },
    ],
    seasonality: [
      {
        city: 'Lyon',
        months: [
          { month: 1, averageRevenue: 47400, index: r4(47400 / lyonMean) },
          { month: 2, averageRevenue: 50000, index: r4(50000 / lyonMean) },
          { month: 3, averageRevenue: 6000, index: r4(6000 / lyonMean) },
        ],
        monthOverMonth: [
          { month: '2024-02', change: r4((50000 - 47400) / 47400), yearOverYear: null },
          { month: '2024-03', change: r4((6000 - 50000) / 50000), yearOverYear: null },
        ],
      },
      {
        city: 'Marseille',
        months: [
          { month: 1, averageRevenue: 0, index: 0 },
          { month: 2, averageRevenue: 35000.5, index: r4(35000.5 / marseilleMean) },
          { month: 3, averageRevenue: 0, index: 0 },
        ],
        monthOverMonth: [
          { month: '2024-02', change: null, yearOverYear: null },
          { month: '2024-03', change: -1, yearOverYear: null },
        ],
      },
      {
        city: 'Paris',
        months: [
          { month: 1, averageRevenue: 60000, index: r4(60000 / parisMean) },
          { month: 2, averageRevenue: 2000, index: r4(2000 / parisMean) },
          { month: 3, averageRevenue: 30900, index: r4(30900 / parisMean) },
        ],
        monthOverMonth: [
          { month: '2024-02', change: r4((2000 - 60000) / 60000), yearOverYear: null },
          { month: '2024-03', change: r4((30900 - 2000) / 2000), yearOverYear: null },
        ],
      },
    ],
    rotation: [
      {
        city: 'Lyon',
        rentals: 2,
        averageMonths: 7.5,
        medianMonths: 7.5,
        minMonths: 3,
        maxMonths: 12,
        byModel: [
          { model: 'Audi_A3', rentals: 1, averageMonths: 12 },
          { model: 'Tesla_Model_3', rentals: 1, averageMonths: 3 },
        ],
      },
      {
        city: 'Marseille',
        rentals: 0,
        averageMonths: null,
        medianMonths: null,
        minMonths: null,
        maxMonths: null,
        byModel: [],
      },
      {
        city: 'Paris',
        rentals: 2,
        averageMonths: 1.5,
        medianMonths: 1.5,
        minMonths: 1,
        maxMonths: 2,
        byModel: [{ model: 'Tesla_Model_3', rentals: 2, averageMonths: 1.5 }],
      },
    ],
    margins: [
      {
        city: 'Lyon',
        // T1 cost 40000; T3 has none: 50000 x 0.85 = 42500
        sales: {
          revenue: 95000,
          cost: 82500,
          margin: 12500,
          marginRate: r4(12500 / 95000),
          count: 2,
          basis: 'mixed',
          estimatedCostRate: 0.85,
        },
        // T2 500 x 3 months = 1500; T4 has none: 6000 x 0.70 = 4200
        rentals: {
          revenue: 8400,
          cost: 5700,
          margin: 2700,
          marginRate: r4(2700 / 8400),
          count: 2,
          basis: 'mixed',
          estimatedCostRate: 0.7,
        },
      },
      {
        city: 'Marseille',
        sales: {
          revenue: 35000.5,
          cost: 30000,
          margin: 5000.5,
          marginRate: r4(5000.5 / 35000.5),
          count: 1,
          basis: 'actual',
          estimatedCostRate: 0.85,
        },
        rentals: {
          revenue: 0,
          cost: 0,
          margin: 0,
          marginRate: null,
          count: 0,
          basis: 'actual',
          estimatedCostRate: 0.7,
        },
      },
      {
        city: 'Paris',
        sales: {
          revenue: 90000,
          cost: 76500,
          margin: 13500,
          marginRate: r4(0.15),
          count: 2,
          basis: 'estimated',
          estimatedCostRate: 0.85,
        },
        rentals: {
          revenue: 2900,
          cost: 2030,
          margin: 870,
          marginRate: r4(0.3),
          count: 2,
          basis: 'estimated',
          estimatedCostRate: 0.7,
        },
      },
    ],
    forecast: [
      forecast('Lyon', [47400, 50000, 6000], 'down'),
      // Marseille's January and March index 0, counted as 1: deseasonalised 0, 35000.5 / 3, 0.
      forecast('Marseille', [0, 35000.5, 0], 'flat', 35000.5 / 3 / 3),
      forecast('Paris', [60000, 2000, 30900], 'down'),
    ],
    // The three cities summed month by month.
    company: {
      cities: ['Lyon', 'Marseille', 'Paris'],
      months: months([
        ['2024-01', 45000 + 60000, 2400, 2, 1],
        ['2024-02', 50000 + 35000.5, 2000, 2, 1],
        ['2024-03', 30000, 6000 + 900, 1, 2],
      ]),
      split: {
        sales: {
          revenue: 220000.5,
          count: 5,
          revenueShare: r4(220000.5 / grandTotal),
          countShare: r4(5 / 9),
        },
        rentals: {
          revenue: 11300,
          count: 4,
          revenueShare: r4(11300 / grandTotal),
          countShare: r4(4 / 9),
        },
      },
    },
    // As of 2024-04-15 (the month after the range): days 1-15 of April 2024 (none), of March
    // 2024 and of April 2023 (none).
    progress: {
      asOf: '2024-04-15',
      month: '2024-04',
      throughDay: 15,
      cities: [
        {
          city: 'Lyon',
          // T4, 15 March: 500 x 12 (the 15th is in).
          current: { month: '2024-04', revenue: 0, transactions: 0 },
          previousMonth: { month: '2024-03', revenue: 6000, transactions: 1 },
          lastYear: { month: '2023-04', revenue: 0, transactions: 0 },
          growth: -1,
          yearOverYear: null,
          // T1 47 400 with T2, T3 50 000, T4 6 000.
          ...yearToDate(103400, 4),
          lastDate: '2024-03-15',
        },
        {
          city: 'Marseille',
          current: { month: '2024-04', revenue: 0, transactions: 0 },
          previousMonth: { month: '2024-03', revenue: 0, transactions: 0 },
          lastYear: { month: '2023-04', revenue: 0, transactions: 0 },
          growth: null,
          yearOverYear: null,
          ...yearToDate(35000.5, 1),
          lastDate: '2024-02-28',
        },
        {
          city: 'Paris',
          // T7 (1 March, 30 000) and T8 (2 March, 900 x 1).
          current: { month: '2024-04', revenue: 0, transactions: 0 },
          previousMonth: { month: '2024-03', revenue: 30900, transactions: 2 },
          lastYear: { month: '2023-04', revenue: 0, transactions: 0 },
          growth: -1,
          yearOverYear: null,
          // T5 60 000, T6 2 000, T7 30 000, T8 900.
          ...yearToDate(92900, 4),
          lastDate: '2024-03-02',
        },
      ],
      company: {
        current: { month: '2024-04', revenue: 0, transactions: 0 },
        previousMonth: { month: '2024-03', revenue: 36900, transactions: 3 },
        lastYear: { month: '2023-04', revenue: 0, transactions: 0 },
        growth: -1,
        yearOverYear: null,
        ...yearToDate(231300.5, 9),
        lastDate: '2024-03-15',
      },
    },
    targets: {
      cities: [
        { city: 'Lyon', months: untargeted(LYON_ROWS) },
        { city: 'Marseille', months: untargeted(MARSEILLE_ROWS) },
        { city: 'Paris', months: untargeted(PARIS_ROWS) },
      ],
      company: {
        months: untargeted(
          LYON_ROWS.map((row, index) => {
            const others = [MARSEILLE_ROWS[index]!, PARIS_ROWS[index]!];
            return [
              row[0],
              others.reduce((sum, other) => sum + other[1], row[1]),
              others.reduce((sum, other) => sum + other[2], row[2]),
              0,
              0,
            ] as const;
          }),
        ),
      },
    },
  },
};

/** The day the fixture's `progress` is computed on (`asOf`). */
export const THREE_CITIES_AS_OF = '2024-04-15';
