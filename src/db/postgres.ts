import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { type DatabaseHandle, migrationsFolder } from './database.ts';
import { registerPipelined } from './later.ts';
import { PipelinedClient } from './pipelined-client.ts';
import * as schema from './schema.ts';
import { registerSerialTwin } from './serial-read.ts';
import { newStatementTap, registerTap } from './statements.ts';

/** PostgreSQL through a node-postgres pool (`openDatabase` with a URL loads this module on demand). */
export function openPostgres(url: string, poolSize = 10): DatabaseHandle {
  // Each connection pipelines its statements and writes those of one tick at once (./pipelined-client.ts).
  const pool = new pg.Pool({ connectionString: url, max: poolSize, Client: PipelinedClient });
  let closing = false;
  // Small selective reads (the deadline lists, the dashboard's deadline reads) on connections that never plan
  // parallel workers (serial-read.ts): starting a worker cost them ~50 ms at a million cases. At most a few
  // connections, opened when first used.
  const serialPool = new pg.Pool({ connectionString: url, max: Math.min(4, poolSize), options: '-c max_parallel_workers_per_gather=0' });
  for (const each of [pool, serialPool]) {
    // An idle client can lose its connection (server restart, admin termination); without a listener that
    // error would crash the process. The pool replaces the client on next use.
    each.on('error', (error) => {
      if (!closing) process.stderr.write(`PostgreSQL 空闲连接出错：${error.message}\n`);
    });
    // A connection PostgreSQL ends while a request holds it (a restart, a failover, an administrator) emits 'error'
    // on its client, and the pool listens only while the client is idle: without a listener of its own the error
    // ended the whole app server. It needs nothing more: the statements in flight reject with it (the request fails),
    // and the pool drops the client when it is released (it is no longer queryable).
    each.on('connect', (client) => client.on('error', () => undefined));
  }
  const tap = newStatementTap();
  const db = drizzleNodePg({ client: pool, schema, logger: tap });
  registerTap(db, tap);
  registerPipelined(db);
  registerSerialTwin(db, drizzleNodePg({ client: serialPool, schema, logger: tap }));
  return {
    db,
    kind: 'postgres',
    location: redactUrl(url),
    migrate: () => migrateNodePg(db, { migrationsFolder }),
    close: async () => {
      closing = true;
      await Promise.all([pool.end(), serialPool.end()]);
    },
  };
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}
