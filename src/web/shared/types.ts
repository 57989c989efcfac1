/**
 * Shapes of the server's JSON answers (src/server/routes/*). The web layer talks to the server over HTTP only,
 * so these mirror the routes' zod response schemas rather than import them.
 */
import type { OrganizationKind, Role } from '../../domain/access.ts';

export interface Me {
  userId: number;
  displayName: string;
  organizationId: number;
  roles: Role[];
  roleNames: string[];
}

export interface Organization {
  id: number;
  parentId: number | null;
  path: string;
  name: string;
  kind: OrganizationKind;
  creditCode: string | null;
  divisionCode: string | null;
}

export interface User {
  id: number;
  organizationId: number;
  organizationName: string;
  username: string;
  displayName: string;
  roles: Role[];
  certificateNo: string | null;
  certificateValidUntil: string | null;
  phone: string | null;
  active: boolean;
}

export type DayStatus = 'weekday' | 'weekend' | 'holiday' | 'makeup-workday';

export interface DayInfo {
  date: string;
  working: boolean;
  status: DayStatus;
  name?: string;
  inLieu?: boolean;
  source: 'override' | 'base' | 'weekday-rule';
}

export interface CalendarDays {
  days: DayInfo[];
  uncoveredYears: number[];
}

export interface CalendarOverride {
  date: string;
  kind: 'holiday' | 'workday';
  name: string | null;
  updatedBy: number | null;
  updatedAt: string;
}

export interface CalendarOverrides {
  overrides: CalendarOverride[];
  completeYears: number[];
}

export interface DeadlineAnswer {
  from: string;
  days: number;
  kind: 'working' | 'calendar';
  deadline: string;
  uncoveredYears: number[];
}

export interface AuditVerification {
  ok: boolean;
  records: number;
  chains: number;
  checkpoints: number;
  problem: string | null;
}

/** GET /api/public/bodies (src/server/routes/portal.ts). */
export interface PublicBody {
  id: number;
  name: string;
  kind: OrganizationKind;
  kindName: string;
  creditCode: string | null;
  parentName: string | null;
  officerCount: number;
}

/** GET /api/public/officers: names and certificate numbers only, as 三项制度 publishes them. */
export interface PublicOfficer {
  name: string;
  certificateNo: string;
  validUntil: string | null;
  valid: boolean;
  bodyId: number;
  bodyName: string;
}

/** GET /api/public/decisions and /api/public/decisions/:id (src/server/routes/public.ts): masked by the server. */
export interface PublicDecision {
  id: number;
  publishedAt: string;
  actCode: string;
  organizationName: string;
  decisionNumber: string | null;
  decidedOn: string;
  procedure: string;
  party: { kind: 'person' | 'organization'; name: string; creditCode: string | null; legalRepresentative: string | null };
  title: string;
  facts: string;
  place: string | null;
  violation: string | null;
  basis: string | null;
  penalty: string | null;
  status: string;
  statusLabel: string;
}

export interface PublicDecisionPage {
  total: number;
  items: PublicDecision[];
}

/** GET /api/public/acts/:code: whether a document's 行政行为码 is genuine and the act still in force. */
export interface ActVerification {
  actCode: string;
  genuine: boolean;
  organizationName: string;
  title: string;
  violation: string | null;
  party: { kind: 'person' | 'organization'; name: string };
  procedure: string;
  stage: string;
  decision: { kind: string; number: string | null; decidedOn: string; status: string; statusLabel: string } | null;
  inForce: boolean;
  note: string;
}
