/**
 * The discretion benchmark in the case engine. When a case's violation (its power-list item) has a benchmark
 * item in the version in force, a penalty proposal must be inside the range the engine gives for the facts, or
 * carry a written reason — and then legal review becomes required (domain/cases/workflow.ts legalReviewReasons
 * reads `outsideRangeReason`). The proposal and the decision record tier, range and benchmark version; the
 * decision uses the version in force on the decision date. Facts and assessment are kept in case_discretion.
 */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import { assertMay } from '../../domain/policy.ts';
import { discretionPolicy } from '../../domain/discretion/policy.ts';
import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import { isoDateInput } from '../../domain/cases/actions.ts';
import type { Penalty } from '../../domain/cases/model.ts';
import type { CaseFacts, CaseFactsInput } from '../../domain/discretion/index.ts';
import { AppError, validationError } from '../../domain/errors.ts';
import {
  applyBenchmark,
  assessExemption,
  assessPenalty,
  CaseFactsInputSchema,
  CaseFactsSchema,
  checkStatutoryLimit,
  findExemptionItems,
  formatYuan,
  itemCitation,
  lawfulReductionGrounds,
  statutoryFineRange,
  type StatutoryLimitCheck,
} from '../../domain/discretion/index.ts';
import type { DiscretionPreview } from '../../domain/discretion/views.ts';
import type { Executor, Transaction } from '../../db/connect.ts';
import { caseDiscretion, powerItems } from '../../db/schema.ts';
import { loadCase, todayOf } from '../cases/case-store.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import { findSimilarCases } from './consistency.ts';
import { ageAtAct, type BenchmarkMatch, exemptionItemsInForce, findBenchmarkItem, type PriorPenalty, priorPenaltiesPastYear } from './store.ts';

export interface CaseForDiscretion {
  caseId: number;
  organizationId: number;
  orgPath: string;
  party: { kind: string; birthDate: IsoDate | null; identityKey: string };
  powerItemId: number | null;
  actStartedOn: IsoDate;
}

async function violationOf(db: Executor, powerItemId: number | null): Promise<{ name: string; penaltyProvision: string; statutoryRange: string } | null> {
  if (powerItemId === null) return null;
  const [item] = await db
    .select({ name: powerItems.name, penaltyProvision: powerItems.penaltyProvision, statutoryRange: powerItems.statutoryRange })
    .from(powerItems)
    .where(eq(powerItems.id, powerItemId));
  return item ?? null;
}

/** The benchmark item for the case's violation in the version in force on `on`, or null. */
export async function benchmarkForCase(db: Executor, c: CaseForDiscretion, on: IsoDate): Promise<BenchmarkMatch | null> {
  const violation = await violationOf(db, c.powerItemId);
  return violation ? findBenchmarkItem(db, c.orgPath, violation, on) : null;
}

/**
 * The engine's facts: the officer's entry, with the party kind from the case and a natural person's age at the
 * act from the birth date. The times punished in the past year may not be fewer than this system's own record
 * of penalties in force for the same violation (they are a floor: other agencies' penalties may add to them).
 */
export async function caseFacts(db: Executor, c: CaseForDiscretion, input: CaseFactsInput): Promise<{ facts: CaseFacts; prior: PriorPenalty[] }> {
  const prior = c.powerItemId === null ? [] : await priorPenaltiesPastYear(db, { caseId: c.caseId, identityKey: c.party.identityKey, powerItemId: c.powerItemId, actStartedOn: c.actStartedOn });
  const age = ageAtAct(c.party, c.actStartedOn);
  const facts = parseInput(CaseFactsSchema, { ...input, partyKind: c.party.kind, ...(input.age === undefined && age !== undefined ? { age } : {}) });
  const entered = facts.repeatCountPastYear ?? (facts.firstViolation === true ? 0 : undefined);
  if (entered !== undefined && entered < prior.length) {
    throw validationError(
      `本系统记录当事人在违法行为发生前一年内已因同一违法行为受到${prior.length}次行政处罚（${prior.map((p) => p.decisionNumber ?? `案件 ${p.caseId}`).join('、')}），录入的被处罚次数（${entered}次）不能少于此数`,
      { field: 'discretionFacts.repeatCountPastYear', priorPenalties: prior },
    );
  }
  return { facts, prior };
}

