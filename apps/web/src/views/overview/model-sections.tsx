import type { JSX } from 'preact';
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import { modelDisplayName } from '#domain/labels';
import type { ReportData } from '../../api/types.js';
import { ChartCanvas } from '../../charts/chart-canvas.js';
import { cityColours } from '../../charts/palette.js';
import { SectionCard } from '../../ui/section-card.js';
import { useMe } from '../../ui/me-context.js';
import { useUi } from '../../ui/ui-context.js';
import { companyTop } from '../../ui/company-top.js';
import { RankTable } from '../../ui/rank-table.js';
import { TableHead } from '../../ui/table-head.js';

type ModelRank = ReportData['topModels'][number]['sales'][number];

interface TopProps {
  readonly byCount: ReportData['topModels'];
  readonly byRevenue: ReportData['topModels'];
}

/** The lists' length on the page, the API's default `limit`. */
const TOP = 5;

interface RankLists {
  readonly sales: readonly ModelRank[] | undefined;
  readonly salesByRevenue: readonly ModelRank[] | undefined;
  readonly rentals: readonly ModelRank[] | undefined;
  readonly rentalsByRevenue: readonly ModelRank[] | undefined;
}

/** A block's four lists: sales and rentals, by count and by revenue, each model a link. */
function Ranks({ lists, city }: { lists: RankLists; city?: string }): JSX.Element {
  const { t } = useUi();
  const sales = { type: 'vente', city } as const;
  const rentals = { type: 'location', city } as const;
  return (
    <>
      <RankTable caption={`${t('sales')} · ${t('byCount')}`} models={lists.sales} drill={sales} />
      <RankTable
        caption={`${t('sales')} · ${t('byRevenue')}`}
        models={lists.salesByRevenue}
        drill={sales}
      />
      <RankTable
        caption={`${t('rentals')} · ${t('byCount')}`}
        models={lists.rentals}
        drill={rentals}
      />
      <RankTable
        caption={`${t('rentals')} · ${t('byRevenue')}`}
        models={lists.rentalsByRevenue}
        drill={rentals}
      />
    </>
  );
}

/**
 * For the selection and per city, the best models for sales and rentals, ranked by count and by
 * revenue (the selection's summed from every model of its cities).
 */
export function TopModelsSection({ byCount, byRevenue }: TopProps): JSX.Element {
  const { t, params } = useUi();
  const me = useMe();
  // A user bound to some cities sees their sum, never the company's.
  const name = params.has('city')
    ? t('selection')
    : t(me.cities.length > 0 ? 'yourCities' : 'allCities');
  const top = (type: 'sales' | 'rentals', by: 'count' | 'revenue'): ModelRank[] =>
    companyTop(byRevenue, type, by).slice(0, TOP);
  return (
    <SectionCard id="top-models" title={t('topModels')} path="top-models">
      <div class="grid-cities">
        {byCount.length > 1 && (
          <article class="city-block" data-testid="top-all">
            <h3>{name}</h3>
            <Ranks
              lists={{
                sales: top('sales', 'count'),
                salesByRevenue: top('sales', 'revenue'),
                rentals: top('rentals', 'count'),
                rentalsByRevenue: top('rentals', 'revenue'),
              }}
            />
          </article>
        )}
        {byCount.map((city) => {
          const revenue = byRevenue.find((c) => c.city === city.city);
          return (
            <article key={city.city} class="city-block" data-testid={`top-${city.city}`}>
              <h3>{city.city}</h3>
              <Ranks
                city={city.city}
                lists={{
                  sales: city.sales,
                  salesByRevenue: revenue?.sales.slice(0, TOP),
                  rentals: city.rentals,
                  rentalsByRevenue: revenue?.rentals.slice(0, TOP),
                }}
              />
            </article>
          );
        })}
      </div>
    </SectionCard>
  );
}

/** Rental lengths: per city, and the average per model as bars. */
export function RotationSection({ rotation }: { rotation: ReportData['rotation'] }): JSX.Element {
  const { t, f } = useUi();
  const config = useMemo((): ChartConfiguration => {
    const models = [...new Set(rotation.flatMap((c) => c.byModel.map((m) => m.model)))].sort();
    return {
      type: 'bar',
      data: {
        labels: models.map(modelDisplayName),
        datasets: rotation.map((c, index) => ({
          label: c.city,
          data: models.map((model) => c.byModel.find((m) => m.model === model)?.averageMonths ?? 0),
          backgroundColor: cityColours(c.city, index)[0],
        })),
      },
      options: {
        scales: { y: { title: { display: true, text: t('months') } } },
        plugins: {
          tooltip: {
            callbacks: {
              label: (c) => `${c.dataset.label ?? ''} : ${f.decimal(c.parsed.y)} ${t('months')}`,
            },
          },
        },
      },
    };
  }, [rotation, t, f]);
  return (
    <SectionCard id="rotation" title={t('rotation')} path="rotation">
      <table class="data" data-testid="table-rotation">
        <TableHead
          columns={[
            t('city'),
            t('rentals'),
            ...(['mean', 'median', 'min', 'max'] as const).map((k) => `${t(k)} (${t('months')})`),
          ]}
        />
        <tbody>
          {rotation.map((c) => (
            <tr key={c.city}>
              <th scope="row">{c.city}</th>
              <td>{f.integer(c.rentals)}</td>
              <td data-value={c.averageMonths ?? ''}>
                {f.decimal(c.averageMonths)} {t('months')}
              </td>
              <td>{f.decimal(c.medianMonths)}</td>
              <td>{f.integer(c.minMonths)}</td>
              <td>{f.integer(c.maxMonths)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ChartCanvas config={config} label={t('rotation')} testId="chart-rotation" />
    </SectionCard>
  );
}
