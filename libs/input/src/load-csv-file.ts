import { createReadStream } from 'node:fs';
import { CityStores, CsvDialectReader, CsvIngest, type CsvIngestOptions } from '#domain/ingest';
import { type CityDirectory } from '#domain/model';
import { chunkDecoder, type Charset } from './charset.js';

const CHUNK_BYTES = 1 << 20;

export interface LoadOptions extends CsvIngestOptions {
  readonly stores?: CityStores;
  readonly charset?: Charset;
  /**
   * Reads from this byte on, under `header` (the file's first line, without its line break): the
   * tail of a shard whose start a snapshot holds.
   */
  readonly from?: { readonly byte: number; readonly header: string };
}

/**
 * Streams a CSV file into city stores. Decoding is strict: bytes that are not UTF-8 stop the load
 * with an error rather than turning into replacement characters in the data.
 */
export async function loadCsvFile(
  path: string,
  cities: CityDirectory,
  options: LoadOptions = {},
): Promise<{ stores: CityStores; ingest: CsvIngest }> {
  const stores = options.stores ?? new CityStores();
  const ingest = new CsvIngest(cities, stores, options);
  const decoder = chunkDecoder(options.charset ?? 'utf-8');
  const dialect = new CsvDialectReader();
  const { from } = options;
  if (from !== undefined) ingest.push(dialect.push(`${from.header}\n`));
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES, start: from?.byte ?? 0 });
  for await (const chunk of stream) {
    ingest.push(dialect.push(decoder.decode(chunk as Buffer)));
  }
  ingest.push(dialect.push(decoder.end()) + dialect.end());
  ingest.end();
  return { stores, ingest };
}
