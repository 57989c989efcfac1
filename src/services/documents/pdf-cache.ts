/**
 * PDF conversions cached by content: the key is the SM3 of what the .docx says (every zip entry, decompressed) and of
 * what the conversion depends on (the converter's fingerprint: LibreOffice, the font alias file, the environment),
 * so regenerating an unchanged document takes no LibreOffice at all.
 *
 * Not the SM3 of the .docx bytes themselves: a .docx made twice from the same content differs in its zip timestamps,
 * in docProps/core.xml's created/modified dates and in the drawing ids (wp:docPr) the docx library counts up — none
 * of which LibreOffice prints; they are left out of the digest.
 *
 * Two stores: in memory (the default, bounded) and a directory (FAZHI_DATA_DIR/cache/pdf, set by the runtime),
 * least recently used first out when over its size. A cache entry is derived data: deleting the directory is always
 * safe (do so after installing or changing fonts, which the fingerprint does not see).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { sm3 } from '../../domain/audit/digest.ts';

export interface PdfCache {
  get(key: string): Promise<Buffer | undefined>;
  put(key: string, pdf: Buffer): Promise<void>;
}

const CORE_DATES = /<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g;
/** Drawing ids the docx library numbers process-wide (the same image gets another id each time). */
const DRAWING_IDS = /(<wp:docPr id=")\d+"/g;

/** The zip entries of a .docx, decompressed, by name (stored and deflated entries; anything else throws). */
function zipEntries(zip: Buffer): Map<string, Buffer> {
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new RangeError('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new RangeError('bad zip central directory');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) entries.set(name, data);
    else if (method === 8) entries.set(name, inflateRawSync(data));
    else throw new RangeError(`unsupported zip method ${String(method)}`);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The SM3 of what a .docx says: its entries in name order, without the creation and modification dates. */
export function docxContentDigest(docx: Buffer): string {
  let entries: Map<string, Buffer>;
  try {
    entries = zipEntries(docx);
  } catch {
    return sm3(docx);
  }
  const parts: Buffer[] = [];
  for (const name of [...entries.keys()].sort()) {
    let data = entries.get(name) ?? Buffer.alloc(0);
    if (name === 'docProps/core.xml') data = Buffer.from(data.toString('utf8').replace(CORE_DATES, ''));
    else if (name.endsWith('.xml')) data = Buffer.from(data.toString('utf8').replace(DRAWING_IDS, '$1"'));
    const header = Buffer.from(`${name}\u0000${String(data.length)}\u0000`);
    parts.push(header, data);
  }
  return sm3(Buffer.concat(parts));
}

/** In-memory LRU of at most `maxBytes` of PDFs. */
export function memoryPdfCache(maxBytes = 64 * 1024 * 1024): PdfCache {
  const entries = new Map<string, Buffer>();
  let size = 0;
  return {
    get(key) {
      const pdf = entries.get(key);
      if (pdf) {
        entries.delete(key);
        entries.set(key, pdf);
      }
      return Promise.resolve(pdf);
    },
    put(key, pdf) {
      const old = entries.get(key);
      if (old) size -= old.length;
      entries.delete(key);
      entries.set(key, pdf);
      size += pdf.length;
      for (const [oldest, data] of entries) {
        if (size <= maxBytes || oldest === key) break;
        entries.delete(oldest);
        size -= data.length;
      }
      return Promise.resolve();
    },
  };
}

let current: PdfCache | undefined;
/** The cache conversions use: in memory unless the runtime set the data directory's (setPdfCache). */
export function pdfCache(): PdfCache {
  return (current ??= memoryPdfCache());
}
export function setPdfCache(cache: PdfCache): void {
  current = cache;
}

const KEY = /^[0-9a-f]{64}$/;

/**
 * A directory of PDFs named by key, at most `maxBytes` (default 512 MiB): a hit refreshes the file's time, and when
 * a write brings the total over the bound the least recently used files go first.
 */
export function directoryPdfCache(dir: string, maxBytes = 512 * 1024 * 1024): PdfCache {
  const fileOf = (key: string) => path.join(dir, key.slice(0, 2), `${key}.pdf`);
  let total: number | undefined;

  async function files(): Promise<{ file: string; size: number; used: number }[]> {
    const found: { file: string; size: number; used: number }[] = [];
    for (const sub of await readdir(dir).catch(() => [] as string[])) {
      for (const name of await readdir(path.join(dir, sub)).catch(() => [] as string[])) {
        if (!name.endsWith('.pdf')) continue;
        const file = path.join(dir, sub, name);
        const info = await stat(file).catch(() => undefined);
        if (info) found.push({ file, size: info.size, used: info.mtimeMs });
      }
    }
    return found;
  }

  async function trim(): Promise<void> {
    const all = (await files()).sort((a, b) => a.used - b.used);
    let size = all.reduce((sum, f) => sum + f.size, 0);
    for (const f of all) {
      if (size <= maxBytes) break;
      await unlink(f.file).catch(() => undefined);
      size -= f.size;
    }
    total = size;
  }

  return {
    async get(key) {
      if (!KEY.test(key)) return undefined;
      const file = fileOf(key);
      const pdf = await readFile(file).catch(() => undefined);
      if (!pdf || pdf.subarray(0, 5).toString() !== '%PDF-') return undefined;
      const now = new Date();
      await utimes(file, now, now).catch(() => undefined);
      return pdf;
    },
    async put(key, pdf) {
      if (!KEY.test(key)) return;
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temp, pdf);
      await rename(temp, file);
      if (total === undefined) await trim();
      else total += pdf.length;
      if (total !== undefined && total > maxBytes) await trim();
    },
  };
}
