import { CityStores, CsvIngest } from '#domain/ingest';
import { OpenCityDirectory } from '#domain/model';
import { type CityColumns } from '#domain/store';
import { summarizeCity, type Summary } from '#domain/summary';

/** One part of the file (its header first), parsed, validated and stored as one process would. */
export function ingestPart(csv: string): CityStores {
  const stores = new CityStores();
  const ingest = new CsvIngest(new OpenCityDirectory(), stores);
  ingest.push(csv);
  ingest.end();
  return stores;
}

/** The columns a model ships instead of a summary: the rows, without the id index. */
export interface ShippedColumns {
  readonly city: string;
  readonly length: number;
  readonly month: Int32Array;
  readonly type: Uint8Array;
  readonly model: Uint32Array;
  readonly priceCents: Float64Array;
  readonly durationMonths: Uint8Array;
  readonly costCents: Float64Array;
  readonly models: readonly string[];
}

/**
 * A part's rows as columns cut to their length, allocated with `allocate` (an ArrayBuffer to
 * send by copy, a SharedArrayBuffer to share).
 */
export function shipColumns(
  stores: CityStores,
  allocate: (bytes: number) => ArrayBufferLike,
): ShippedColumns[] {
  return stores.cities().map((city) => {
    const columns = stores.storeFor(city).columns();
    const { length } = columns;
    const copy = <T extends Int32Array | Uint8Array | Uint32Array | Float64Array>(
      source: T,
      make: (buffer: ArrayBufferLike) => T,
    ): T => {
      const target = make(allocate(length * source.BYTES_PER_ELEMENT));
      target.set(source.subarray(0, length));
      return target;
    };
    return {
      city,
      length,
      month: copy(columns.month, (buffer) => new Int32Array(buffer)),
      type: copy(columns.type, (buffer) => new Uint8Array(buffer)),
      model: copy(columns.model, (buffer) => new Uint32Array(buffer)),
      priceCents: copy(columns.priceCents, (buffer) => new Float64Array(buffer)),
      durationMonths: copy(columns.durationMonths, (buffer) => new Uint8Array(buffer)),
      costCents: copy(columns.costCents, (buffer) => new Float64Array(buffer)),
      models: [...columns.models],
    };
  });
}

/** The reduce step of the models that ship rows: a summary per city, made where they arrive. */
export function summarizeShipped(parts: readonly ShippedColumns[]): Summary {
  return {
    cities: parts.map((part) => {
      const columns: CityColumns = {
        ...part,
        day: new Uint8Array(part.length),
        deleted: new Uint8Array(part.length),
      };
      return summarizeCity(columns);
    }),
  };
}
