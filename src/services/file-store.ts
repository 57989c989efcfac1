/**
 * Evidence files, stored once and addressed by their SM3 digest (《行政处罚法》第四十七条: 全过程记录, archived
 * and unalterable). A file's name is its digest, so a changed file no longer matches its name or the digest
 * recorded with the evidence item; `verify` recomputes it.
 *
 * Local implementation: FAZHI_DATA_DIR/files/<2 hex>/<2 hex>/<64 hex>, read-only once stored. A service that
 * records a file `stage`s it (written to FAZHI_DATA_DIR/files/tmp/, the same file system) only after its permission
 * checks, and `commit`s it — an atomic rename into place — once the record's transaction has committed, or
 * `discard`s it when the transaction fails (`storeWithRecord`). What is left over anyway (a crash between the two)
 * is removed by the orphan sweep (services/sweep-files.ts), which uses `list` and `remove`.
 * An S3-compatible store would implement the same interface; it is not provided yet (see docs/CASES.md).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sm3 } from '../domain/audit/digest.ts';
import { AppError, notFound } from '../domain/errors.ts';

/** A file written to a temporary place, not yet stored under its digest. */
export interface StagedFile {
  digest: string;
  size: number;
  /** Moves the file into place under its digest (replacing an identical copy, which refreshes its age). */
  commit(): Promise<void>;
  /** Removes the temporary file. */
  discard(): Promise<void>;
}

/** A file of the store: a stored file (`digest`) or a temporary leftover (`digest` null). */
export interface StoredFileEntry {
  key: string;
  digest: string | null;
  size: number;
  modifiedAt: Date;
}

export interface FileStore {
  /** Stores `data` (once: storing the same bytes again is a no-op) and returns its SM3 digest and size. */
  put(data: Uint8Array): Promise<{ digest: string; size: number }>;
  /** Writes `data` to a temporary file; nothing is stored under its digest until `commit`. */
  stage(data: Uint8Array): Promise<StagedFile>;
  /**
   * Like `stage`, from a stream (a body-camera video of up to 2 GB): written chunk by chunk while its SM3 digest is
   * computed, never held in memory whole. More than `maxBytes` rejects with `tooLarge()`; a source that fails (the
   * upload broke off) rejects with its error. Either way the temporary file is removed.
   */
  stageStream(source: AsyncIterable<Uint8Array>, maxBytes: number, tooLarge: () => Error): Promise<StagedFile>;
  /** Every stored file and temporary leftover. */
  list(): Promise<StoredFileEntry[]>;
  /** Removes the file `key` of `list` if it was last modified before `olderThan` (checked again now); true when removed. */
  remove(key: string, olderThan: Date): Promise<boolean>;
  /** The bytes stored under `digest`; NOT_FOUND when absent. */
  get(digest: string): Promise<Buffer>;
  /** The file stored under `digest` as a stream, with its size (a large video is never read whole); NOT_FOUND when absent. */
  read(digest: string): Promise<{ stream: Readable; size: number }>;
  /** True when the stored bytes still hash to `digest` (hashed as a stream). */
  verify(digest: string): Promise<boolean>;
}

/** Counts and hashes (SM3) what passes through; fails with `tooLarge()` once more than `maxBytes` went by. */
function measuringHash(maxBytes: number, tooLarge: () => Error) {
  const hash = createHash('sm3');
  let size = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.byteLength;
      if (size > maxBytes) return callback(tooLarge());
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  return { transform, result: () => ({ digest: hash.digest('hex'), size }) };
}

const DIGEST = /^[0-9a-f]{64}$/;

function assertDigest(digest: string): void {
  if (!DIGEST.test(digest)) throw new AppError('VALIDATION', '文件摘要格式无效');
}

