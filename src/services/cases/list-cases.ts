import { and, asc, desc, eq, inArray, isNull, like, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, isSystem } from '../../domain/access.ts';
import { chinaDateOf, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { caseStateKeys, caseStates, type CaseState, type DeadlineKind, deadlineKinds, procedures, type Procedure } from '../../domain/cases/model.ts';
import type { Executor } from '../../db/connect.ts';
import { caseDeadlines, caseParties, cases, organizations } from '../../db/schema.ts';
import { parseInput } from '../parse-input.ts';

export const listCasesInput = z.object({
  state: z.enum(caseStateKeys, { message: '案件状态无效' }).optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export interface CaseSummary {
  id: number;
  version: number;
  actCode: string;
  decisionNumber: string | null;
  procedure: Procedure;
  procedureLabel: string;
  state: CaseState;
  stateLabel: string;
  title: string;
  organizationName: string;
  /** Staff view: the party's full name. */
  party: { kind: string; name: string };
  registeredOn: IsoDate;
  /** Open deadlines, earliest first. */
  deadlines: { kind: DeadlineKind; label: string; dueOn: IsoDate; overdue: boolean }[];
}

/** Cases of the actor's subtree, newest first. */
export async function listCases(ctx: { db: Executor; clock: () => Date }, actor: Actor, raw: unknown = {}): Promise<CaseSummary[]> {
  const input = parseInput(listCasesInput, raw);
  const conditions: SQL[] = [];
  if (!isSystem(actor)) conditions.push(like(organizations.path, `${actor.organizationPath}%`));
  if (input.state) conditions.push(eq(cases.state, input.state));
  if (input.q) conditions.push(like(cases.title, `%${input.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  const rows = await ctx.db
    .select({
      id: cases.id,
      version: cases.version,
      actCode: cases.actCode,
      decisionNumber: cases.decisionNumber,
      procedure: cases.procedure,
      state: cases.state,
      title: cases.title,
      registeredOn: cases.registeredOn,
      organizationName: organizations.name,
      partyKind: caseParties.kind,
      partyName: caseParties.name,
    })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .innerJoin(caseParties, eq(caseParties.caseId, cases.id))
    .where(and(...conditions))
    .orderBy(desc(cases.id))
    .limit(input.limit)
    .offset(input.offset);
  const ids = rows.map((r) => r.id);
  const open = ids.length
    ? await ctx.db
        .select()
        .from(caseDeadlines)
        .where(and(inArray(caseDeadlines.caseId, ids), isNull(caseDeadlines.metAt)))
        .orderBy(asc(caseDeadlines.dueOn))
    : [];
  const today = chinaDateOf(ctx.clock());
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    actCode: r.actCode,
    decisionNumber: r.decisionNumber,
    procedure: r.procedure as Procedure,
    procedureLabel: procedures[r.procedure as Procedure],
    state: r.state as CaseState,
    stateLabel: caseStates[r.state as CaseState],
    title: r.title,
    organizationName: r.organizationName,
    party: { kind: r.partyKind, name: r.partyName },
    registeredOn: r.registeredOn,
    deadlines: open
      .filter((d) => d.caseId === r.id)
      .map((d) => ({ kind: d.kind as DeadlineKind, label: deadlineKinds[d.kind as DeadlineKind].label, dueOn: d.dueOn, overdue: today > d.dueOn })),
  }));
}
