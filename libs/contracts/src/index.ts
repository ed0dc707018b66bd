export * from './city-messages.js';
export * from './city-patterns.js';
export * from './messages.js';
export * from './import-outcome.js';
export * from './targets-outcome.js';
