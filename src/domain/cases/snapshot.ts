/**
 * What the rules see of a case: plain data the service loads in the transaction, so every guard is a pure
 * function of (snapshot, input, context) and can be tested exactly.
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { Guard, GuardContext as KernelGuardContext } from '../workflow/kernel.ts';
import type { CaseActionInput } from './actions.ts';
import type { OnSpotCollection } from './cash-inputs.ts';
import type { ReviewChecklist } from './legal-review.ts';
import type { ArchiveDetails, ClosingDetails, DiscussionDetails, DocumentRecords, FilingDetails, FormOpinion, HearingDetails, TransferDetails } from './document-records.ts';
import type { ActPeriod, CasePartyKind, CaseState, DecisionKind, DecisionStatus, NoPenaltyGround, Penalty, Procedure } from './model.ts';
import type { CaseSettings } from './settings.ts';
import type { StatementEntry } from './statements.ts';
import type { CaseFactsInput } from '../discretion/case-penalty.ts';

export interface OfficerOnCase {
  userId: number;
  displayName: string;
  certificateNo: string | null;
  certificateValidUntil: IsoDate | null;
  /** Recusal granted (《行政处罚法》第四十三条): may no longer act on the case. */
  recused: boolean;
}

export interface Proposal {
  kind: DecisionKind;
  penalty: Penalty | null;
  ground: NoPenaltyGround | null;
  education: string | null;
  transferReason: string | null;
  /** Added with the enforcement documents; absent on older records. */
  transferReceiver?: string | null;
  reasoning?: string | null;
}

export interface CaseFlags {
  complex: boolean;
  majorPublicInterest: boolean;
  socialImpact: boolean;
}

/**
 * The procedural record of a case (stored as JSON on the case row; every change is also in the audit chain). What
 * the enforcement documents print besides the procedure (records, service, opinions) is in document-records.ts.
 */
export interface CaseRecord extends DocumentRecords {
  filing: ({ on: IsoDate; opinion: string; approvedBy: number } & FilingDetails) | null;
  /** `number`: the 不予立案告知书's (absent on older records). */
  decline: { on: IsoDate; reason: string; number?: string } | null;
  investigation: { startedOn: IsoDate | null; closedOn: IsoDate | null; findings: string | null; discretionReason?: string | null };
  proposal: Proposal | null;
  /**
   * The facts the law and the discretion benchmark grade by (《行政处罚法》第三十条至第三十四条), as last entered with
   * the proposal or a revision; absent on older records (a benchmark case then has them in case_discretion).
   */
  discretionFacts?: CaseFactsInput | null;
  flags: CaseFlags;
  /** Reviews recorded before the checklist existed have none. */
  legalReviews: { on: IsoDate; reviewerId: number; reviewerName: string; passed: boolean; opinion: string; checklist?: ReviewChecklist }[];
  collectiveDiscussion: ({ on: IsoDate; participants: string[]; conclusion: string } & DiscussionDetails) | null;
  notice: {
    servedOn: IsoDate;
    number: string;
    penalty: Penalty;
    hearingOffered: boolean;
    statementEndsOn: IsoDate;
    hearingRequestEndsOn: IsoDate | null;
  } | null;
  /**
   * Every statement (陈述申辩) or waiver recorded, in order, each with its own 复核 reply (statements.ts). Migration
   * 0009 moved the single `statement` of older records into this list.
   */
  statements: StatementEntry[];
  penaltyRevisions: { on: IsoDate; from: Penalty; to: Penalty; reason: string }[];
  hearing: ({
    requestedOn: IsoDate;
    hearingOn: IsoDate | null;
    noticeServedOn: IsoDate | null;
    noticeNumber: string | null;
    presiderId: number | null;
    presiderName: string | null;
    place: string | null;
    heldOn: IsoDate | null;
    record: string | null;
  } & HearingDetails) | null;
  decision: {
    kind: DecisionKind;
    on: IsoDate;
    number: string | null;
    penalty: Penalty | null;
    ground: NoPenaltyGround | null;
    education: string | null;
    transferReason: string | null;
    status: DecisionStatus;
    /**
     * Revoked or changed (《行政复议法》第六十三条、第六十四条; the agency's own correction, 《行政处罚法》第七十五条第二款).
     * `fineFen`: the fine the changed decision imposes (absent on revocation and on records made before it existed).
     */
    statusChange: { on: IsoDate; reason: string; fineFen?: number | null } | null;
  } | null;
  /**
   * Service of the decision. `effectiveOn`: the day it counts as served — for 公告送达 thirty days after publication
   * (《民事诉讼法》第九十五条), else the day itself; the payment period runs from it. Absent on older records (= `on`).
   */
  service: { on: IsoDate; method: string; effectiveOn?: IsoDate; announcementReason?: string } | null;
  /** `onSpot`: taken in cash by the officers (《行政处罚法》第六十八条至第七十一条). */
  payments: { on: IsoDate; amountFen: number; receiptNo: string; onSpot?: OnSpotCollection }[];
  /** Deferral or instalments approved under 《行政处罚法》第六十六条. */
  instalments: { dueOn: IsoDate; amountFen: number }[] | null;
  /** The 延期（分期）缴纳罚款决定书 of the approval: its number (absent on older records). */
  deferralDecision?: { on: IsoDate; number: string } | null;
  courtEnforcement: { on: IsoDate; court: string } | null;
  recusals: { officerId: number; requestedOn: IsoDate; reason: string; decidedOn: IsoDate | null; granted: boolean | null }[];
  /** Approved extensions: of the decision period (第六十条), or — `of: 'filing'` — of a clue's filing period. */
  extensions: { on: IsoDate; from: IsoDate; to: IsoDate; reason: string; approvedBy: number; of?: 'filing' }[];
  /** `approval`: the index in `opinions` of the head's approval it used (absent on older records). */
  preservations: {
    on: IsoDate;
    items: string;
    approvedById: number;
    approval?: number;
    decidedOn: IsoDate | null;
    outcome: string | null;
    /** Numbers of the 先行登记保存证据通知书 and of the 处理决定书 (absent on older records). */
    number?: string;
    decisionNumber?: string;
  }[];
  /** Opinions on the approval forms, each signed by its author (absent on older records). */
  opinions?: FormOpinion[];
  sideExit: ({ action: string; on: IsoDate; reason: string; target?: string; receiver?: string } & TransferDetails) | null;
  closing: ({ on: IsoDate; summary: string } & ClosingDetails) | null;
  archive: ({ on: IsoDate; archiveNo: string } & ArchiveDetails) | null;
}

