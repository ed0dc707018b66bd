import { describe, expect, it } from '@jest/globals';
import { CityStores, CsvIngest } from '#domain/ingest';
import { OpenCityDirectory } from '#domain/model';
import { parseReportQuery } from '#domain/query';
import { buildReport } from '#domain/report';
import { expectClose, threeCitiesReport } from '../../../../../../test/support/fixtures.js';
import { THREE_CITIES_REPORT } from '../../../../../../test/support/three-cities-expected.js';

describe('forecast section', () => {
  it('fits the last three monthly totals and extends the line', () => {
    expectClose(threeCitiesReport().data.forecast, THREE_CITIES_REPORT.data.forecast);
  });

  it('honours window and horizon, and calls a rising series up', () => {
    const [paris] = threeCitiesReport({ city: 'Paris', from: '2024-02', window: '2', horizon: '1' })
      .data.forecast;
    // 2000 then 30900: slope 28900, intercept 2000, a perfect fit.
    expectClose(paris, {
      city: 'Paris',
      window: [
        { month: '2024-02', revenue: 2000 },
        { month: '2024-03', revenue: 30900 },
      ],
      slope: 28900,
      intercept: 2000,
      r2: 1,
      trend: 'up',
      forecast: [{ month: '2024-04', revenue: 2000 + 2 * 28900 }],
      // February and March seen once each: deseasonalised, both are their mean, 16 450.
      seasonalForecast: [{ month: '2024-04', revenue: 16450 }],
      backtest: { months: 0, linearMape: null, seasonalMape: null, best: null },
    });
  });

  it('calls a series flat when the slope is under 1% of its mean, and has no r2 for a constant one', () => {
    const marseille = threeCitiesReport({ city: 'Marseille', from: '2024-03', to: '2024-05' }).data
      .forecast[0]!;
    expect(marseille.trend).toBe('flat');
    expect(marseille.slope).toBe(0);
    expect(marseille.r2).toBeNull();
  });
});

describe('forecast backtest', () => {
  // Lyon, 2023-01 to 2024-12: one sale a month of (100 000 + 1 000 t) x the season of its month,
  // an August hollow and a December peak: growth a line cannot follow through the seasons.
  const season = [1, 1, 1.2, 1, 1, 1, 0.9, 0.5, 1.2, 1, 1, 1.5];
  const totals = Array.from({ length: 24 }, (_, t) =>
    Math.round((100_000 + 1_000 * t) * season[t % 12]!),
  );
  const rows = totals.map((total, t) => {
    const month = String((t % 12) + 1).padStart(2, '0');
    return `S${t},${2023 + Math.floor(t / 12)}-${month}-15,Lyon,vente,BMW_X3,${total},NULL`;
  });
  const stores = new CityStores();
  const ingest = new CsvIngest(new OpenCityDirectory(), stores);
  ingest.push(
    ['transaction_id,date,ville,type,modele,prix,duree_location_mois', ...rows].join('\n'),
  );
  ingest.end();
  const [lyon] = buildReport(stores.summarize(), parseReportQuery({ window: '3' })).data.forecast;

  /** Least squares through (0, a), (1, b), (2, c), extended to x = 3: written out by hand. */
  const nextOnLine = (a: number, b: number, c: number): number => {
    const slope = (c - a) / 2;
    return (a + b + c) / 3 - slope + slope * 3;
  };

  it('replays the last 12 months with the linear method, each from the 3 months before it', () => {
    let sum = 0;
    for (let t = 12; t < 24; t += 1) {
      sum +=
        Math.abs(nextOnLine(totals[t - 3]!, totals[t - 2]!, totals[t - 1]!) - totals[t]!) /
        totals[t]!;
    }
    expect(lyon?.backtest.months).toBe(12);
    expect(lyon?.backtest.linearMape).toBeCloseTo(sum / 12, 4);
  });

  it('replays the seasonal method with the indexes of the months before each forecast only', () => {
    let sum = 0;
    for (let t = 12; t < 24; t += 1) {
      const history = totals.slice(0, t);
      const byMonth = Array.from({ length: 12 }, (_, m) => history.filter((_, i) => i % 12 === m));
      const averages = byMonth.map((values) => values.reduce((a, v) => a + v, 0) / values.length);
      const mean = averages.reduce((a, v) => a + v, 0) / 12;
      const index = (i: number): number => averages[i % 12]! / mean;
      const adjusted = [t - 3, t - 2, t - 1].map((i) => totals[i]! / index(i));
      const predicted = nextOnLine(adjusted[0]!, adjusted[1]!, adjusted[2]!) * index(t);
      sum += Math.abs(predicted - totals[t]!) / totals[t]!;
    }
    expect(lyon?.backtest.seasonalMape).toBeCloseTo(sum / 12, 4);
  });

  it('names the seasonal method the more accurate on seasonal data, and forecasts with the season', () => {
    expect(lyon?.backtest.best).toBe('seasonal');
    expect(lyon!.backtest.seasonalMape!).toBeLessThan(lyon!.backtest.linearMape! / 3);
    // January 2025 falls after December's peak: the seasonal forecast drops, the line does not.
    const [linearJanuary] = lyon!.forecast;
    const [seasonalJanuary] = lyon!.seasonalForecast;
    expect(seasonalJanuary!.revenue).toBeLessThan(linearJanuary!.revenue);
  });
});
