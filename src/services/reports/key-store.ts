/**
 * Where the bureau's SM2 key pair for signing published annual reports is kept (docs/REPORTS.md, docs/SECURITY.md):
 * a file beside the data (`<data dir>/keys/report-signing-key.json`), readable by the server's user only (0600, in a
 * 0700 directory) — like the session secret. On PostgreSQL with several app servers the directory is shared as the
 * file store is. The public key is also recorded in the database (`report_signing_keys`) for the portal and for
 * verification. Tests keep the key in memory.
 */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Sm2KeyPair } from './sm2.ts';

export interface ReportKeyStore {
  /** The key pair, or null when none was made yet. */
  read(): Promise<Sm2KeyPair | null>;
  /** Keeps a new key pair; refuses to overwrite an existing one. */
  create(keys: Sm2KeyPair): Promise<void>;
}

const isKeyPair = (v: unknown): v is Sm2KeyPair =>
  typeof v === 'object' && v !== null && typeof (v as Sm2KeyPair).privateKey === 'string' && typeof (v as Sm2KeyPair).publicKey === 'string';

export function fileReportKeys(directory: string): ReportKeyStore {
  const file = path.join(directory, 'report-signing-key.json');
  return {
    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      if (!text.trim()) return null;
      const parsed: unknown = JSON.parse(text);
      if (!isKeyPair(parsed)) throw new Error(`报告签名密钥文件 ${file} 格式无效`);
      return { privateKey: parsed.privateKey, publicKey: parsed.publicKey };
    },
    async create(keys) {
      await mkdir(directory, { recursive: true, mode: 0o700 });
      await chmod(directory, 0o700);
      const temporary = `${file}.${String(process.pid)}.tmp`;
      await writeFile(temporary, `${JSON.stringify(keys)}\n`, { mode: 0o600, flag: 'wx' });
      // A second server that made a key at the same moment loses: the file is never overwritten.
      try {
        await writeFile(file, '', { flag: 'wx', mode: 0o600 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error('报告签名密钥已存在，不能覆盖', { cause: error });
        throw error;
      }
      await rename(temporary, file);
    },
  };
}

export function memoryReportKeys(initial: Sm2KeyPair | null = null): ReportKeyStore {
  let keys = initial;
  return {
    read: () => Promise.resolve(keys),
    create: (next) => {
      if (keys) return Promise.reject(new Error('报告签名密钥已存在，不能覆盖'));
      keys = next;
      return Promise.resolve();
    },
  };
}