/** The facts entered with the case's last assessment (case_discretion), without the party kind the case supplies. */
export async function storedFactsInput(db: Executor, caseId: number): Promise<CaseFactsInput | undefined> {
  const [stored] = await db.select({ facts: caseDiscretion.facts }).from(caseDiscretion).where(eq(caseDiscretion.caseId, caseId));
  if (!stored) return undefined;
  const { partyKind: _p, ...rest } = stored.facts as CaseFacts;
  return rest;
}

/**
 * The facts the law reads for a case (《行政处罚法》第三十条至第三十三条): the entered ones (see `caseFacts`), or
 * with none entered only the party kind and a natural person's age at the act.
 */
export async function lawFacts(db: Executor, c: CaseForDiscretion, input: CaseFactsInput | undefined): Promise<CaseFacts> {
  if (input) return (await caseFacts(db, c, input)).facts;
  const age = ageAtAct(c.party, c.actStartedOn);
  return parseInput(CaseFactsSchema, { partyKind: c.party.kind, ...(age !== undefined ? { age } : {}) });
}

/**
 * The power-list item's 法定处罚幅度 applied to a fine in 分 (domain/discretion/statutory-limit.ts): throws
 * RULE_VIOLATION above the maximum, or below the minimum without a recorded ground for 减轻 (at all, on the spot).
 * Null when the case has no power-list item. Amounts in the result are in 元, as the discretion engine's.
 */
export async function checkCaseStatutoryLimit(
  db: Executor,
  powerItemId: number | null,
  facts: CaseFacts,
  fineFen: number | null,
  options: { simpleProcedure?: boolean } = {},
): Promise<StatutoryLimitCheck | null> {
  const item = await violationOf(db, powerItemId);
  if (!item) return null;
  return checkStatutoryLimit({
    violation: item,
    partyKind: facts.partyKind,
    ...(facts.quantities ? { quantities: facts.quantities } : {}),
    fine: fineFen === null ? null : fineFen / 100,
    reductionGrounds: lawfulReductionGrounds(facts),
    ...(options.simpleProcedure ? { simpleProcedure: true } : {}),
  });
}

/** A statutory check as the case engine records it (audit details of the step): amounts in 分. */
export function statutoryDetails(check: StatutoryLimitCheck) {
  const { range, ...rest } = check;
  return { ...rest, range: range ? { minFen: toFen(range.min), maxFen: toFen(range.max) } : null };
}

const toFen = (yuan: number) => Math.round(yuan * 100);

export interface CaseDiscretionResult {
  penalty: Penalty;
  /** For the audit record of the step: what the benchmark gave and why. */
  details: Record<string, unknown>;
}

/**
 * Applies the benchmark to a proposed (stage 'proposal') or decided (stage 'decision') penalty inside the
 * case's transaction. Returns null when no benchmark covers the violation. Facts come from `input`, else from
 * the case's earlier assessment; without either, the step is refused (VALIDATION), as is a fine outside the
 * range without a written reason (RULE_VIOLATION).
 */
