export * from './cities.js';
export * from './errors.js';
export * from './month.js';
export * from './transaction.js';
export * from './calendar-day.js';
export * from './transaction-order.js';
export * from './field-trim.js';
export * from './french-holidays.js';
