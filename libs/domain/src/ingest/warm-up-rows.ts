import { TRANSACTION_CSV_HEADER } from '../csv/format-transaction.js';

const MODELS = ['BMW_X1', 'Mercedes_EQE', 'Audi_A4', 'Tesla_Model_3'];

/**
 * `count` valid synthetic records (sales and rentals of 2024, with a cost) spread over `cities`,
 * one per line, without a header: what a process runs through its ingest path at start so that
 * V8 has optimised it before the first real import (a cold worker's first batches cost 1.3–1.7x
 * its steady state).
 */
export function warmUpRecords(cities: readonly string[], count: number): string[] {
  const records: string[] = [];
  for (let row = 0; row < count; row += 1) {
    const city = cities[row % cities.length];
    const month = String((row % 12) + 1).padStart(2, '0');
    const model = MODELS[row % MODELS.length];
    records.push(
      row % 3 === 0
        ? `WARM${row},2024-${month}-15,${city},location,${model},900,12,400`
        : `WARM${row},2024-${month}-15,${city},vente,${model},45000,NULL,36000`,
    );
  }
  return records;
}

/** The columns of {@link warmUpRecords}. */
export const WARM_UP_COLUMNS: readonly string[] = TRANSACTION_CSV_HEADER.split(',');
