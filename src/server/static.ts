/**
 * Serves the built web app (dist/web, made by `npm run build:web`; `npm start` builds it when missing or stale):
 * - the public portal's HTML for /portal and everything under it (portal.html: a separate, small bundle);
 * - files that exist in the build (hashed /assets/* cached for a year, pre-compressed .br/.gz when the client
 *   accepts them);
 * - the staff app's index.html for every other GET, so client-side routes survive a reload (SPA fallback).
 * /api/* never falls back: an unknown API path keeps its JSON 404 from the error handler.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** dist/web, or FAZHI_WEB_DIST (a separate build folder, e.g. for parallel browser test runs in one checkout). */
export const defaultWebRoot = path.resolve(import.meta.dirname, '../..', process.env.FAZHI_WEB_DIST ?? 'dist/web');

const YEAR_SECONDS = 365 * 24 * 3600;

/** Every servable file of the build, as URL paths ('/assets/x.js'); the Vite manifest folder is not served. */
function listBuiltFiles(root: string): Set<string> {
  const files = new Set<string>();
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else if (!/\.(br|gz)$/.test(name)) files.add(`${prefix}${name}`);
    }
  };
  walk(root, '/');
  return files;
}

const notBuiltPage = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>法治 Fazhi</title>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto;line-height:1.7">
<h1>网页尚未构建</h1><p>服务已启动，接口可用（<a href="/api/openapi.json">接口文档</a>），但网页文件（dist/web）不存在。</p>
<p>请运行 <code>npm run build:web</code> 后刷新本页；使用 <code>npm start</code> 启动时会自动构建。</p></body></html>`;

function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

function isPortalPath(pathname: string): boolean {
  return pathname === '/portal' || pathname.startsWith('/portal/');
}

/** Registers the web app's routes. Call after the /api routes (see src/server/app.ts). */
export async function registerWebApp(app: FastifyInstance, root: string = defaultWebRoot): Promise<void> {
  const built = existsSync(path.join(root, 'index.html'));
  if (!built) {
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (isApiPath(request.url.split('?')[0]!)) return reply.callNotFound();
      return reply.status(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(notBuiltPage);
    });
    return;
  }

  const files = listBuiltFiles(root);
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true, decorateReply: true });

  const sendHtml = (reply: FastifyReply, file: 'index.html' | 'portal.html') =>
    reply.header('cache-control', 'no-cache').sendFile(file, { cacheControl: false });

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const pathname = request.url.split('?')[0]!;
    if (isApiPath(pathname)) return reply.callNotFound();
    if (files.has(pathname)) {
      const hashed = pathname.startsWith('/assets/');
      return reply.sendFile(pathname.slice(1), hashed ? { maxAge: YEAR_SECONDS * 1000, immutable: true } : { maxAge: 0 });
    }
    // A missing script or style must not be answered with HTML (the browser would report a MIME error).
    if (pathname.startsWith('/assets/') || /\.(js|css|map|png|svg|ico|json|woff2?)$/.test(pathname)) return reply.callNotFound();
    return sendHtml(reply, isPortalPath(pathname) ? 'portal.html' : 'index.html');
  });
}
