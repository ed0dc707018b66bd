export * from './build-report.js';
export * from './export/export-tables.js';
export * from './export/table-csv.js';
export type * from './report.js';
export * from './sections/registry.js';
export * from './sections/define-section.js';
export type { JsonSchema } from './sections/json-schema.js';
export type * from './sections/section-table.js';
