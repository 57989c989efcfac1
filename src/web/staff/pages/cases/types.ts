/**
 * The case shapes of the server's JSON (src/server/routes/cases.ts, documents.ts; CaseView is documented in
 * docs/CASES.md). The list and case read shapes are the domain's own (src/domain/cases/views.ts, shared with the
 * services); the document shapes below mirror the services' types. The case-actions forms
 * (src/web/staff/case-actions/) use `CaseView` from here.
 */

export type { CaseSummary, CaseView, DeadlineView, EvidenceView } from '../../../../domain/cases/views.ts';

/** GET /api/cases/:id/evidence/verify. */
export interface EvidenceCheck {
  intact: boolean;
  items: { seq: number; title: string; digest: string; intact: boolean }[];
}

/** GET /api/document-types. */
export interface DocumentType {
  id: string;
  name: string;
  stage: string;
  basis: string;
}

/** GET /api/cases/:id/documents and the answer of POST. */
export interface GeneratedDocument {
  id: number;
  caseId: number;
  title: string;
  number: string | null;
  format: 'docx' | 'pdf';
  fileName: string;
  digest: string;
  size: number;
  pages: number | null;
  generatedBy: number;
  generatedAt: string;
}
