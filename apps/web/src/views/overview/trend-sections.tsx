import type { JSX } from 'preact';
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import type { ReportData } from '../../api/types.js';
import { ChartCanvas } from '../../charts/chart-canvas.js';
import { cityColours } from '../../charts/palette.js';
import { SectionCard } from '../../ui/section-card.js';
import { useUi } from '../../ui/ui-context.js';
import { TableHead } from '../../ui/table-head.js';

const CALENDAR = Array.from({ length: 12 }, (_, index) => index + 1);

/** The seasonal index of each calendar month, per city: a line each, and the table of values. */
export function SeasonalitySection({
  seasonality,
}: {
  seasonality: ReportData['seasonality'];
}): JSX.Element {
  const { t, f } = useUi();
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
      help={t('seasonalityHelp')}
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
  forecast: ReportData['forecast'];
  monthly: ReportData['monthly'];
  window: number;
  horizon: number;
}): JSX.Element {
  const { t, f } = useUi();
  const config = useMemo((): ChartConfiguration => {
    type Months = ReportData['monthly'][number]['months'];
    const recent = (months: Months): Months => months.slice(-12);
    const history = monthly[0] === undefined ? [] : recent(monthly[0].months).map((m) => m.month);
    const future = forecast[0]?.forecast.map((p) => p.month) ?? [];
    const labels = [...history, ...future];
    const datasets: ChartConfiguration['data']['datasets'] = forecast.flatMap((c, i) => {
      const colour = cityColours(c.city, i)[0];
      const months = recent(monthly.find((m) => m.city === c.city)?.months ?? []);
      const series = (points: readonly { month: string; revenue: number }[]): (number | null)[] =>
        labels.map((month) => points.find((p) => p.month === month)?.revenue ?? null);
      const fitted = c.window.map((p, x) => ({
        month: p.month,
        revenue: c.intercept + c.slope * x,
      }));
      return [
        {
          type: 'line' as const,
          label: `${c.city} · ${t('history')}`,
          data: series(months.map((m) => ({ month: m.month, revenue: m.total }))),
          borderColor: colour,
          backgroundColor: colour,
        },
        {
          type: 'line' as const,
          label: `${c.city} · ${t('trend')} (r² ${f.index(c.r2)})`,
          data: series(fitted),
          borderColor: colour,
          borderDash: [2, 2],
          pointRadius: 0,
        },
        {
          type: 'line' as const,
          label: `${c.city} · ${t('forecastSeries')}`,
          data: series([...fitted.slice(-1), ...c.forecast]),
          borderColor: colour,
          borderDash: [8, 4],
          pointStyle: 'triangle',
        },
        {
          type: 'line' as const,
          label: `${c.city} · ${t('seasonalForecast')}`,
          data: series(c.seasonalForecast),
          borderColor: colour,
          borderDash: [1, 3],
          pointStyle: 'rectRot',
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
  }, [forecast, monthly, t, f]);
  return (
    <SectionCard
      id="forecast"
      title={t('forecast')}
      path="forecast"
      help={t('forecastHelp', { window, horizon })}
    >
      <ChartCanvas config={config} label={t('forecast')} testId="chart-forecast" height={320} />
      <table class="data" data-testid="table-forecast">
        <TableHead
          columns={[
            t('city'),
            t('trend'),
            `€ / ${t('month').toLowerCase()}`,
            'r²',
            ...(forecast[0]?.forecast.map((p) => f.month(p.month)) ?? []),
            t('mapeLinear'),
            t('mapeSeasonal'),
            t('bestMethod'),
          ]}
        />
        <tbody>
          {forecast.map((c) => (
            <tr key={c.city}>
              <th scope="row">{c.city}</th>
              <td>{t(c.trend)}</td>
              <td>{f.money(c.slope)}</td>
              <td>{f.index(c.r2)}</td>
              {c.forecast.map((p, index) => (
                <td key={p.month} data-value={p.revenue}>
                  {f.money(p.revenue)}
                  <br />
                  <small class="muted">{f.money(c.seasonalForecast[index]?.revenue ?? null)}</small>
                </td>
              ))}
              <td>{f.percent(c.backtest.linearMape)}</td>
              <td>{f.percent(c.backtest.seasonalMape)}</td>
              <td data-testid={`best-${c.city}`}>
                {c.backtest.best === null ? '—' : t(c.backtest.best)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </SectionCard>
  );
}
