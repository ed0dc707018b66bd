export * from './metrics-registry.js';
export * from './metrics-server.js';
