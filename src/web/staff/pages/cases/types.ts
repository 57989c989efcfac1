/**
 * The case shapes of the server's JSON (src/server/routes/cases.ts, documents.ts; CaseView is documented in
 * docs/CASES.md), as the domain defines them (src/domain/cases/views.ts, src/domain/documents/views.ts — the
 * routes' response schemas). The case-actions forms (src/web/staff/case-actions/) use `CaseView` from here.
 */

export type { CaseSummary, CaseTimelineEntry, CaseTimelinePage, CaseView, DeadlineView, EvidenceCheck, EvidenceView } from '../../../../domain/cases/views.ts';
export type { DocumentType, GeneratedDocumentJson as GeneratedDocument } from '../../../../domain/documents/views.ts';
