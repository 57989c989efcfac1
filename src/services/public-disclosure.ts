/**
 * 事前公开 (行政执法公示制度, 国办发〔2018〕118号): what the portal publishes about enforcement bodies and their
 * officers before any case — read-only, no login, and only what the law makes public: a body's name, kind and
 * unified credit code; an officer's name, certificate number and its validity. Never usernames, phones or
 * anything else from the user record.
 */
import { and, asc, eq, isNotNull, ne, or, sql } from 'drizzle-orm';
import { type OrganizationKind, organizationKinds } from '../domain/access.ts';
import { chinaDateOf } from '../domain/calendar/iso-date.ts';
import { certificateValidOn } from '../domain/people.ts';
import { organizations, users } from '../db/schema.ts';
import { type PublicBody, type PublicOfficerPage, publicOfficerQuery } from '../domain/admin/views.ts';
import { parseInput } from './parse-input.ts';
import type { ServiceContext } from './context.ts';

export type { PublicBody, PublicOfficer, PublicOfficerPage } from '../domain/admin/views.ts';


/** Justice bureaus supervise enforcement; they are not enforcement bodies and are not listed as such. */
const notEnforcementBody: OrganizationKind = 'justice_bureau';

/** Enforcement bodies and units, in tree order, each with how many of its officers hold a valid certificate today. */
export async function listPublicBodies(ctx: ServiceContext): Promise<PublicBody[]> {
  const today = chinaDateOf(ctx.clock());
  // `certificateValidOn` (domain/people.ts) as SQL: a certificate number and a validity not before today.
  // (Column names written out: drizzle leaves them bare in a one-table query, where `id` would be the user's.)
  const validOfficers = sql<number>`(select count(*)::int from users u where u.organization_id = "organizations"."id" and u.active and u.certificate_no <> '' and u.certificate_valid_until >= ${today}::date)`;
  const orgs = await ctx.db
    .select({ id: organizations.id, parentId: organizations.parentId, name: organizations.name, kind: organizations.kind, creditCode: organizations.creditCode, officerCount: validOfficers })
    .from(organizations)
    .where(ne(organizations.kind, notEnforcementBody))
    .orderBy(asc(organizations.path));
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return orgs.map((o) => {
    const kind = o.kind as OrganizationKind;
    return {
      id: o.id,
      name: o.name,
      kind,
      kindName: organizationKinds[kind] ?? o.kind,
      creditCode: o.creditCode,
      parentName: o.parentId === null ? null : (names.get(o.parentId) ?? null),
      officerCount: o.officerCount,
    };
  });
}

/**
 * GET /api/public/officers: one page of the active staff holding an enforcement certificate (body, then certificate
 * number), optionally of one body or matching a name or certificate number (a name containing the text, or a
 * certificate number containing it in capitals), with how many match in all. Expired certificates are listed as not
 * valid, so a member of the public checking a certificate shown to them learns that it has expired.
 */
export async function publicOfficersPage(ctx: ServiceContext, raw: unknown = {}): Promise<PublicOfficerPage> {
  const input = parseInput(publicOfficerQuery, raw);
  const q = input.q?.trim() ?? '';
  const rows = await ctx.db
    .select({
      name: users.displayName,
      certificateNo: users.certificateNo,
      validUntil: users.certificateValidUntil,
      bodyId: organizations.id,
      bodyName: organizations.name,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(
      and(
        eq(users.active, true),
        isNotNull(users.certificateNo),
        ne(organizations.kind, notEnforcementBody),
        input.bodyId ? eq(organizations.id, input.bodyId) : undefined,
        q === '' ? undefined : or(sql`strpos(${users.displayName}, ${q}) > 0`, sql`strpos(${users.certificateNo}, ${q.toUpperCase()}) > 0`),
      ),
    )
    .orderBy(asc(organizations.path), asc(users.certificateNo))
    .limit(input.limit)
    .offset(input.offset);
  const today = chinaDateOf(ctx.clock());
  // Past the last page no row carries the total: it is counted apart.
  const total = rows[0]?.total ?? (input.offset > 0 ? (await publicOfficersPage(ctx, { ...input, limit: 1, offset: 0 })).total : 0);
  return {
    total,
    items: rows.map((r) => ({
      name: r.name,
      certificateNo: r.certificateNo!,
      validUntil: r.validUntil,
      valid: certificateValidOn({ certificateNo: r.certificateNo, certificateValidUntil: r.validUntil }, today),
      bodyId: r.bodyId,
      bodyName: r.bodyName,
    })),
  };
}
