/**
 * The database schema: one file per module under `schema/`, re-exported here so every table is imported from
 * `db/schema.ts` and Drizzle (connect.ts, the test database reset) sees them all. A new module adds its file
 * and one line below.
 */
export * from './schema/core.ts';
export * from './schema/audit.ts';
export * from './schema/calendar.ts';
export * from './schema/cases.ts';
export * from './schema/deadlines.ts';
export * from './schema/discretion.ts';
export * from './schema/documents.ts';
export * from './schema/workorders.ts';
export * from './schema/inspections.ts';
export * from './schema/intake-keys.ts';
export * from './schema/reports.ts';
export * from './schema/rollup.ts';
export * from './schema/indicator-tallies.ts';
