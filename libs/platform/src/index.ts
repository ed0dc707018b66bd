export * from './env.js';
export * from './transport.js';
export * from './poll.js';
export * from './block-frame.js';
export * from './block-frame-transport.js';
export * from './env-rules.js';
export * from './config-module.js';
