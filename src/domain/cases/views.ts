/**
 * The read shapes of cases as the server sends them (GET /api/cases, GET /api/cases/:id, the power list, case
 * settings, evidence, publicity and the public portal's decisions; documented in docs/CASES.md). Each is a zod
 * schema: the route's `response:` (so OpenAPI is exact and answers are checked), its TypeScript type `z.infer`'d for
 * the services that build it and the web app that reads it — one definition for all three.
 */
import { z } from 'zod';
import { identityDocumentTypeKeys } from '../validators/identity-documents.ts';
import { roleKeys } from '../access.ts';
import { isoDay, keyOf, rejection } from '../view-kit.ts';
import { caseActionLabels } from './actions.ts';
import { caseStates, deadlineKinds, decisionStatuses, procedures } from './model.ts';
import { correctionFieldKeys, opinionForms } from './record-inputs.ts';
import { caseSettingsPatch, caseSettingsSchema } from './settings.ts';
import type { CaseRecord } from './snapshot.ts';

const procedure = keyOf(procedures);
const caseState = keyOf(caseStates);
const deadlineKind = keyOf(deadlineKinds);
const decisionStatus = keyOf(decisionStatuses);
const caseAction = keyOf(caseActionLabels);
const partyKind = z.enum(['person', 'organization']);
/** A case's party as staff see it: 'unknown' on a clue registered before the party was identified. */
const casePartyKind = z.enum(['person', 'organization', 'unknown']);

/** An open deadline as the lists mark it; `dueSoon`: within the next three working days (not yet overdue). */
export const deadlineMark = z.object({ kind: deadlineKind, label: z.string(), dueOn: isoDay, overdue: z.boolean(), dueSoon: z.boolean() });
export type DeadlineMark = z.infer<typeof deadlineMark>;

