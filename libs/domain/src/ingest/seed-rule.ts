/** What an import answered, as far as seeding tells it. */
export interface ImportAnswer {
  readonly accepted: number;
  readonly rejected: number;
  readonly elapsedMs: number;
}

/** How many rows a city holds, as `GET /cities` tells it (null: the city is down). */
export interface CitySize {
  readonly city: string;
  readonly transactions: number | null;
}

/**
 * Imports `file` (with `importFile`) when every city is empty, so that a restart does not import
 * the sample again on top of itself. Returns what happened, in words. The launcher imports over
 * HTTP, the gateway in process: one rule for both.
 */
export async function seedIfEmpty(
  file: string,
  cities: readonly CitySize[],
  importFile: () => Promise<ImportAnswer>,
): Promise<string> {
  const loaded = cities.filter((city) => (city.transactions ?? 0) > 0);
  if (loaded.length > 0) {
    return `not importing ${file}: ${loaded.map((city) => `${city.city} holds ${city.transactions ?? 0}`).join(', ')}`;
  }
  const outcome = await importFile();
  return `imported ${file}: ${outcome.accepted} accepted, ${outcome.rejected} rejected in ${Math.round(outcome.elapsedMs)} ms`;
}
