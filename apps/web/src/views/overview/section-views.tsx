import type { JSX } from 'preact';
import type { ReportData, ReportEnvelope, SectionName } from '../../api/types.js';
import { MarginsSection } from './margins-section.js';
import { RotationSection, TopModelsSection } from './model-sections.js';
import { ComparisonSection, MonthlySection, SplitSection } from './revenue-sections.js';
import { TargetsSection } from './targets-section.js';
import { ForecastSection, SeasonalitySection } from './trend-sections.js';

/** Trend settings the page uses: the API's defaults (docs/metrics.md). */
const WINDOW = 3;
const HORIZON = 3;

export interface SectionViewProps {
  readonly data: ReportData;
  readonly topByRevenue: ReportData['topModels'];
  /** The forecast from the whole history up to the range's end (see fetchForecast). */
  readonly forecast: ReportEnvelope<ReportData['forecast']>;
  /** The seasons of the whole history up to the range's end, likewise. */
  readonly seasonality: ReportEnvelope<ReportData['seasonality']>;
  /** The range shown, which the comparison's columns name. */
  readonly range: { readonly from: string | null; readonly to: string | null };
}

/** How a section is shown on the overview; `half`: two such cards side by side. */
export interface SectionView {
  readonly render: (props: SectionViewProps) => JSX.Element;
  readonly half?: boolean;
}

/** A section drawn inside another one's card, named so that the choice is explicit. */
export interface ShownWith {
  readonly shownWith: SectionName | 'tiles';
}

/**
 * Every section of the API on the overview, in the API's order: a section the registry gains
 * fails to compile here until it has a view (or says which view shows it).
 */
export const SECTION_VIEWS = {
  monthly: {
    render: ({ data }) => <MonthlySection monthly={data.monthly} company={data.company} />,
  },
  targets: { render: ({ data }) => <TargetsSection targets={data.targets} /> },
  split: { render: ({ data }) => <SplitSection split={data.split} />, half: true },
  comparison: {
    render: ({ data, range }) => <ComparisonSection comparison={data.comparison} range={range} />,
    half: true,
  },
  topModels: {
    render: ({ data, topByRevenue }) => (
      <TopModelsSection byCount={data.topModels} byRevenue={topByRevenue} />
    ),
  },
  seasonality: {
    render: ({ data, seasonality }) => (
      <SeasonalitySection seasonality={seasonality} cities={data.monthly.map(({ city }) => city)} />
    ),
  },
  rotation: { render: ({ data }) => <RotationSection rotation={data.rotation} /> },
  margins: { render: ({ data }) => <MarginsSection margins={data.margins} /> },
  forecast: {
    render: ({ data, forecast }) => (
      <ForecastSection
        forecast={forecast}
        monthly={data.monthly}
        window={WINDOW}
        horizon={HORIZON}
      />
    ),
  },
  // The company's months are the monthly chart's all-cities line and the tiles' "all cities".
  company: { shownWith: 'monthly' },
  progress: { shownWith: 'tiles' },
} satisfies { readonly [K in SectionName]: SectionView | ShownWith };
