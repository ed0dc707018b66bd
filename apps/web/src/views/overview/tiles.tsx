import type { JSX } from 'preact';
import type { ReportData } from '../../api/types.js';
import { kpisAt, type MonthKpis } from '../../ui/kpis.js';
import { useUi } from '../../ui/ui-context.js';

interface Props {
  readonly monthly: ReportData['monthly'];
  readonly company: ReportData['company'];
  readonly month: string;
}

/** One tile per city and one for the company: the latest month of the range at a glance. */
export function Tiles({ monthly, company: { months: company }, month }: Props): JSX.Element {
  const { t, f } = useUi();
  const companyKpis = kpisAt(company, month, kpisAt(company, month, 0).revenue);
  return (
    <section class="tiles" aria-label={`${t('latestMonth')} : ${f.monthLong(month)}`}>
      <Tile id="all" name={t('allCities')} kpis={companyKpis} />
      {monthly.map(({ city, months }) => (
        <Tile key={city} id={city} name={city} kpis={kpisAt(months, month, companyKpis.revenue)} />
      ))}
    </section>
  );
}

function Tile({ id, name, kpis }: { id: string; name: string; kpis: MonthKpis }): JSX.Element {
  const { t, f } = useUi();
  const raw = (value: number | null): string => (value === null ? '' : String(value));
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
    >
      <h3>
        {name} <span class="muted">· {f.month(kpis.month)}</span>
      </h3>
      <p class="tile-value" data-testid={`tile-${id}-revenue`}>
        {f.money(kpis.revenue)}
      </p>
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
      </dl>
    </article>
  );
}

function Fact({
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
