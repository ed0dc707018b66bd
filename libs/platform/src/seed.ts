import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

export interface ImportAnswer {
  accepted: number;
  rejected: number;
  elapsedMs: number;
}

interface CityStatus {
  city: string;
  status: string;
  transactions: number | null;
}

/**
 * Imports `file` when every worker is up and empty, so that a restart does not import the sample
 * again on top of itself. Returns what happened, in words.
 */
export async function seedIfEmpty(baseUrl: string, file: string, apiKey?: string): Promise<string> {
  const cities = (await (await fetch(`${baseUrl}/cities`)).json()) as CityStatus[];
  const loaded = cities.filter((city) => (city.transactions ?? 0) > 0);
  if (loaded.length > 0) {
    return `not importing ${file}: ${loaded.map((city) => `${city.city} holds ${city.transactions ?? 0}`).join(', ')}`;
  }
  const outcome = await postCsvFile(baseUrl, file, apiKey);
  return `imported ${file}: ${outcome.accepted} accepted, ${outcome.rejected} rejected in ${Math.round(outcome.elapsedMs)} ms`;
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
