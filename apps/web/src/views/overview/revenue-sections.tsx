import type { JSX } from 'preact';
import type { ChartConfiguration } from 'chart.js';
import { useMemo, useState } from 'preact/hooks';
import type { ReportData } from '../../api/types.js';
import { ChartCanvas } from '../../charts/chart-canvas.js';
import { TOTAL_COLOUR, cityColours, salesAndRentals } from '../../charts/palette.js';
import { SectionCard } from '../../ui/section-card.js';
import type { Formats } from '../../ui/format.js';
import { addMonths } from '../../ui/months.js';
import { NO_EXPLORER_FILTER } from '../../ui/url-state.js';
import { useUi } from '../../ui/ui-context.js';
import { TableHead } from '../../ui/table-head.js';

/** A month without a transaction has no figure: a gap, never a fall to 0 €. */
function revenueOrGap(m: ReportData['monthly'][number]['months'][number]): number | null {
  return m.salesCount + m.rentalsCount === 0 && m.total === 0 ? null : m.total;
}

/**
 * Each city's monthly revenue as a line, with the selection's total; months without data are gaps.
 * On demand, the selection's sales and rentals stacked instead. A click on a month (anywhere in
 * its column) opens the selection's transactions of that month.
 */
export function MonthlySection({
  monthly,
  company,
}: {
  monthly: ReportData['monthly'];
  company: ReportData['company'];
}): JSX.Element {
  const { t, f, link } = useUi();
  const [stacked, setStacked] = useState(false);
  const config = useMemo((): ChartConfiguration => {
    const labels = company.months.map((m) => f.month(m.month));
    const options: ChartConfiguration['options'] = {
      interaction: { mode: 'index', intersect: false },
      onClick: (_event, elements) => {
        const month = company.months[elements[0]?.index ?? -1]?.month;
        if (month !== undefined)
          link({ view: 'transactions', month, explorer: NO_EXPLORER_FILTER }).go();
      },
      onHover: (event, elements) => {
        const target = event.native?.target;
        if (target instanceof HTMLElement)
          target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
      },
    };
    if (stacked) {
      return {
        type: 'bar',
        data: {
          labels,
          datasets: salesAndRentals(
            { sales: t('sales'), rentals: t('rentals') },
            company.months,
            (m) => (revenueOrGap(m) === null ? null : m.sales),
            (m) => (revenueOrGap(m) === null ? null : m.rentals),
          ),
        },
        options: { ...moneyAxes(f), ...options },
      };
    }
    const datasets: ChartConfiguration['data']['datasets'] = monthly.map(
      ({ city, months }, index) => {
        const [dark] = cityColours(city, index);
        return {
          type: 'line' as const,
          label: city,
          data: months.map(revenueOrGap),
          borderColor: dark,
          backgroundColor: dark,
          pointRadius: 2,
          spanGaps: false,
        };
      },
    );
    // Each target as a thin stepped line in its city's colour (the selection's in the total's).
    const targetLine = (
      name: string,
      months: readonly { target: number | null }[],
      colour: string,
    ): void => {
      if (months.every((m) => m.target === null)) return;
      datasets.push({
        type: 'line' as const,
        label: t('targetOf', { name }),
        data: months.map((m) => m.target),
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: 1,
        borderDash: [2, 3],
        // Each month's target is a short bar across its month, seen even alone.
        pointStyle: 'line',
        pointRadius: 10,
        pointBorderWidth: 2,
        stepped: 'middle',
        spanGaps: false,
      });
    };
    monthly.forEach(({ city, months }, index) => {
      targetLine(city, months, cityColours(city, index)[0]);
    });
    if (monthly.length > 1) targetLine(t('selectionLower'), company.months, TOTAL_COLOUR);
    if (monthly.length > 1) {
      datasets.push({
        type: 'line' as const,
        label: `${t('total')} (${t('selectionLower')})`,
        data: company.months.map(revenueOrGap),
        borderColor: TOTAL_COLOUR,
        backgroundColor: TOTAL_COLOUR,
        pointRadius: 0,
        borderWidth: 2,
        borderDash: [6, 3],
        spanGaps: false,
      });
    }
    return {
      type: 'line',
      data: { labels, datasets },
      options: {
        ...options,
        scales: { y: { ticks: { callback: (value) => f.compactMoney(Number(value)) } } },
        plugins: {
          tooltip: {
            callbacks: { label: (c) => `${c.dataset.label ?? ''} : ${f.money(c.parsed.y ?? 0)}` },
          },
        },
      },
    };
  }, [monthly, company, stacked, t, f, link]);
  return (
    <SectionCard
      id="monthly"
      title={t('monthly')}
      path="monthly"
      help={`${t('monthlyHelp')} ${t('chartHint')}`}
    >
      <label class="chart-toggle no-print">
        <input
          type="checkbox"
          checked={stacked}
          data-testid="monthly-stacked"
          onChange={(event) => {
            setStacked(event.currentTarget.checked);
          }}
        />
        {t('stacked')}
      </label>
      <ChartCanvas
        config={config}
        label={t('monthly')}
        testId="chart-monthly"
        height={340}
        key={stacked ? 'stacked' : 'lines'}
      />
    </SectionCard>
  );
}

