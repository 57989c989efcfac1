/**
 * Renders a document of a recorded case: finds the case by its 行政行为码 within the actor's organization subtree
 * (NOT_FOUND outside it), takes the agency profile from the case organization's effective local case parameters,
 * maps the case onto the renderer's contract and renders with the legal calendar in force. Read-only: storing a
 * generated document with its digest is generated-documents.ts.
 */
import { inArray } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import type { CaseRecord } from '../../domain/cases/snapshot.ts';
import type { Executor } from '../../db/connect.ts';
import { users } from '../../db/schema.ts';
import { loadWorkCalendar } from '../calendar.ts';
import { findCaseIdByCode } from '../cases/case-store.ts';
import { getCaseSettings } from '../cases/case-settings.ts';
import { getCase } from '../cases/get-case.ts';
import type { ServiceContext } from '../context.ts';
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

export async function renderDocumentForCase(
  ctx: ServiceContext,
  actor: Actor,
  input: { code: string; type: string; instance?: number; pdf?: boolean },
): Promise<{ kind: 'document'; file: RenderedFile } | { kind: 'caseFile'; file: CaseFile }> {
  // Sequential: ctx.db may be a single PGlite connection.
  const id = await findCaseIdByCode(ctx.db, actor, input.code);
  const view = await getCase(ctx, actor, id, ctx.clock());
  const { effective } = await getCaseSettings(ctx, actor, view.organization.id);
  const people = await peopleOf(ctx.db, view.record);
  const calendar = await loadWorkCalendar(ctx.db);
  const documentCase = caseViewToDocumentCase(view, effective, people);
  const options = { calendar, ...(input.pdf === undefined ? {} : { pdf: input.pdf }), ...(input.instance === undefined ? {} : { instance: input.instance }) };
  if (input.type.trim() === CASE_FILE_TYPE) return { kind: 'caseFile', file: await renderCaseFile(documentCase, options) };
  return { kind: 'document', file: await renderCaseDocument(documentCase, input.type, options) };
}
