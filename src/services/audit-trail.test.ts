import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemActor } from '../domain/access.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { auditChainHeads, auditRecords } from '../db/schema.ts';
import { createTestDatabase, resetTestDatabase, testDatabaseKind } from '../db/testing.ts';
import { type AuditEntry, appendAudit } from './audit-trail.ts';
import { checkpointAudit, checkpointAuditJob } from './checkpoint-audit.ts';
import type { ServiceContext } from './context.ts';
import { verifyAudit } from './verify-audit.ts';
import { countStatements } from '../db/statements.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let tick = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date(Date.UTC(2026, 0, 5, 8, 0, tick++)) };
});
beforeEach(() => resetTestDatabase(handle));
afterAll(() => handle.close());

async function write(subject: number, n = 1) {
  for (let i = 0; i < n; i++) {
    await ctx.db.transaction((tx) =>
      appendAudit(tx, systemActor, { action: 'organization.update', subjectType: 'organization', subjectId: subject, organizationId: 1, change: { name: { from: `单位${subject}-${i}`, to: `单位${subject}-${i + 1}` } } }, ctx.clock()),
    );
  }
}

describe('audit trail', () => {
  it('chains records per subject and verifies clean', async () => {
    await write(1, 3);
    await write(2, 2);
    const result = await verifyAudit(ctx.db);
    expect(result).toMatchObject({ records: 5, chains: 2, problem: null });
  });

  it('writes the first record of a new subject with its head in one statement; a second "first" record fails and writes nothing', async () => {
    const entry = { action: 'organization.update', subjectType: 'organization', subjectId: 7, organizationId: 1, change: { name: { from: '甲', to: '乙' } }, firstOfChain: true } as const;
    const { count } = await countStatements(ctx.db, () => ctx.db.transaction((tx) => appendAudit(tx, systemActor, entry, ctx.clock())));
    expect(count).toBe(1);
    await expect(ctx.db.transaction((tx) => appendAudit(tx, systemActor, entry, ctx.clock()))).rejects.toThrow();
    await write(7, 1);
    expect(await verifyAudit(ctx.db)).toMatchObject({ records: 2, chains: 1, problem: null });
  });

  it('detects and names an altered record', async () => {
    await write(1, 4);
    await ctx.db.execute(sql`UPDATE audit_records SET change = '{"i": 1, "name": "改过"}' WHERE chain = 'organization:1' AND seq = 2`);
    const { problem } = await verifyAudit(ctx.db);
    expect(problem).toMatchObject({ kind: 'altered', chain: 'organization:1', seq: 2 });
    expect(problem?.recordId).toBeTypeOf('number');
  });

  it('detects an altered actor or time even when the change is intact', async () => {
    await write(1, 3);
    await ctx.db.execute(sql`UPDATE audit_records SET at = at + interval '1 hour' WHERE seq = 3`);
    expect((await verifyAudit(ctx.db)).problem).toMatchObject({ kind: 'altered', seq: 3 });
  });

  it('detects and names a deleted record in the middle', async () => {
    await write(1, 4);
    await ctx.db.execute(sql`DELETE FROM audit_records WHERE chain = 'organization:1' AND seq = 2`);
    expect((await verifyAudit(ctx.db)).problem).toMatchObject({ kind: 'removed', chain: 'organization:1', seq: 2 });
  });

  it('detects a deleted latest record through the chain head', async () => {
    await write(1, 4);
    await ctx.db.execute(sql`DELETE FROM audit_records WHERE chain = 'organization:1' AND seq = 4`);
    expect((await verifyAudit(ctx.db)).problem).toMatchObject({ kind: 'removed', seq: 4 });
  });

  it('detects a deleted tail even when the head is rewound too, through a checkpoint', async () => {
    await write(1, 4);
    expect(await checkpointAudit(ctx)).toMatchObject({ heads: 1 });
    await ctx.db.execute(sql`DELETE FROM audit_records WHERE chain = 'organization:1' AND seq = 4`);
    await ctx.db.execute(sql`UPDATE audit_chain_heads SET seq = 3, digest = (SELECT digest FROM audit_records WHERE chain = 'organization:1' AND seq = 3)`);
    expect((await verifyAudit(ctx.db)).problem).toMatchObject({ kind: 'removed', seq: 4 });
  });

  it('detects a whole chain deleted with its head, through a checkpoint', async () => {
    await write(1, 2);
    await write(2, 2);
    await checkpointAudit(ctx);
    await ctx.db.execute(sql`DELETE FROM audit_records WHERE chain = 'organization:2'`);
    await ctx.db.execute(sql`DELETE FROM audit_chain_heads WHERE chain = 'organization:2'`);
    expect((await verifyAudit(ctx.db)).problem).toMatchObject({ kind: 'removed', chain: 'organization:2' });
  });

  it('detects and names two reordered records', async () => {
    await write(1, 4);
    await ctx.db.execute(sql`UPDATE audit_records SET seq = -seq WHERE chain = 'organization:1' AND seq IN (2, 3)`);
    await ctx.db.execute(sql`UPDATE audit_records SET seq = 5 + seq WHERE chain = 'organization:1' AND seq IN (-2, -3)`);
    const { problem } = await verifyAudit(ctx.db);
    expect(problem).toMatchObject({ kind: 'reordered', chain: 'organization:1', seq: 2 });
  });

  it('detects an altered checkpoint', async () => {
    await write(1, 2);
    await checkpointAudit(ctx);
    await ctx.db.execute(sql`UPDATE audit_checkpoints SET heads = '[["organization:1", 1, "x"]]'`);
    expect((await verifyAudit(ctx.db)).problem).not.toBeNull();
  });

  it('checkpoints only heads that moved, and nothing when none did', async () => {
    await write(1, 2);
    await write(2, 1);
    expect(await checkpointAudit(ctx)).toMatchObject({ heads: 2 });
    expect(await checkpointAudit(ctx)).toBeNull();
    await write(2, 1);
    expect(await checkpointAudit(ctx)).toMatchObject({ heads: 1 });
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });

  it("the server's checkpoint job writes the same checkpoints when no other server holds the lock (always so on PGlite)", async () => {
    await write(1, 2);
    expect(await checkpointAuditJob(ctx)).toMatchObject({ heads: 1 });
    expect(await checkpointAuditJob(ctx)).toBeNull();
    await write(1, 1);
    await write(3, 1);
    expect(await checkpointAuditJob(ctx)).toMatchObject({ heads: 2 });
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });

  it.runIf(testDatabaseKind() === 'postgres')('200 concurrent audited writes over 50 subjects leave every chain valid (PostgreSQL)', async () => {
    await Promise.all(Array.from({ length: 200 }, (_, i) => write(i % 50)));
    const result = await verifyAudit(ctx.db);
    expect(result).toMatchObject({ records: 200, chains: 50, problem: null });
    const heads = await ctx.db.select().from(auditChainHeads);
    expect(heads.map((h) => h.seq)).toEqual(Array(50).fill(4));
  });
});

