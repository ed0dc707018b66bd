export * from './batch-ingest.js';
export * from './city-stores.js';
export * from './csv-dialect.js';
export * from './csv-ingest.js';
export * from './date-window.js';
export * from './first-errors.js';
export * from './model-limit.js';
export * from './import-router.js';
export * from './record-pipeline.js';
export * from './tombstone.js';
export * from './validate-one.js';
// What an app that routes or checks incoming records needs of the CSV layer, without reading CSV.
export { TRANSACTION_CSV_HEADER } from '../csv/format-transaction.js';
export { hasLoneSurrogate } from '../csv/well-formed.js';
export * from './seed-rule.js';
export * from './warm-up-rows.js';
