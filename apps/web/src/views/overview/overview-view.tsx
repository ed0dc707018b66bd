import type { JSX } from 'preact';
import type { ReportData, ReportEnvelope, SectionName } from '../../api/types.js';
import { useUi } from '../../ui/ui-context.js';
import { SECTION_VIEWS, type SectionView, type SectionViewProps } from './section-views.js';
import { CheckPanel } from './check-panel.js';
import { Tiles } from './tiles.js';
import type { TransactionList } from '../../api/client.js';

interface Props {
  readonly summary: ReportEnvelope<ReportData>;
  readonly topByRevenue: ReportData['topModels'];
  readonly forecast: ReportEnvelope<ReportData['forecast']>;
  readonly seasonality: ReportEnvelope<ReportData['seasonality']>;
  readonly flagged: TransactionList;
  readonly onChanged: () => void;
}

/** The sections drawn in their own card, in order, side-by-side ones paired. */
function rows(): (readonly [SectionName, SectionView])[][] {
  const result: (readonly [SectionName, SectionView])[][] = [];
  for (const [name, view] of Object.entries(SECTION_VIEWS) as [
    SectionName,
    SectionView | object,
  ][]) {
    if (!('render' in view)) continue;
    const last = result.at(-1);
    const pairs = view.half === true && last?.length === 1 && last[0]?.[1].half === true;
    if (pairs) last.push([name, view]);
    else result.push([[name, view]]);
  }
  return result;
}

const ROWS = rows();

/** Every metric of the selection: tiles first, then a chart or table per section. */
export function OverviewView({
  summary,
  topByRevenue,
  forecast,
  seasonality,
  flagged,
  onChanged,
}: Props): JSX.Element {
  const { t } = useUi();
  const { data } = summary;
  if (summary.to === null || data.monthly.length === 0) {
    return (
      <p class="empty" data-testid="empty">
        {t('noData')} <a href="/?view=import">{t('importNext')}</a>
      </p>
    );
  }
  const props: SectionViewProps = { data, topByRevenue, forecast, seasonality, range: summary };
  return (
    <>
      <Tiles
        monthly={data.monthly}
        company={data.company}
        progress={data.progress}
        month={summary.to}
        flagged={flagged.rows}
      />
      <CheckPanel flagged={flagged} onChanged={onChanged} />
      {ROWS.map((row) =>
        row.length === 2 ? (
          <div class="grid-2" key={row[0]![0]}>
            {row.map(([name, view]) => (
              <view.render key={name} {...props} />
            ))}
          </div>
        ) : (
          row.map(([name, view]) => <view.render key={name} {...props} />)
        ),
      )}
    </>
  );
}
