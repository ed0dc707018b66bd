import { formatMonth, type MonthIndex } from '../../../model/month.js';
import type { TargetScope } from '../../../targets/target.js';
import type { CityFacts } from '../../city-facts.js';
import { euros, ratio } from '../../money.js';
import { defineSection } from '../define-section.js';
import { TARGETS_SCHEMA } from './schema.js';
import { TARGETS_LABELS, TARGETS_TABLE } from './table.js';
import type { TargetFigures, TargetMonth, Targets } from './types.js';

export const TARGETS = defineSection({
  path: 'targets',
  summary:
    'Revenue against the targets set with POST /targets: variance in € and %, attainment, year-to-date attainment, per city and for the company',
  build: ({ facts, history, targets }): Targets => {
    const months = facts[0] === undefined ? [] : rangeOf(facts[0]);
    const cities = facts.map((city, index) => ({
      city: city.city,
      months: months.map((month) =>
        targetMonth(month, [history[index]!], (m, scope) => targets.cents(city.city, m, scope)),
      ),
    }));
    const names = facts.map((city) => city.city);
    return {
      cities,
      company:
        facts.length === 0
          ? null
          : {
              months: months.map((month) =>
                targetMonth(month, history, (m, scope) => targets.sumOf(names, m, scope)),
              ),
            },
    };
  },
  schema: TARGETS_SCHEMA,
  table: TARGETS_TABLE,
  labels: TARGETS_LABELS,
});

type TargetOf = (month: MonthIndex, scope: TargetScope) => number | undefined;

function rangeOf(facts: CityFacts): MonthIndex[] {
  return Array.from({ length: facts.span }, (_, offset) => facts.from + offset);
}

/** One month of one city or of several (`histories` summed) against the targets. */
function targetMonth(
  month: MonthIndex,
  histories: readonly CityFacts[],
  targetOf: TargetOf,
): TargetMonth {
  const actual = (m: MonthIndex, scope: TargetScope): number => actualCents(histories, m, scope);
  let ytdMonths = 0;
  let ytdActual = 0;
  let ytdTarget = 0;
  for (let m = month - (month % 12); m <= month; m += 1) {
    const target = targetOf(m, 'total');
    if (target === undefined) continue;
    ytdMonths += 1;
    ytdActual += actual(m, 'total');
    ytdTarget += target;
  }
  return {
    month: formatMonth(month),
    ...figures(actual(month, 'total'), targetOf(month, 'total')),
    sales: figures(actual(month, 'vente'), targetOf(month, 'vente')),
    rentals: figures(actual(month, 'location'), targetOf(month, 'location')),
    yearToDate: {
      months: ytdMonths,
      actual: euros(ytdActual),
      target: ytdMonths === 0 ? null : euros(ytdTarget),
      attainment: ytdMonths === 0 ? null : ratio(ytdActual, ytdTarget),
    },
  };
}

function figures(actual: number, target: number | undefined): TargetFigures {
  if (target === undefined) {
    return {
      actual: euros(actual),
      target: null,
      variance: null,
      varianceRate: null,
      attainment: null,
    };
  }
  return {
    actual: euros(actual),
    target: euros(target),
    variance: euros(actual - target),
    varianceRate: ratio(actual - target, target),
    attainment: ratio(actual, target),
  };
}

function actualCents(
  histories: readonly CityFacts[],
  month: MonthIndex,
  scope: TargetScope,
): number {
  let cents = 0;
  for (const history of histories) {
    const offset = month - history.from;
    if (scope !== 'location') cents += history.sales[offset] ?? 0;
    if (scope !== 'vente') cents += history.rentals[offset] ?? 0;
  }
  return cents;
}
