export * from './lang.js';
export * from './section-labels.js';
export * from './code-labels.js';
export * from './model-names.js';
