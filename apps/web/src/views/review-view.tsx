import type { JSX } from 'preact';
import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { fetchSummary } from '../api/client.js';
import type { ReportData, ReportEnvelope } from '../api/types.js';
import { FailureBanner, failureOf, type Failure } from '../ui/load-failure.js';
import { Skeleton } from '../ui/skeleton.js';
import { ChartCanvas } from '../charts/chart-canvas.js';
import { salesAndRentals } from '../charts/palette.js';
import { companyTop } from '../ui/company-top.js';
import { RankTable } from '../ui/rank-table.js';
import { kpisAt, type MonthKpis } from '../ui/kpis.js';
import { addMonths } from '../ui/months.js';
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
  /** The last complete month any city holds data for: where an empty month's page points. */
  readonly latest: string | undefined;
  readonly params: URLSearchParams;
  readonly version: number;
  readonly onMonth: (month: string) => void;
}

/**
 * The monthly management review: a page for the company, then one per city, each with the month's
 * figures against the month before and the same month a year earlier. Printed, one A4 page each.
 */
export function ReviewView({ month, latest, params, version, onMonth }: Props): JSX.Element {
  const { t, f } = useUi();
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [error, setError] = useState<Failure | undefined>(undefined);
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
        setLoaded(undefined);
        setError(failureOf(failure));
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
      <FailureBanner failure={error} />
      {loaded !== undefined &&
        (kpisAt(loaded.history.data.company.months, month, 0).transactions === 0 ? (
          <p class="empty" data-testid="review-empty">
            {t('noReviewData', { month: f.monthLong(month) })}{' '}
            {latest !== undefined && latest !== month && (
              <button
                type="button"
                onClick={() => {
                  onMonth(latest);
                }}
              >
                {t('lastMonthWithData', { month: f.monthLong(latest) })}
              </button>
            )}
          </p>
        ) : (
          <ReviewPages loaded={loaded} month={month} />
        ))}
      {loaded === undefined && error === undefined && <Skeleton rows={12} />}
      <p class="muted no-print">{f.monthLong(month)}</p>
    </div>
  );
}

