import { formatMonth, monthOf } from '../../model/month.js';
import { total, type CityFacts } from '../city-facts.js';
import { euros, ratio } from '../money.js';
import type { CitySeasonality, MonthChange, SeasonalMonth } from '../report.js';

export function seasonalitySection(facts: CityFacts): CitySeasonality {
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
    .map(([month, entry]) => ({ month, averageRevenue: euros(entry.revenue) / entry.occurrences }));
  const mean =
    averages.reduce((acc, entry) => acc + entry.averageRevenue, 0) / Math.max(averages.length, 1);
  const months = averages.map((entry): SeasonalMonth => ({
    ...entry,
    index: ratio(entry.averageRevenue, mean),
  }));
  const monthOverMonth: MonthChange[] = [];
  for (let offset = 1; offset < facts.span; offset += 1) {
    const previous = total(facts, offset - 1);
    monthOverMonth.push({
      month: formatMonth(facts.from + offset),
      change: ratio(total(facts, offset) - previous, previous),
    });
  }
  return { city: facts.city, months, monthOverMonth };
}
