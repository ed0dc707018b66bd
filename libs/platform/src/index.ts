export * from './env.js';
export * from './transport.js';
export * from './utf8-decoder.js';
export * from './load-csv-file.js';
export * from './poll.js';
export * from './seed.js';
export * from './charset.js';
