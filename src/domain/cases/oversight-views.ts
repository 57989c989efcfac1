/**
 * The read shapes of supervision (执法监督) as the server sends them: the dashboard figures (GET /api/stats/cases,
 * services/cases/case-statistics.ts), open deadlines (GET /api/case-deadlines, list-deadlines.ts) and the reviewer's
 * queue (GET /api/legal-reviews/queue, review-queue.ts). Pure data: the services build them, the web app reads them.
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import type { CaseState, DeadlineKind, PartyKind, PenaltyKind } from './model.ts';
import type { CaseSummary } from './views.ts';

/** An open deadline of a case, as the supervision lists show it. */
export interface DeadlineEntry {
  caseId: number;
  actCode: string;
  title: string;
  organizationName: string;
  kind: DeadlineKind;
  label: string;
  dueOn: IsoDate;
}

/** A deadline of GET /api/case-deadlines, with the article that sets it. */
export interface DeadlineItem extends DeadlineEntry {
  article: string;
}

/**
 * A unit directly below the actor's, with its sub-units (the case list's `organizationId` filter counts the same);
 * `ownLevel`: the actor's own unit alone (its list would include the units below it: no click-through).
 */
export interface UnitFigures {
  organizationId: number;
  name: string;
  ownLevel: boolean;
  cases: number;
  decided: number;
  overdue: number;
  fineFen: number;
}

export interface CaseStatistics {
  today: IsoDate;
  /** The last day counted as "due soon" (three working days ahead). */
  dueSoonUntil: IsoDate;
  scope: { organizationId: number | null; organizationName: string };
  range: { from: IsoDate | null; to: IsoDate | null };
  totals: { cases: number; decided: number; overdue: number; dueSoon: number; penalties: number; fineFen: number };
  byState: { state: CaseState; label: string; count: number }[];
  /** Cases registered per month, oldest first, months without cases included. */
  byMonth: { month: string; count: number }[];
  /** Cases with an open deadline already past / within the due-soon window; the earliest deadlines listed. */
  overdue: { cases: number; items: DeadlineEntry[] };
  dueSoon: { cases: number; items: DeadlineEntry[] };
  /** Penalty decisions in force (or changed; a revoked one imposes nothing) per kind they impose. */
  byPenaltyKind: { kind: PenaltyKind; label: string; count: number; fineFen: number }[];
  /**
   * Per violation (power-list code), most cases first: its cases (what the list shows for `violation`), and of
   * them the penalty decisions in force and their fines.
   */
  byViolation: { code: string; name: string; category: string; cases: number; penalties: number; fineFen: number }[];
  /** First, when it handles cases itself, the actor's own unit alone; then each unit directly below. */
  units: UnitFigures[];
}

export type ReviewQueueStatus = 'pending' | 'returned' | 'afterHearing';

export interface ReviewQueueItem {
  id: number;
  version: number;
  actCode: string;
  title: string;
  state: CaseState;
  stateLabel: string;
  organizationName: string;
  party: { kind: PartyKind; name: string };
  violation: string | null;
  proposal: { kind: string; kindLabel: string; fineFen: number | null; description: string | null } | null;
  /** Why the decision needs review (《行政处罚法》第五十八条 and the local catalog). */
  reasons: string[];
  status: ReviewQueueStatus;
  statusLabel: string;
  /** A hearing was requested and is not held yet: the review that counts comes after it. */
  hearingPending: boolean;
  lastReview: { on: IsoDate; reviewerName: string; passed: boolean; opinion: string } | null;
  /** Open deadlines, earliest first, marked as the case list marks them (`dueSoon`: within three working days). */
  deadlines: CaseSummary['deadlines'];
}
