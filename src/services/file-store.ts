/**
 * Evidence files, stored once and addressed by their SM3 digest (《行政处罚法》第四十七条: 全过程记录, archived
 * and unalterable). A file's name is its digest, so a changed file no longer matches its name or the digest
 * recorded with the evidence item; `verify` recomputes it.
 *
 * Local implementation: FAZHI_DATA_DIR/files/<2 hex>/<2 hex>/<64 hex>, written to a temporary name and renamed
 * (atomic), read-only afterwards. An S3-compatible store would implement the same interface; it is not
 * provided yet (see docs/CASES.md).
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sm3 } from '../domain/audit/digest.ts';
import { AppError, notFound } from '../domain/errors.ts';

export interface FileStore {
  /** Stores `data` (once: storing the same bytes again is a no-op) and returns its SM3 digest and size. */
  put(data: Uint8Array): Promise<{ digest: string; size: number }>;
  /** The bytes stored under `digest`; NOT_FOUND when absent. */
  get(digest: string): Promise<Buffer>;
  /** True when the stored bytes still hash to `digest`. */
  verify(digest: string): Promise<boolean>;
}

const DIGEST = /^[0-9a-f]{64}$/;

function assertDigest(digest: string): void {
  if (!DIGEST.test(digest)) throw new AppError('VALIDATION', '文件摘要格式无效');
}

export function localFileStore(root: string): FileStore {
  const fileOf = (digest: string) => path.join(root, digest.slice(0, 2), digest.slice(2, 4), digest);
  return {
    async put(data) {
      const digest = sm3(data);
      const target = fileOf(digest);
      try {
        await stat(target);
        return { digest, size: data.byteLength };
      } catch {
        // Not stored yet.
      }
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temp, data, { mode: 0o444 });
      await rename(temp, target);
      await chmod(target, 0o444).catch(() => undefined);
      return { digest, size: data.byteLength };
    },
    async get(digest) {
      assertDigest(digest);
      try {
        return await readFile(fileOf(digest));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('证据文件', { digest });
        throw error;
      }
    },
    async verify(digest) {
      assertDigest(digest);
      try {
        return sm3(await readFile(fileOf(digest))) === digest;
      } catch {
        return false;
      }
    },
  };
}

/** In memory (tests, benchmarks). `tamper` replaces stored bytes so tests can show verification catches it. */
export function memoryFileStore(
  initial: Iterable<[string, Uint8Array]> = [],
): FileStore & { tamper(digest: string, data: Uint8Array): void; entries(): [string, Buffer][] } {
  const files = new Map<string, Buffer>([...initial].map(([digest, data]) => [digest, Buffer.from(data)]));
  return {
    async put(data) {
      const digest = sm3(data);
      if (!files.has(digest)) files.set(digest, Buffer.from(data));
      return { digest, size: data.byteLength };
    },
    async get(digest) {
      const data = files.get(digest);
      if (!data) throw notFound('证据文件', { digest });
      return data;
    },
    async verify(digest) {
      const data = files.get(digest);
      return data !== undefined && sm3(data) === digest;
    },
    tamper(digest, data) {
      files.set(digest, Buffer.from(data));
    },
    /** Every stored file (a copy), e.g. to start another store with the same content. */
    entries() {
      return [...files].map(([digest, data]) => [digest, Buffer.from(data)]);
    },
  };
}
