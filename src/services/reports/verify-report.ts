/**
 * Verifying a published annual report (`fazhi report verify FILE.pdf`; docs/REPORTS.md): read the signed appendix
 * back from the PDF's text (the machine-readable line of 附件：审计校验), then check, in order —
 *  1. the SM2 signature over the appendix, with the public key it names;
 *  2. that key is the bureau's (recorded in `report_signing_keys`, and the one in the key file when there is one);
 *  3. the report in the database is the one published: same unit and year, published, same content digest;
 *  4. the audit checkpoint it names still exists with the same digest;
 *  5. the whole audit trail still verifies (verifyAudit): every record, chain, head and checkpoint — so a record
 *     rewritten after publication fails here.
 * The first failure is the answer, in Chinese.
 */
import { and, eq } from 'drizzle-orm';
import { canonicalJson } from '../../domain/audit/digest.ts';
import type { ReportSeal, SignedReportSeal } from '../../domain/reports/views.ts';
import type { Executor } from '../../db/connect.ts';
import { auditCheckpoints, reportDrafts } from '../../db/schema.ts';
import { readPdf } from '../documents/pdf.ts';
import { verifyAudit } from '../verify-audit.ts';
import type { ReportKeyStore } from './key-store.ts';
import { readSealLine } from './render-report.ts';
import { isBureauKey } from './signing-key.ts';
import { sm2Verify } from './sm2.ts';

export interface ReportVerification {
  ok: boolean;
  /** Why not, in Chinese; null when intact. */
  reason: string | null;
  seal: SignedReportSeal | null;
  /** What was checked, one line each (for the CLI). */
  checked: string[];
}

/** Whether `seal`'s signature verifies with its public key (the signature covers the seal without signature and key). */
export function sealSignatureValid(seal: SignedReportSeal, publicKey = seal.publicKey): boolean {
  const { signature, publicKey: _key, ...unsigned } = seal;
  const signed: ReportSeal = unsigned;
  return sm2Verify(Buffer.from(canonicalJson(signed), 'utf8'), signature, publicKey);
}

export async function verifyReportSeal(db: Executor, seal: SignedReportSeal, keys?: ReportKeyStore): Promise<ReportVerification> {
  const checked: string[] = [];
  const fail = (reason: string): ReportVerification => ({ ok: false, reason, seal, checked });
  if (!sealSignatureValid(seal)) return fail('SM2 签名验证失败：审计校验附件的内容在签名后被改动，或签名不是该公钥所签');
  checked.push(`SM2 签名有效（公钥 ${seal.publicKey.slice(0, 18)}…）`);
  if (!(await isBureauKey(db, seal.publicKey))) return fail('签名公钥不是本机关的年度报告签名公钥');
  const own = await keys?.read();
  if (own && own.publicKey !== seal.publicKey) {
    // An older key of the bureau is still valid for what it signed; the current one is named for the record.
    checked.push('签名公钥为本机关此前使用的公钥');
  } else checked.push('签名公钥为本机关公布的公钥');
  const [row] = await db
    .select()
    .from(reportDrafts)
    .where(and(eq(reportDrafts.organizationId, seal.organizationId), eq(reportDrafts.year, seal.year)));
  if (!row?.publishedAt) return fail(`系统中没有${seal.unitName}${String(seal.year)}年度已公开的报告`);
  if (row.contentDigest !== seal.contentDigest) return fail('系统中该报告的内容摘要与附件记载的不符：报告在公开后被改动');
  checked.push(`报告内容摘要一致（SM3 ${seal.contentDigest.slice(0, 16)}…）`);
  const [checkpoint] = await db.select().from(auditCheckpoints).where(eq(auditCheckpoints.id, seal.checkpoint.id));
  if (!checkpoint) return fail(`附件记载的审计检查点第${String(seal.checkpoint.id)}号已不存在`);
  if (checkpoint.digest !== seal.checkpoint.digest || checkpoint.at !== seal.checkpoint.at) return fail(`审计检查点第${String(seal.checkpoint.id)}号与附件记载的摘要不符：检查点已被改写`);
  checked.push(`审计检查点第${String(seal.checkpoint.id)}号未被改动`);
  const audit = await verifyAudit(db);
  if (audit.problem) return fail(`审计记录校验失败：${audit.problem.chain} 第${String(audit.problem.seq)}条 ${audit.problem.message}`);
  checked.push(`审计记录完整：${String(audit.records)} 条记录、${String(audit.chains)} 条记录链、${String(audit.checkpoints)} 个检查点全部校验通过`);
  return { ok: true, reason: null, seal, checked };
}

/** Verifies a published report's PDF against the database. */
export async function verifyReportPdf(db: Executor, pdf: Buffer, keys?: ReportKeyStore): Promise<ReportVerification> {
  let text: string;
  try {
    text = (await readPdf(pdf)).pageTexts.join('\n');
  } catch {
    return { ok: false, reason: '无法读取该 PDF 文件', seal: null, checked: [] };
  }
  const seal = readSealLine(text);
  if (!seal) return { ok: false, reason: '文件中没有可读取的审计校验附件（不是本系统公开的年度报告，或附件已损坏）', seal: null, checked: [] };
  return verifyReportSeal(db, seal, keys);
}
