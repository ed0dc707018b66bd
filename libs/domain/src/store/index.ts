export * from './city-store.js';
