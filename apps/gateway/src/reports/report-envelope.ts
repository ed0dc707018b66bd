import type { RevenueBasis } from '#domain/query';
import type { ReportData, SectionName } from '#domain/report';
import type { ReportName } from './report-routes.js';

export interface WorkerTiming {
  readonly city: string;
  readonly elapsedMs: number;
  readonly transactions: number;
}

export interface ReportMeta {
  /** Every amount of the answer is in this currency. */
  readonly currency: 'EUR';
  readonly elapsedMs: number;
  readonly workers: readonly WorkerTiming[];
  readonly missingCities: readonly string[];
}

/** `data` is one section of the report contract, or for `summary` the object of all of them. */
export interface ReportEnvelope {
  readonly report: ReportName;
  readonly basis: RevenueBasis;
  readonly from: string | null;
  readonly to: string | null;
  readonly cities: readonly string[];
  readonly data: ReportData | ReportData[SectionName];
  readonly meta: ReportMeta;
}
