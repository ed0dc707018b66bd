import { parseMonth } from '#domain/model';
import { generateLines } from '../../apps/cli/src/generate/row-generator.js';

/** A generated CSV (header first) as lines, small enough for unit tests. */
export function generatedLines(rows: number, seed: number, withCost = true): string[] {
  return [
    ...generateLines({
      rows,
      seed,
      withCost,
      cities: ['Lyon', 'Paris', 'Marseille', 'Toulouse'],
      from: parseMonth('2023-01') ?? 0,
      to: parseMonth('2024-12') ?? 0,
    }),
  ].flat();
}
