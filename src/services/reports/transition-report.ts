/**
 * A step of the annual report's workflow (domain/reports/workflow.ts) through the step runner
 * (services/kernel/run-step.ts): 送审, 法制审核, 审定, 公开, 报送, 退回修改. Publishing freezes the report (docs/REPORTS.md):
 * an audit checkpoint is made first, so it vouches for every record up to this moment; the report's content digest,
 * that checkpoint and the unit form the appendix (附件：审计校验), signed with the bureau's SM2 key; the .docx is rendered
 * with it and stored in the file store under its SM3 digest. No PDF is rendered here: LibreOffice would hold the
 * step's transaction for seconds; the PDF is rendered from the frozen .docx on its first download (./report-pdf.ts).
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { canonicalJson } from '../../domain/audit/digest.ts';
import { chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { AppError } from '../../domain/errors.ts';
import type { GuardContext } from '../../domain/workflow/kernel.ts';
import type { ReportDraft } from '../../domain/reports/model.ts';
import { reportPolicy } from '../../domain/reports/policy.ts';
import { type ReportSeal, reportStepBody, type ReportView, type SignedReportSeal } from '../../domain/reports/views.ts';
import { isReportLate, type ReportSnapshot, type ReportState, type ReportStepInput, reportWorkflow } from '../../domain/reports/workflow.ts';
import { assertMay } from '../../domain/policy.ts';
import { later } from '../../db/later.ts';
import { auditCheckpoints, reportDrafts } from '../../db/schema.ts';
import { checkpointAudit } from '../checkpoint-audit.ts';
import type { ServiceContext } from '../context.ts';
import { getOrganization, type Organization } from '../organizations.ts';
import { parseInput } from '../parse-input.ts';
import { runStep, type StepBase, type StepDefinition } from '../kernel/run-step.ts';
import { loadReport, type ReportRow, reportViewOf } from './reports.ts';
import { renderReportDocx, reportContentDigest } from './render-report.ts';
import { ensureSigningKey } from './signing-key.ts';
import { sm2Sign, type Sm2KeyPair } from './sm2.ts';

type Loaded = ReportRow & { org: Organization };
type Step = StepBase<Loaded, ReportSnapshot, GuardContext> & { set: Partial<typeof reportDrafts.$inferInsert>; details: Record<string, unknown> };

/** The signed appendix of `seal` (the signature covers the canonical JSON of the seal without it). */
export const signSeal = (seal: ReportSeal, keys: Sm2KeyPair): SignedReportSeal => ({ ...seal, signature: sm2Sign(Buffer.from(canonicalJson(seal), 'utf8'), keys), publicKey: keys.publicKey });

function stepDefinition(ctx: ServiceContext, keys: Sm2KeyPair | null): StepDefinition<Loaded, ReportSnapshot, ReportStepInput, ReportState, GuardContext, { snapshot: ReportSnapshot; g: GuardContext }, Step, ReportView> {
  return {
    workflow: reportWorkflow,
    subjectType: 'report',
    auditAction: 'report.transition',
    conflictMessage: '报告已被他人更新，请刷新后重试',
    load: async (tx, actor, id) => {
      const [row] = await tx.select().from(reportDrafts).where(eq(reportDrafts.id, id));
      if (!row) throw new AppError('NOT_FOUND', '未找到该报告');
      const org = await getOrganization({ db: tx }, actor, row.organizationId);
      return { ...row, org };
    },
    claim: async (tx, id, expected) => {
      // Only while the version is still the one loaded: a second step of the same version, committed meanwhile by
      // another connection, leaves nothing to claim (the load takes no lock).
      const [claimed] = await tx
        .update(reportDrafts)
        .set({ version: expected + 1 })
        .where(and(eq(reportDrafts.id, id), eq(reportDrafts.version, expected)))
        .returning({ version: reportDrafts.version });
      if (!claimed) throw new AppError('CONFLICT', '报告已被他人更新，请刷新后重试');
    },
    prepare: (_tx, actor, row) => {
      const today = chinaDateOf(ctx.clock());
      return Promise.resolve({
        snapshot: { id: row.id, state: row.state as ReportState, year: row.year, authorId: row.authorId, lastActedOn: row.lastActedOn },
        g: { actDate: today, today, actor },
      });
    },
    begin: (base) => ({ ...base, set: {}, details: {} }),
    effect: async (step, request) => {
      const { subject: row, g, tx, now } = step;
      step.set.lastActedOn = g.actDate;
      switch (request.action) {
        case 'submitForReview':
          step.set.authorId = step.actor.userId;
          step.set.returnReason = null;
          return;
        case 'return':
          step.set.returnReason = request.reason.trim();
          step.details.reason = request.reason.trim();
          return;
        case 'publish': {
          if (!keys) throw new AppError('INTERNAL', '未配置年度报告签名密钥');
          const files = ctx.files;
          if (!files) throw new AppError('INTERNAL', '未配置文件存储，无法保存公开的报告');
          const [checkpoint] = await tx.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
          if (!checkpoint) throw new AppError('INTERNAL', '尚无审计检查点，无法公开报告');
          const draft = row.draft as ReportDraft;
          const contentDigest = reportContentDigest(row.organizationId, draft);
          const seal = signSeal(
            { v: 1, kind: 'fazhi-annual-report', organizationId: row.organizationId, unitName: draft.unitName, year: row.year, publishedAt: now.toISOString(), contentDigest, checkpoint: { id: checkpoint.id, at: checkpoint.at, digest: checkpoint.digest } },
            keys,
          );
          const docx = await renderReportDocx(draft, { date: g.actDate, seal });
          const storedDocx = await files.put(docx);
          const late = isReportLate(row.year, g.actDate);
          Object.assign(step.set, {
            publishedAt: now,
            late,
            docxDigest: storedDocx.digest,
            docxSize: storedDocx.size,
            pdfDigest: null,
            pdfSize: null,
            contentDigest,
            seal,
          });
          Object.assign(step.details, { late, contentDigest, docxDigest: storedDocx.digest, checkpointId: checkpoint.id, checkpointDigest: checkpoint.digest, signature: seal.signature });
          return;
        }
        case 'passReview':
        case 'approve':
        case 'submit':
          return;
      }
    },
    write: (step, next) => later(step.tx, step.tx.update(reportDrafts).set({ ...step.set, state: next }).where(eq(reportDrafts.id, step.subject.id))),
    auditDetails: (step) => step.details,
    view: async (tx, actor, id, now) => {
      const [row] = await tx.select().from(reportDrafts).where(eq(reportDrafts.id, id));
      const org = await getOrganization({ db: tx }, actor, row!.organizationId);
      return reportViewOf(row!, org, actor, now);
    },
  };
}

/** `POST /api/organizations/:id/reports/:year/steps`: one step of the unit's own report. */
export async function transitionReport(ctx: ServiceContext, actor: Actor, organizationId: number, year: number, raw: unknown): Promise<ReportView> {
  assertMay(actor, reportPolicy.editReport);
  const input = parseInput(reportStepBody, raw);
  const { org, row } = await loadReport(ctx.db, actor, organizationId, year);
  assertMay(actor, reportPolicy.editReport, { organizationId: org.id, actorOrganizationId: actor.organizationId });
  let keys: Sm2KeyPair | null = null;
  if (input.action === 'publish' && row.state === 'approved') {
    keys = await ensureSigningKey(ctx);
    // A checkpoint now, so the appendix vouches for every audit record up to the publication.
    await checkpointAudit(ctx);
  }
  return runStep(ctx, actor, stepDefinition(ctx, keys), row.id, input);
}
