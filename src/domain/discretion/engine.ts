/**
 * The discretion engine: case facts → tier → fine range, with an explanation a party can read.
 *
 * Tier rule. Benchmarks list tiers from light to heavy. Of the tiers whose conditions the facts meet:
 *   1. a 不予处罚 tier wins — 《行政处罚法》第三十三条第一款 makes "轻微并及时改正、没有造成危害后果" a
 *      mandatory no-penalty, and the benchmarks encode exactly that tier;
 *   2. otherwise the heaviest one: aggravating alternatives (威胁工作人员 …) sit in the 严重 tier, and a first
 *      offender who threatened staff is not a 较轻 case.
 * Tiers that depend on unknown facts are reported as pending questions, never guessed.
 *
 * Mitigation rule (《行政处罚法》第三十二条, and 第三十条 for parties aged 14–18: 应当从轻或者减轻). The
 * benchmark's own conditions come first: a tier that already names the circumstance (e.g. 及时通知…积极恢复原状)
 * has priced it in. Any remaining circumstance lowers the penalty by one step, within the statutory range:
 *   - to the next lighter tier that imposes a penalty on this party (降低一个阶次), or
 *   - when there is none, to the lower part of the tier's own range (up to mitigationUpperShare of its width);
 *   - when the tier is a single amount with nothing lighter, the amount stands and the explanation says that a
 *     reduced penalty (减轻, below the statutory minimum) needs a written reason and legal review (checkProposal).
 * Several circumstances still make one step: the benchmarks grade by tier, and going further is 减轻, which is a
 * decision for the head after legal review, not for the engine.
 */
import { discretionRules, articles } from './config.ts';
import { formatYuan } from './chinese-number.ts';
import type { CaseFacts, Condition, FineComponent, OtherPenalty, PartyKind, QuantityKey, Tier, BenchmarkItem } from './model.ts';
import { CaseFactsSchema, locationLabels, mitigatingLabels, partyKindLabels, penaltyKindLabels, quantityLabels } from './model.ts';
import { describeCondition, evaluateConditions } from './evaluate.ts';
import { sourceTitle } from './versions.ts';
import type { Range } from './statutory.ts';
import { componentTotal, envelope, roundYuan, selectBands } from './statutory.ts';
import { ruleViolation, validationError } from '../errors.ts';

export interface TierRef {
  code: string;
  name: string;
  order: number;
  conditionText: string;
  standardText: string;
}

export interface PendingTier extends TierRef {
  /** Conditions still to be established (missing facts or texts to confirm). */
  unresolved: string[];
}

export interface Mitigation {
  articles: string[];
  circumstances: string[];
  /** What the engine did, in Chinese. */
  effect: string;
  fromTier: TierRef;
  toTier: TierRef | undefined;
}

export interface PenaltyAssessment {
  item: Pick<BenchmarkItem, 'id' | 'code' | 'name' | 'source' | 'violatedProvision' | 'penaltyProvision'> & { statutoryText: string };
  partyKind: PartyKind;
  /** undetermined: no tier's conditions are established yet (see pendingTiers). */
  outcome: 'penalty' | 'noFine' | 'noPenalty' | 'undetermined';
  tier: TierRef | undefined;
  matchedConditions: string[];
  pendingTiers: PendingTier[];
  /** The fine range for these facts in yuan; undefined when not a fine case or a quantity is missing. */
  fine: Range | undefined;
  /** The statutory range for these facts (the legal ceiling and floor). */
  statutoryFine: Range | undefined;
  otherPenalties: OtherPenalty[];
  measures: string[];
  mitigation: Mitigation | undefined;
  /** 第三十二条 / 第三十条 grounds exist, so a reduced penalty below the statutory minimum is arguable. */
  reductionGrounds: string[];
  /** True when 第三十条 forbids any penalty (under 14). */
  absoluteNoPenalty: boolean;
  missingFacts: string[];
  explanation: string;
}

function tierRef(tier: Tier): TierRef {
  return { code: tier.code, name: tier.name, order: tier.order, conditionText: tier.conditionText, standardText: tier.standard.text };
}

function partyMatches(component: FineComponent, partyKind: PartyKind): boolean {
  return !component.partyKind || component.partyKind === partyKind;
}

