import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandling } from './errors.ts';
import { registerWebApp } from './static.ts';

let root: string;
let app: FastifyInstance;

beforeAll(async () => {
  const outer = mkdtempSync(path.join(tmpdir(), 'fazhi-web-'));
  writeFileSync(path.join(outer, 'secret.txt'), 'SECRET-OUTSIDE-ROOT');
  root = path.join(outer, 'web');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  mkdirSync(path.join(root, '.vite'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>staff</title>');
  writeFileSync(path.join(root, 'portal.html'), '<!doctype html><title>portal</title>');
  writeFileSync(path.join(root, 'assets', 'app-abc123.js'), 'console.log("app")');
  writeFileSync(path.join(root, 'assets', 'app-abc123.js.gz'), gzipSync('console.log("app")'));
  writeFileSync(path.join(root, '.vite', 'manifest.json'), '{}');
  app = Fastify();
  installErrorHandling(app);
  app.get('/api/health', async () => ({ status: 'ok' }));
  await registerWebApp(app, root);
});
afterAll(async () => {
  await app.close();
  rmSync(path.dirname(root), { recursive: true, force: true });
});

describe('serving the built web app', () => {
  it('answers client-side routes with the staff app (SPA fallback), never cached', async () => {
    for (const url of ['/', '/admin/users', '/tools/deadline?x=1']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>staff</title>');
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('answers /portal and its routes with the portal entry', async () => {
    for (const url of ['/portal', '/portal/', '/portal/officers']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>portal</title>');
    }
  });

  it('serves hashed assets for a year, pre-compressed when accepted', async () => {
    const plain = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toBe('console.log("app")');
    expect(plain.headers['cache-control']).toContain('max-age=31536000');
    expect(plain.headers['cache-control']).toContain('immutable');
    const gz = await app.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
  });

  it('keeps unknown API paths and missing assets as JSON 404s, and hides the build manifest', async () => {
    for (const url of ['/api/nope', '/api', '/assets/missing.js', '/.vite/manifest.json', '/missing.css']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
  });

  it('never serves a file outside the build (path traversal)', async () => {
    for (const url of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.body, url).not.toContain('SECRET-OUTSIDE-ROOT');
    }
  });
});

describe('before the web app is built', () => {
  it('explains in Chinese how to build it, and keeps API 404s as JSON', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'fazhi-web-empty-'));
    const bare = Fastify();
    installErrorHandling(bare);
    await registerWebApp(bare, empty);
    const page = await bare.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('npm run build:web');
    expect((await bare.inject({ method: 'GET', url: '/api/x' })).json()).toMatchObject({ code: 'NOT_FOUND' });
    await bare.close();
    rmSync(empty, { recursive: true, force: true });
  });
});
