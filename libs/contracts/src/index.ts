export * from './city-patterns.js';
export * from './messages.js';
