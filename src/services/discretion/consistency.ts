/**
 * 同案同罚 (same case, same penalty): decided cases grouped by benchmark item (violation) and tier, flagged when
 * their fine lies outside the range the benchmark gave them or far from their peers (domain/discretion
 * consistency.ts explains the statistics); and, while a case is being decided, the most similar past cases.
 * Only penalty decisions in force count — a revoked decision is no precedent. Everything is scoped to the
 * actor's organization subtree.
 */
import { and, asc, eq, gte, like, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, isSystem } from '../../domain/access.ts';
import { assertMay } from '../../domain/policy.ts';
import { discretionPolicy } from '../../domain/discretion/policy.ts';
import { isoDateInput } from '../../domain/cases/actions.ts';
import type { ConsistencyFlag, DecidedCase, SimilarCaseTarget } from '../../domain/discretion/index.ts';
import { type CaseFacts, reviewConsistency, similarCases } from '../../domain/discretion/index.ts';
import type { CaseRef, ConsistencyReportView, SimilarCase, SimilarCases } from '../../domain/discretion/views.ts';

export type { CaseRef, ConsistencyReportView, SimilarCase } from '../../domain/discretion/views.ts';
import type { Executor } from '../../db/connect.ts';
import { benchmarkItems, caseDiscretion, cases, organizations } from '../../db/schema.ts';
import { loadCase } from '../cases/case-store.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';

interface DecidedRow {
  caseId: number;
  actCode: string;
  title: string;
  decisionNumber: string | null;
  decidedOn: string;
  organizationName: string;
  fineFen: number;
  itemKey: string;
  violationName: string;
  tierCode: string;
  tierName: string;
  rangeMinFen: number;
  rangeMaxFen: number;
  facts: CaseFacts;
}

/** Decided penalty cases (in force) with a benchmark assessment at the decision, in the actor's subtree. */
async function decidedCases(db: Executor, actor: Actor, filter: { from?: string; to?: string } = {}): Promise<DecidedRow[]> {
  const rows = await db
    .select({
      caseId: cases.id,
      actCode: cases.actCode,
      title: cases.title,
      decisionNumber: cases.decisionNumber,
      decidedOn: cases.decidedOn,
      organizationName: organizations.name,
      fineFen: cases.fineFen,
      itemKey: caseDiscretion.itemKey,
      violationName: benchmarkItems.name,
      tierCode: caseDiscretion.tierCode,
      tierName: caseDiscretion.tierName,
      rangeMinFen: caseDiscretion.rangeMinFen,
      rangeMaxFen: caseDiscretion.rangeMaxFen,
      facts: caseDiscretion.facts,
    })
    .from(caseDiscretion)
    .innerJoin(cases, eq(cases.id, caseDiscretion.caseId))
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .innerJoin(benchmarkItems, eq(benchmarkItems.id, caseDiscretion.benchmarkItemId))
    .where(
      and(
        isSystem(actor) ? undefined : like(organizations.path, `${actor.organizationPath}%`),
        eq(caseDiscretion.stage, 'decision'),
        eq(cases.decisionKind, 'penalty'),
        eq(cases.decisionStatus, 'inForce'),
        sql`${caseDiscretion.tierCode} is not null and ${caseDiscretion.rangeMinFen} is not null`,
        filter.from ? gte(cases.decidedOn, filter.from) : undefined,
        filter.to ? lte(cases.decidedOn, filter.to) : undefined,
      ),
    )
    .orderBy(asc(cases.decidedOn), asc(cases.id));
  return rows.map((r) => ({
    ...r,
    decidedOn: r.decidedOn!,
    fineFen: r.fineFen ?? 0,
    tierCode: r.tierCode!,
    tierName: r.tierName!,
    rangeMinFen: r.rangeMinFen!,
    rangeMaxFen: r.rangeMaxFen!,
    facts: r.facts as CaseFacts,
  }));
}

function toDecided(r: DecidedRow): DecidedCase {
  return {
    caseId: String(r.caseId),
    violationCode: r.itemKey,
    tierCode: r.tierCode,
    tierName: r.tierName,
    fine: r.fineFen / 100,
    range: { min: r.rangeMinFen / 100, max: r.rangeMaxFen / 100 },
    partyKind: r.facts.partyKind,
    ...(r.facts.quantities ? { quantities: r.facts.quantities } : {}),
    decidedOn: r.decidedOn,
  };
}

