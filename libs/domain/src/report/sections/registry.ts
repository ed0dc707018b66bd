import { COMPANY } from './company/section.js';
import { COMPARISON } from './comparison/section.js';
import { FORECAST } from './forecast/section.js';
import { MARGINS } from './margins/section.js';
import { MONTHLY } from './monthly/section.js';
import { PROGRESS } from './progress/section.js';
import { ROTATION } from './rotation/section.js';
import { SEASONALITY } from './seasonality/section.js';
import type { SectionContext } from './define-section.js';
import { SPLIT } from './split/section.js';
import { TARGETS } from './targets/section.js';
import { TOP_MODELS } from './top-models/section.js';

/**
 * Every section of the report, by the name it has in `ReportData`, in report order. Adding a
 * section is a folder beside this file (see `section.ts`) and an entry here: the gateway's routes
 * and OpenAPI schemas, the exports and the CLI's tables come from this registry, and the
 * dashboard's views are keyed by {@link SectionName}, so the compiler names each place that lacks it.
 */
export const REPORT_SECTIONS = {
  monthly: MONTHLY,
  targets: TARGETS,
  split: SPLIT,
  comparison: COMPARISON,
  topModels: TOP_MODELS,
  seasonality: SEASONALITY,
  rotation: ROTATION,
  margins: MARGINS,
  forecast: FORECAST,
  company: COMPANY,
  progress: PROGRESS,
} as const;

export type SectionName = keyof typeof REPORT_SECTIONS;

/** The sections in report order. */
export const SECTION_NAMES = Object.keys(REPORT_SECTIONS) as readonly SectionName[];

/** Every section's answer, by name. */
export type ReportData = {
  readonly [K in SectionName]: ReturnType<(typeof REPORT_SECTIONS)[K]['build']>;
};

/** Builds every section for one context. */
export function buildSections(context: SectionContext): ReportData {
  const data: Partial<Record<SectionName, unknown>> = {};
  for (const name of SECTION_NAMES) data[name] = REPORT_SECTIONS[name].build(context);
  return data as ReportData;
}
