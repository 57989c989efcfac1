/**
 * The read shapes of administration as the server sends them: the signed-in user, organizations, users, the legal
 * calendar, the audit check, health, and the portal's 事前公开 lists of enforcement bodies and officers. Zod schemas:
 * the routes' `response:` (src/server/routes/{auth,organizations,users,calendar,audit,health,portal}.ts), `z.infer`'d
 * by the services and the web. Views with timestamps export the JSON the web receives as `…Json` (`z.input`).
 */
import { z } from 'zod';
import { organizationKindKeys, roleKeys } from '../access.ts';
import { idParam } from '../ids.ts';
import { pageLimitInput, pageOffsetInput } from '../input-kit.ts';
import { isoDay, timestamp } from '../view-kit.ts';

const role = z.enum(roleKeys);

/** GET /api/auth/me and POST /api/auth/login: the signed-in user. */
export const me = z.object({
  userId: z.number(),
  displayName: z.string(),
  organizationId: z.number(),
  /** The materialized path of the user's organization (a top-level admin keeps the legal calendar). */
  organizationPath: z.string(),
  roles: z.array(role).readonly(),
  roleNames: z.array(z.string()),
});
export type Me = z.infer<typeof me>;

/** GET /api/organizations (and /:id, POST, PATCH). */
export const organizationView = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  /** Materialized path of ids (`/1/4/9/`): an actor sees the rows whose path starts with theirs. */
  path: z.string(),
  name: z.string(),
  kind: z.enum(organizationKindKeys),
  creditCode: z.string().nullable(),
  divisionCode: z.string().nullable(),
});
export type OrganizationView = z.infer<typeof organizationView>;

/** A user as the rest of the system sees it: never the password hash. */
export const userView = z.object({
  id: z.number(),
  organizationId: z.number(),
  organizationName: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(role),
  certificateNo: z.string().nullable(),
  certificateValidUntil: isoDay.nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  /** Locked after repeated failed logins (src/services/sessions.ts): no login until an admin unlocks it. */
  locked: z.boolean(),
});
export type UserView = z.infer<typeof userView>;

/** POST /api/users/import (201): who was created; every rejected row with its number and reason. No password. */
export const userImportReport = z.object({
  fileName: z.string(),
  rows: z.number(),
  imported: z.array(z.object({ id: z.number(), username: z.string(), displayName: z.string() })),
  rejected: z.array(z.object({ row: z.number(), reason: z.string() })),
});
export type UserImportReport = z.infer<typeof userImportReport>;

export const dayStatus = z.enum(['weekday', 'weekend', 'holiday', 'makeup-workday']);
export type DayStatus = z.infer<typeof dayStatus>;

/** One day of the legal calendar and the layer that decided it. */
export const dayInfo = z.object({
  date: isoDay,
  working: z.boolean(),
  status: dayStatus,
  /** Festival name for holidays and make-up workdays. */
  name: z.string().optional(),
  /** For holidays: a rest day obtained by 调休 rather than a statutory holiday. */
  inLieu: z.boolean().optional(),
  source: z.enum(['override', 'base', 'statutory', 'weekday-rule']),
});
export type DayInfo = z.infer<typeof dayInfo>;

/** GET /api/calendar/days: the days, and the years the calendar does not cover completely. */
export const calendarDays = z.object({ days: z.array(dayInfo), uncoveredYears: z.array(z.number()) });
export type CalendarDays = z.infer<typeof calendarDays>;

/** A holiday or make-up workday an admin entered (PUT /api/calendar/overrides/:date answers one). */
export const calendarOverride = z.object({
  date: isoDay,
  kind: z.enum(['holiday', 'workday']),
  name: z.string().nullable(),
  updatedBy: z.number().nullable(),
  updatedAt: timestamp,
});
export type CalendarOverride = z.infer<typeof calendarOverride>;
export type CalendarOverrideJson = z.input<typeof calendarOverride>;

