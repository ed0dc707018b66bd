export * from './report-query.js';
