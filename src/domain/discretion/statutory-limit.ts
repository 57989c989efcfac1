/**
 * The statutory range (法定处罚幅度) of a violation as law, whether or not a discretion benchmark covers it. The
 * range is the power-list item's 法定处罚幅度 text, read with the benchmark's own parser (parse-penalty.ts):
 *
 *   - a fine above the statutory maximum is always refused (the 罚则 is the ceiling; no reason lifts it);
 *   - a fine below the statutory minimum is 减轻处罚: only with a ground the law gives for it recorded in the facts
 *     (《行政处罚法》第三十二条 circumstances and 第三十条 ages 14–17, which require it, and 第三十一条第二句 limited
 *     capacity, which permits it) — and never in the
 *     simple procedure (当场处罚, 第五十一条: the decision applies the law as it stands, there is no one to weigh a reduction);
 *   - text that cannot be read into an amount (…并可处以罚款, 工程造价百分之五…) is not a reason to refuse: the check
 *     says the fine was not compared, and why.
 *
 * The range taken is the envelope of every band that may bind this party (ordinary and 情节严重 alike): which band
 * applies is a finding of the case, not something the text tells, so only what is outside all of them is unlawful.
 * Only an imposed fine is compared: a 罚则 whose fine is optional (可以处) cannot be told from a mandatory one here.
 */
import { formatYuan } from './chinese-number.ts';
import { articles, discretionRules } from './config.ts';
import type { CaseFacts, PartyKind, QuantityKey } from './model.ts';
import { partyKindLabels, quantityLabels } from './model.ts';
import { reductionGrounds } from './engine.ts';
import { limitedCapacityGround } from './exemption.ts';
import { parseStatutoryRange } from './parse-penalty.ts';
import { componentTotal, envelope, type Range } from './statutory.ts';
import { ruleViolation } from '../errors.ts';
import { art } from '../workflow/law.ts';

/** The range of fines (元) the 法定处罚幅度 allows this party, or why it cannot be told. */
export type StatutoryFineRange = { range: Range; warning?: undefined } | { range?: undefined; warning: string };

const UNCHECKED = '拟罚款数额未按法定处罚幅度核对，请人工核对';

export function statutoryFineRange(text: string, partyKind: PartyKind, quantities?: CaseFacts['quantities']): StatutoryFineRange {
  const parsed = parseStatutoryRange(text);
  if (!parsed.ok) return { warning: `${parsed.reason}，${UNCHECKED}` };
  const bands = parsed.value.bands.filter((b) => !b.partyKind || b.partyKind === partyKind);
  if (bands.length === 0) return { warning: `法定处罚幅度未载明对${partyKindLabels[partyKind]}的罚款数额，${UNCHECKED}` };
  const ranges: Range[] = [];
  const missing = new Set<QuantityKey>();
  for (const band of bands) {
    const total = componentTotal(band, quantities);
    if ('missing' in total) missing.add(total.missing);
    else ranges.push(total.range);
  }
  if (missing.size > 0) {
    const names = [...missing].map((q) => `${quantityLabels[q].name}（${quantityLabels[q].unit}）`).join('、');
    return { warning: `法定处罚幅度按${names}计算，裁量事实未录入该数量，${UNCHECKED}` };
  }
  return { range: envelope(ranges)! };
}

/**
 * The grounds the facts record for 减轻处罚 below the statutory minimum: 第三十二条 circumstances and 第三十条 ages
 * 14–17 (engine.ts `reductionGrounds`), and 第三十一条第二句 limited capacity, where the law permits it (可以).
 */
export function lawfulReductionGrounds(facts: CaseFacts): string[] {
  const grounds = reductionGrounds(facts);
  if (facts.partyKind === 'person' && facts.limitedCapacity === true) grounds.push(limitedCapacityGround);
  return grounds;
}

export interface StatutoryLimitInput {
  /** The power-list item: its name, 罚则 and 法定处罚幅度 text. */
  violation: { name: string; penaltyProvision: string; statutoryRange: string };
  partyKind: PartyKind;
  quantities?: CaseFacts['quantities'];
  /** The fine imposed in 元; null or 0: no fine, nothing to compare. */
  fine: number | null;
  /** Grounds for 减轻处罚 recorded for the case (`lawfulReductionGrounds`). */
  reductionGrounds: readonly string[];
  /** 简易程序 (当场处罚): no reduction below the minimum at all. */
  simpleProcedure?: boolean;
}

export interface StatutoryLimitCheck {
  text: string;
  /** The range for this party in 元; null when it could not be told (see warnings). */
  range: Range | null;
  /** within: inside the range; reduced: below the minimum on recorded grounds; unchecked: range unreadable; noFine. */
  status: 'within' | 'reduced' | 'unchecked' | 'noFine';
  reductionGrounds: string[];
  warnings: string[];
  message: string;
}

/**
 * Checks a fine against the statutory range of the case's violation. Throws RULE_VIOLATION when the fine is above
 * the maximum, or below the minimum without a recorded ground for 减轻 (or at all, in the simple procedure).
 */
export function checkStatutoryLimit(input: StatutoryLimitInput): StatutoryLimitCheck {
  const { violation } = input;
  const text = violation.statutoryRange;
  const base = { text, reductionGrounds: [...input.reductionGrounds] };
  const fine = input.fine ?? 0;
  const found = statutoryFineRange(text, input.partyKind, input.quantities);
  if (fine <= 0) {
    return { ...base, range: found.range ?? null, status: 'noFine', warnings: [], message: '未处罚款，无需核对法定处罚幅度' };
  }
  if (!found.range) return { ...base, range: null, status: 'unchecked', warnings: [found.warning], message: found.warning };
  const range = found.range;
  const tolerance = discretionRules.amountTolerance;
  const proposed = formatYuan(fine);
  const bounds = `${formatYuan(range.min)}至${formatYuan(range.max)}`;
  const cited = `「${violation.name}」的法定处罚幅度（${violation.penaltyProvision}：${text.replace(/。$/, '')}）`;
  const details = { fine, statutoryRange: range, statutoryText: text };
  if (fine > range.max + tolerance) {
    throw ruleViolation(`拟罚款${proposed}超过${cited}上限${formatYuan(range.max)}，不得作出`, violation.penaltyProvision, details);
  }
  if (fine < range.min - tolerance) {
    if (input.simpleProcedure) {
      throw ruleViolation(
        `拟罚款${proposed}低于${cited}下限${formatYuan(range.min)}；当场处罚不能减轻处罚，如有减轻情节，请适用普通程序`,
        `${art('行政处罚法', 51)}、${violation.penaltyProvision}`,
        details,
      );
    }
    if (input.reductionGrounds.length === 0) {
      throw ruleViolation(
        `拟罚款${proposed}低于${cited}下限${formatYuan(range.min)}；只有具备${articles.mitigation}、${articles.minors}或${articles.mentalState}第二句规定的情形才能减轻处罚，本案未记录此类情形（请在裁量事实中录入）`,
        `${articles.mitigation}；${violation.penaltyProvision}`,
        details,
      );
    }
    return {
      ...base,
      range,
      status: 'reduced',
      warnings: [],
      message: `拟罚款${proposed}低于法定处罚幅度（${bounds}），依据「${input.reductionGrounds.join('」「')}」减轻处罚`,
    };
  }
  return { ...base, range, status: 'within', warnings: [], message: `拟罚款${proposed}在法定处罚幅度（${bounds}）内` };
}
