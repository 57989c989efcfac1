/**
 * The people a case's forms may name: the users of the enforcement body the case belongs to and its subtree
 * (officers of other units joining the case, the hearing presider and 听证员 from the legal department, recorders),
 * and the heads of the organizations above it (who approve 先行登记保存, 《行政处罚法》第五十六条, or a recusal, 第四十三条). An officer's own
 * user list (`/api/users`) stops at their brigade. A 执法大队 or 中队 acts in the name of its bureau, so a case of a
 * brigade belongs to the bureau above it; a 乡镇街道 team acts in its own name (赋权). The rules on who may act (two
 * certified officers, a presider who did not investigate …) are still checked by the workflow on submit.
 */
import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Actor, Role } from '../../domain/access.ts';
import type { CasePerson } from '../../domain/cases/views.ts';
import { organizations, users } from '../../db/schema.ts';
import type { ServiceContext } from '../context.ts';
import { loadCase } from './case-store.ts';

export type { CasePerson } from '../../domain/cases/views.ts';

/** Units that act in the name of the bureau above them. */
const internalUnits = new Set<string>(['brigade', 'squadron']);

export async function listCasePeople(ctx: Pick<ServiceContext, 'db'>, actor: Actor, caseId: number): Promise<CasePerson[]> {
  const { row, org } = await loadCase(ctx.db, actor, caseId);
  const chainIds = org.path.split('/').filter(Boolean).map(Number);
  const chain = await ctx.db.select({ id: organizations.id, kind: organizations.kind, path: organizations.path }).from(organizations).where(inArray(organizations.id, chainIds));
  const byId = new Map(chain.map((o) => [o.id, o]));
  // From the case organization up past internal units (大队, 中队) to the body whose name the case is handled in.
  let bodyIndex = chainIds.length - 1;
  while (bodyIndex > 0 && internalUnits.has(byId.get(chainIds[bodyIndex]!)?.kind ?? '')) bodyIndex--;
  const body = byId.get(chainIds[bodyIndex]!) ?? org;
  const ancestorIds = chainIds.slice(0, bodyIndex);
  const rows = await ctx.db
    .select({
      id: users.id,
      displayName: users.displayName,
      roles: users.roles,
      organizationId: users.organizationId,
      organizationName: organizations.name,
      certificateNo: users.certificateNo,
      certificateValidUntil: users.certificateValidUntil,
      active: users.active,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(
      and(
        eq(users.active, true),
        or(
          like(organizations.path, `${body.path}%`),
          ancestorIds.length ? and(inArray(organizations.id, ancestorIds), sql`'head' = any(${users.roles})`) : undefined,
        ),
      ),
    )
    .orderBy(asc(organizations.path), asc(users.id));
  const onCase = new Set(row.officerIds);
  return rows.map((r) => ({ ...r, roles: r.roles as Role[], certificateValidUntil: r.certificateValidUntil, onCase: onCase.has(r.id) }));
}