export const emptyCaseRecord = (): CaseRecord => ({
  filing: null,
  decline: null,
  investigation: { startedOn: null, closedOn: null, findings: null },
  proposal: null,
  flags: { complex: false, majorPublicInterest: false, socialImpact: false },
  legalReviews: [],
  collectiveDiscussion: null,
  notice: null,
  statements: [],
  penaltyRevisions: [],
  hearing: null,
  decision: null,
  service: null,
  payments: [],
  instalments: null,
  courtEnforcement: null,
  recusals: [],
  extensions: [],
  preservations: [],
  opinions: [],
  sideExit: null,
  closing: null,
  archive: null,
});

export interface CaseSnapshot {
  procedure: Procedure;
  state: CaseState;
  stateBeforeSuspension: CaseState | null;
  /** Date of the latest recorded act: a new act may not be dated before it. */
  lastActedOn: IsoDate;
  registeredOn: IsoDate;
  /** `unknown`: a clue whose party is not yet identified (filing needs it, guard `partyIdentified`). */
  party: { kind: CasePartyKind; birthDate: IsoDate | null; identityKey: string };
  act: ActPeriod;
  /** 涉及公民生命健康安全、金融安全且有危害后果 (Art. 36: 5-year limitation). */
  harmsSafety: boolean;
  discoveredOn: IsoDate;
  /** The violation is on the organization's power list (权责清单), own or delegated. */
  powerItem: { id: number; name: string; onList: boolean } | null;
  officers: OfficerOnCase[];
  record: CaseRecord;
  /** Payment due date when a fine is due (Art. 67), after deferral (Art. 66). */
  paymentDueOn: IsoDate | null;
  /** Other in-force fines of the same party for the same violation (Art. 29), loaded by the service. */
  priorFines: { caseId: number; act: ActPeriod; decisionNumber: string | null }[];
  /**
   * Who actually acted as an investigator on this case — took a step reserved to the case's officers or added
   * evidence — from its audit chain, whatever their roles (separation of duties, 《行政处罚法》第五十八条).
   */
  investigators: readonly number[];
  /** The decision's publicity record (《行政处罚法》第四十八条): absent when the decision is not to be published. */
  publicity: 'pending' | 'published' | 'withdrawn' | 'cancelled' | null;
  /** Evidence items registered on the case (`case_evidence`): none, and no penalty may be proposed (《行政处罚法》第四十条). */
  evidenceCount: number;
  /** Titles of the documents generated for the case so far (`generated_documents`), e.g. 当场行政处罚决定书. */
  generatedDocuments?: readonly string[];
}

/** What the case guards see besides the snapshot: the kernel's act date, today and actor, plus the calendar and local settings. */
export interface GuardContext extends KernelGuardContext {
  calendar: WorkCalendar;
  settings: CaseSettings;
}

/** A guard of the case workflow (workflow.ts, record-rules.ts, cash-collection.ts). */
export type CaseGuard = Guard<CaseSnapshot, CaseActionInput, GuardContext>;
