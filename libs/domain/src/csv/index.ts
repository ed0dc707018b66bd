export * from './columns.js';
export * from './csv-record.js';
export * from './format-transaction.js';
export * from './numbers.js';
export * from './quote-field.js';
export * from './record-reader.js';
export * from './validate-record.js';
export * from './well-formed.js';
