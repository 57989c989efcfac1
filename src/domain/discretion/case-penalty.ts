/**
 * The benchmark applied to a case's proposed penalty: the engine's tier and range for the facts of the case, and
 * the check of the proposed fine against them. Money crosses here from the case engine's 分 to the benchmark's
 * 元 and back.
 *
 *   《行政处罚法》第三十条  under 14 at the time of the act: no penalty at all (not even a warning)
 *   《行政处罚法》第三十三条第一款 the benchmark's 不予处罚 tier (轻微并及时改正，没有造成危害后果) is mandatory:
 *             a penalty proposal is refused
 *   《行政处罚法》第三十四条, 国办发〔2022〕27号: a fine outside the benchmark range needs a written reason and then
 *             legal review (checkProposal)
 *
 * And, benchmark or not, the statute's own no-penalty grounds as the exemption engine reads the recorded facts
 * (assertPenaltyLawful): 第三十条 under 14, 第三十一条第一句 unable to recognise or control the act, 第三十三条第一款
 * minor + corrected + no harm, 第三十三条第二款 no fault proved, 第三十六条 beyond limitation.
 */
import type { z } from 'zod';
import { AppError, ruleViolation } from '../errors.ts';
import { articles } from './config.ts';
import type { PenaltyAssessment, ProposalCheck } from './engine.ts';
import { assessPenalty, checkProposal } from './engine.ts';
import { assessExemption } from './exemption.ts';
import type { BenchmarkItem, CaseFacts } from './model.ts';
import { CaseFactsSchema } from './model.ts';
import { sourceTitle } from './versions.ts';

/** Case facts as an officer enters them: the party kind (and, for a person with a birth date, the age) come from the case. */
export const CaseFactsInputSchema = CaseFactsSchema.omit({ partyKind: true });
export type CaseFactsInput = z.infer<typeof CaseFactsInputSchema>;

export interface AppliedBenchmark {
  assessment: PenaltyAssessment;
  check: ProposalCheck;
  /** 《…》序号N「…」: how decisions and messages cite the item. */
  citation: string;
  tier: string | null;
  /** The benchmark range in 分 (0–0 when the tier imposes no fine: 不予罚款). */
  rangeFen: { minFen: number; maxFen: number };
  /** The written reason, kept only when the fine is outside the range (then legal review is required). */
  outsideRangeReason: string | null;
}

const toFen = (yuan: number) => Math.round(yuan * 100);

export function itemCitation(item: Pick<BenchmarkItem, 'source' | 'code' | 'name'>): string {
  return `${sourceTitle(item.source.name)}序号${item.code}「${item.name}」`;
}

/**
 * Applies a benchmark item to a proposed penalty. Throws RULE_VIOLATION (refused, the message names the item, the
 * tier and the range) or VALIDATION (facts missing, so no tier or range can be determined).
 */
export function applyBenchmark(item: BenchmarkItem, facts: CaseFacts, proposal: { fineFen: number | null; outsideRangeReason: string | null }): AppliedBenchmark {
  const citation = itemCitation(item);
  const assessment = assessPenalty(item, facts);
  // 第三十条: under 14, no administrative penalty of any kind — a warning included.
  if (assessment.absoluteNoPenalty) {
    throw ruleViolation(`当事人违法时不满十四周岁，依法不予行政处罚，不能提出处罚意见（${citation}）`, articles.minors);
  }
  // 第三十三条第一款: the benchmark's 不予处罚 tier encodes a mandatory no-penalty.
  if (assessment.outcome === 'noPenalty') {
    throw ruleViolation(
      `依据${citation}，本案属于「${assessment.tier?.name ?? '不予处罚'}」阶次（${assessment.tier?.conditionText.replace(/。$/, '') ?? ''}），应当不予行政处罚；请将处理意见改为不予行政处罚并记录教育情况`,
      articles.exemption,
      { tier: assessment.tier?.name },
    );
  }
  const fineYuan = (proposal.fineFen ?? 0) / 100;
  let check: ProposalCheck;
  try {
    check = checkProposal(assessment, fineYuan, proposal.outsideRangeReason ?? undefined);
  } catch (error) {
    if (error instanceof AppError) {
      const tier = assessment.tier ? `「${assessment.tier.name}」阶次` : '';
      throw new AppError(error.code, `依据${citation}${tier}：${error.message}`, { ...error.details, benchmarkItem: item.id, citation });
    }
    throw error;
  }
  return {
    assessment,
    check,
    citation,
    tier: assessment.tier?.name ?? null,
    rangeFen: { minFen: toFen(check.range.min), maxFen: toFen(check.range.max) },
    outsideRangeReason: check.withinRange ? null : (check.reason ?? null),
  };
}

/**
 * Whether the recorded facts allow a penalty at all. The exemption engine's verdict on the statute's grounds
 * (exemption.ts; the local exemption lists are for the officer's preview): a mandatory one (应当不予行政处罚) refuses
 * the penalty proposal or decision (RULE_VIOLATION citing its article). Returns the grounds that only make the
 * penalty lighter (第三十条 ages 14–17: 应当; 第三十一条第二句 limited capacity: 可以), for the step to warn about.
 */
export function assertPenaltyLawful(facts: CaseFacts): string[] {
  const verdict = assessExemption([], facts);
  const mandatory = verdict.grounds.filter((g) => g.origin === 'statute' && g.mandatory);
  if (mandatory.length > 0) {
    throw ruleViolation(
      `依据已录入的裁量事实，本案应当不予行政处罚（${mandatory.map((g) => `${g.text}，${g.article}`).join('；')}），不能提出或作出处罚；请将处理意见改为不予行政处罚并记录教育情况（${articles.education}）`,
      [...new Set(mandatory.map((g) => g.article))].join('、'),
      { grounds: mandatory.map((g) => g.text) },
    );
  }
  return verdict.lighter;
}
