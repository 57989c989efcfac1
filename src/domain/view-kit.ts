/**
 * Building blocks of the read shapes (`src/domain/<module>/views.ts`): the zod schemas the server uses as route
 * `response:` schemas (so OpenAPI is exact and every answer is checked) and the web app infers its types from.
 * Pure: zod only, so the web bundle stays lean.
 */
import { z } from 'zod';

/** A calendar day as `YYYY-MM-DD` (IsoDate). Responses are not re-validated beyond being strings. */
export const isoDay = z.string().meta({ format: 'date' });

/**
 * A database timestamp the services hold as a `Date` and the server sends as an ISO 8601 string. The service type
 * is `z.output` (Date), the JSON the web receives is `z.input` (string): views carrying one export both.
 */
export const timestamp = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/** The keys of a label table (`{ key: '中文名' }`) as a zod enum. */
export const keyOf = <T extends Record<string, unknown>>(labels: T) =>
  z.enum(Object.keys(labels) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]]);

/** One row an import refused, with its line number in the file and the reason. */
export const rejection = z.object({ row: z.number(), reason: z.string() });
export type Rejection = z.infer<typeof rejection>;