/** POST /api/calendar/ranges: the days entered, and how many open deadlines were counted again. */
export const calendarRangeAnswer = z.object({ days: z.array(calendarOverride), recounted: z.number().int() });
export type CalendarRangeAnswer = z.infer<typeof calendarRangeAnswer>;

/** GET /api/calendar/overrides. */
export const calendarOverrides = z.object({ overrides: z.array(calendarOverride), completeYears: z.array(z.number()) });
export type CalendarOverrides = z.infer<typeof calendarOverrides>;
export type CalendarOverridesJson = z.input<typeof calendarOverrides>;

/** GET /api/calendar/deadline. */
export const deadlineAnswer = z.object({
  from: isoDay,
  days: z.number(),
  kind: z.enum(['working', 'calendar']),
  deadline: isoDay,
  uncoveredYears: z.array(z.number()),
});
export type DeadlineAnswer = z.infer<typeof deadlineAnswer>;

/** The subjects whose audit trail can be browsed (GET /api/audit/records), as staff name them. */
export const auditSubjectTypes = { case: '案件', user: '用户', organization: '组织机构', calendar: '法定日历（年份）' } as const;
export type AuditSubjectType = keyof typeof auditSubjectTypes;

/** One record of a subject's audit trail, as the audit page lists it. */
export const auditEntry = z.object({
  seq: z.number(),
  at: z.string(),
  action: z.string(),
  /** The catalog's Chinese label (domain/audit/events.ts); the action itself for an action no longer in it. */
  actionLabel: z.string(),
  /** null: the system (demo, CLI bootstrap). */
  actorName: z.string().nullable(),
  organizationName: z.string().nullable(),
  change: z.unknown(),
  digest: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** GET /api/audit/records: a page of one subject's trail, newest first, with the count of all its records. */
export const auditTrailPage = z.object({
  subject: z.object({ type: z.string(), id: z.string(), label: z.string() }),
  total: z.number(),
  items: z.array(auditEntry),
});
export type AuditTrailPage = z.infer<typeof auditTrailPage>;

/** GET /api/audit/verify: every digest recomputed; `problem` names the first one found, in Chinese. */
export const auditVerification = z.object({ ok: z.boolean(), records: z.number(), chains: z.number(), checkpoints: z.number(), problem: z.string().nullable() });
export type AuditVerification = z.infer<typeof auditVerification>;

/** GET /api/health. */
export const health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), time: z.string() });

/** GET /api/public/bodies: an enforcement body (执法主体). */
export const publicBody = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(organizationKindKeys),
  kindName: z.string(),
  creditCode: z.string().nullable(),
  parentName: z.string().nullable(),
  /** Officers of this body whose certificate is valid today. */
  officerCount: z.number(),
});
export type PublicBody = z.infer<typeof publicBody>;

/**
 * GET /api/public/officers: names and certificate numbers only, as 三项制度 publishes them. The schema is also the
 * privacy boundary: the server serializes only these fields.
 */
export const publicOfficer = z.object({
  name: z.string(),
  certificateNo: z.string(),
  validUntil: isoDay.nullable(),
  /** The certificate is valid today (China time): it may be used for investigation acts (《行政处罚法》第四十二条). */
  valid: z.boolean(),
  bodyId: z.number(),
  bodyName: z.string(),
});
export type PublicOfficer = z.infer<typeof publicOfficer>;

/** GET /api/public/officers: a name or certificate number, a body, and the page (issue 16 item 7: no list unbounded). */
export const publicOfficerQuery = z.object({
  q: z.string().trim().max(40, '查询内容不超过 40 个字').optional(),
  bodyId: idParam('执法主体编号').optional(),
  limit: pageLimitInput(),
  offset: pageOffsetInput(),
});
export type PublicOfficerQuery = z.input<typeof publicOfficerQuery>;

export const publicOfficerPage = z.object({ items: z.array(publicOfficer), total: z.number() });
export type PublicOfficerPage = z.infer<typeof publicOfficerPage>;
