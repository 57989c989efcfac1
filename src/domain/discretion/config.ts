/**
 * Every parameter of the discretion rules in one place, each next to the provision it comes from. Change a
 * number here, not in the engine.
 */
export const articles = {
  minors: '《行政处罚法》第三十条',
  mentalState: '《行政处罚法》第三十一条',
  mitigation: '《行政处罚法》第三十二条',
  exemption: '《行政处罚法》第三十三条第一款',
  noFault: '《行政处罚法》第三十三条第二款',
  education: '《行政处罚法》第三十三条第三款',
  benchmarksPublic: '《行政处罚法》第三十四条',
  limitation: '《行政处罚法》第三十六条',
  legalReview: '《行政处罚法》第五十八条',
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
