export * from './password-hash.js';
export * from './users-file.js';