/** Each city's revenue split between sales and rentals. */
export function SplitSection({ split }: { split: ReportData['split'] }): JSX.Element {
  const { t, f } = useUi();
  const config = useMemo(
    (): ChartConfiguration => ({
      type: 'bar',
      data: {
        labels: split.map((c) => c.city),
        datasets: salesAndRentals(
          { sales: t('sales'), rentals: t('rentals') },
          split,
          (c) => c.sales.revenueShare,
          (c) => c.rentals.revenueShare,
        ),
      },
      options: {
        indexAxis: 'y',
        scales: {
          x: { stacked: true, max: 1, ticks: { callback: (v) => f.percent(Number(v)) } },
          y: { stacked: true },
        },
        plugins: {
          tooltip: {
            callbacks: { label: (c) => `${c.dataset.label ?? ''} : ${f.percent(c.parsed.x)}` },
          },
        },
      },
    }),
    [split, t, f],
  );
  return (
    <SectionCard id="split" title={t('split')} path="split">
      <ChartCanvas config={config} label={t('split')} testId="chart-split" height={180} />
      <table class="data" data-testid="table-split">
        <TableHead columns={[t('city'), t('sales'), '%', t('rentals'), '%']} />
        <tbody>
          {split.map((c) => (
            <tr key={c.city}>
              <th scope="row">{c.city}</th>
              <td data-value={c.sales.revenue}>{f.money(c.sales.revenue)}</td>
              <td>{f.percent(c.sales.revenueShare)}</td>
              <td data-value={c.rentals.revenue}>{f.money(c.rentals.revenue)}</td>
              <td>{f.percent(c.rentals.revenueShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </SectionCard>
  );
}

/** The cities ranked by revenue over the range. */
export function ComparisonSection({
  comparison,
  range,
}: {
  comparison: ReportData['comparison'];
  range: { readonly from: string | null; readonly to: string | null };
}): JSX.Element {
  const { t, f } = useUi();
  const config = useMemo(
    (): ChartConfiguration => ({
      type: 'bar',
      data: {
        labels: comparison.cities.map((c) => c.city),
        datasets: [
          {
            label: t('revenue'),
            data: comparison.cities.map((c) => c.revenue),
            backgroundColor: comparison.cities.map((c, i) => cityColours(c.city, i)[0]),
          },
        ],
      },
      options: { ...moneyAxes(f), plugins: { legend: { display: false } } },
    }),
    [comparison, t, f],
  );
  return (
    <SectionCard id="comparison" title={t('comparison')} path="comparison">
      <table class="data" data-testid="table-comparison">
        <TableHead
          columns={[
            t('rank'),
            t('city'),
            range.from === null || range.to === null
              ? t('revenue')
              : `${t('revenue')} (${f.month(range.from)} – ${f.month(range.to)})`,
            t('shareOfTotal'),
            t('transactions'),
            t('averageTicket'),
            range.to === null
              ? t('growth')
              : t('growthOfMonth', {
                  month: f.month(range.to),
                  before: f.month(addMonths(range.to, -1)),
                }),
          ]}
        />
        <tbody>
          {comparison.cities.map((c) => (
            <tr key={c.city} data-city={c.city}>
              <td>{c.rank}</td>
              <th scope="row">
                <CityLink city={c.city} />
              </th>
              <td data-value={c.revenue}>{f.money(c.revenue)}</td>
              <td>{f.percent(c.share)}</td>
              <td>{f.integer(c.transactions)}</td>
              <td>{f.money(c.averageTicket)}</td>
              <td>{f.signedPercent(c.growth)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <th scope="row">{t('total')}</th>
            <td data-value={comparison.total.revenue}>{f.money(comparison.total.revenue)}</td>
            <td />
            <td>{f.integer(comparison.total.transactions)}</td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
      <ChartCanvas config={config} label={t('comparison')} testId="chart-comparison" height={200} />
    </SectionCard>
  );
}

/** A city's name, opening the explorer on its transactions. */
function CityLink({ city }: { city: string }): JSX.Element {
  const { t, link } = useUi();
  const target = link({
    view: 'transactions',
    cities: [city],
    month: undefined,
    explorer: NO_EXPLORER_FILTER,
  });
  return (
    <a href={target.href} onClick={target.onClick} title={t('seeTransactions')}>
      {city}
    </a>
  );
}

/** Stacked axes in k€ / M€, as every money chart shows them; tooltips give the euro. */
export function moneyAxes(f: Formats): ChartConfiguration['options'] {
  return {
    scales: {
      x: { stacked: true },
      y: { stacked: true, ticks: { callback: (value) => f.compactMoney(Number(value)) } },
    },
    plugins: {
      tooltip: {
        callbacks: { label: (c) => `${c.dataset.label ?? ''} : ${f.money(c.parsed.y ?? 0)}` },
      },
    },
  };
}
