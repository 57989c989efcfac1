/**
 * Renders a document of a recorded case: finds the case by its 行政行为码 within the actor's organization subtree
 * (NOT_FOUND outside it), maps it onto the renderer's contract and renders with the legal calendar in force.
 * Read-only: nothing is stored (storing generated documents with their digest is the case engine's next step).
 */
import type { Actor } from '../../domain/access.ts';
import { loadWorkCalendar } from '../calendar.ts';
import { findCaseIdByCode } from '../cases/case-store.ts';
import { getCase } from '../cases/get-case.ts';
import type { ServiceContext } from '../context.ts';
import { caseViewToDocumentCase, type AgencyProfile } from './case-to-document.ts';
import { renderCaseDocument, renderCaseFile, type CaseFile, type RenderedFile } from './render.ts';

/** The type that asks for the whole bound case file instead of one document. */
export const CASE_FILE_TYPE = '案卷';

export async function renderDocumentForCase(
  ctx: ServiceContext,
  actor: Actor,
  input: { code: string; type: string; instance?: number; pdf?: boolean; profile?: Partial<AgencyProfile> },
): Promise<{ kind: 'document'; file: RenderedFile } | { kind: 'caseFile'; file: CaseFile }> {
  // Sequential: ctx.db may be a single PGlite connection.
  const id = await findCaseIdByCode(ctx.db, actor, input.code);
  const view = await getCase(ctx, actor, id, ctx.clock());
  const calendar = await loadWorkCalendar(ctx.db);
  const documentCase = caseViewToDocumentCase(view, input.profile ?? {});
  const options = { calendar, ...(input.pdf === undefined ? {} : { pdf: input.pdf }), ...(input.instance === undefined ? {} : { instance: input.instance }) };
  if (input.type.trim() === CASE_FILE_TYPE) return { kind: 'caseFile', file: await renderCaseFile(documentCase, options) };
  return { kind: 'document', file: await renderCaseDocument(documentCase, input.type, options) };
}
