/**
 * GET /api/legal-reviews/queue (src/server/routes/oversight.ts `reviewQueueItem`). The web talks to the server over
 * HTTP only, so this mirrors the service's type; the case itself is the case page's `CaseView`.
 */
import type { IsoDate } from '../../../../domain/calendar/iso-date.ts';
import type { CaseState } from '../../../../domain/cases/model.ts';
import type { CaseSummary } from '../cases/types.ts';

export type ReviewQueueStatus = 'pending' | 'returned' | 'afterHearing';

export interface ReviewQueueItem {
  id: number;
  version: number;
  actCode: string;
  title: string;
  state: CaseState;
  stateLabel: string;
  organizationName: string;
  party: { kind: 'person' | 'organization'; name: string };
  violation: string | null;
  proposal: { kind: string; kindLabel: string; fineFen: number | null; description: string | null } | null;
  /** Why the decision needs legal review (《行政处罚法》第五十八条 and the local catalog). */
  reasons: string[];
  status: ReviewQueueStatus;
  statusLabel: string;
  hearingPending: boolean;
  lastReview: { on: IsoDate; reviewerName: string; passed: boolean; opinion: string } | null;
  deadlines: CaseSummary['deadlines'];
}
