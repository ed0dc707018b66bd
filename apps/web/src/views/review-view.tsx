import type { JSX } from 'preact';
import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { fetchSummary } from '../api/client.js';
import type { ReportData, ReportEnvelope } from '../api/types.js';
import { ChartCanvas } from '../charts/chart-canvas.js';
import { salesAndRentals } from '../charts/palette.js';
import { RankTable } from '../ui/rank-table.js';
import { kpisAt, type MonthKpis } from '../ui/kpis.js';
import { addMonths } from '../ui/url-state.js';
import { useUi } from '../ui/ui-context.js';
import { TableHead } from '../ui/table-head.js';

type MonthRevenue = ReportData['monthly'][number]['months'][number];
type ModelRank = ReportData['topModels'][number]['sales'][number];

interface Loaded {
  readonly history: ReportEnvelope<ReportData>;
  readonly month: ReportEnvelope<ReportData>;
}

/** Enough to rank every model of a city: the company's list is summed from them. */
const ALL_MODELS = '50';

interface Props {
  readonly month: string;
  readonly params: URLSearchParams;
  readonly version: number;
  readonly onMonth: (month: string) => void;
}

/**
 * The monthly management review: a page for the company, then one per city, each with the month's
 * figures against the month before and the same month a year earlier. Printed, one A4 page each.
 */
export function ReviewView({ month, params, version, onMonth }: Props): JSX.Element {
  const { t, f } = useUi();
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    const history = new URLSearchParams(params);
    history.set('from', addMonths(month, -12));
    history.set('to', month);
    const single = new URLSearchParams(params);
    single.set('from', month);
    single.set('to', month);
    single.set('limit', ALL_MODELS);
    Promise.all([fetchSummary(history), fetchSummary(single)]).then(
      ([h, m]) => {
        setLoaded({ history: h, month: m });
        setError(undefined);
      },
      (failure: unknown) => {
        setError(String(failure instanceof Error ? failure.message : failure));
      },
    );
  }, [month, params, version]);

  return (
    <div class="review" data-testid="review-view">
      <div class="review-controls no-print">
        <label>
          {t('month')}{' '}
          <input
            type="month"
            value={month}
            data-testid="review-month"
            onChange={(event) => {
              if (event.currentTarget.value !== '') onMonth(event.currentTarget.value);
            }}
          />
        </label>{' '}
        <button
          type="button"
          onClick={() => {
            print();
          }}
        >
          {t('print')}
        </button>
      </div>
      {error !== undefined && <p class="banner">{error}</p>}
      {loaded !== undefined && <ReviewPages loaded={loaded} month={month} />}
      {loaded === undefined && error === undefined && <p>{t('loading')}</p>}
      <p class="muted no-print">{f.monthLong(month)}</p>
    </div>
  );
}

function ReviewPages({ loaded, month }: { loaded: Loaded; month: string }): JSX.Element {
  const { t } = useUi();
  const monthly = loaded.history.data.monthly;
  const company = loaded.history.data.company.months;
  const companyRevenue = kpisAt(company, month, 0).revenue;
  const tops = loaded.month.data.topModels;
  const companyTop = (type: 'sales' | 'rentals'): ModelRank[] => {
    const sums = new Map<string, ModelRank>();
    for (const city of tops) {
      for (const m of city[type]) {
        const sum = sums.get(m.model);
        sums.set(m.model, {
          model: m.model,
          count: (sum?.count ?? 0) + m.count,
          revenue: (sum?.revenue ?? 0) + m.revenue,
        });
      }
    }
    return [...sums.values()].sort((a, b) => b.count - a.count || b.revenue - a.revenue);
  };
  return (
    <>
      <ReviewPage
        id="company"
        name={t('company')}
        series={company}
        month={month}
        companyRevenue={companyRevenue}
        sales={companyTop('sales')}
        rentals={companyTop('rentals')}
      />
      {monthly.map(({ city, months }) => {
        const top = tops.find((c) => c.city === city);
        return (
          <ReviewPage
            key={city}
            id={city}
            name={city}
            series={months}
            month={month}
            companyRevenue={companyRevenue}
            sales={top?.sales ?? []}
            rentals={top?.rentals ?? []}
          />
        );
      })}
    </>
  );
}

interface PageProps {
  readonly id: string;
  readonly name: string;
  readonly series: readonly MonthRevenue[];
  readonly month: string;
  readonly companyRevenue: number;
  readonly sales: readonly ModelRank[];
  readonly rentals: readonly ModelRank[];
}

function ReviewPage({
  id,
  name,
  series,
  month,
  companyRevenue,
  sales,
  rentals,
}: PageProps): JSX.Element {
  const { t, f } = useUi();
  const now = kpisAt(series, month, companyRevenue);
  const before = kpisAt(series, addMonths(month, -1), companyRevenue);
  const lastYear = kpisAt(series, addMonths(month, -12), companyRevenue);
  const config = useMemo(
    (): ChartConfiguration => ({
      type: 'bar',
      data: {
        labels: series.map((m) => f.month(m.month)),
        datasets: salesAndRentals(
          { sales: t('sales'), rentals: t('rentals') },
          series,
          (m) => m.sales,
          (m) => m.rentals,
        ),
      },
      options: {
        scales: {
          x: { stacked: true },
          y: { stacked: true, ticks: { callback: (v) => f.money(Number(v)) } },
        },
      },
    }),
    [series, t, f],
  );
  const rows: [string, (k: MonthKpis) => number | null, (v: number | null) => string][] = [
    [t('revenue'), (k) => k.revenue, f.money],
    [t('sales'), (k) => k.sales, f.money],
    [t('rentals'), (k) => k.rentals, f.money],
    [t('transactions'), (k) => k.transactions, f.integer],
    [t('averageTicket'), (k) => k.averageTicket, f.money],
    [t('rentalShare'), (k) => k.rentalShare, f.percent],
  ];
  const change = (a: number | null, b: number | null): number | null =>
    a === null || b === null || b === 0 ? null : (a - b) / b;
  return (
    <article class="review-page card" data-testid={`review-${id}`} data-revenue={now.revenue}>
      <h2>
        {t('review')} · {f.monthLong(month)} · {name}
      </h2>
      <table class="data">
        <TableHead
          columns={[
            t('kpi'),
            f.month(month),
            t('previousMonth'),
            t('growth'),
            t('sameMonthLastYear'),
            t('growth'),
          ]}
        />
        <tbody>
          {rows.map(([label, pick, format]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{format(pick(now))}</td>
              <td>{format(pick(before))}</td>
              <td>{f.signedPercent(change(pick(now), pick(before)))}</td>
              <td>{format(pick(lastYear))}</td>
              <td>{f.signedPercent(change(pick(now), pick(lastYear)))}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('shareOfTotal')}</th>
            <td>{f.percent(now.shareOfTotal)}</td>
            <td colSpan={4} />
          </tr>
        </tbody>
      </table>
      <div class="grid-2">
        <RankTable caption={`${t('topModels')} · ${t('sales')}`} models={sales.slice(0, 5)} />
        <RankTable caption={`${t('topModels')} · ${t('rentals')}`} models={rentals.slice(0, 5)} />
      </div>
      <h3>{t('last13')}</h3>
      <ChartCanvas config={config} label={t('last13')} testId={`chart-review-${id}`} height={220} />
    </article>
  );
}
