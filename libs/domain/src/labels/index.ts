export * from './lang.js';
export * from './section-labels.js';
