import type { RevenueBasis } from '../query/report-query.js';
import type { ReportData } from './sections/registry.js';

export type * from './sections/company/types.js';
export type * from './sections/comparison/types.js';
export type * from './sections/forecast/types.js';
export type * from './sections/margins/types.js';
export type * from './sections/monthly/types.js';
export type * from './sections/progress/types.js';
export type * from './sections/rotation/types.js';
export type * from './sections/seasonality/types.js';
export type * from './sections/split/types.js';
export type * from './sections/targets/types.js';
export type * from './sections/top-models/types.js';

/** Money is in euros, unrounded; months are `YYYY-MM`. Per-city lists are sorted by city. */
export interface Report {
  readonly basis: RevenueBasis;
  readonly from: string | null;
  readonly to: string | null;
  readonly cities: readonly string[];
  readonly data: ReportData;
}
