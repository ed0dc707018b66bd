export * from './log-env.js';
export * from './request-context.js';
export * from './process-logger.js';
export * from './nest-logger.js';
