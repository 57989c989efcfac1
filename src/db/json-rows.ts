/**
 * Rows of related tables in one statement: `jsonRow(table)` builds a table's row as a JSON object (camelCase keys, as
 * drizzle names them) inside a query, `fromJsonRow(table, value)` turns it back into the row drizzle would have
 * returned. So a case and its parties, documents, deadlines, evidence and trail come back in one round trip
 * (`json_agg` sub-selects) instead of one query each. Dates and timestamps travel as their text form — what the
 * driver itself receives — so they decode exactly as a plain select would decode them.
 */
import { type Column, getTableColumns, type SQL, sql, type Table } from 'drizzle-orm';

const asText = /^(timestamp|date|time|interval|numeric)/;

/** `json_build_object('key', "table"."column", …)` of every column of `table` (or of the columns `keys` names). */
export function jsonRow(table: Table, keys?: readonly string[]): SQL {
  const parts = Object.entries(getTableColumns(table)).filter(([key]) => !keys || keys.includes(key)).map(([key, column]) => {
    const value = asText.test((column as Column).getSQLType()) ? sql`${column}::text` : sql`${column}`;
    return sql`${sql.raw(`'${key}'`)}, ${value}`;
  });
  return sql`json_build_object(${sql.join(parts, sql`, `)})`;
}

/** The row drizzle would have selected, from `jsonRow(table)`'s object (with `keys`: `jsonRow(table, keys)`'s). */
export function fromJsonRow<T extends Table>(table: T, value: Record<string, unknown>): T['$inferSelect'];
export function fromJsonRow<T extends Table, K extends keyof T['$inferSelect'] & string>(table: T, value: Record<string, unknown>, keys: readonly K[]): Pick<T['$inferSelect'], K>;
export function fromJsonRow(table: Table, value: Record<string, unknown>, keys?: readonly string[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (keys && !keys.includes(key)) continue;
    const raw = value[key];
    row[key] = raw === null || raw === undefined ? null : (column as Column).mapFromDriverValue(raw);
  }
  return row;
}

/** `fromJsonRow` of each element of a `json_agg` (null when the sub-select found no rows). */
export function fromJsonRows<T extends Table>(table: T, values: Record<string, unknown>[] | null): T['$inferSelect'][] {
  return (values ?? []).map((v) => fromJsonRow(table, v));
}
