import { TransactionType } from '../model/transaction.js';
import type { CityColumns } from '../store/city-store.js';
import { CitySummaryBuilder } from './city-summary-builder.js';
import type { CitySummary } from './summary.js';

/**
 * Part `index` of `of` of a city's rows: those of every `of`-th model. The parts of one city are
 * disjoint and cover it, so their summaries merge into the whole one (a summary too large for one
 * message travels as parts).
 */
export interface SummaryPart {
  readonly index: number;
  readonly of: number;
}

/**
 * The summary of one city's rows from `fromRow` on (every row by default), in one pass over its
 * columns: merged with the summary of the rows before, it gives the summary of them all. With
 * `part`, only that part's rows.
 */
export function summarizeCity(columns: CityColumns, fromRow = 0, part?: SummaryPart): CitySummary {
  const builder = new CitySummaryBuilder(columns.city, [...columns.models]);
  const { month, day, type, model, priceCents, durationMonths, costCents, deleted } = columns;
  for (let row = fromRow; row < columns.length; row += 1) {
    if (deleted[row] === 1) continue;
    if (part !== undefined && model[row]! % part.of !== part.index) continue;
    const start = month[row]!;
    const price = priceCents[row]!;
    const cost = costCents[row]!;
    const hasCost = !Number.isNaN(cost);
    if (type[row] === TransactionType.Rental) {
      const months = durationMonths[row]!;
      const revenue = price * months;
      builder.addCell(
        start,
        TransactionType.Rental,
        model[row]!,
        1,
        revenue,
        months,
        hasCost ? 1 : 0,
        hasCost ? cost * months : 0,
        hasCost ? 0 : revenue,
      );
      builder.addStep(start, price);
      builder.addStep(start + months, -price);
      builder.addDurations(start, months, 1);
      builder.addDay(start, day[row]!, 1, revenue);
    } else {
      builder.addCell(
        start,
        TransactionType.Sale,
        model[row]!,
        1,
        price,
        0,
        hasCost ? 1 : 0,
        hasCost ? cost : 0,
        hasCost ? 0 : price,
      );
      builder.addDay(start, day[row]!, 1, price);
    }
  }
  return builder.build();
}
