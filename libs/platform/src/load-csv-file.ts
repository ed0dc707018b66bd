import { createReadStream } from 'node:fs';
import { CityStores, CsvIngest, type CityDirectory, type DateWindow } from '#domain';
import { Utf8ChunkDecoder } from './utf8-decoder.js';

const CHUNK_BYTES = 1 << 20;

/**
 * Streams a CSV file into city stores. Decoding is strict: bytes that are not UTF-8 stop the load
 * with an error rather than turning into replacement characters in the data.
 */
export async function loadCsvFile(
  path: string,
  cities: CityDirectory,
  keptErrors?: number,
  stores = new CityStores(),
  dates?: DateWindow,
): Promise<{ stores: CityStores; ingest: CsvIngest }> {
  const ingest = new CsvIngest(cities, stores, keptErrors, dates);
  const decoder = new Utf8ChunkDecoder();
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    ingest.push(decoder.decode(chunk as Buffer));
  }
  ingest.push(decoder.end());
  ingest.end();
  return { stores, ingest };
}
