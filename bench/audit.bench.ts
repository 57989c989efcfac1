import { sql } from 'drizzle-orm';
import { systemActor } from '../src/domain/access.ts';
import type { DatabaseHandle } from '../src/db/connect.ts';
import { appendAudit } from '../src/services/audit-trail.ts';

/**
 * Audited writes per second (one transaction: a row change plus its audit record) next to raw single-row
 * INSERTs per second on the same database, with `concurrency` writers over `subjects` subjects.
 */
export async function benchAuditedWrites(handle: DatabaseHandle, options: { writes: number; concurrency: number; subjects: number }): Promise<string> {
  const { db } = handle;
  await db.execute(sql`CREATE TABLE IF NOT EXISTS bench_raw (id bigserial primary key, subject int, payload jsonb)`);

  const rawStart = performance.now();
  await runConcurrently(options.writes, options.concurrency, async (i) => {
    await db.execute(sql`INSERT INTO bench_raw (subject, payload) VALUES (${i % options.subjects}, ${JSON.stringify({ i })}::jsonb)`);
  });
  const rawRate = options.writes / ((performance.now() - rawStart) / 1000);

  const auditStart = performance.now();
  await runConcurrently(options.writes, options.concurrency, async (i) => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO bench_raw (subject, payload) VALUES (${i % options.subjects}, ${JSON.stringify({ i })}::jsonb)`);
      await appendAudit(
        tx,
        systemActor,
        { action: 'organization.update', subjectType: 'bench', subjectId: i % options.subjects, organizationId: null, change: { name: { from: `单位${i}`, to: `单位${i + 1}` } } },
        new Date(),
      );
    });
  });
  const auditRate = options.writes / ((performance.now() - auditStart) / 1000);
  await db.execute(sql`DROP TABLE bench_raw`);
  return `${handle.kind.padEnd(8)} audited writes ${auditRate.toFixed(0).padStart(6)}/s   raw INSERT ${rawRate.toFixed(0).padStart(6)}/s   (${options.writes} writes, ${options.concurrency} concurrent, ${options.subjects} subjects)`;
}

async function runConcurrently(total: number, concurrency: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await work(next++);
    }),
  );
}
