/**
 * A CommonJS package loaded on its first use instead of when the importing module loads, for libraries that serve one
 * rarely used request (character-set detection of uploads, SM2 signatures of annual reports) but sit in modules the
 * server imports at start-up: each costs tens of milliseconds of a start (issue 16 item 6, docs/PERFORMANCE.md
 * "Round 6 — start-up"). Loading is synchronous (`require`), so the callers stay synchronous.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** `() => the package`, loaded once on the first call. `T` is the package's module type (`typeof import('x')`). */
export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
