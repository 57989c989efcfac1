/**
 * Every parameter of the discretion rules in one place, each next to the provision it comes from. Change a
 * number here, not in the engine.
 */
import { art, para } from '../workflow/law.ts';

export const articles = {
  minors: art('行政处罚法', 30),
  mentalState: art('行政处罚法', 31),
  mitigation: art('行政处罚法', 32),
  exemption: art('行政处罚法', 33, para(1)),
  noFault: art('行政处罚法', 33, para(2)),
  education: art('行政处罚法', 33, para(3)),
  benchmarksPublic: art('行政处罚法', 34),
  limitation: art('行政处罚法', 36),
  legalReview: art('行政处罚法', 58),
  /** Deviation from a benchmark must be reasoned and reviewed. */
  benchmarkDeviation: '《国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见》（国办发〔2022〕27号）',
  /** Wording decides whether a bound includes its number. */
  boundaryWording: '《民法典》第一千二百五十九条',
} as const;

export const discretionRules = {
  /** 第三十条: under this age no penalty at all. */
  noPenaltyBelowAge: 14,
  /** 第三十条: from noPenaltyBelowAge up to (not including) this age the penalty must be lighter or reduced. */
  lighterBelowAge: 18,
  /**
   * 第三十二条 从轻 inside a tier whose range has room and no lighter tier exists: the fine stays in the lower
   * part of the tier's range, up to this share of its width (中间值以下, as most provincial rules put it).
   */
  mitigationUpperShare: 0.5,
  /** A written reason shorter than this is not a reason (e.g. "同意", "情况特殊"). */
  minWrittenReasonLength: 10,
  /** 同案同罚: peers are compared only in groups at least this large. */
  peerMinimumGroupSize: 3,
  /** 同案同罚: a fine is out of line when it is farther from the median than this many MADs … */
  outlierMadMultiplier: 2,
  /** … and also farther than this share of the median, so near-identical fines are never flagged. */
  outlierRelativeThreshold: 0.2,
  /** Amounts are compared to the fen; a fine off by less is equal. */
  amountTolerance: 0.005,
} as const;