export async function applyCaseDiscretion(
  tx: Transaction,
  c: CaseForDiscretion,
  on: IsoDate,
  penalty: Penalty,
  input: CaseFactsInput | undefined,
  stage: 'proposal' | 'decision',
): Promise<CaseDiscretionResult | null> {
  const match = await benchmarkForCase(tx, c, on);
  if (!match) return null;
  const citation = itemCitation(match.item);
  const [stored] = await tx.select({ facts: caseDiscretion.facts }).from(caseDiscretion).where(eq(caseDiscretion.caseId, c.caseId));
  const entered: CaseFactsInput | undefined = input ?? (stored ? (({ partyKind: _p, ...rest }) => rest)(stored.facts as CaseFacts) : undefined);
  if (!entered) {
    throw validationError(
      stage === 'proposal'
        ? `该违法行为适用裁量基准：${citation}（${match.version.name}），提出处罚意见须录入裁量事实（discretionFacts：过去一年被处罚次数、面积等数量、是否改正、危害后果、从轻减轻情节等）`
        : `该违法行为适用裁量基准：${citation}（${match.version.name}），作出决定前须录入裁量事实：请在“调整拟处罚内容”时填写 discretionFacts`,
      { field: 'discretionFacts', benchmarkItem: match.item.id },
    );
  }
  const { facts } = await caseFacts(tx, c, entered);
  const applied = applyBenchmark(match.item, facts, { fineFen: penalty.fineFen, outsideRangeReason: penalty.outsideRangeReason });
  const row = {
    organizationId: c.organizationId,
    versionId: match.version.id,
    benchmarkItemId: match.itemRow.id,
    itemKey: match.item.id,
    facts,
    outcome: applied.assessment.outcome,
    tierCode: applied.assessment.tier?.code ?? null,
    tierName: applied.tier,
    rangeMinFen: applied.rangeFen.minFen,
    rangeMaxFen: applied.rangeFen.maxFen,
    proposedFineFen: penalty.fineFen,
    withinRange: applied.check.withinRange,
    outsideRangeReason: applied.outsideRangeReason,
    explanation: applied.assessment.explanation,
    stage,
    assessedOn: on,
    updatedAt: sql`now()`,
  };
  await tx.insert(caseDiscretion).values({ caseId: c.caseId, ...row }).onConflictDoUpdate({ target: caseDiscretion.caseId, set: row });
  return {
    penalty: { ...penalty, tier: applied.tier, range: applied.rangeFen, benchmarkVersion: match.version.name, outsideRangeReason: applied.outsideRangeReason },
    details: {
      benchmarkVersionId: match.version.id,
      benchmarkVersion: match.version.name,
      benchmarkItem: match.item.id,
      citation,
      tier: applied.tier,
      range: applied.rangeFen,
      withinRange: applied.check.withinRange,
      requiresLegalReview: applied.check.requiresLegalReview,
      message: applied.check.message,
      explanation: applied.assessment.explanation,
    },
  };
}

// ——— Preview for the officer (no change) ———

export const assessCaseInput = z.object({
  /** The facts to assess; by default those recorded with the case's proposal. */
  facts: CaseFactsInputSchema.optional(),
  /** A fine to check against the range, in 分. */
  fineFen: z.number().int('金额以分为单位，应为整数').nonnegative('金额不能为负').nullable().optional(),
  outsideRangeReason: z.string().trim().max(1000).nullable().optional(),
  /** The date whose version in force applies (default today; the decision date when deciding). */
  on: isoDateInput.optional(),
});


/**
 * What the benchmark says about a case's facts: tier, range and explanation; the check of a proposed fine;
 * exemption eligibility (《行政处罚法》第三十三条 and the exemption lists in force); similar past cases.
 */
