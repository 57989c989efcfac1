/**
 * The read shapes of a case as the server sends them (GET /api/cases, GET /api/cases/:id; documented in
 * docs/CASES.md). Pure data: the services build them, the web app reads them — one definition for both.
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import type { CaseAction } from './actions.ts';
import type { CaseState, DeadlineKind, DecisionStatus, Procedure } from './model.ts';
import type { PartyRecord } from './parties.ts';
import type { CaseRecord, OfficerOnCase } from './snapshot.ts';

/** One row of the case list. */
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
  /** Staff view: the party's full name. */
  party: { kind: string; name: string };
  registeredOn: IsoDate;
  /** Open deadlines, earliest first; `dueSoon`: within the next three working days (not yet overdue). */
  deadlines: { kind: DeadlineKind; label: string; dueOn: IsoDate; overdue: boolean; dueSoon: boolean }[];
}

export interface DeadlineView {
  kind: DeadlineKind;
  label: string;
  article: string;
  dueOn: IsoDate;
  /** The date the deadline was met: the date of the act that met it (not the day it was entered). */
  metOn: IsoDate | null;
  /** When that was recorded. */
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
  decision: {
    kind: string;
    kindLabel: string;
    number: string | null;
    decidedOn: IsoDate;
    status: DecisionStatus;
    statusLabel: string;
  } | null;
  /** The full procedural record (notice, statement, hearing, reviews, decision, payments …). */
  record: CaseRecord;
  documents: { kind: string; number: string; issuedOn: IsoDate }[];
  deadlines: DeadlineView[];
  payment: { fineFen: number; dueOn: IsoDate | null; paidFen: number; lateFeeFen: number; owedFen: number } | null;
  /** `expiresOn`: the day a record about a natural person comes down from the portal (null: it stays). */
  publicity: { status: string; dueOn: IsoDate; publishedAt: string | null; withdrawnAt: string | null; expiresOn: IsoDate | null } | null;
  evidence: EvidenceView[];
  /** Things the officer must keep in mind (e.g. 未成年人应当从轻或者减轻). */
  warnings: string[];
  /** Actions whose state and role allow them now (guards are checked when taken). */
  availableActions: { action: CaseAction; label: string }[];
  timeline: { seq: number; at: string; action: string; label: string; actorId: number | null; actorName: string | null; change: unknown }[];
}
