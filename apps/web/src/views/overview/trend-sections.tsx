import type { JSX } from 'preact';
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import type { ReportData, ReportEnvelope } from '../../api/types.js';
import { ChartCanvas } from '../../charts/chart-canvas.js';
import { cityColours } from '../../charts/palette.js';
import { SectionCard } from '../../ui/section-card.js';
import { useUi } from '../../ui/ui-context.js';
import { TableHead } from '../../ui/table-head.js';

const CALENDAR = Array.from({ length: 12 }, (_, index) => index + 1);

/** The seasonal index of each calendar month, per city: a line each, and the table of values. */
export function SeasonalitySection({
  seasonality: whole,
  cities,
}: {
  seasonality: ReportEnvelope<ReportData['seasonality']>;
  cities: readonly string[];
}): JSX.Element {
  const { t, f } = useUi();
  const selected = cities.join('\n');
  const seasonality = useMemo(
    () => whole.data.filter((c) => selected.split('\n').includes(c.city)),
    [whole, selected],
  );
  const index = (city: ReportData['seasonality'][number], month: number): number | null =>
    city.months.find((m) => m.month === month)?.index ?? null;
  const config = useMemo(
    (): ChartConfiguration => ({
      type: 'line',
      data: {
        labels: CALENDAR.map(f.calendarMonth),
        datasets: seasonality.map((c, i) => ({
          label: c.city,
          data: CALENDAR.map((m) => index(c, m)),
          borderColor: cityColours(c.city, i)[0],
          backgroundColor: cityColours(c.city, i)[0],
        })),
      },
      options: { scales: { y: { ticks: { callback: (v) => f.index(Number(v)) } } } },
    }),
    [seasonality, f],
  );
  return (
    <SectionCard
      id="seasonality"
      title={t('seasonality')}
      path="seasonality"
      help={`${t('seasonalityHelp')} ${
        whole.from === null || whole.to === null
          ? ''
          : t('forecastBasedOn', { from: f.month(whole.from), to: f.month(whole.to) })
      }`}
    >
      <ChartCanvas config={config} label={t('seasonality')} testId="chart-seasonality" />
      <div class="scroll">
        <table class="data heat" data-testid="table-seasonality">
          <TableHead columns={[t('city'), ...CALENDAR.map(f.calendarMonth)]} />
          <tbody>
            {seasonality.map((c) => (
              <tr key={c.city}>
                <th scope="row">{c.city}</th>
                {CALENDAR.map((m) => {
                  const value = index(c, m);
                  const level =
                    value === null ? '' : value >= 1.1 ? 'hot' : value <= 0.9 ? 'cold' : '';
                  return (
                    <td key={m} class={level}>
                      {f.index(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </SectionCard>
  );
}

/** Per city: the monthly totals, the fitted line over the window and its forecast. */
export function ForecastSection({
  forecast,
  monthly,
  window,
  horizon,
}: {
  forecast: ReportEnvelope<ReportData['forecast']>;
  monthly: ReportData['monthly'];
  window: number;
  horizon: number;
}): JSX.Element {
  const { t, f, code } = useUi();
  const { from, to } = forecast;
  const cities = useMemo(
    () => forecast.data.filter((c) => monthly.some((m) => m.city === c.city)),
    [forecast, monthly],
  );
  const config = useMemo((): ChartConfiguration => {
    type Months = ReportData['monthly'][number]['months'];
    const recent = (months: Months): Months => months.slice(-12);
    const history = monthly[0] === undefined ? [] : recent(monthly[0].months).map((m) => m.month);
    const future = cities[0]?.forecast.map((p) => p.month) ?? [];
    const labels = [...history, ...future];
    const datasets: ChartConfiguration['data']['datasets'] = cities.flatMap((c, i) => {
      const colour = cityColours(c.city, i)[0];
      const months = recent(monthly.find((m) => m.city === c.city)?.months ?? []);
      const series = (points: readonly { month: string; revenue: number }[]): (number | null)[] =>
        labels.map((month) => points.find((p) => p.month === month)?.revenue ?? null);
      const history = months.map((m) => ({ month: m.month, revenue: m.total }));
      const method = headlineMethod(c);
      const ahead = method === 'seasonal' ? c.seasonalForecast : c.forecast;
      // Two lines a city (at most six entries): its months, then its headline forecast, drawn
      // from its last month on; the fitted line and the other method are in the table.
      return [
        {
          type: 'line' as const,
          label: `${c.city} · ${code('history')}`,
          data: series(history),
          borderColor: colour,
          backgroundColor: colour,
        },
        {
          type: 'line' as const,
          label: `${c.city} · ${code(method === 'seasonal' ? 'seasonal_forecast' : 'forecast')}`,
          data: series([...history.slice(-1), ...ahead]),
          borderColor: colour,
          backgroundColor: colour,
          borderDash: [8, 4],
          pointStyle: 'triangle',
        },
      ].filter((dataset) => dataset.data.some((value) => value !== null));
    });
    return {
      type: 'line',
      data: { labels: labels.map(f.month), datasets },
      options: {
        scales: { y: { ticks: { callback: (v) => f.compactMoney(Number(v)) } } },
      },
    };
  }, [cities, monthly, t, f, code]);
  return (
    <SectionCard
      id="forecast"
      title={t('forecast')}
      path="forecast"
      help={`${t('forecastHelp', { window, horizon })} ${
        from === null || to === null
          ? ''
          : t('forecastBasedOn', { from: f.month(from), to: f.month(to) })
      }`}
    >
      <ChartCanvas config={config} label={t('forecast')} testId="chart-forecast" height={320} />
      <table class="data" data-testid="table-forecast">
        <TableHead
          columns={[
            t('city'),
            t('trend'),
            `€ / ${t('month').toLowerCase()}`,
            'r²',
            ...(cities[0]?.forecast.map((p) => f.month(p.month)) ?? []),
            t('mapeLinear'),
            t('mapeSeasonal'),
            t('bestMethod'),
          ]}
        />
        <tbody>
          {cities.map((c) => {
            const method = headlineMethod(c);
            const headline = method === 'seasonal' ? c.seasonalForecast : c.forecast;
            const other = method === 'seasonal' ? c.forecast : c.seasonalForecast;
            const otherMethod = method === 'seasonal' ? 'linear' : 'seasonal';
            return (
              <tr key={c.city} data-testid={`forecast-${c.city}`} data-method={method}>
                <th scope="row">{c.city}</th>
                <td>{code(c.trend)}</td>
                <td>{f.money(c.slope)}</td>
                <td>{f.index(c.r2)}</td>
                {headline.map((p, index) => (
                  <td key={p.month} data-value={p.revenue}>
                    {f.money(p.revenue)}
                    <br />
                    <small class="muted">
                      {code(otherMethod)} : {f.money(other[index]?.revenue ?? null)}
                    </small>
                  </td>
                ))}
                <td>{f.percent(c.backtest.linearMape)}</td>
                <td>{f.percent(c.backtest.seasonalMape)}</td>
                <td data-testid={`best-${c.city}`}>
                  {method === c.backtest.best && conclusive(c)
                    ? code(method)
                    : t('notJudged', { months: c.backtest.months })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </SectionCard>
  );
}

/** Months a backtest must replay before one method is called the more accurate. */
const JUDGED_MONTHS = 12;

function conclusive(c: ReportData['forecast'][number]): boolean {
  return c.backtest.best !== null && c.backtest.months >= JUDGED_MONTHS;
}

/** The forecast shown first: the one the backtest rates more accurate, the brief's line else. */
export function headlineMethod(c: ReportData['forecast'][number]): 'linear' | 'seasonal' {
  return conclusive(c) && c.backtest.best === 'seasonal' ? 'seasonal' : 'linear';
}