export async function assessCaseDiscretion(ctx: ServiceContext, actor: Actor, caseId: number, raw: unknown = {}): Promise<DiscretionPreview> {
  assertMay(actor, discretionPolicy.assessCase);
  const input = parseInput(assessCaseInput, raw);
  const on = input.on ?? todayOf(ctx.clock);
  const { row, org, party } = await loadCase(ctx.db, actor, caseId);
  const c: CaseForDiscretion = { caseId, organizationId: org.id, orgPath: org.path, party, powerItemId: row.powerItemId, actStartedOn: row.actStartedOn };
  const violation = await violationOf(ctx.db, row.powerItemId);
  const empty = { caseId, on, violation: violation?.name ?? null, facts: null, priorPenalties: [], assessment: null, proposal: null, exemption: null, statutory: null, similarCases: [] };
  if (!violation) return { ...empty, benchmark: null, note: '本案尚未确定违法行为（权责清单事项），无法适用裁量基准' };
  const match = await findBenchmarkItem(ctx.db, org.path, violation, on);
  const [stored] = await ctx.db.select({ facts: caseDiscretion.facts }).from(caseDiscretion).where(eq(caseDiscretion.caseId, caseId));
  const entered: CaseFactsInput | undefined = input.facts ?? (stored ? (({ partyKind: _p, ...rest }) => rest)(stored.facts as CaseFacts) : undefined);
  const { facts, prior } = await caseFacts(ctx.db, c, entered ?? {});
  const exemptionItems = (await exemptionItemsInForce(ctx.db, org.path, on)).map((e) => e.item);
  const exemption = assessExemption(findExemptionItems(exemptionItems, violation.name), facts);
  const statutory = previewStatutoryLimit(violation, facts, input.fineFen);
  if (!match) {
    return { ...empty, facts, priorPenalties: prior, exemption, statutory, benchmark: null, note: `${on} 没有适用于「${violation.name}」的裁量基准，按法定处罚幅度裁量` };
  }
  const assessment = assessPenalty(match.item, facts);
  let proposal: DiscretionPreview['proposal'] = null;
  if (input.fineFen !== undefined) {
    try {
      const applied = applyBenchmark(match.item, facts, { fineFen: input.fineFen, outsideRangeReason: input.outsideRangeReason ?? null });
      proposal = { accepted: true, withinRange: applied.check.withinRange, requiresLegalReview: applied.check.requiresLegalReview, message: applied.check.message, article: null };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const article = typeof error.details?.article === 'string' ? error.details.article : null;
      proposal = { accepted: false, withinRange: null, requiresLegalReview: false, message: error.message, article };
    }
  }
  const similar = await findSimilarCases(
    ctx.db,
    actor,
    {
      violationCode: match.item.id,
      ...(assessment.tier ? { tierCode: assessment.tier.code, tierName: assessment.tier.name } : {}),
      partyKind: facts.partyKind,
      ...(facts.quantities ? { quantities: facts.quantities } : {}),
    },
    caseId,
  );
  return {
    caseId,
    on,
    violation: violation.name,
    benchmark: { versionId: match.version.id, versionName: match.version.name, itemId: match.itemRow.id, citation: itemCitation(match.item) },
    note: assessment.fine ? `裁量幅度：${formatYuan(assessment.fine.min)}至${formatYuan(assessment.fine.max)}` : null,
    facts,
    priorPenalties: prior,
    assessment,
    proposal,
    exemption,
    statutory,
    similarCases: similar,
  };
}

/** The statutory range for the preview: never throws; a fine it would refuse comes back with `accepted: false`. */
function previewStatutoryLimit(
  violation: { name: string; penaltyProvision: string; statutoryRange: string },
  facts: CaseFacts,
  fineFen: number | null | undefined,
): DiscretionPreview['statutory'] {
  const found = statutoryFineRange(violation.statutoryRange, facts.partyKind, facts.quantities);
  const base = { text: violation.statutoryRange, range: found.range ?? null, warnings: found.warning ? [found.warning] : [] };
  if (fineFen === undefined) return { ...base, status: null, accepted: null, message: null };
  try {
    const check = checkStatutoryLimit({
      violation,
      partyKind: facts.partyKind,
      ...(facts.quantities ? { quantities: facts.quantities } : {}),
      fine: fineFen === null ? null : fineFen / 100,
      reductionGrounds: lawfulReductionGrounds(facts),
    });
    return { ...base, status: check.status, accepted: true, message: check.message, warnings: check.warnings };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ...base, status: null, accepted: false, message: error.message };
  }
}
