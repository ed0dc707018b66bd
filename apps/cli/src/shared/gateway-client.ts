import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { CitySize, ImportAnswer } from '#domain/ingest';

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
