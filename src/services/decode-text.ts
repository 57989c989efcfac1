/**
 * Text of an uploaded file in whatever encoding Chinese offices save it: a byte-order mark decides (UTF-8, UTF-16);
 * else valid UTF-8 is UTF-8; else the declared or detected encoding, GB2312 and GBK read as GB18030 (their superset,
 * so no character is lost), falling back to GB18030, the usual encoding of Chinese office files. Used by the report
 * analyzer and the benchmark/exemption table import. The charset libraries load on the first file that is not UTF-8.
 */
import type * as Chardet from 'chardet';
import type * as Iconv from 'iconv-lite';
import { lazyPackage } from './lazy-package.ts';

const chardet = lazyPackage<typeof Chardet>('chardet');
const iconv = lazyPackage<typeof Iconv>('iconv-lite');

const startsWith = (data: Uint8Array, bytes: number[]) => bytes.every((byte, i) => data[i] === byte);

/** `declared`: the encoding the file names for itself (an HTML page's charset), tried before the detected one. */
export function decodeText(data: Uint8Array, declared?: string | null): string {
  if (startsWith(data, [0xef, 0xbb, 0xbf])) return Buffer.from(data.subarray(3)).toString('utf8');
  if (startsWith(data, [0xff, 0xfe])) return iconv().decode(Buffer.from(data.subarray(2)), 'utf16le');
  if (startsWith(data, [0xfe, 0xff])) return iconv().decode(Buffer.from(data.subarray(2)), 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // Not UTF-8: fall through to the Chinese legacy encodings.
  }
  const candidates = [declared, chardet().detect(data)?.toLowerCase()].filter((name): name is string => Boolean(name));
  for (const name of candidates) {
    const encoding = /^(gb2312|gbk|gb18030|x-gbk|cp936|windows-936)$/.test(name) ? 'gb18030' : name;
    if (encoding !== 'utf-8' && iconv().encodingExists(encoding)) return iconv().decode(Buffer.from(data), encoding);
  }
  return iconv().decode(Buffer.from(data), 'gb18030');
}
