import type { JSX } from 'preact';
import type { ReportData } from '../../api/types.js';
import { useUi } from '../../ui/ui-context.js';
import { Fact } from './tiles.js';

type Progress = ReportData['progress'];
type Figures = NonNullable<Progress['company']>;

/** The month in progress, apart from the tiles: its first days against the same days before. */
export function ProgressTiles({
  progress,
  selection,
}: {
  progress: Progress;
  selection: string;
}): JSX.Element | null {
  const { t, f } = useUi();
  if (progress.month === null || progress.throughDay === null || progress.company === null) {
    return null;
  }
  const days = t('daysRange', { day: progress.throughDay });
  return (
    <section class="progress" data-testid="progress" aria-labelledby="progress-title">
      <h2 id="progress-title" class="progress-title">
        {t('monthInProgress')} · {f.monthLong(progress.month)} · {days}
      </h2>
      <div class="tiles">
        <ProgressTile id="all" name={selection} figures={progress.company} days={days} />
        {progress.cities.map((city) => (
          <ProgressTile
            key={city.city}
            id={city.city}
            name={city.city}
            figures={city}
            days={days}
          />
        ))}
      </div>
    </section>
  );
}

function ProgressTile({
  id,
  name,
  figures,
  days,
}: {
  id: string;
  name: string;
  figures: Figures;
  days: string;
}): JSX.Element {
  const { t, f } = useUi();
  const compared = (before: Figures['previousMonth']): string =>
    `${t('vs')} ${days} ${f.month(before.month)}`;
  // A city that has not reported this month yet is not a collapse: it has no figure yet.
  const started = figures.current.transactions > 0;
  const change = (value: number | null, before: Figures['previousMonth']): string =>
    before.transactions === 0 ? t('noDataMonth') : started ? f.signedPercent(value) : '—';
  return (
    <article
      class="tile"
      data-testid={`progress-${id}`}
      data-revenue={figures.current.revenue}
      data-growth={figures.growth ?? ''}
      data-yoy={figures.yearOverYear ?? ''}
      data-ytd={figures.yearToDate.revenue}
      data-ytd-change={figures.yearToDateChange ?? ''}
    >
      <h3>
        {name} <span class="muted">· {t('toDate')}</span>
      </h3>
      <p class="tile-value">{started ? f.money(figures.current.revenue) : t('noDataYet')}</p>
      <dl class="tile-facts">
        <Fact
          label={compared(figures.previousMonth)}
          value={change(figures.growth, figures.previousMonth)}
          tone={started ? figures.growth : null}
        />
        <Fact
          label={compared(figures.lastYear)}
          value={change(figures.yearOverYear, figures.lastYear)}
          tone={started ? figures.yearOverYear : null}
        />
        <Fact label={t('transactions')} value={f.integer(figures.current.transactions)} />
        <Fact
          label={t('sinceJanuary')}
          value={
            figures.yearToDateLastYear.transactions === 0
              ? t('noDataMonth')
              : f.signedPercent(figures.yearToDateChange)
          }
          tone={figures.yearToDateChange}
        />
      </dl>
    </article>
  );
}
