import type { JSX } from 'preact';
import type { ReportData, ReportEnvelope } from '../../api/types.js';
import { useUi } from '../../ui/ui-context.js';
import { MarginsSection } from './margins-section.js';
import { RotationSection, TopModelsSection } from './model-sections.js';
import { ComparisonSection, MonthlySection, SplitSection } from './revenue-sections.js';
import { Tiles } from './tiles.js';
import { ForecastSection, SeasonalitySection } from './trend-sections.js';

/** Trend settings the page uses: the API's defaults (docs/metrics.md). */
const WINDOW = 3;
const HORIZON = 3;

interface Props {
  readonly summary: ReportEnvelope<ReportData>;
  readonly topByRevenue: ReportData['topModels'];
}

/** Every metric of the selection: tiles first, then a chart or table per section. */
export function OverviewView({ summary, topByRevenue }: Props): JSX.Element {
  const { t } = useUi();
  const { data } = summary;
  if (summary.to === null || data.monthly.length === 0) {
    return <p class="empty">{t('noData')}</p>;
  }
  return (
    <>
      <Tiles monthly={data.monthly} company={data.company} month={summary.to} />
      <MonthlySection monthly={data.monthly} company={data.company} />
      <div class="grid-2">
        <SplitSection split={data.split} />
        <ComparisonSection comparison={data.comparison} />
      </div>
      <TopModelsSection byCount={data.topModels} byRevenue={topByRevenue} />
      <SeasonalitySection seasonality={data.seasonality} />
      <RotationSection rotation={data.rotation} />
      <MarginsSection margins={data.margins} />
      <ForecastSection
        forecast={data.forecast}
        monthly={data.monthly}
        window={WINDOW}
        horizon={HORIZON}
      />
    </>
  );
}
