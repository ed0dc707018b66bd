export * from './city-store.js';
export * from './transaction-list.js';
