import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { type Plugin, defineConfig } from 'vite';

// Two HTML entries, two bundles: the staff app (index.html, every route at / …) and the public portal
// (portal.html, served at /portal, no login, kept under 300 kB gzipped of initial JavaScript).
// Built into dist/web, which src/server/static.ts serves; `npm start` rebuilds it when sources are newer.
const webRoot = path.resolve(import.meta.dirname, 'src/web');

/**
 * Writes .gz and .br beside every text asset, so the server (@fastify/static with preCompressed) sends them
 * compressed without compressing on each request.
 */
function precompress(): Plugin {
  return {
    name: 'fazhi-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const full = path.join(dir, name);
          if (statSync(full).isDirectory()) {
            if (!name.startsWith('.')) walk(full);
          } else if (/\.(js|css|html|svg|json)$/.test(name) && statSync(full).size > 1024) {
            const data = readFileSync(full);
            writeFileSync(`${full}.gz`, gzipSync(data, { level: 9 }));
            writeFileSync(`${full}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
          }
        }
      };
      walk(outDir);
    },
  };
}

// FAZHI_WEB_DIST builds elsewhere (parallel browser test runs in one checkout each use their own folder).
const outDir = path.resolve(import.meta.dirname, process.env.FAZHI_WEB_DIST ?? 'dist/web');

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), precompress()],
  publicDir: false,
  build: {
    outDir,
    emptyOutDir: true,
    // The manifest lets scripts/web-bundle-size.ts measure each entry's initial JavaScript exactly.
    manifest: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        staff: path.join(webRoot, 'index.html'),
        portal: path.join(webRoot, 'portal.html'),
      },
    },
  },
  server: {
    // `npx vite` during development: the API is the running Fazhi server.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
