import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { buildApp } from './app.ts';

/**
 * Every /api route declares what it answers (src/domain/<module>/views.ts), so the OpenAPI document is exact and the
 * server checks each answer against it. Building the document needs no database: the routes are only registered.
 */
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ ctx: { db: {} as Database, clock: () => new Date('2026-03-02T01:00:00Z') }, sessionSecret: 'openapi-test-secret-of-enough-length', databaseKind: 'pglite' });
  await app.ready();
});
afterAll(() => app.close());

interface Operation {
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

/** File downloads answer bytes whose content type the handler sets; they declare no JSON schema. */
const downloads = new Set([
  'GET /api/cases/{id}/evidence/{seq}/file', 'GET /api/cases/{id}/documents/{documentId}/file', 'GET /api/benchmarks/{id}/export', 'GET /api/cases/export', 'GET /api/case-deadlines/export', 'GET /api/legal-reviews/queue/export', 'GET /api/stats/cases/export', 'GET /api/work-orders/{id}/attachments/{seq}/file',
  'GET /api/organizations/export',
  'GET /api/organizations/{id}/power-items/export',
  'GET /api/users/export',
  'GET /api/users/import-template',
  'GET /api/cases/{id}/party-signatures/{target}/image',
  'GET /api/benchmarks/template',
  'GET /api/organizations/{id}/indicators/{key}/manual/attachment',
  'GET /api/organizations/{id}/reports/{year}/file',
  'GET /api/public/reports/{id}/file',
  'GET /api/patrol-problems/{id}/photos/{seq}/file',
  'GET /api/organizations/{id}/enforcement-statistics.xlsx',
  'GET /api/public/enforcement-statistics.xlsx',
  'GET /api/organizations/{id}/report-uploads/{uploadId}/file',
  'GET /api/organizations/{id}/report-rollup/export',
]);

describe('OpenAPI: a response schema for every route under /api', () => {
  it('every operation but the file downloads declares a JSON schema for each success status it answers', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));
    expect(operations.length).toBeGreaterThan(50);
    const missing: string[] = [];
    for (const { key, op } of operations) {
      if (downloads.has(key)) continue;
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) missing.push(`${key}: no success response`);
      for (const [status, response] of success) {
        const schema = response.content?.['application/json']?.schema;
        if (!schema || Object.keys(schema).length === 0) missing.push(`${key} ${status}: no schema`);
      }
    }
    expect(missing).toEqual([]);
    for (const key of downloads) expect(operations.map((o) => o.key)).toContain(key);
  });

  it('a case and a case list are described field by field, not as a loose object', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const caseSchema = doc.paths['/api/cases/{id}']!.get!.responses!['200']!.content!['application/json']!.schema!;
    expect(caseSchema.additionalProperties).toBe(false);
    expect(Object.keys(caseSchema.properties as object)).toEqual(expect.arrayContaining(['party', 'record', 'deadlines', 'evidence', 'availableActions']));
    // The trail is served apart (issue 16), described field by field too.
    expect(Object.keys(caseSchema.properties as object)).not.toContain('timeline');
    const timelineSchema = doc.paths['/api/cases/{id}/timeline']!.get!.responses!['200']!.content!['application/json']!.schema!;
    expect(timelineSchema.additionalProperties).toBe(false);
    expect(Object.keys(timelineSchema.properties as object)).toEqual(['items', 'nextCursor', 'total']);
    const entry = (timelineSchema.properties as Record<string, { items: Record<string, unknown> }>).items!.items;
    expect(entry.additionalProperties).toBe(false);
    expect(Object.keys(entry.properties as object)).toEqual(expect.arrayContaining(['seq', 'at', 'label', 'actorName', 'change', 'occurrence']));
    const listSchema = doc.paths['/api/cases']!.get!.responses!['200']!.content!['application/json']!.schema!;
    expect(listSchema.type).toBe('array');
  });
});
