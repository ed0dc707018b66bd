import { createReadStream } from 'node:fs';
import {
  CityStores,
  CsvDialectReader,
  CsvIngest,
  type CityDirectory,
  type DateWindow,
} from '#domain';
import { chunkDecoder, type Charset } from './charset.js';

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
  charset: Charset = 'utf-8',
): Promise<{ stores: CityStores; ingest: CsvIngest }> {
  const ingest = new CsvIngest(cities, stores, keptErrors, dates);
  const decoder = chunkDecoder(charset);
  const dialect = new CsvDialectReader();
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    ingest.push(dialect.push(decoder.decode(chunk as Buffer)));
  }
  ingest.push(dialect.push(decoder.end()) + dialect.end());
  ingest.end();
  return { stores, ingest };
}