/** One row of the case list. */
export const caseSummary = z.object({
  id: z.number(),
  version: z.number(),
  actCode: z.string(),
  decisionNumber: z.string().nullable(),
  procedure,
  procedureLabel: z.string(),
  state: caseState,
  stateLabel: z.string(),
  title: z.string(),
  organizationName: z.string(),
  /** Staff view: the party's full name. */
  party: z.object({ kind: z.string(), name: z.string() }),
  registeredOn: isoDay,
  /** Open deadlines, earliest first. */
  deadlines: z.array(deadlineMark),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const deadlineView = z.object({
  kind: deadlineKind,
  label: z.string(),
  article: z.string(),
  dueOn: isoDay,
  /** The date of the act that met it (not the day it was entered). */
  metOn: isoDay.nullable(),
  /** When that act was recorded. */
  metAt: z.string().nullable(),
  overdue: z.boolean(),
  /** Met by an act after the due date (flagged for supervision), and the reason the step gave. */
  metLate: z.boolean(),
  lateReason: z.string().nullable(),
  /**
   * An open deadline counted over a year whose holiday arrangement is not yet entered (only the statutory holidays
   * were known): "待国务院公布2027年放假安排后复核". Counted again when the year is entered.
   */
  provisional: z.string().nullable(),
});
export type DeadlineView = z.infer<typeof deadlineView>;

export const evidenceView = z.object({
  id: z.number(),
  seq: z.number(),
  kind: z.string(),
  act: z.string(),
  title: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  digest: z.string(),
  recordedBy: z.number(),
  collectorIds: z.array(z.number()),
  recordedOn: isoDay,
  recordedAt: z.string(),
  place: z.string(),
  note: z.string().nullable(),
});
export type EvidenceView = z.infer<typeof evidenceView>;

/** POST /api/cases/:id/evidence (201): the item, its case, and the case's new version. */
export const evidenceAdded = evidenceView.extend({ caseId: z.number(), version: z.number() });
export type EvidenceAdded = z.infer<typeof evidenceAdded>;

/** The party as staff see it (ID number and phone included). */
export const partyView = z.object({
  kind: casePartyKind,
  name: z.string(),
  idNumber: z.string().nullable(),
  /** The identity document of `idNumber` (null: the 居民身份证) and the nationality recorded with it. */
  idType: z.enum(identityDocumentTypeKeys).nullable(),
  nationality: z.string().nullable(),
  creditCode: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  birthDate: isoDay.nullable(),
  identityKey: z.string(),
});

export const officerOnCase = z.object({
  userId: z.number(),
  displayName: z.string(),
  certificateNo: z.string().nullable(),
  certificateValidUntil: isoDay.nullable(),
  /** Recusal granted (《行政处罚法》第四十三条): may no longer act on the case. */
  recused: z.boolean(),
});

/**
 * The procedural record (notice, statement, hearing, reviews, decision, payments …), documented field by field in
 * docs/CASES.md. Its TypeScript shape (`CaseRecord`, snapshot.ts) is what the workflow reads; it is sent as is.
 */
const caseRecord = z.custom<CaseRecord>().meta({ type: 'object', description: '案件程序记录（立案、告知、陈述申辩、听证、审核、决定、缴款等，见 docs/CASES.md）' });

/** What the public sees of a decision. No ID number, no phone, a natural person's surname only. */
export const publicDecisionContent = z.object({
  actCode: z.string(),
  organizationName: z.string(),
  decisionNumber: z.string().nullable(),
  decidedOn: isoDay,
  procedure: z.string(),
  party: z.object({ kind: partyKind, name: z.string(), creditCode: z.string().nullable(), legalRepresentative: z.string().nullable() }),
  title: z.string(),
  facts: z.string(),
  place: z.string().nullable(),
  violation: z.string().nullable(),
  basis: z.string().nullable(),
  penalty: z.string().nullable(),
  status: decisionStatus,
  statusLabel: z.string(),
});
export type PublicDecisionContent = z.infer<typeof publicDecisionContent>;

export const caseView = z.object({
  id: z.number(),
  version: z.number(),
  actCode: z.string(),
  procedure,
  procedureLabel: z.string(),
  state: caseState,
  stateLabel: z.string(),
  organization: z.object({ id: z.number(), name: z.string() }),
  title: z.string(),
  facts: z.string(),
  place: z.string(),
  clueSource: z.string(),
  act: z.object({ startedOn: isoDay, endedOn: isoDay.nullable() }),
  harmsSafety: z.boolean(),
  discoveredOn: isoDay,
  registeredOn: isoDay,
  filedOn: isoDay.nullable(),
  lastActedOn: isoDay,
  party: partyView,
  violation: z
    .object({ id: z.number(), code: z.string(), name: z.string(), violatedProvision: z.string(), penaltyProvision: z.string(), statutoryRange: z.string() })
    .nullable(),
  officers: z.array(officerOnCase),
  decision: z
    .object({ kind: z.string(), kindLabel: z.string(), number: z.string().nullable(), decidedOn: isoDay, status: decisionStatus, statusLabel: z.string() })
    .nullable(),
  record: caseRecord,
  documents: z.array(z.object({ kind: z.string(), number: z.string(), issuedOn: isoDay })),
  deadlines: z.array(deadlineView),
  payment: z.object({ fineFen: z.number(), dueOn: isoDay.nullable(), paidFen: z.number(), lateFeeFen: z.number(), owedFen: z.number() }).nullable(),
  /** `expiresOn`: the day a record about a natural person comes down from the portal (null: it stays). */
  publicity: z
    .object({
      status: z.string(),
      dueOn: isoDay,
      publishedAt: z.string().nullable(),
      withdrawnAt: z.string().nullable(),
      expiresOn: isoDay.nullable(),
      /** The record as the portal shows it, masked (《行政处罚法》第四十八条; 国办发〔2018〕118号). */
      preview: publicDecisionContent,
    })
    .nullable(),
  evidence: z.array(evidenceView),
  /** Things the officer must keep in mind (e.g. 未成年人应当从轻或者减轻). */
  warnings: z.array(z.string()),
  /**
   * The approval form the case is at (立案审批表, 结案审批表) with each place signed or not; `mine`: the viewer may sign
   * it now, in their own name (`signOpinion`) — the case page shows it as 待我签署.
   */
  approval: z
    .object({
      form: z.enum(opinionForms),
      formLabel: z.string(),
      basis: z.string(),
      places: z.array(
        z.object({
          role: z.enum(['undertaker', 'unit', 'reviewer', 'head']),
          roleLabel: z.string(),
          signed: z.object({ text: z.string(), by: z.object({ id: z.number(), name: z.string() }), on: isoDay }).nullable(),
          mine: z.boolean(),
        }),
      ),
    })
    .nullable(),
  /** Actions whose state and role allow them now and whose guards pass today (step-readiness.ts; all are checked again when taken). */
  availableActions: z.array(z.object({ action: caseAction, label: z.string() })),
  /** Steps the state and role allow but whose guards refuse today: why, and when they become possible. Not offered. */
  notYet: z.array(z.object({ action: caseAction, label: z.string(), reason: z.string(), article: z.string().nullable() })),
  /** Record items whose clerical data may be corrected (`correctRecord`, corrections.ts), tied to their timeline entries. */
  corrections: z.array(
    z.object({
      target: z.string(),
      title: z.string(),
      step: caseAction,
      occurrence: z.number(),
      fields: z.array(
        z.object({
          field: z.enum(correctionFieldKeys),
          label: z.string(),
          input: z.enum(['time', 'date', 'text', 'serviceMethod']),
          current: z.string(),
          basis: z.string(),
          reason: z.string(),
          recomputes: z.string().nullable(),
          locked: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export type CaseView = z.infer<typeof caseView>;

/**
 * One record of a case's audit trail as its timeline shows it. `occurrence`: for a step (`case.transition`), which of
 * the trail's entries of that same step it is (0 = the first, counted over the whole trail, not the page) — how a
 * record item (`corrections`, the party's signatures: the n-th item a step recorded) finds its entry on any page.
 */
export const caseTimelineEntry = z.object({
  seq: z.number(),
  at: z.string(),
  action: z.string(),
  label: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  change: z.unknown(),
  occurrence: z.number().nullable(),
});
export type CaseTimelineEntry = z.infer<typeof caseTimelineEntry>;

/**
 * GET /api/cases/:id/timeline: a page of the case's trail, newest first. `nextCursor`: the `before` of the next
 * (older) page, null on the last; `total`: the records of the whole trail.
 */
export const caseTimelinePage = z.object({ items: z.array(caseTimelineEntry), nextCursor: z.number().nullable(), total: z.number() });
export type CaseTimelinePage = z.infer<typeof caseTimelinePage>;

/** GET /api/cases/:id/people: who the case's forms may name. */
export const casePerson = z.object({
  id: z.number(),
  displayName: z.string(),
  roles: z.array(z.enum(roleKeys)),
  organizationId: z.number(),
  organizationName: z.string(),
  certificateNo: z.string().nullable(),
  certificateValidUntil: isoDay.nullable(),
  active: z.boolean(),
  /** Named as an officer of this case. */
  onCase: z.boolean(),
});
export type CasePerson = z.infer<typeof casePerson>;

/** GET /api/cases/:id/evidence/verify: every file re-hashed (SM3) against the digest recorded with it. */
export const evidenceCheck = z.object({
  intact: z.boolean(),
  items: z.array(z.object({ seq: z.number(), title: z.string(), digest: z.string(), intact: z.boolean() })),
});
export type EvidenceCheck = z.infer<typeof evidenceCheck>;

/** POST /api/cases/:id/publicity/publish. */
export const publication = z.object({ status: z.string(), publishedAt: z.string(), expiresOn: isoDay.nullable() });
export type Publication = z.infer<typeof publication>;

/** GET /api/organizations/:id/case-settings: the values in force, and what this organization sets itself. */
export const caseSettingsAnswer = z.object({ effective: caseSettingsSchema, own: caseSettingsPatch });
export type CaseSettingsAnswer = z.infer<typeof caseSettingsAnswer>;

/** A power-list (权责清单) item as stored. */
export const powerItem = z.object({
  id: z.number(),
  organizationId: z.number(),
  code: z.string(),
  name: z.string(),
  violatedProvision: z.string(),
  penaltyProvision: z.string(),
  statutoryRange: z.string(),
  category: z.string(),
  delegatedFromId: z.number().nullable(),
  active: z.boolean(),
});
export type PowerItem = z.infer<typeof powerItem>;

/** GET /api/organizations/:id/power-items: an item with where it comes from and whether cases use it. */
export const powerListEntry = powerItem.extend({
  /** Set by an organization above the one asked about (bureau items apply to its brigades). */
  inherited: z.boolean(),
  organizationName: z.string(),
  delegatedFromName: z.string().nullable(),
  /** Cases registered under this item; an item in use keeps its wording. */
  caseCount: z.number(),
});
export type PowerListEntry = z.infer<typeof powerListEntry>;

/** POST /api/power-items/import (201). */
export const powerListImport = z.object({
  organizationId: z.number(),
  fileName: z.string(),
  /** Data rows in the file (header and blank rows not counted). */
  rows: z.number(),
  imported: z.array(z.object({ id: z.number(), code: z.string() })),
  rejected: z.array(rejection),
});
export type PowerListImport = z.infer<typeof powerListImport>;


/** GET /api/public/decisions/:id, and the items of GET /api/public/decisions. */
export const publicDecision = publicDecisionContent.extend({ id: z.number(), publishedAt: z.string() });
export type PublicDecision = z.infer<typeof publicDecision>;

export const publicDecisionPage = z.object({ total: z.number(), items: z.array(publicDecision) });
export type PublicDecisionPage = z.infer<typeof publicDecisionPage>;

/** GET /api/public/acts/:code: whether a document's 行政行为码 is genuine and the act still in force. */
export const actVerification = z.object({
  actCode: z.string(),
  genuine: z.literal(true),
  organizationName: z.string(),
  title: z.string(),
  violation: z.string().nullable(),
  party: z.object({ kind: partyKind, name: z.string() }),
  procedure: z.string(),
  stage: z.string(),
  decision: z.object({ kind: z.string(), number: z.string().nullable(), decidedOn: isoDay, status: decisionStatus, statusLabel: z.string() }).nullable(),
  /** True while a decision is in force; false when none was made yet, or it was revoked or changed. */
  inForce: z.boolean(),
  note: z.string(),
});
export type ActVerification = z.infer<typeof actVerification>;