function ReviewPages({ loaded, month }: { loaded: Loaded; month: string }): JSX.Element {
  const { t, f } = useUi();
  // Said on every page: what the figures are, and when they were taken.
  const frame = {
    scope: [
      t('companyName'),
      f.monthLong(month),
      t(loaded.history.basis === 'contract' ? 'basisContractShort' : 'basisRecognizedShort'),
      loaded.history.cities.join(', '),
    ].join(' · '),
    extracted: f.dateTime(new Date()),
    pages: 1 + loaded.history.data.monthly.length,
  };
  const monthly = loaded.history.data.monthly;
  const company = loaded.history.data.company.months;
  const companyRevenue = kpisAt(company, month, 0).revenue;
  const tops = loaded.month.data.topModels;
  return (
    <>
      <ReviewPage
        id="company"
        city={undefined}
        page={1}
        frame={frame}
        name={t('company')}
        series={company}
        month={month}
        companyRevenue={companyRevenue}
        sales={companyTop(tops, 'sales', 'count')}
        rentals={companyTop(tops, 'rentals', 'count')}
      />
      {monthly.map(({ city, months }, index) => {
        const top = tops.find((c) => c.city === city);
        return (
          <ReviewPage
            key={city}
            id={city}
            city={city}
            page={index + 2}
            frame={frame}
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

/** What every printed page repeats: its scope in the header, the extraction and page count below. */
interface PageFrame {
  readonly scope: string;
  readonly extracted: string;
  readonly pages: number;
}

interface PageProps {
  readonly id: string;
  /** undefined: the company's page. */
  readonly city: string | undefined;
  readonly page: number;
  readonly frame: PageFrame;
  readonly name: string;
  readonly series: readonly MonthRevenue[];
  readonly month: string;
  readonly companyRevenue: number;
  readonly sales: readonly ModelRank[];
  readonly rentals: readonly ModelRank[];
}

function ReviewPage({
  id,
  city,
  page,
  frame,
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
          y: { stacked: true, ticks: { callback: (v) => f.compactMoney(Number(v)) } },
        },
      },
    }),
    [series, t, f],
  );
  /** A figure and how its change is told: relative for amounts, in points for a share. */
  type Row = [string, (k: MonthKpis) => number | null, (v: number | null) => string, 'share'?];
  const rows: Row[] = [
    [t('revenue'), (k) => k.revenue, f.money],
    [t('sales'), (k) => k.sales, f.money],
    [t('rentals'), (k) => k.rentals, f.money],
    [t('transactions'), (k) => k.transactions, f.integer],
    [t('averageTicket'), (k) => k.averageTicket, f.money],
    [t('rentalShare'), (k) => k.rentalShare, f.percent, 'share'],
  ];
  const change = (a: number | null, b: number | null, kind?: 'share'): string => {
    if (a === null || b === null) return f.signedPercent(null);
    if (kind === 'share') return f.points(a - b);
    return f.signedPercent(b === 0 ? null : (a - b) / b);
  };
  return (
    <article class="review-page card" data-testid={`review-${id}`} data-revenue={now.revenue}>
      <header class="review-header" data-testid={`review-${id}-header`}>
        {frame.scope}
      </header>
      <h2>
        {t('review')} · {f.monthLong(month)} · {name}
      </h2>
      <div class="scroll">
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
            {rows.map(([label, pick, format, kind]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{format(pick(now))}</td>
                <td>{format(pick(before))}</td>
                <td>{change(pick(now), pick(before), kind)}</td>
                <td>{format(pick(lastYear))}</td>
                <td>{change(pick(now), pick(lastYear), kind)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('shareOfTotal')}</th>
              <td>{f.percent(now.shareOfTotal)}</td>
              <td colSpan={4} />
            </tr>
          </tbody>
        </table>
      </div>
      <p class="review-facts" data-testid={`review-${id}-target`}>
        {now.target === null
          ? t('reviewNoTarget')
          : t('reviewTarget', {
              target: f.money(now.target),
              attainment: f.percent(now.attainment),
              variance: f.money(now.revenue - now.target),
            })}
        <br />
        {t('reviewYearToDate', {
          current: f.money(now.yearToDate),
          lastYear: f.money(now.yearToDateLastYear),
          change: f.signedPercent(now.yearToDateChange),
        })}
      </p>
      <div class="grid-2">
        <RankTable
          caption={`${t('topModels')} · ${t('sales')}`}
          models={sales.slice(0, 5)}
          drill={{ type: 'vente', city, month }}
        />
        <RankTable
          caption={`${t('topModels')} · ${t('rentals')}`}
          models={rentals.slice(0, 5)}
          drill={{ type: 'location', city, month }}
        />
      </div>
      <h3>{t('last13')}</h3>
      <div class="review-trend">
        <ChartCanvas
          config={config}
          label={t('last13')}
          testId={`chart-review-${id}`}
          height={260}
        />
        <table class="data review-months" data-testid={`review-${id}-months`}>
          <caption class="visually-hidden">{t('last13')}</caption>
          <TableHead columns={[t('month'), t('sales'), t('rentals'), t('total')]} />
          <tbody>
            {series.map((m) => (
              <tr key={m.month} class={m.month === month ? 'current' : undefined}>
                <th scope="row">{f.month(m.month)}</th>
                <td>{f.compactMoney(m.sales)}</td>
                <td>{f.compactMoney(m.rentals)}</td>
                <td>{f.compactMoney(m.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <footer class="review-footer" data-testid={`review-${id}-footer`}>
        <span>
          {t('extractedAt')} {frame.extracted}
        </span>
        <span>
          {t('page')} {page}/{frame.pages}
        </span>
      </footer>
    </article>
  );
}
