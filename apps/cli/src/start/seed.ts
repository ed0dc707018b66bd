import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

interface CityStatus {
  city: string;
  status: string;
  transactions: number | null;
}

/**
 * Imports `file` when every worker is up and empty, so that a restart does not import the sample
 * again on top of itself. Returns what happened, in words.
 */
export async function seedIfEmpty(baseUrl: string, file: string): Promise<string> {
  const cities = (await (await fetch(`${baseUrl}/cities`)).json()) as CityStatus[];
  const loaded = cities.filter((city) => (city.transactions ?? 0) > 0);
  if (loaded.length > 0) {
    return `not importing ${file}: ${loaded.map((city) => `${city.city} holds ${city.transactions ?? 0}`).join(', ')}`;
  }
  // Node's fetch streams a request body only with duplex 'half'.
  const init: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: Readable.toWeb(createReadStream(file)),
    duplex: 'half',
  };
  const response = await fetch(`${baseUrl}/imports`, init);
  const outcome = (await response.json()) as {
    accepted?: number;
    rejected?: number;
    elapsedMs?: number;
    message?: string;
  };
  if (!response.ok)
    throw new Error(`importing ${file} failed (${response.status}): ${outcome.message ?? ''}`);
  return `imported ${file}: ${outcome.accepted ?? 0} accepted, ${outcome.rejected ?? 0} rejected in ${Math.round(outcome.elapsedMs ?? 0)} ms`;
}
