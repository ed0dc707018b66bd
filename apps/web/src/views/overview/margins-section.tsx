import type { JSX } from 'preact';
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import type { ReportData } from '../../api/types.js';
import { ChartCanvas } from '../../charts/chart-canvas.js';
import { salesAndRentals } from '../../charts/palette.js';
import { SectionCard } from '../../ui/section-card.js';
import { useUi } from '../../ui/ui-context.js';
import { TableHead } from '../../ui/table-head.js';

type Margin = ReportData['margins'][number]['sales'];

/** Margin per type and city; an estimated cost says so, with the rate it assumed. */
export function MarginsSection({ margins }: { margins: ReportData['margins'] }): JSX.Element {
  const { t, f } = useUi();
  const rows = margins.flatMap((c) => [
    { city: c.city, type: t('sales'), margin: c.sales },
    { city: c.city, type: t('rentals'), margin: c.rentals },
  ]);
  const rates = rows
    .filter(
      (r, index) =>
        r.margin.basis !== 'actual' &&
        rows.findIndex((o) => o.type === r.type && o.margin.basis !== 'actual') === index,
    )
    .map((r) => `${r.type.toLowerCase()} ${f.percent(r.margin.estimatedCostRate)}`);
  const config = useMemo(
    (): ChartConfiguration => ({
      type: 'bar',
      data: {
        labels: margins.map((c) => c.city),
        datasets: salesAndRentals(
          { sales: t('sales'), rentals: t('rentals') },
          margins,
          (c) => c.sales.marginRate,
          (c) => c.rentals.marginRate,
        ),
      },
      options: {
        scales: { y: { ticks: { callback: (v) => f.percent(Number(v)) } } },
        plugins: {
          tooltip: {
            callbacks: { label: (c) => `${c.dataset.label ?? ''} : ${f.percent(c.parsed.y)}` },
          },
        },
      },
    }),
    [margins, t, f],
  );
  return (
    <SectionCard id="margins" title={t('margins')} path="margins">
      {rates.length > 0 && (
        <p class="note" data-testid="margins-estimated">
          {t('estimatedNote', { rates: rates.join(', ') })}
        </p>
      )}
      <table class="data" data-testid="table-margins">
        <TableHead
          columns={[t('city'), 'Type', t('revenue'), t('cost'), t('margin'), t('marginRate')]}
        />
        <tbody>
          {rows.map(({ city, type, margin }) => (
            <tr key={`${city}-${type}`}>
              <th scope="row">{city}</th>
              <td>{type}</td>
              <td>{f.money(margin.revenue)}</td>
              <td>{f.money(margin.cost)}</td>
              <td>
                {f.money(margin.margin)} <BasisBadge margin={margin} />
              </td>
              <td>{f.percent(margin.marginRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ChartCanvas config={config} label={t('marginRate')} testId="chart-margins" height={220} />
    </SectionCard>
  );
}

function BasisBadge({ margin }: { margin: Margin }): JSX.Element | null {
  const { t, f, code } = useUi();
  if (margin.basis === 'actual') return null;
  return (
    <span
      class="badge estimated"
      title={t('estimatedNote', { rates: f.percent(margin.estimatedCostRate) })}
    >
      {code(margin.basis)}
    </span>
  );
}
