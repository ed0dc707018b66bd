import type { ReportData, RevenueBasis } from '#domain';

export const REPORT_NAMES = [
  'monthly',
  'split',
  'comparison',
  'top-models',
  'seasonality',
  'rotation',
  'margins',
  'forecast',
  'summary',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** The section of the report contract each endpoint answers with (all of them for `summary`). */
export const REPORT_SECTION: Record<Exclude<ReportName, 'summary'>, keyof ReportData> = {
  monthly: 'monthly',
  split: 'split',
  comparison: 'comparison',
  'top-models': 'topModels',
  seasonality: 'seasonality',
  rotation: 'rotation',
  margins: 'margins',
  forecast: 'forecast',
};

export interface WorkerTiming {
  readonly city: string;
  readonly elapsedMs: number;
  readonly transactions: number;
}

export interface ReportMeta {
  readonly elapsedMs: number;
  readonly workers: readonly WorkerTiming[];
  readonly missingCities: readonly string[];
}

/** `data` is one section of the report contract, or for `summary` the object of all eight. */
export interface ReportEnvelope {
  readonly report: ReportName;
  readonly basis: RevenueBasis;
  readonly from: string | null;
  readonly to: string | null;
  readonly cities: readonly string[];
  readonly data: ReportData | ReportData[keyof ReportData];
  readonly meta: ReportMeta;
}
