/**
 * GET /api/stats/cases (src/server/routes/oversight.ts `statistics`; the figures are described in
 * src/services/cases/case-statistics.ts). Mirrored here: the web talks to the server over HTTP only.
 */
import type { IsoDate } from '../../../../domain/calendar/iso-date.ts';
import type { CaseState, DeadlineKind, PenaltyKind } from '../../../../domain/cases/model.ts';

export interface DeadlineEntry {
  caseId: number;
  actCode: string;
  title: string;
  organizationName: string;
  kind: DeadlineKind;
  label: string;
  dueOn: IsoDate;
}

export interface Unit {
  organizationId: number;
  name: string;
  /** The caller's own unit alone (its list would include the units below it: no click-through). */
  ownLevel: boolean;
  cases: number;
  decided: number;
  overdue: number;
  fineFen: number;
}

export interface CaseStatistics {
  today: IsoDate;
  dueSoonUntil: IsoDate;
  scope: { organizationId: number | null; organizationName: string };
  range: { from: IsoDate | null; to: IsoDate | null };
  totals: { cases: number; decided: number; overdue: number; dueSoon: number; penalties: number; fineFen: number };
  byState: { state: CaseState; label: string; count: number }[];
  byMonth: { month: string; count: number }[];
  overdue: { cases: number; items: DeadlineEntry[] };
  dueSoon: { cases: number; items: DeadlineEntry[] };
  byPenaltyKind: { kind: PenaltyKind; label: string; count: number; fineFen: number }[];
  byViolation: { code: string; name: string; category: string; cases: number; penalties: number; fineFen: number }[];
  units: Unit[];
}
