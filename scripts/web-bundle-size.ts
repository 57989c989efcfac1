/**
 * Initial JavaScript of each web entry, from the Vite manifest of dist/web: the entry chunk plus every chunk it
 * imports statically (what the browser must download before the first screen), raw and gzip-compressed.
 * Lazily loaded pages (dynamic imports) are listed separately. Used by the browser tests (portal < 300 kB
 * gzipped), by `npm run bench`, and on its own: `npx tsx scripts/web-bundle-size.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const PORTAL_INITIAL_JS_LIMIT_GZIP = 300 * 1024;

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export interface EntrySize {
  entry: 'staff' | 'portal';
  /** Files loaded before the first screen. */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  /** Chunks loaded on demand (one per lazily imported page). */
  lazyChunks: { name: string; file: string; gzipBytes: number }[];
}

export const defaultDistDir = path.resolve(import.meta.dirname, '..', process.env.FAZHI_WEB_DIST ?? 'dist/web');

export function measureWebBundles(distDir = defaultDistDir): EntrySize[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const gzipCache = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (file: string) => {
    let s = gzipCache.get(file);
    if (!s) {
      const data = readFileSync(path.join(distDir, file));
      s = { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
      gzipCache.set(file, s);
    }
    return s;
  };
  const entries: [EntrySize['entry'], string][] = [
    ['staff', 'index.html'],
    ['portal', 'portal.html'],
  ];
  return entries.map(([entry, key]) => {
    const start = manifest[key];
    if (!start) throw new Error(`manifest has no entry ${key}`);
    const seen = new Set<string>();
    const visit = (chunkKey: string) => {
      if (seen.has(chunkKey)) return;
      seen.add(chunkKey);
      for (const next of manifest[chunkKey]?.imports ?? []) visit(next);
    };
    visit(key);
    const files = [...seen].map((k) => manifest[k]!.file);
    const lazyKeys = new Set<string>();
    for (const k of seen) for (const d of manifest[k]?.dynamicImports ?? []) lazyKeys.add(d);
    return {
      entry,
      files,
      rawBytes: files.reduce((n, f) => n + sizeOf(f).raw, 0),
      gzipBytes: files.reduce((n, f) => n + sizeOf(f).gzip, 0),
      lazyChunks: [...lazyKeys].map((k) => ({ name: manifest[k]!.name ?? k, file: manifest[k]!.file, gzipBytes: sizeOf(manifest[k]!.file).gzip })),
    };
  });
}

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export function describeWebBundles(sizes: EntrySize[]): string {
  return sizes
    .map((s) => `web ${s.entry}: initial JS ${kB(s.gzipBytes)} gzip (${kB(s.rawBytes)} raw, ${s.files.length} files), ${s.lazyChunks.length} lazy page chunks`)
    .join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = measureWebBundles();
  process.stdout.write(`${describeWebBundles(sizes)}\n`);
  for (const s of sizes) for (const c of s.lazyChunks) process.stdout.write(`  ${s.entry} lazy ${c.name}: ${kB(c.gzipBytes)} gzip\n`);
  const portal = sizes.find((s) => s.entry === 'portal')!;
  if (portal.gzipBytes > PORTAL_INITIAL_JS_LIMIT_GZIP) {
    process.stderr.write(`门户首屏 JavaScript ${kB(portal.gzipBytes)}（gzip）超过 ${kB(PORTAL_INITIAL_JS_LIMIT_GZIP)} 上限\n`);
    process.exit(1);
  }
}
