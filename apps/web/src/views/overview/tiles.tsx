import type { JSX } from 'preact';
import type { ListedTransaction } from '../../api/client.js';
import type { ReportData } from '../../api/types.js';
import { kpisAt, type MonthKpis } from '../../ui/kpis.js';
import { useMe } from '../../ui/me-context.js';
import { useUi } from '../../ui/ui-context.js';
import { completeMonth } from './complete-month.js';
import { ProgressTiles } from './progress-tiles.js';

interface Props {
  readonly monthly: ReportData['monthly'];
  readonly company: ReportData['company'];
  readonly progress: ReportData['progress'];
  /** The range's last month. */
  readonly month: string;
  /** Transactions whose price is far from the usual one: a tile they move says so. */
  readonly flagged: readonly ListedTransaction[];
}

/**
 * One tile per city and one for the selection: the last complete month with data at a glance
 * (never the month in progress, which is shown apart, day for day), and how recent each city's
 * data is.
 */
export function Tiles({ monthly, company, progress, month, flagged }: Props): JSX.Element {
  const { t, f, params } = useUi();
  const me = useMe();
  const shown = completeMonth(company.months, month, progress.month) ?? month;
  const companyKpis = kpisAt(company.months, shown, kpisAt(company.months, shown, 0).revenue);
  // A filter on cities titles the sum by them: it is not every city.
  const selection = params.has('city')
    ? `${t('selection')} : ${monthly.map(({ city }) => city).join(', ')}`
    : t(me.cities.length > 0 ? 'yourCities' : 'allCities');
  const toCheck = (city: string | undefined): number =>
    flagged.filter(
      (row) => row.date.startsWith(shown) && (city === undefined || row.ville === city),
    ).length;
  const lastDate = (city: string | undefined): string | null =>
    city === undefined
      ? (progress.company?.lastDate ?? null)
      : (progress.cities.find((c) => c.city === city)?.lastDate ?? null);
  return (
    <>
      <h2 class="visually-hidden">{`${t('latestMonth')} : ${f.monthLong(shown)}`}</h2>
      <section class="tiles" aria-label={`${t('latestMonth')} : ${f.monthLong(shown)}`}>
        <Tile
          id="all"
          name={selection}
          kpis={companyKpis}
          lastDate={lastDate(undefined)}
          toCheck={toCheck(undefined)}
        />
        {monthly.map(({ city, months }) => (
          <Tile
            key={city}
            id={city}
            name={city}
            kpis={kpisAt(months, shown, companyKpis.revenue)}
            lastDate={lastDate(city)}
            toCheck={toCheck(city)}
          />
        ))}
      </section>
      {progress.month === month && <ProgressTiles progress={progress} selection={selection} />}
    </>
  );
}

function Tile({
  id,
  name,
  kpis,
  lastDate,
  toCheck,
}: {
  id: string;
  name: string;
  kpis: MonthKpis;
  lastDate: string | null;
  toCheck: number;
}): JSX.Element {
  const { t, f, noun } = useUi();
  const raw = (value: number | null): string => (value === null ? '' : String(value));
  const empty = kpis.transactions === 0;
  return (
    <article
      class="tile"
      data-testid={`tile-${id}`}
      data-month={kpis.month}
      data-revenue={raw(kpis.revenue)}
      data-growth={raw(kpis.growth)}
      data-yoy={raw(kpis.yearOverYear)}
      data-share={raw(kpis.shareOfTotal)}
      data-ticket={raw(kpis.averageTicket)}
      data-rental-share={raw(kpis.rentalShare)}
      data-target={raw(kpis.target)}
      data-attainment={raw(kpis.attainment)}
      data-ytd={raw(kpis.yearToDate)}
      data-ytd-change={raw(kpis.yearToDateChange)}
    >
      <h3>
        {name} <span class="muted">· {f.month(kpis.month)}</span>
      </h3>
      <p class={empty ? 'tile-value none' : 'tile-value'} data-testid={`tile-${id}-revenue`}>
        {empty ? t('noDataMonth') : f.money(kpis.revenue)}
      </p>
      {!empty && (
        <dl class="tile-facts">
          <Fact label={t('vsPrevious')} value={f.signedPercent(kpis.growth)} tone={kpis.growth} />
          <Fact
            label={t('vsLastYear')}
            value={f.signedPercent(kpis.yearOverYear)}
            tone={kpis.yearOverYear}
          />
          <Fact label={t('shareOfTotal')} value={f.percent(kpis.shareOfTotal)} />
          <Fact label={t('averageTicket')} value={f.money(kpis.averageTicket)} />
          <Fact label={t('rentalShare')} value={f.percent(kpis.rentalShare)} />
          {kpis.target !== null && (
            <Fact
              label={`${t('targetAttainment')} (${f.compactMoney(kpis.target)})`}
              value={f.percent(kpis.attainment)}
              tone={kpis.attainment === null ? null : kpis.attainment - 1}
            />
          )}
          <Fact
            label={t('sinceJanuary')}
            value={f.signedPercent(kpis.yearToDateChange)}
            tone={kpis.yearToDateChange}
          />
        </dl>
      )}
      {toCheck > 0 && (
        <p class="tile-warning" data-testid={`tile-${id}-to-check`}>
          <a href="#check-title">
            {f.integer(toCheck)} {noun('toCheckTile', toCheck)}
          </a>
        </p>
      )}
      {lastDate !== null && (
        <p class="muted tile-recency" data-testid={`tile-${id}-last-date`}>
          {t('dataUpTo', { date: f.day(lastDate) })}
        </p>
      )}
    </article>
  );
}

export function Fact({
  label,
  value,
  tone,
}: {
  label: string;
  value: string;
  tone?: number | null;
}): JSX.Element {
  const kind = tone === undefined || tone === null || tone === 0 ? '' : tone > 0 ? 'up' : 'down';
  return (
    <div>
      <dt>{label}</dt>
      <dd class={kind}>{value}</dd>
    </div>
  );
}
