import type { MonthIndex } from '../model/month.js';

/** What a target covers: the whole revenue of its city and month, or one type of it. */
export type TargetScope = 'total' | 'vente' | 'location';

/** A revenue target (objectif de chiffre d'affaires) of one city, month and scope, in cents. */
export interface Target {
  readonly city: string;
  readonly month: MonthIndex;
  readonly scope: TargetScope;
  readonly cents: number;
}

/** One target as the API and the targets file write it: euros, `YYYY-MM`, `type` null for the total. */
export interface TargetRecord {
  readonly city: string;
  readonly month: string;
  readonly type: 'vente' | 'location' | null;
  readonly target: number;
}

/** The key under which a target replaces an earlier one. */
export function targetKey(target: Pick<Target, 'city' | 'month' | 'scope'>): string {
  return `${target.city.toLowerCase()}\n${target.month}\n${target.scope}`;
}