/** Whether a tier could ever apply to this party: some clause is not reserved for the other party kind. */
function tierAppliesToParty(tier: Tier, partyKind: PartyKind): boolean {
  const clauseOk = tier.conditions.clauses.some((c) => !c.all.some((leaf) => leaf.kind === 'partyKind' && leaf.value !== partyKind));
  if (!clauseOk) return false;
  if (tier.standard.outcome !== 'penalty' || tier.standard.fines.length === 0) return true;
  return tier.standard.fines.some((f) => partyMatches(f, partyKind)) || tier.standard.otherPenalties.length > 0;
}

interface FineComputation {
  range: Range | undefined;
  missing: QuantityKey[];
  notes: string[];
}

function rangeOf(components: FineComponent[], facts: CaseFacts): FineComputation {
  const ranges: Range[] = [];
  const missing: QuantityKey[] = [];
  for (const component of components) {
    const total = componentTotal(component, facts.quantities);
    if ('missing' in total) missing.push(total.missing);
    else ranges.push(total.range);
  }
  return { range: missing.length > 0 ? undefined : envelope(ranges), missing: [...new Set(missing)], notes: [] };
}

/** The tier's fine for these facts, capped by the statutory range. */
function tierFine(item: BenchmarkItem, tier: Tier, facts: CaseFacts): FineComputation & { statutory: Range | undefined } {
  const notes: string[] = [];
  let components = tier.standard.fines.filter((f) => partyMatches(f, facts.partyKind));
  const located = components.filter((f) => f.location);
  if (located.length > 0) {
    if (facts.locationClass) {
      const here = components.filter((f) => !f.location || f.location === facts.locationClass);
      if (here.length > 0) components = here;
    } else {
      notes.push(`未录入违法地点类别（${located.map((f) => (f.location ? locationLabels[f.location] : '')).join('、')}标准不同），按各标准的最低至最高计算`);
    }
  }
  const own = rangeOf(components, facts);
  const bands = selectBands(item.statutoryRange.bands, facts.partyKind, tier.name);
  const statutoryComputation = rangeOf(bands, facts);
  const statutory = statutoryComputation.missing.length > 0 ? undefined : statutoryComputation.range;
  let range = own.range;
  if (range && statutory) {
    const capped = {
      min: Math.min(Math.max(range.min, statutory.min), statutory.max),
      max: Math.min(Math.max(range.max, statutory.min), statutory.max),
    };
    if (capped.min !== range.min || capped.max !== range.max) {
      notes.push(`按标准计算为${formatYuan(range.min)}至${formatYuan(range.max)}，已按法定处罚幅度（${formatYuan(statutory.min)}至${formatYuan(statutory.max)}）限定`);
    }
    range = capped;
  }
  return { range, missing: own.missing, notes: [...own.notes, ...notes], statutory };
}

function describeFine(range: Range): string {
  return range.min === range.max ? `罚款${formatYuan(range.min)}` : `罚款${formatYuan(range.min)}至${formatYuan(range.max)}`;
}

function describeComputation(tier: Tier, facts: CaseFacts): string | undefined {
  const perUnit = tier.standard.fines.filter((f) => f.basis === 'perUnit' && f.unit && partyMatches(f, facts.partyKind));
  const used = [...new Set(perUnit.map((f) => f.unit))].flatMap((unit) => {
    if (!unit) return [];
    const q = facts.quantities?.[unit];
    return q === undefined ? [] : [`${quantityLabels[unit].name}${q}${quantityLabels[unit].unit}`];
  });
  return used.length > 0 ? `按${used.join('、')}计算` : undefined;
}

function reductionGroundsOf(facts: CaseFacts, consumed: ReadonlySet<string>): string[] {
  const grounds = (facts.mitigating ?? []).filter((m) => !consumed.has(m)).map((m) => `${articles.mitigation}：${mitigatingLabels[m]}`);
  if (facts.partyKind === 'person' && facts.age !== undefined && facts.age >= discretionRules.noPenaltyBelowAge && facts.age < discretionRules.lighterBelowAge) {
    grounds.push(`${articles.minors}：已满十四周岁不满十八周岁的未成年人有违法行为的，应当从轻或者减轻行政处罚`);
  }
  return grounds;
}

/**
 * Every ground the facts give for a reduced penalty (减轻, below the statutory minimum): 第三十二条 circumstances and
 * 第三十条 ages 14–17. Unlike a tier's mitigation, none is "already priced in": the statutory minimum is the law's.
 */