describe('appendAudit and the event catalog', () => {
  const entry = { subjectType: 'calendar', subjectId: '2027', organizationId: null };
  const nothingWritten = async () => {
    expect(await ctx.db.select().from(auditRecords)).toEqual([]);
    expect(await ctx.db.select().from(auditChainHeads)).toEqual([]);
  };

  it('writes a payload that matches its action, unchanged', async () => {
    const stored = await ctx.db.transaction((tx) => appendAudit(tx, systemActor, { ...entry, action: 'calendar.year', change: { year: 2027, complete: true } }, ctx.clock()));
    const [row] = await ctx.db.select().from(auditRecords);
    expect(row).toMatchObject({ action: 'calendar.year', change: { year: 2027, complete: true }, digest: stored.digest });
  });

  it('refuses an unknown action, and nothing is written', async () => {
    const unknown = { ...entry, action: 'calendar.purge', change: {} } as unknown as AuditEntry;
    await expect(ctx.db.transaction((tx) => appendAudit(tx, systemActor, unknown, ctx.clock()))).rejects.toThrow(/Unknown audit action "calendar\.purge"/);
    await nothingWritten();
  });

  it('refuses a payload that does not match its schema, naming the action and the field, and nothing is written', async () => {
    const wrong = { ...entry, action: 'calendar.year', change: { year: 2027, complete: 'yes' } } as unknown as AuditEntry<'calendar.year'>;
    await expect(ctx.db.transaction((tx) => appendAudit(tx, systemActor, wrong, ctx.clock()))).rejects.toThrow(/"calendar\.year" does not match.*complete/);
    await nothingWritten();
  });
});
