/**
 * The PostgreSQL connection of the app's pool (issue 16): statements are pipelined — sent without waiting for the
 * answer of the one before (node-postgres' `pipeline` mode, each statement with its own Sync, so each still succeeds or
 * fails on its own exactly as when sent one by one) — and the statements issued in one run of the event loop leave in
 * one socket write (the stream is corked until the next tick). On this 2-core machine a socket write to PostgreSQL
 * cost as much CPU as building the statement; a write transaction sent seven of them one round trip after another.
 *
 * Two answers come early, because nothing that follows may depend on them:
 * - `begin` is answered at once; the statements after it are written behind it. Should it fail (the connection lost),
 *   the statements behind it fail too, and COMMIT refuses below.
 * - A COMMIT that PostgreSQL answers with ROLLBACK (the transaction failed in a statement nobody awaited, see
 *   ./later.ts) rejects instead of passing for a commit.
 */
import pg from 'pg';

/** COMMIT was answered with ROLLBACK: a statement of the transaction failed, nothing of it was saved. */
export class RolledBackError extends Error {
  constructor() {
    super('transaction rolled back at COMMIT: one of its statements failed');
  }
}

const transactionStart = /^\s*begin\s*$/i;
const transactionCommit = /^\s*commit\s*$/i;

type QueryArgs = Parameters<pg.Client['query']>;

export class PipelinedClient extends pg.Client {
  #corked = false;
  /** The error of a `begin` answered early, until the transaction ends. */
  #beginFailure: unknown = null;

  constructor(config?: pg.ClientConfig) {
    super({ ...config, pipeline: true } as pg.ClientConfig);
  }

  // node-postgres' overloads cannot be restated one by one here; the arguments pass through unchanged.
  override query(...args: unknown[]): never {
    const [config, , callback] = args as [{ text?: string } | string | undefined, unknown, unknown];
    const text = typeof config === 'string' ? config : config?.text;
    this.#cork();
    const run = () => (super.query as (...a: unknown[]) => unknown)(...(args as QueryArgs));
    // Only the promise form (drizzle's): a callback caller (the pool's own `query`) is left as it is.
    if (typeof callback === 'function' || typeof args[1] === 'function' || text === undefined) return run() as never;
    if (transactionStart.test(text)) {
      this.#beginFailure = null;
      (run() as Promise<unknown>).catch((error: unknown) => {
        this.#beginFailure = error;
      });
      return Promise.resolve({ command: 'BEGIN', rowCount: null, rows: [], fields: [] }) as never;
    }
    if (transactionCommit.test(text)) {
      return (run() as Promise<pg.QueryResult>).then((result) => {
        const failure = this.#beginFailure;
        this.#beginFailure = null;
        if (failure) throw failure;
        if (result.command === 'ROLLBACK') throw new RolledBackError();
        return result;
      }) as never;
    }
    return run() as never;
  }

  /** The statements of this tick leave in one write. */
  #cork(): void {
    const stream = (this as unknown as { connection: { stream: NodeJS.WritableStream & { cork?: () => void; uncork?: () => void } } }).connection.stream;
    if (this.#corked || typeof stream.cork !== 'function') return;
    this.#corked = true;
    stream.cork();
    process.nextTick(() => {
      this.#corked = false;
      stream.uncork!();
    });
  }
}