export function reductionGrounds(facts: CaseFacts): string[] {
  return reductionGroundsOf(facts, new Set());
}

/**
 * Assesses the penalty for one benchmark item and the facts of a case. Throws VALIDATION when the facts are
 * malformed or the item does not apply to this kind of party.
 */
export function assessPenalty(item: BenchmarkItem, rawFacts: CaseFacts): PenaltyAssessment {
  const parsed = CaseFactsSchema.safeParse(rawFacts);
  if (!parsed.success) throw validationError('案件事实不符合要求', { issues: parsed.error.issues });
  const facts = parsed.data;
  if (item.partyKind !== 'any' && item.partyKind !== facts.partyKind) {
    throw validationError(`该裁量基准事项仅适用于${partyKindLabels[item.partyKind]}，当事人为${partyKindLabels[facts.partyKind]}`, { itemId: item.id });
  }
  const itemRef = {
    id: item.id,
    code: item.code,
    name: item.name,
    source: item.source,
    violatedProvision: item.violatedProvision,
    penaltyProvision: item.penaltyProvision,
    statutoryText: item.statutoryRange.text,
  };
  const citation = `依据${sourceTitle(item.source.name)}序号${item.code}「${item.name}」（罚则：${item.penaltyProvision}；法定处罚幅度：${item.statutoryRange.text.replace(/。$/, '')}）`;
  const base = {
    item: itemRef,
    partyKind: facts.partyKind,
    pendingTiers: [] as PendingTier[],
    otherPenalties: [] as OtherPenalty[],
    measures: [] as string[],
    mitigation: undefined,
    missingFacts: [] as string[],
  };

  // 第三十条: under 14, no penalty whatever the benchmark says.
  if (facts.partyKind === 'person' && facts.age !== undefined && facts.age < discretionRules.noPenaltyBelowAge) {
    return {
      ...base,
      outcome: 'noPenalty',
      tier: undefined,
      matchedConditions: [`违法时不满十四周岁（${facts.age}周岁）`],
      fine: undefined,
      statutoryFine: undefined,
      reductionGrounds: [],
      absoluteNoPenalty: true,
      explanation: `${citation}。当事人违法时不满十四周岁，依照${articles.minors}不予行政处罚，应当责令监护人加以管教；并依照${articles.education}对当事人进行教育。`,
    };
  }

  const evaluations = item.tiers
    .filter((tier) => tierAppliesToParty(tier, facts.partyKind))
    .map((tier) => ({ tier, evaluation: evaluateConditions(tier.conditions, facts) }));
  const met = evaluations.filter((e) => e.evaluation.truth === 'met');
  const chosen = met.find((e) => e.tier.standard.outcome === 'noPenalty') ?? met.sort((a, b) => b.tier.order - a.tier.order)[0];
  const pendingTiers: PendingTier[] = evaluations
    .filter((e) => chosen?.tier.standard.outcome !== 'noPenalty' && e.evaluation.truth === 'unknown')
    .filter((e) => !chosen || e.tier.order > chosen.tier.order || e.tier.standard.outcome === 'noPenalty')
    .map((e) => ({ ...tierRef(e.tier), unresolved: e.evaluation.unknown.map((leaf) => describeCondition(leaf, facts)) }));
  const pendingText = pendingTiers.map((p) => `如能确认「${p.unresolved.join('」「')}」，则可能适用「${p.name}」阶次`);

  if (!chosen) {
    const missingFacts = [...new Set(pendingTiers.flatMap((p) => p.unresolved))];
    const noneText = evaluations.length === 0 ? `该事项没有适用于${partyKindLabels[facts.partyKind]}的裁量阶次` : '现有事实不符合任何裁量阶次的适用条件';
    return {
      ...base,
      outcome: 'undetermined',
      tier: undefined,
      matchedConditions: [],
      pendingTiers,
      fine: undefined,
      statutoryFine: undefined,
      reductionGrounds: [],
      absoluteNoPenalty: false,
      missingFacts,
      explanation: [`${citation}。`, `${noneText}${pendingText.length > 0 ? '：' + pendingText.join('；') : ''}。`, '请补充事实后重新计算。'].join(''),
    };
  }

  const { tier, evaluation } = chosen;
  const matchedConditions = evaluation.met.map((leaf) => describeCondition(leaf, facts));
  const consumed = new Set<string>(evaluation.met.flatMap((leaf: Condition) => (leaf.kind === 'mitigating' && leaf.value ? [leaf.code] : [])));
  const reductionGrounds = tier.standard.outcome === 'penalty' ? reductionGroundsOf(facts, consumed) : [];
  const sentences: string[] = [`${citation}。`];
  sentences.push(`适用「${tier.name}」阶次（适用条件：${tier.conditionText.replace(/。$/, '')}）。`);
  if (matchedConditions.length > 0) sentences.push(`本案符合：${matchedConditions.join('；')}。`);
  sentences.push(`处罚标准：${tier.standard.text.replace(/。$/, '')}。`);

  if (tier.standard.outcome !== 'penalty') {
    const noPenalty = tier.standard.outcome === 'noPenalty';
    if (noPenalty) sentences.push(`依照${articles.exemption}不予行政处罚，并依照${articles.education}对当事人进行教育。`);
    else sentences.push('不予罚款，依法责令改正。');
    return {
      ...base,
      outcome: tier.standard.outcome,
      tier: tierRef(tier),
      matchedConditions,
      pendingTiers,
      fine: undefined,
      statutoryFine: undefined,
      otherPenalties: tier.standard.otherPenalties,
      measures: tier.standard.measures,
      reductionGrounds,
      absoluteNoPenalty: false,
      explanation: sentences.join(''),
    };
  }

  const computed = tierFine(item, tier, facts);
  let fine = computed.range;
  const computation = describeComputation(tier, facts);
  if (fine) sentences.push(`${computation ? computation + '，' : ''}${describeFine(fine)}。`);
  sentences.push(...computed.notes.map((n) => `${n}。`));
  const missingFacts = computed.missing.map((q) => `${quantityLabels[q].name}（${quantityLabels[q].unit}）`);
  if (missingFacts.length > 0) sentences.push(`缺少${missingFacts.join('、')}，无法计算罚款数额。`);

  let mitigation: Mitigation | undefined;
  if (reductionGrounds.length > 0 && fine) {
    const lighter = evaluations
      .map((e) => e.tier)
      .filter((t) => t.order < tier.order && t.standard.outcome === 'penalty' && t.standard.fines.some((f) => partyMatches(f, facts.partyKind)))
      .sort((a, b) => b.order - a.order)[0];
    const circumstances = reductionGrounds.map((g) => g.replace(/^[^：]+：/, ''));
    const cited = [...new Set(reductionGrounds.map((g) => g.replace(/：.*$/, '')))];
    const lighterFine = lighter ? tierFine(item, lighter, facts).range : undefined;
    if (lighter && lighterFine) {
      fine = lighterFine;
      mitigation = {
        articles: cited,
        circumstances,
        effect: `依照${cited.join('、')}从轻处罚，由「${tier.name}」阶次降至「${lighter.name}」阶次（${lighter.standard.text.replace(/。$/, '')}），${describeFine(fine)}`,
        fromTier: tierRef(tier),
        toTier: tierRef(lighter),
      };
    } else if (fine.max > fine.min) {
      const upper = roundYuan(fine.min + (fine.max - fine.min) * discretionRules.mitigationUpperShare);
      fine = { min: fine.min, max: upper };
      mitigation = {
        articles: cited,
        circumstances,
        effect: `依照${cited.join('、')}从轻处罚，在本阶次幅度的下半部分确定，${describeFine(fine)}`,
        fromTier: tierRef(tier),
        toTier: undefined,
      };
    } else {
      mitigation = {
        articles: cited,
        circumstances,
        effect: `本阶次已为最低罚款标准，无法在裁量基准内再从轻；如拟减轻处罚（低于法定最低限），应书面说明理由并经法制审核（${articles.legalReview}）`,
        fromTier: tierRef(tier),
        toTier: undefined,
      };
    }
    sentences.push(`当事人具有「${circumstances.join('」「')}」情形。${mitigation.effect}。`);
  }
  if (tier.standard.otherPenalties.length > 0) {
    sentences.push(`并处：${tier.standard.otherPenalties.map((p) => `${p.condition ?? ''}${penaltyKindLabels[p.kind]}（${p.text}）`).join('；')}。`);
  }
  if (pendingText.length > 0) sentences.push(`${pendingText.join('；')}。`);

  return {
    ...base,
    outcome: 'penalty',
    tier: tierRef(tier),
    matchedConditions,
    pendingTiers,
    fine,
    statutoryFine: computed.statutory,
    otherPenalties: tier.standard.otherPenalties,
    measures: tier.standard.measures,
    mitigation,
    reductionGrounds,
    absoluteNoPenalty: false,
    missingFacts,
    explanation: sentences.join(''),
  };
}

