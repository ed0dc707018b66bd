export * from './read-targets.js';
export * from './target.js';
export * from './target-book.js';
