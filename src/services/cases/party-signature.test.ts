/**
 * Issue 15: the party's signature drawn on the screen for a 送达回证 or a 笔录 — stored under its SM3 digest like an
 * evidence file, audited, never replaced, only by an officer of the case, and kept by the orphan-file sweep.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sm3 } from '../../domain/audit/digest.ts';
import { refusal } from '../../domain/test-support.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { auditRecords } from '../../db/schema.ts';
import { createTestDatabase, resetTestDatabase } from '../../db/testing.ts';
import { chainOf } from '../audit-trail.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { sweepOrphanFiles } from '../sweep-files.ts';
import { newCase, newWorld, type World } from '../testing/factories.ts';
import { getCase } from './get-case.ts';
import { addPartySignature, readPartySignature } from './party-signature.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date('2026-03-11T01:00:00Z'), files: memoryFileStore() };
});
beforeEach(async () => {
  await resetTestDatabase(handle);
  w = await newWorld(ctx);
});
afterAll(() => handle.close());

/** A PNG as the pad sends it: the signature, then the image data (not decoded by the server). */
const png = (fill: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, fill)]);

describe('the party’s signature on the screen', () => {
  it('is stored under its SM3 digest on the prior notice’s 送达回证, audited, and never replaced', async () => {
    const c = await newCase(ctx, w, { state: 'notified' });
    const data = png(7);
    const added = await addPartySignature(ctx, w.actors.zhaogang, c.id, { expectedVersion: c.version, target: 'services.0', pngBase64: data.toString('base64') });
    expect(added).toMatchObject({ target: 'services.0', digest: sm3(data), size: data.byteLength, version: c.version + 1 });
    expect(added.title).toContain('送达回证');
    const view = await getCase(ctx, w.actors.wanglei, c.id, new Date('2026-03-11T01:00:00Z'));
    expect(view.record.partySignatures).toEqual([expect.objectContaining({ target: 'services.0', digest: sm3(data), recordedBy: { id: w.actors.zhaogang.userId, name: '赵刚' } })]);
    expect(await readPartySignature(ctx, w.actors.wanglei, c.id, 'services.0')).toEqual(data);
    const [audit] = await ctx.db.select().from(auditRecords).where(and(eq(auditRecords.chain, chainOf('case', c.id)), eq(auditRecords.action, 'case.partySignature')));
    expect(audit?.change).toMatchObject({ target: 'services.0', digest: sm3(data) });
    // Never replaced; the sweep keeps the file its record points to.
    expect((await refusal(addPartySignature(ctx, w.actors.zhaogang, c.id, { expectedVersion: view.version, target: 'services.0', pngBase64: png(8).toString('base64') }))).message).toContain('不能替换');
    const swept = await sweepOrphanFiles(ctx, { graceMs: 0 });
    expect(swept.removed.map((r) => r.digest)).not.toContain(sm3(data));
    expect(await readPartySignature(ctx, w.actors.wanglei, c.id, 'services.0')).toEqual(data);
  });

  it('is refused for a record that does not exist, an image that is not a PNG, or an officer not on the case — writing nothing', async () => {
    const c = await newCase(ctx, w, { state: 'notified' });
    const body = (target: string, data: Buffer) => ({ expectedVersion: c.version, target, pngBase64: data.toString('base64') });
    expect((await refusal(addPartySignature(ctx, w.actors.wanglei, c.id, body('inquiries.0', png(1))))).message).toBe('未找到要签名的笔录或送达回证');
    expect((await refusal(addPartySignature(ctx, w.actors.wanglei, c.id, body('services.0', Buffer.alloc(200, 1))))).message).toBe('签名图片应为 PNG 格式');
    expect((await refusal(addPartySignature(ctx, w.actors.sunli, c.id, body('services.0', png(1))))).code).toBe('FORBIDDEN');
    const view = await getCase(ctx, w.actors.wanglei, c.id, new Date('2026-03-11T01:00:00Z'));
    expect([view.version, view.record.partySignatures]).toEqual([c.version, undefined]);
    expect((await ctx.files!.list()).filter((f) => f.digest === sm3(png(1)))).toEqual([]);
  });
});