export interface ProposalCheck {
  accepted: true;
  withinRange: boolean;
  /** Outside the benchmark range: the decision needs legal review (法制审核) before it is made. */
  requiresLegalReview: boolean;
  /** Below the statutory minimum (减轻处罚), on 第三十二条 / 第三十条 grounds. */
  belowStatutoryMinimum: boolean;
  range: Range;
  reason: string | undefined;
  message: string;
}

/**
 * Checks a proposed fine against an assessment. Inside the range: fine. Outside it: refused without a written
 * reason, accepted for legal review with one. Never above the statutory maximum, and below the statutory minimum
 * only on 第三十二条 / 第三十条 grounds. Throws RULE_VIOLATION (refused) or VALIDATION (nothing to check against).
 */
export function checkProposal(assessment: PenaltyAssessment, proposedFine: number, reason?: string): ProposalCheck {
  if (!Number.isFinite(proposedFine) || proposedFine < 0) throw validationError('拟罚款数额应为不小于0的数字');
  const tolerance = discretionRules.amountTolerance;
  if (assessment.absoluteNoPenalty && proposedFine > 0) {
    throw ruleViolation('当事人违法时不满十四周岁，不予行政处罚，不得罚款', articles.minors);
  }
  if (assessment.outcome === 'undetermined') {
    throw validationError(`尚未确定裁量阶次，无法核对拟罚款数额：${assessment.missingFacts.join('、') || '请补充案件事实'}`);
  }
  const range = assessment.outcome === 'penalty' ? assessment.fine : { min: 0, max: 0 };
  if (!range) throw validationError(`缺少${assessment.missingFacts.join('、')}，无法计算罚款幅度，不能核对拟罚款数额`);
  const written = reason?.trim() ?? '';
  const hasReason = written.length >= discretionRules.minWrittenReasonLength;
  const proposed = formatYuan(proposedFine);
  const within = proposedFine >= range.min - tolerance && proposedFine <= range.max + tolerance;
  if (within) {
    return {
      accepted: true,
      withinRange: true,
      requiresLegalReview: false,
      belowStatutoryMinimum: false,
      range,
      reason: written || undefined,
      message: `拟罚款${proposed}在裁量基准幅度（${formatYuan(range.min)}至${formatYuan(range.max)}）内`,
    };
  }
  const statutory = assessment.statutoryFine;
  const details = { proposedFine, range, statutory, tier: assessment.tier?.name };
  if (statutory && proposedFine > statutory.max + tolerance) {
    throw ruleViolation(
      `拟罚款${proposed}超过法定处罚幅度上限${formatYuan(statutory.max)}，不得作出`,
      assessment.item.penaltyProvision,
      details,
    );
  }
  const belowStatutoryMinimum = statutory !== undefined && proposedFine < statutory.min - tolerance;
  if (belowStatutoryMinimum && assessment.reductionGrounds.length === 0) {
    throw ruleViolation(
      `拟罚款${proposed}低于法定处罚幅度下限${formatYuan(statutory.min)}，只有具备${articles.mitigation}或${articles.minors}规定的情形才能减轻处罚`,
      articles.mitigation,
      details,
    );
  }
  const where = proposedFine < range.min ? '低于' : '高于';
  if (!hasReason) {
    throw ruleViolation(
      `拟罚款${proposed}${where}裁量基准确定的幅度（${formatYuan(range.min)}至${formatYuan(range.max)}），须书面说明理由（不少于${discretionRules.minWrittenReasonLength}个字）并经法制审核`,
      `${articles.benchmarksPublic}；${articles.benchmarkDeviation}`,
      details,
    );
  }
  return {
    accepted: true,
    withinRange: false,
    requiresLegalReview: true,
    belowStatutoryMinimum,
    range,
    reason: written,
    message: `拟罚款${proposed}${where}裁量基准幅度（${formatYuan(range.min)}至${formatYuan(range.max)}），已记录理由，须经法制审核${belowStatutoryMinimum ? '；低于法定最低限属减轻处罚，应经负责人集体讨论决定' : ''}`,
  };
}
