/**
 * Named statements for the embedded database. PGlite's `query` runs every statement as an unnamed one: Parse,
 * Describe, Bind, Describe, Execute and Sync, six calls into its WebAssembly, and PostgreSQL parses and plans the
 * text each time (planning happens at Bind for an unnamed statement). The app sends the same few hundred statement
 * texts over and over, so this client parses each text once as a named statement of the session (its parameter types
 * and row description kept), then runs it as Bind + Execute + Sync in one call; PostgreSQL keeps its plan (a generic
 * plan after five custom ones, as for any prepared statement) and re-plans by itself when a table it reads changes.
 * Measured: docs/PERFORMANCE.md "Round 7 — the embedded database's statements".
 *
 * It keeps PGlite's contract for drizzle's driver (`query`, `transaction`, its mutexes, its type parsers and
 * serializers, its errors with the query attached): drizzle sees a client like PGlite's.
 */
import { type PGlite, type Results, type Transaction, parse as pgParse, protocol, types } from '@electric-sql/pglite';

type QueryOptions = NonNullable<Parameters<PGlite['query']>[2]>;
type BackendMessage = Parameters<typeof pgParse.parseResults>[0][number];

/** What drizzle's PGlite driver needs of its client. */
export interface PgliteClient {
  query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  transaction<T>(callback: (tx: Pick<Transaction, 'query' | 'exec' | 'rollback'>) => Promise<T>): Promise<T>;
}

interface Prepared {
  name: string;
  paramTypes: number[];
  /** The columns of the statement's rows (none for a statement that returns no rows). */
  fields: Field[];
}

type Field = { name: string; dataTypeID: number };

/**
 * Statements kept per database. A text beyond this many is run unnamed, as PGlite does (the app's distinct texts
 * are about two hundred, the demo's seeding 190; a kept plan is ~60 KB of the database's memory, measured; a text built
 * per call — an `IN` list of a new length — must not grow the session without end).
 */
export const MAX_NAMED_STATEMENTS = 500;

/** `pg` as a client whose statements are named and kept (see above). */
export function namedStatementClient(pg: PGlite, max = MAX_NAMED_STATEMENTS): PgliteClient {
  const prepared = new Map<string, Prepared>();
  // Run as PGlite runs it: a text beyond the bound, and a COPY with a blob (PGlite's /dev/blob handling is its own).
  const unnamed = (text: string, options: QueryOptions | undefined) => (prepared.size >= max && !prepared.has(text)) || options?.blob !== undefined;
  // Parse + Describe + Sync of a text not yet kept.
  const prepare = async (text: string, options: QueryOptions | undefined): Promise<Prepared> => {
    const known = prepared.get(text);
    if (known) return known;
    const name = `fazhi_s${String(prepared.size + 1)}`;
    const message = concat(protocol.serialize.parse({ name, text, types: options?.paramTypes ?? [] }), protocol.serialize.describe({ type: 'S', name }), protocol.serialize.sync());
    const messages = await exchange(pg, message, text, undefined, options);
    const statement: Prepared = {
      name,
      paramTypes: pgParse.parseDescribeStatementResults(messages),
      fields: (messages.find((m) => m.name === 'rowDescription') as { fields?: Field[] } | undefined)?.fields?.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })) ?? [],
    };
    prepared.set(text, statement);
    return statement;
  };
  // Bind + Execute + Sync of the kept statement, in the query lock (PGlite's `tx.query` takes only that one: inside a
  // transaction the transaction's lock is already held).
  const run = <T>(text: string, params: unknown[] | undefined, options: QueryOptions | undefined): Promise<Results<T>> =>
    pg._runExclusiveQuery(async () => {
      const statement = await prepare(text, options);
      const values = (params ?? []).map((param, i) => serialize(pg, param, statement.paramTypes[i], options));
      const message = concat(protocol.serialize.bind({ statement: statement.name, values }), protocol.serialize.execute({}), protocol.serialize.sync());
      const messages = await exchange(pg, message, text, params, options);
      return resultOf<T>(pg, statement, messages, options);
    });
  return {
    query: async <T>(text: string, params?: unknown[], options?: QueryOptions) => {
      if (unnamed(text, options)) return pg.query<T>(text, params, options);
      await pg.waitReady;
      return pg._runExclusiveTransaction(async () => {
        const result = await run<T>(text, params, options);
        // As PGlite after a statement outside a transaction (a no-op for a data folder on disk).
        await pg.syncToFs();
        return result;
      });
    },
    transaction: (callback) =>
      pg.transaction((tx) =>
        callback({
          query: <T>(text: string, params?: unknown[], options?: QueryOptions) => {
            if (tx.closed) throw new Error('Transaction is closed');
            return unnamed(text, options) ? tx.query<T>(text, params, options) : run<T>(text, params, options);
          },
          exec: (text, options) => tx.exec(text, options),
          rollback: () => tx.rollback(),
        }),
      ),
  };
}

/** One call into PGlite with `message` (its messages end with Sync); a database error carries the query, as PGlite's. */
async function exchange(pg: PGlite, message: Uint8Array, text: string, params: unknown[] | undefined, options: QueryOptions | undefined): Promise<BackendMessage[]> {
  try {
    return await pg.execProtocolStream(message, { syncToFs: false, ...(options?.onNotice ? { onNotice: options.onNotice } : {}) });
  } catch (error) {
    if (error instanceof Error && 'severity' in error) Object.assign(error, { query: text, params, queryOptions: options });
    throw error;
  }
}

/**
 * The statement's result as PGlite's `parseResults` makes it (rows as objects, or arrays in `rowMode: 'array'`; each
 * value through the caller's parser for its type, else PGlite's; `affectedRows`, `rowCount`, `command`) — but with
 * the columns' parsers looked up once per call: `parseResults` merges the caller's parsers into a copy of PGlite's
 * 318 on every call, which was most of its 0.17 ms per statement (measured on the demo's seeding).
 */
function resultOf<T>(pg: PGlite, statement: Prepared, messages: BackendMessage[], options: QueryOptions | undefined): Results<T> {
  const { fields } = statement;
  const parsers = fields.map((f) => options?.parsers?.[f.dataTypeID] ?? pg.parsers[f.dataTypeID] ?? types.parsers[f.dataTypeID]);
  const asArrays = options?.rowMode === 'array';
  const rows: unknown[] = [];
  let result: Results<T> = { rows: [], fields, affectedRows: 0 };
  for (const message of messages) {
    if (message.name === 'dataRow') {
      const values = (message as unknown as { fields: (string | null)[] }).fields.map((value, i) => (value === null ? null : parsers[i] ? parsers[i](value, fields[i]!.dataTypeID) : value));
      rows.push(asArrays ? values : Object.fromEntries(values.map((value, i) => [fields[i]!.name, value])));
    } else if (message.name === 'commandComplete') {
      const words = (message as unknown as { text: string }).text.split(' ');
      const command = words[0]!;
      const count = parseInt(words[words.length - 1]!, 10);
      const affectedRows = ['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE'].includes(command) ? count : 0;
      result = { rows: rows as T[], fields, command, affectedRows, ...(Number.isNaN(count) ? {} : { rowCount: count }) } as Results<T>;
    }
  }
  return result;
}

/** A parameter as PGlite sends it: null, its type's serializer's text, or its text. */
function serialize(pg: PGlite, param: unknown, oid: number | undefined, options: QueryOptions | undefined): string | null {
  if (param === null || param === undefined) return null;
  const serializer = oid === undefined ? undefined : (options?.serializers?.[oid] ?? pg.serializers[oid]);
  return serializer ? serializer(param) : String(param as string);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
