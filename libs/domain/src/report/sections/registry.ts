import type { ReportQuery } from '../../query/report-query.js';
import type { CityFacts } from '../city-facts.js';
import { companySection } from './company.js';
import { comparisonSection } from './comparison.js';
import { forecastSection } from './forecast.js';
import { marginsSection } from './margins.js';
import { monthlySection } from './monthly.js';
import { rotationSection } from './rotation.js';
import { seasonalitySection } from './seasonality.js';
import { splitSection } from './split.js';
import { topModelsSection } from './top-models.js';

/**
 * What every section is built from: the selected cities' facts over the range, the same from
 * LOOKBACK_MONTHS before it (for growth on the month before and on the year before), and the query.
 */
export interface SectionContext {
  readonly facts: readonly CityFacts[];
  readonly history: readonly CityFacts[];
  readonly query: ReportQuery;
}

/**
 * Every section of the report, by the name it has in `ReportData`. Adding a section is a file
 * beside this one and an entry here; the gateway's routes and schemas and the CLI's printer are
 * keyed by {@link SectionName}, so the compiler names each place that lacks it.
 */
export const REPORT_SECTIONS = {
  monthly: ({ facts, history }: SectionContext) =>
    facts.map((city, index) => monthlySection(city, history[index]!)),
  split: ({ facts }: SectionContext) => facts.map(splitSection),
  comparison: ({ facts, history }: SectionContext) => comparisonSection(facts, history),
  topModels: ({ facts, query }: SectionContext) =>
    facts.map((city) => topModelsSection(city, query.limit, query.rankBy)),
  seasonality: ({ facts, history }: SectionContext) =>
    facts.map((city, index) => seasonalitySection(city, history[index]!)),
  rotation: ({ facts }: SectionContext) => facts.map(rotationSection),
  margins: ({ facts, query }: SectionContext) =>
    facts.map((city) => marginsSection(city, query.costRates)),
  forecast: ({ facts, query }: SectionContext) =>
    facts.map((city) => forecastSection(city, query.window, query.horizon)),
  company: ({ facts, history }: SectionContext) => companySection(facts, history),
} as const satisfies Record<string, (context: SectionContext) => unknown>;

export type SectionName = keyof typeof REPORT_SECTIONS;

/** The sections in report order. */
export const SECTION_NAMES = Object.keys(REPORT_SECTIONS) as readonly SectionName[];

/** Every section's answer, by name. */
export type ReportData = {
  readonly [K in SectionName]: ReturnType<(typeof REPORT_SECTIONS)[K]>;
};

/** Builds every section for one context. */
export function buildSections(context: SectionContext): ReportData {
  const data: Partial<Record<SectionName, unknown>> = {};
  for (const name of SECTION_NAMES) data[name] = REPORT_SECTIONS[name](context);
  return data as ReportData;
}