export function localFileStore(root: string): FileStore {
  const fileOf = (digest: string) => path.join(root, digest.slice(0, 2), digest.slice(2, 4), digest);
  const tempDir = path.join(root, 'tmp');
  const keyOf = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const fileOfKey = (key: string) => {
    const file = path.resolve(root, key);
    if (path.relative(root, file).startsWith('..') || path.isAbsolute(path.relative(root, file))) throw new AppError('VALIDATION', '文件路径无效');
    return file;
  };
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
    async stage(data) {
      const digest = sm3(data);
      await mkdir(tempDir, { recursive: true });
      const temp = path.join(tempDir, `${digest}.${randomBytes(6).toString('hex')}.tmp`);
      await writeFile(temp, data, { mode: 0o444 });
      let done = false;
      return {
        digest,
        size: data.byteLength,
        async commit() {
          if (done) return;
          done = true;
          const target = fileOf(digest);
          await mkdir(path.dirname(target), { recursive: true });
          // Always rename, even over an identical copy: the stored file is then as young as its newest record,
          // so the orphan sweep never removes a file whose record it has not seen yet.
          await rename(temp, target);
        },
        async discard() {
          if (done) return;
          done = true;
          await unlink(temp).catch(() => undefined);
        },
      };
    },
    async stageStream(source, maxBytes, tooLarge) {
      await mkdir(tempDir, { recursive: true });
      const temp = path.join(tempDir, `stream.${randomBytes(8).toString('hex')}.tmp`);
      const measured = measuringHash(maxBytes, tooLarge);
      try {
        await pipeline(source, measured.transform, createWriteStream(temp, { mode: 0o444 }));
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
      const { digest, size } = measured.result();
      let done = false;
      return {
        digest,
        size,
        async commit() {
          if (done) return;
          done = true;
          const target = fileOf(digest);
          await mkdir(path.dirname(target), { recursive: true });
          await rename(temp, target);
        },
        async discard() {
          if (done) return;
          done = true;
          await unlink(temp).catch(() => undefined);
        },
      };
    },
    async list() {
      const entries: StoredFileEntry[] = [];
      const walk = async (dir: string, depth: number): Promise<void> => {
        let names: string[];
        try {
          names = await readdir(dir);
        } catch {
          return;
        }
        for (const name of names) {
          const file = path.join(dir, name);
          const info = await stat(file).catch(() => null);
          if (!info) continue;
          if (info.isDirectory()) {
            if (depth < 2) await walk(file, depth + 1);
          } else if (info.isFile()) {
            entries.push({ key: keyOf(file), digest: depth === 2 && DIGEST.test(name) ? name : null, size: info.size, modifiedAt: info.mtime });
          }
        }
      };
      await walk(root, 0);
      return entries;
    },
    async remove(key, olderThan) {
      const file = fileOfKey(key);
      const info = await stat(file).catch(() => null);
      if (!info || info.mtime >= olderThan) return false;
      await unlink(file);
      return true;
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
    async read(digest) {
      assertDigest(digest);
      const file = fileOf(digest);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) throw notFound('证据文件', { digest });
      return { stream: createReadStream(file), size: info.size };
    },
    async verify(digest) {
      assertDigest(digest);
      try {
        const hash = createHash('sm3');
        for await (const chunk of createReadStream(fileOf(digest))) hash.update(chunk as Buffer);
        return hash.digest('hex') === digest;
      } catch {
        return false;
      }
    },
  };
}

/**
 * Stores `data` together with the record `record` writes (in its own transaction): the file is staged, the record
 * written, and the file committed only when the transaction has committed — discarded when it fails. Call it after
 * the permission checks, so a refused request writes nothing.
 */
export async function storeWithRecord<T>(files: FileStore, data: Uint8Array, record: (stored: { digest: string; size: number }) => Promise<T>): Promise<T> {
  const staged = await files.stage(data);
  let result: T;
  try {
    result = await record({ digest: staged.digest, size: staged.size });
  } catch (error) {
    await staged.discard();
    throw error;
  }
  await staged.commit();
  return result;
}

/** `storeWithRecord` for a file already staged (e.g. streamed by `stageStream`): committed once `record` succeeds, discarded when it fails. */
export async function recordStaged<T>(staged: StagedFile, record: (stored: { digest: string; size: number }) => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await record({ digest: staged.digest, size: staged.size });
  } catch (error) {
    await staged.discard();
    throw error;
  }
  await staged.commit();
  return result;
}

/** In memory (tests, benchmarks). `tamper` replaces stored bytes so tests can show verification catches it. */
export function memoryFileStore(
  initial: Iterable<[string, Uint8Array]> = [],
): FileStore & { tamper(digest: string, data: Uint8Array): void; entries(): [string, Buffer][] } {
  const files = new Map<string, Buffer>([...initial].map(([digest, data]) => [digest, Buffer.from(data)]));
  const modified = new Map<string, Date>();
  const staged = new Map<string, Buffer>();
  const stage = async (data: Uint8Array): Promise<StagedFile> => {
    const digest = sm3(data);
    const key = `tmp/${digest}.${randomBytes(6).toString('hex')}.tmp`;
    staged.set(key, Buffer.from(data));
    return {
      digest,
      size: data.byteLength,
      async commit() {
        const bytes = staged.get(key);
        if (!bytes) return;
        staged.delete(key);
        files.set(digest, bytes);
        modified.set(digest, new Date());
      },
      async discard() {
        staged.delete(key);
      },
    };
  };
  return {
    async put(data) {
      const digest = sm3(data);
      if (!files.has(digest)) {
        files.set(digest, Buffer.from(data));
        modified.set(digest, new Date());
      }
      return { digest, size: data.byteLength };
    },
    stage,
    async stageStream(source, maxBytes, tooLarge) {
      const chunks: Buffer[] = [];
      const measured = measuringHash(maxBytes, tooLarge);
      await pipeline(source, measured.transform, async (passed: AsyncIterable<Buffer>) => {
        for await (const chunk of passed) chunks.push(chunk);
      });
      return stage(Buffer.concat(chunks));
    },
    async list() {
      return [
        ...[...files].map(([digest, data]) => ({ key: digest, digest, size: data.byteLength, modifiedAt: modified.get(digest) ?? new Date(0) })),
        ...[...staged].map(([key, data]) => ({ key, digest: null, size: data.byteLength, modifiedAt: new Date() })),
      ];
    },
    async remove(key, olderThan) {
      if (staged.has(key)) return false;
      if (!files.has(key) || (modified.get(key) ?? new Date(0)) >= olderThan) return false;
      files.delete(key);
      modified.delete(key);
      return true;
    },
    async get(digest) {
      const data = files.get(digest);
      if (!data) throw notFound('证据文件', { digest });
      return data;
    },
    async read(digest) {
      const data = files.get(digest);
      if (!data) throw notFound('证据文件', { digest });
      return { stream: Readable.from([Buffer.from(data)]), size: data.byteLength };
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
