export * from './charset.js';
export * from './load-csv-file.js';
export * from './utf8-decoder.js';
