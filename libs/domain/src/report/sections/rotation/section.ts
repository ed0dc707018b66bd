import type { CityFacts } from '../../city-facts.js';
import { ratio } from '../../money.js';
import type { CityRotation } from './types.js';
import { defineSection } from '../define-section.js';
import { ROTATION_SCHEMA } from './schema.js';
import { ROTATION_LABELS, ROTATION_TABLE } from './table.js';

export const ROTATION = defineSection({
  path: 'rotation',
  summary: 'Rental lengths per city and model: average, median, min, max',
  build: ({ facts }) => facts.map(rotationSection),
  schema: ROTATION_SCHEMA,
  table: ROTATION_TABLE,
  labels: ROTATION_LABELS,
});

/** Rental lengths of the rentals dated in the range: a vehicle's time out before it rotates. */
export function rotationSection(facts: CityFacts): CityRotation {
  const counts = facts.durationCounts;
  let rentals = 0;
  let months = 0;
  let minMonths: number | null = null;
  let maxMonths: number | null = null;
  counts.forEach((count, length) => {
    if (count === 0) return;
    rentals += count;
    months += count * length;
    minMonths ??= length;
    maxMonths = length;
  });
  const byModel = [...facts.models.rentals]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([model, entry]) => ({
      model,
      rentals: entry.count,
      averageMonths: ratio(entry.rentalMonths, entry.count) ?? 0,
    }));
  return {
    city: facts.city,
    rentals,
    averageMonths: ratio(months, rentals),
    medianMonths: rentals === 0 ? null : median(counts, rentals),
    minMonths,
    maxMonths,
    byModel,
  };
}

/** Median of a histogram; of an even count, the mean of the two middle values. */
function median(counts: Float64Array, size: number): number {
  const lower = nthValue(counts, Math.floor((size - 1) / 2));
  const upper = nthValue(counts, Math.floor(size / 2));
  return (lower + upper) / 2;
}

/** The value at 0-based position `rank` of the sorted values the histogram counts. */
function nthValue(counts: Float64Array, rank: number): number {
  let seen = 0;
  for (let value = 0; value < counts.length; value += 1) {
    seen += counts[value]!;
    if (seen > rank) return value;
  }
  return counts.length - 1;
}
