/**
 * A case's timeline: its audit trail (the chain `case:<id>`) as the case page, the documents and `fazhi cases show`
 * read it. Served apart from the case view (GET /api/cases/:id/timeline, keyset-paged, newest first; issue 16): the
 * view and every write's answer stay the same size however old the case is, and only a reader of the trail pays
 * for it. Same access rule as the case view: the case's organization within the actor's subtree (else NOT_FOUND).
 */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import { auditActions, type AuditAction } from '../../domain/audit/actions.ts';
import { type CaseAction, caseActionLabels } from '../../domain/cases/actions.ts';
import type { CaseTimelineEntry, CaseTimelinePage } from '../../domain/cases/views.ts';
import { notFound } from '../../domain/errors.ts';
import { idParam, MAX_ID } from '../../domain/ids.ts';
import type { Executor } from '../../db/connect.ts';
import { preparedPerDatabase } from '../../db/prepared.ts';
import { auditChainHeads, auditRecords, cases, organizations, users } from '../../db/schema.ts';
import { chainOf } from '../audit-trail.ts';
import { parseInput } from '../parse-input.ts';
import { assertCaseVisible } from './case-store.ts';

export type { CaseTimelineEntry, CaseTimelinePage } from '../../domain/cases/views.ts';

/** A page's size: at most 200 records; 50 unless asked. */
export const MAX_TIMELINE_PAGE = 200;

/** GET /api/cases/:id/timeline's query: `before` is the `nextCursor` of the previous page (a record's seq). */
export const caseTimelineQuery = z.object({
  before: idParam('游标（before）').optional(),
  limit: z.coerce
    .number({ message: '每页条数应为数字' })
    .int('每页条数应为整数')
    .min(1, '每页条数至少为 1')
    .max(MAX_TIMELINE_PAGE, `每页条数不超过 ${MAX_TIMELINE_PAGE}`)
    .default(50),
});
export type CaseTimelineQuery = z.input<typeof caseTimelineQuery>;

type TrailRow = { seq: number; at: string; action: string; actorId: number | null; actorName: string | null; change: unknown; occurrence: number | null };

/**
 * The page's one statement, with placeholders `id` (the case), `chain` (its audit chain), `before` (records with a
 * smaller seq) and `limit`. Keyset on the chain's (chain, seq) index, no OFFSET. `occurrence` is numbered over every
 * older record of the chain (the window runs before the LIMIT), so it does not depend on the page. The case's
 * organization's path comes along for the access check (`assertCaseVisible`), the chain head's seq is the trail's length
 * (a chain's records are numbered 1, 2, … by its head, src/services/audit-trail.ts).
 */
function timelineQuery(db: Executor) {
  return db
    .select({
      path: organizations.path,
      total: sql<number | null>`(select ${auditChainHeads.seq} from ${auditChainHeads} where ${auditChainHeads.chain} = ${sql.placeholder('chain')})`,
      items: sql<TrailRow[] | null>`(select json_agg(json_build_object('seq', t.seq, 'at', t.at, 'action', t.action, 'actorId', t.actor_id, 'actorName', u.display_name, 'change', t.change, 'occurrence', t.occurrence) order by t.seq desc)
        from (select r.seq, r.at, r.action, r.actor_id, r.change,
                case when r.action = 'case.transition' then row_number() over (partition by r.action, r.change->>'action' order by r.seq) - 1 end as occurrence
              from ${auditRecords} r where r.chain = ${sql.placeholder('chain')} and r.seq < ${sql.placeholder('before')}
              order by r.seq desc limit ${sql.placeholder('limit')}) t
        left join ${users} u on u.id = t.actor_id)`,
    })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(eq(cases.id, sql.placeholder('id')))
    .prepare('fazhi_case_timeline');
}

/** The statement prepared once per database (like the case view's); a transaction builds its own. */
const prepared = new WeakMap<object, ReturnType<typeof timelineQuery>>();

async function readPage(db: Executor, actor: Actor, id: number, before: number, limit: number) {
  const [found] = await preparedPerDatabase(prepared, db, timelineQuery).execute({ id, chain: chainOf('case', id), before, limit });
  if (!found) throw notFound('该案件', { id });
  assertCaseVisible(actor, id, found.path);
  return { total: found.total ?? 0, rows: (found.items ?? []).map(toEntry) };
}

function toEntry(t: TrailRow): CaseTimelineEntry {
  return {
    seq: t.seq,
    at: new Date(t.at).toISOString(),
    action: t.action,
    label: timelineLabel(t.action, t.change),
    actorId: t.actorId,
    actorName: t.actorId === null ? '系统' : t.actorName,
    change: t.change,
    occurrence: t.occurrence,
  };
}

function timelineLabel(action: string, change: unknown): string {
  const step = (change as { action?: CaseAction } | null)?.action;
  if (action === 'case.transition' && step && step in caseActionLabels) return caseActionLabels[step];
  return auditActions[action as AuditAction] ?? action;
}

/**
 * A page of the case's timeline, newest first: the records older than `before` (all when absent), at most `limit`,
 * and the cursor of the next page. One statement.
 */
export async function getCaseTimeline(ctx: { db: Executor }, actor: Actor, id: number, raw: CaseTimelineQuery = {}): Promise<CaseTimelinePage> {
  const query = parseInput(caseTimelineQuery, raw);
  // One more than the page, to know whether an older page exists.
  const { total, rows } = await readPage(ctx.db, actor, id, query.before ?? MAX_ID, query.limit + 1);
  const items = rows.slice(0, query.limit);
  return { items, nextCursor: rows.length > query.limit ? items[items.length - 1]!.seq : null, total };
}

/**
 * The case's whole trail, oldest first (as a case file reads): for the documents rendered from the steps' inputs
 * (case-to-document.ts), `fazhi cases show` and tests. Not for a screen: the page above is.
 */
export async function readCaseTrail(ctx: { db: Executor }, actor: Actor, id: number): Promise<CaseTimelineEntry[]> {
  const { rows } = await readPage(ctx.db, actor, id, MAX_ID, MAX_ID);
  return rows.reverse();
}
