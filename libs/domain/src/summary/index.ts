export * from './bounds.js';
export * from './merge.js';
export * from './summarize.js';
export * from './summary.js';
