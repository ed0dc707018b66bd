import { CitySummaryBuilder } from './city-summary-builder.js';
import type { CitySummary, Summary } from './summary.js';

/** The summary of the union of the summaries' rows (see the laws on {@link Summary}). */
export function mergeSummaries(...summaries: readonly Summary[]): Summary {
  const byCity = new Map<string, CitySummary[]>();
  for (const summary of summaries) {
    for (const city of summary.cities) {
      const parts = byCity.get(city.city);
      if (parts === undefined) byCity.set(city.city, [city]);
      else parts.push(city);
    }
  }
  const cities = [...byCity.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([city, parts]) => (parts.length === 1 ? parts[0]! : mergeCity(city, parts)));
  return { cities };
}

/** The summary of one city's rows held in two parts (its rows so far, and the rows added since). */
export function mergeCitySummaries(held: CitySummary, added: CitySummary): CitySummary {
  return mergeCity(held.city, [held, added]);
}

function mergeCity(city: string, parts: readonly CitySummary[]): CitySummary {
  const builder = new CitySummaryBuilder(city, []);
  for (const part of parts) {
    const ids = part.models.map((name) => builder.modelId(name));
    const { cells } = part;
    for (let cell = 0; cell < cells.month.length; cell += 1) {
      builder.addCell(
        cells.month[cell]!,
        cells.type[cell]!,
        ids[cells.model[cell]!]!,
        cells.count[cell]!,
        cells.revenue[cell]!,
        cells.rentalMonths[cell]!,
        cells.costed[cell]!,
        cells.cost[cell]!,
        cells.uncostedRevenue[cell]!,
      );
    }
    part.recognized.month.forEach((month, step) => {
      builder.addStep(month, part.recognized.delta[step]!);
    });
    part.durations.month.forEach((month, entry) => {
      builder.addDurations(month, part.durations.months[entry]!, part.durations.count[entry]!);
    });
    part.days.month.forEach((month, entry) => {
      const { day, count, revenue } = part.days;
      builder.addDay(month, day[entry]!, count[entry]!, revenue[entry]!);
    });
  }
  return builder.build();
}
