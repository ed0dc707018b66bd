import { formatMonth, monthOf, type MonthIndex } from '#domain/model';
import {
  CITY_PROFILES,
  COST_SHARE,
  FALLBACK_CITY_PROFILE,
  MODELS,
  RENTAL_LENGTH_WEIGHTS,
  SEASONALITY,
  YEARLY_GROWTH,
} from './catalog.js';
import { seededRandom, weightedPicker } from './random.js';

export interface GeneratorOptions {
  readonly rows: number;
  readonly seed: number;
  readonly cities: readonly string[];
  readonly from: MonthIndex;
  readonly to: MonthIndex;
  readonly withCost: boolean;
}

export const BRIEF_HEADER = 'transaction_id,date,ville,type,modele,prix,duree_location_mois';

/**
 * Yields the file's lines in batches, in date order, holding at most one batch in memory:
 * rows are spread over the months by seasonality and growth, then over days and cities.
 */
export function* generateLines(options: GeneratorOptions, batchSize = 10_000): Generator<string[]> {
  const random = seededRandom(options.seed);
  const pickCity = weightedPicker(options.cities.map((city) => profile(city).size));
  const pickModel = weightedPicker(MODELS.map((model) => model.popularity));
  const pickLength = weightedPicker(RENTAL_LENGTH_WEIGHTS);
  const idWidth = Math.max(6, String(options.rows).length);
  // The seed in every id: files of two seeds never share an id, nor with the shipped sample's TX….
  const idPrefix = `G${options.seed}-`;
  const between = (low: number, high: number): number => low + (high - low) * random();
  let batch = [options.withCost ? `${BRIEF_HEADER},cout` : BRIEF_HEADER];
  let sequence = 0;
  const perMonth = rowsPerMonth(options);
  for (let offset = 0; offset < perMonth.length; offset += 1) {
    const month = options.from + offset;
    const days = daysIn(month);
    const perDay = new Uint32Array(days);
    for (let row = 0; row < perMonth[offset]!; row += 1) perDay[Math.floor(random() * days)]! += 1;
    const prefix = formatMonth(month);
    for (let day = 0; day < days; day += 1) {
      const date = `${prefix}-${String(day + 1).padStart(2, '0')}`;
      for (let row = 0; row < perDay[day]!; row += 1) {
        sequence += 1;
        const city = options.cities[pickCity(random)]!;
        const model = MODELS[pickModel(random)]!;
        const id = `${idPrefix}${String(sequence).padStart(idWidth, '0')}`;
        let line: string;
        let cost: number;
        if (random() < profile(city).rentalShare) {
          const rent = Math.round(model.monthlyRent * between(0.9, 1.1));
          const length = pickLength(random) + 1;
          line = `${id},${date},${city},location,${model.name},${rent},${length}`;
          cost = Math.round(rent * between(...COST_SHARE.rental));
        } else {
          const price = Math.round((model.salePrice * between(0.92, 1.08)) / 10) * 10;
          line = `${id},${date},${city},vente,${model.name},${price},NULL`;
          cost = Math.round(price * between(...COST_SHARE.sale));
        }
        batch.push(options.withCost ? `${line},${cost}` : line);
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
  }
  if (batch.length > 0) yield batch;
}

function profile(city: string): { size: number; rentalShare: number } {
  return CITY_PROFILES[city] ?? FALLBACK_CITY_PROFILE;
}

/** Splits the row count over the months by weight, exactly (largest remainders). */
function rowsPerMonth(options: GeneratorOptions): number[] {
  const weights: number[] = [];
  for (let month = options.from; month <= options.to; month += 1) {
    const years = (month - options.from) / 12;
    weights.push(SEASONALITY[monthOf(month) - 1]! * (1 + YEARLY_GROWTH) ** years * daysIn(month));
  }
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  const exact = weights.map((weight) => (weight / sum) * options.rows);
  const counts = exact.map(Math.floor);
  let missing = options.rows - counts.reduce((acc, count) => acc + count, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder);
  for (const { index } of byRemainder) {
    if (missing === 0) break;
    counts[index]! += 1;
    missing -= 1;
  }
  return counts;
}

function daysIn(month: MonthIndex): number {
  const year = Math.floor(month / 12);
  return new Date(Date.UTC(year, monthOf(month), 0)).getUTCDate();
}
