import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

export interface ImportAnswer {
  accepted: number;
  rejected: number;
  elapsedMs: number;
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

/** What `GET /cities` of the gateway at `baseUrl` answers. */
export async function fetchCitySizes(baseUrl: string): Promise<CitySize[]> {
  return (await (await fetch(`${baseUrl}/cities`)).json()) as CitySize[];
}

/** Streams `file` to POST /imports, without reading it whole; throws on an error answer. */
export async function postCsvFile(
  baseUrl: string,
  file: string,
  apiKey?: string,
): Promise<ImportAnswer> {
  // Node's fetch streams a request body only with duplex 'half'.
  const init: RequestInit = {
    method: 'POST',
    headers: {
      'content-type': 'text/csv',
      ...(apiKey === undefined ? {} : { 'x-api-key': apiKey }),
    },
    body: Readable.toWeb(createReadStream(file)),
    duplex: 'half',
  };
  const response = await fetch(`${baseUrl}/imports`, init);
  const answer = (await response.json()) as ImportAnswer & { message?: string };
  if (!response.ok) {
    throw new Error(`importing ${file} failed (${response.status}): ${answer.message ?? ''}`);
  }
  return answer;
}
