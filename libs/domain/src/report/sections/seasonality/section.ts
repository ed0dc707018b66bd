import { formatMonth, monthOf } from '../../../model/month.js';
import { total, type CityFacts } from '../../city-facts.js';
import { monthChange } from '../../growth.js';
import { euros, ratio } from '../../money.js';
import type { CitySeasonality, MonthChange, SeasonalMonth } from './types.js';
import { defineSection } from '../define-section.js';
import { SEASONALITY_SCHEMA } from './schema.js';
import { SEASONALITY_LABELS, SEASONALITY_TABLE } from './table.js';

export const SEASONALITY = defineSection({
  path: 'seasonality',
  summary: 'Average revenue per calendar month with its index, month-over-month',
  build: ({ facts, history }) =>
    facts.map((city, index) => seasonalitySection(city, history[index]!)),
  schema: SEASONALITY_SCHEMA,
  table: SEASONALITY_TABLE,
  labels: SEASONALITY_LABELS,
});

export function seasonalitySection(facts: CityFacts, history: CityFacts): CitySeasonality {
  const sums = new Map<number, { revenue: number; occurrences: number }>();
  for (let offset = 0; offset < facts.span; offset += 1) {
    const calendarMonth = monthOf(facts.from + offset);
    const entry = sums.get(calendarMonth) ?? { revenue: 0, occurrences: 0 };
    entry.revenue += total(facts, offset);
    entry.occurrences += 1;
    sums.set(calendarMonth, entry);
  }
  const averages = [...sums]
    .sort(([a], [b]) => a - b)
    .map(([month, entry]) => ({ month, average: entry.revenue / entry.occurrences }));
  const mean =
    averages.reduce((acc, entry) => acc + entry.average, 0) / Math.max(averages.length, 1);
  const months = averages.map(({ month, average }): SeasonalMonth => ({
    month,
    averageRevenue: euros(average),
    index: ratio(average, mean),
  }));
  const monthOverMonth: MonthChange[] = [];
  for (let offset = 1; offset < facts.span; offset += 1) {
    const previous = total(facts, offset - 1);
    monthOverMonth.push({
      month: formatMonth(facts.from + offset),
      change: ratio(total(facts, offset) - previous, previous),
      yearOverYear: monthChange(history, facts.from + offset, 12),
    });
  }
  return { city: facts.city, months, monthOverMonth };
}
