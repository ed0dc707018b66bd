import type { MonthRevenueGrowth } from '../monthly/types.js';
import type { SplitPart } from '../split/types.js';

/** Every selected city together: the company's months and its sales/rentals split. */
export interface CompanyTotals {
  readonly cities: readonly string[];
  readonly months: readonly MonthRevenueGrowth[];
  readonly split: { readonly sales: SplitPart; readonly rentals: SplitPart };
}
