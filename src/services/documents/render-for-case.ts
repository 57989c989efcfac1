/**
 * Renders a document of a recorded case: finds the case by its 行政行为码 within the actor's organization subtree
 * (NOT_FOUND outside it), takes the agency profile from the case organization's effective local case parameters,
 * maps the case onto the renderer's contract and renders with the legal calendar in force. Read-only: storing a
 * generated document with its digest is generated-documents.ts.
 */
import { and, eq, inArray, isNotNull, like, or, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import type { CaseRecord } from '../../domain/cases/snapshot.ts';
import type { Executor } from '../../db/connect.ts';
import { cases, caseSettings, organizations, users } from '../../db/schema.ts';
import { loadWorkCalendar } from '../calendar.ts';
import { findCaseIdByCode } from '../cases/case-store.ts';
import { getCaseSettings } from '../cases/case-settings.ts';
import { getCase } from '../cases/get-case.ts';
import { readCaseTrail } from '../cases/case-timeline.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../../domain/errors.ts';
import { caseViewToDocumentCase, type DocumentPeople } from './case-to-document.ts';
import { renderCaseDocument, renderCaseFile, type CaseFile, type RenderedFile } from './render.ts';

/** The type that asks for the whole bound case file instead of one document. */
export const CASE_FILE_TYPE = '案卷';

/** Users the record names by id whose name or certificate documents print (reviewers, the approving head). */
async function peopleOf(db: Executor, record: CaseRecord): Promise<DocumentPeople> {
  const ids = [...new Set([...record.legalReviews.map((r) => r.reviewerId), ...(record.filing ? [record.filing.approvedBy] : [])])];
  if (!ids.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName, certificateNo: users.certificateNo }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, { name: r.name, certificateNo: r.certificateNo }]));
}

/**
 * The case's serial in its organization's own 案件编号 sequence: cases filed in the same year by the organizations
 * numbered under the same 案件编号代字 (the nearest organization up the tree that sets `caseNumberPrefix`, and its
 * subtree), in order of filing date, then of registration. Never the database id, which counts every clue of every
 * organization. Null when the case is not filed.
 */
export async function caseSerial(db: Executor, caseId: number): Promise<number | null> {
  const [row] = await db
    .select({ filedOn: cases.filedOn, path: organizations.path })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(eq(cases.id, caseId));
  if (!row?.filedOn) return null;
  const ids = row.path.split('/').filter(Boolean).map(Number);
  const rows = await db.select({ id: caseSettings.organizationId, settings: caseSettings.settings }).from(caseSettings).where(inArray(caseSettings.organizationId, ids));
  const owner = [...ids].reverse().find((id) => (rows.find((r) => r.id === id)?.settings as { caseNumberPrefix?: string | null } | undefined)?.caseNumberPrefix) ?? ids.at(-1);
  const ownerPath = `${row.path.slice(0, row.path.indexOf(`/${String(owner)}/`))}/${String(owner)}/`;
  const year = row.filedOn.slice(0, 4);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(
      and(
        like(organizations.path, `${ownerPath}%`),
        isNotNull(cases.filedOn),
        sql`${cases.filedOn} >= ${`${year}-01-01`} and ${cases.filedOn} <= ${`${year}-12-31`}`,
        or(sql`${cases.filedOn} < ${row.filedOn}`, and(eq(cases.filedOn, row.filedOn), sql`${cases.id} <= ${caseId}`)),
      ),
    );
  return count?.n ?? null;
}

/**
 * The party's signatures drawn on the screen (record `partySignatures`), by digest, each checked against its digest
 * first: a document never prints a signature image that was altered after it was drawn.
 */
async function signatureImages(ctx: ServiceContext, record: CaseRecord): Promise<Map<string, Buffer>> {
  const images = new Map<string, Buffer>();
  const signatures = record.partySignatures ?? [];
  if (signatures.length === 0) return images;
  if (!ctx.files) throw new AppError('INTERNAL', '未配置证据文件存储，无法取得当事人签名');
  for (const signature of signatures) {
    if (!(await ctx.files.verify(signature.digest))) throw new AppError('INTERNAL', `${signature.title}的签名文件与登记的摘要不一致，可能已被篡改`);
    images.set(signature.digest, await ctx.files.get(signature.digest));
  }
  return images;
}

export async function renderDocumentForCase(
  ctx: ServiceContext,
  actor: Actor,
  input: { code: string; type: string; instance?: number; pdf?: boolean },
): Promise<{ kind: 'document'; file: RenderedFile } | { kind: 'caseFile'; file: CaseFile }> {
  // Sequential: ctx.db may be a single PGlite connection.
  const id = await findCaseIdByCode(ctx.db, actor, input.code);
  const view = { ...(await getCase(ctx, actor, id, ctx.clock())), timeline: await readCaseTrail(ctx, actor, id) };
  const { effective } = await getCaseSettings(ctx, actor, view.organization.id);
  const people = await peopleOf(ctx.db, view.record);
  const calendar = await loadWorkCalendar(ctx.db);
  const documentCase = caseViewToDocumentCase(view, effective, people, (await caseSerial(ctx.db, id)) ?? undefined);
  const images = await signatureImages(ctx, view.record);
  const options = { calendar, images, ...(input.pdf === undefined ? {} : { pdf: input.pdf }), ...(input.instance === undefined ? {} : { instance: input.instance }) };
  if (input.type.trim() === CASE_FILE_TYPE) return { kind: 'caseFile', file: await renderCaseFile(documentCase, options) };
  return { kind: 'document', file: await renderCaseDocument(documentCase, input.type, options) };
}
