/**
 * The bureau's SM2 key pair for signing published annual reports (docs/REPORTS.md): made on the first publication
 * (or by `fazhi report key`), the private key kept in its file (key-store.ts), the public key recorded in
 * `report_signing_keys` (audited `report.signingKey`) and served to anyone at `GET /api/public/report-key`.
 */
import { desc, eq } from 'drizzle-orm';
import { systemActor } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import type { Executor } from '../../db/connect.ts';
import { reportSigningKeys } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import type { ServiceContext } from '../context.ts';
import { generateSm2KeyPair, sm2PublicKeyOf, type Sm2KeyPair } from './sm2.ts';

/** The key pair to sign with: the stored one (its public key recorded if it was not yet), else a new one. */
export async function ensureSigningKey(ctx: ServiceContext): Promise<Sm2KeyPair> {
  const store = ctx.reportKeys;
  if (!store) throw new AppError('INTERNAL', '未配置年度报告签名密钥的存放位置，无法公开报告');
  let keys = await store.read();
  if (!keys) {
    const made = generateSm2KeyPair();
    try {
      await store.create(made);
    } catch {
      // Another server made one at the same moment: use that one.
    }
    keys = await store.read();
    if (!keys) throw new AppError('INTERNAL', '年度报告签名密钥未能保存');
  }
  if (sm2PublicKeyOf(keys.privateKey) !== keys.publicKey) throw new AppError('INTERNAL', '年度报告签名密钥文件损坏（公钥与私钥不符）');
  const pair = keys;
  const [known] = await ctx.db.select().from(reportSigningKeys).where(eq(reportSigningKeys.publicKey, pair.publicKey));
  if (!known) {
    await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(reportSigningKeys).values({ publicKey: pair.publicKey, createdAt: ctx.clock() }).onConflictDoNothing().returning({ id: reportSigningKeys.id });
      if (row) {
        await appendAudit(tx, systemActor, { action: 'report.signingKey', subjectType: 'reportSigningKey', subjectId: row.id, organizationId: null, change: { publicKey: pair.publicKey } }, ctx.clock());
      }
    });
  }
  return pair;
}

/** The bureau's current public key (the latest made), or null when no report was signed yet. */
export async function currentPublicKey(db: Executor): Promise<{ publicKey: string; createdAt: Date } | null> {
  const [row] = await db.select().from(reportSigningKeys).orderBy(desc(reportSigningKeys.id)).limit(1);
  return row ? { publicKey: row.publicKey, createdAt: row.createdAt } : null;
}

/** Whether `publicKey` is one of the bureau's keys. */
export async function isBureauKey(db: Executor, publicKey: string): Promise<boolean> {
  const [row] = await db.select({ id: reportSigningKeys.id }).from(reportSigningKeys).where(eq(reportSigningKeys.publicKey, publicKey));
  return row !== undefined;
}
