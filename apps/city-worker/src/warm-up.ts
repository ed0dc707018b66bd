import { ingestBatch } from '#domain/ingest';
import { FixedCityDirectory } from '#domain/model';
import { CityStore } from '#domain/store';
import { summarizeCity } from '#domain/summary';
import { TRANSACTION_CSV_HEADER } from '#domain/csv';

/** Enough rows for V8 to optimise the ingest path before the first real batch. */
const WARM_UP_ROWS = 50_000;
const MODELS = ['BMW_X1', 'Mercedes_EQE', 'Audi_A4', 'Tesla_Model_3'];

/**
 * Runs synthetic rows of `city` through the code an import batch takes (split, validate, store,
 * summarize, shard text), into a store thrown away: a worker's first batches cost 1.3–1.7x its
 * steady state while V8 compiles them (docs/performance.md).
 */
export function warmUpIngest(city: string): void {
  const lines: number[] = [];
  const records: string[] = [];
  for (let row = 0; row < WARM_UP_ROWS; row += 1) {
    const month = String((row % 12) + 1).padStart(2, '0');
    const model = MODELS[row % MODELS.length];
    const record =
      row % 3 === 0
        ? `WARM${row},2024-${month}-15,${city},location,${model},900,12,400`
        : `WARM${row},2024-${month}-15,${city},vente,${model},45000,NULL,36000`;
    records.push(record);
    lines.push(row + 2);
  }
  const csv = records.join('\n');
  const store = new CityStore(city);
  const shardText: string[] = [];
  ingestBatch(
    store,
    new FixedCityDirectory([city]),
    { columns: TRANSACTION_CSV_HEADER.split(','), lines, csv },
    0,
    (_, record) => shardText.push(record.toCsv()),
  );
  Buffer.from(shardText.join('\n'));
  summarizeCity(store.columns());
}