const yuanToFen = (yuan: number) => Math.round(yuan * 100);

export const consistencyQuery = z.object({ from: isoDateInput.optional(), to: isoDateInput.optional() });

export const flagKindLabels: Record<ConsistencyFlag['kind'], string> = { outsideRange: '超出裁量基准幅度', peerOutlier: '明显偏离同类案件' };



const ref = (r: DecidedRow): CaseRef => ({
  caseId: r.caseId,
  actCode: r.actCode,
  title: r.title,
  decisionNumber: r.decisionNumber,
  decidedOn: r.decidedOn,
  organizationName: r.organizationName,
});

/** The same-case-same-penalty report for the actor's subtree (heads, legal reviewers, supervisors, admins). */
export async function consistencyReport(ctx: ServiceContext, actor: Actor, raw: unknown = {}): Promise<ConsistencyReportView> {
  assertMay(actor, discretionPolicy.consistencyReport);
  const query = parseInput(consistencyQuery, raw);
  const rows = await decidedCases(ctx.db, actor, query);
  const report = reviewConsistency(rows.map(toDecided));
  const byId = new Map(rows.map((r) => [String(r.caseId), r]));
  const flagsOf = (caseId: string) => report.flags.filter((f) => f.caseId === caseId).map((f) => f.kind);
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    caseCount: rows.length,
    groups: report.groups.map((g) => {
      const members = rows.filter((r) => r.itemKey === g.violationCode && r.tierCode === g.tierKey);
      return {
        itemKey: g.violationCode,
        violationName: members[0]?.violationName ?? g.violationCode,
        tierName: g.tierName,
        caseCount: g.caseCount,
        medianFineFen: yuanToFen(g.medianFine),
        compared: g.compared,
        cases: members.map((m) => ({ ...ref(m), fineFen: m.fineFen, range: { minFen: m.rangeMinFen, maxFen: m.rangeMaxFen }, flags: flagsOf(String(m.caseId)) })),
      };
    }),
    flags: report.flags.map((f) => {
      const r = byId.get(f.caseId)!;
      return { ...ref(r), kind: f.kind, kindLabel: flagKindLabels[f.kind], violationName: r.violationName, tierName: f.tierName, fineFen: r.fineFen, message: f.message };
    }),
  };
}


/** The most similar decided cases (in force) of the actor's subtree, excluding `excludeCaseId`. */
export async function findSimilarCases(db: Executor, actor: Actor, target: SimilarCaseTarget, excludeCaseId: number, k = 5): Promise<SimilarCase[]> {
  const rows = (await decidedCases(db, actor)).filter((r) => r.caseId !== excludeCaseId);
  const byId = new Map(rows.map((r) => [String(r.caseId), r]));
  return similarCases(target, rows.map(toDecided), k).map((s) => {
    const r = byId.get(s.case.caseId)!;
    return { ...ref(r), score: s.score, reasons: s.reasons, violationName: r.violationName, tierName: r.tierName, fineFen: r.fineFen, range: { minFen: r.rangeMinFen, maxFen: r.rangeMaxFen } };
  });
}

/**
 * Similar past cases for a case being decided, from its recorded discretion assessment. Empty, with a note,
 * when the case has none (no benchmark for its violation, or no facts entered yet).
 */
export async function similarCasesForCase(ctx: ServiceContext, actor: Actor, caseId: number): Promise<SimilarCases> {
  assertMay(actor, discretionPolicy.assessCase);
  await loadCase(ctx.db, actor, caseId);
  const [own] = await ctx.db.select().from(caseDiscretion).where(eq(caseDiscretion.caseId, caseId));
  if (!own) return { note: '本案尚无裁量基准评估（违法行为没有适用的裁量基准，或尚未录入裁量事实），无法比对类似案件', cases: [] };
  const facts = own.facts as CaseFacts;
  const target: SimilarCaseTarget = {
    violationCode: own.itemKey,
    ...(own.tierCode ? { tierCode: own.tierCode } : {}),
    ...(own.tierName ? { tierName: own.tierName } : {}),
    partyKind: facts.partyKind,
    ...(facts.quantities ? { quantities: facts.quantities } : {}),
  };
  return { note: null, cases: await findSimilarCases(ctx.db, actor, target, caseId) };
}
