/**
 * The case shapes of the server's JSON (src/server/routes/cases.ts, documents.ts; CaseView is documented in
 * docs/CASES.md). The web talks to the server over HTTP only, so these mirror the services' types; the pure
 * domain vocabulary (states, penalty kinds, the procedural record) is imported as is. The case-actions forms
 * (src/web/staff/case-actions/) use `CaseView` from here.
 */
import type { IsoDate } from '../../../../domain/calendar/iso-date.ts';
import type { CaseAction } from '../../../../domain/cases/actions.ts';
import type { CaseState, DeadlineKind, DecisionStatus, Procedure } from '../../../../domain/cases/model.ts';
import type { PartyRecord } from '../../../../domain/cases/parties.ts';
import type { CaseRecord, OfficerOnCase } from '../../../../domain/cases/snapshot.ts';

/** One row of GET /api/cases. */
export interface CaseSummary {
  id: number;
  version: number;
  actCode: string;
  decisionNumber: string | null;
  procedure: Procedure;
  procedureLabel: string;
  state: CaseState;
  stateLabel: string;
  title: string;
  organizationName: string;
  party: { kind: string; name: string };
  registeredOn: IsoDate;
  deadlines: { kind: DeadlineKind; label: string; dueOn: IsoDate; overdue: boolean; dueSoon: boolean }[];
}

export interface DeadlineView {
  kind: DeadlineKind;
  label: string;
  article: string;
  dueOn: IsoDate;
  metAt: string | null;
  overdue: boolean;
}

export interface EvidenceView {
  id: number;
  seq: number;
  kind: string;
  act: string;
  title: string;
  fileName: string;
  mediaType: string;
  size: number;
  digest: string;
  recordedBy: number;
  collectorIds: number[];
  recordedOn: IsoDate;
  recordedAt: string;
  place: string;
  note: string | null;
}

/** GET /api/cases/:id. */
export interface CaseView {
  id: number;
  version: number;
  actCode: string;
  procedure: Procedure;
  procedureLabel: string;
  state: CaseState;
  stateLabel: string;
  organization: { id: number; name: string };
  title: string;
  facts: string;
  place: string;
  clueSource: string;
  act: { startedOn: IsoDate; endedOn: IsoDate | null };
  harmsSafety: boolean;
  discoveredOn: IsoDate;
  registeredOn: IsoDate;
  filedOn: IsoDate | null;
  lastActedOn: IsoDate;
  party: PartyRecord;
  violation: { id: number; code: string; name: string; violatedProvision: string; penaltyProvision: string; statutoryRange: string } | null;
  officers: OfficerOnCase[];
  decision: { kind: string; kindLabel: string; number: string | null; decidedOn: IsoDate; status: DecisionStatus; statusLabel: string } | null;
  record: CaseRecord;
  documents: { kind: string; number: string; issuedOn: IsoDate }[];
  deadlines: DeadlineView[];
  payment: { fineFen: number; dueOn: IsoDate | null; paidFen: number; lateFeeFen: number; owedFen: number } | null;
  publicity: { status: string; dueOn: IsoDate; publishedAt: string | null; withdrawnAt: string | null } | null;
  evidence: EvidenceView[];
  warnings: string[];
  availableActions: { action: CaseAction; label: string }[];
  timeline: { seq: number; at: string; action: string; label: string; actorId: number | null; actorName: string | null; change: unknown }[];
}

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
