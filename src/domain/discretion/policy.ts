/**
 * Who may use the discretion benchmarks (裁量基准): import versions, assess a case against them, compare decided
 * cases (同案同罚). Services assert these permissions, the web asks them (src/domain/policy.ts).
 */
import { permission } from '../policy.ts';

export const discretionPolicy = {
  /** Import a file as a draft version, and discard a draft. */
  importBenchmarks: permission('导入裁量基准', ['admin']),
  /**
   * Put a draft in force from a chosen date, or withdraw a version: the head decides what benchmark the unit applies
   * (《行政处罚法》第三十四条: 行政机关可以依法制定行政处罚裁量基准); the admin who imported the file only prepares it.
   */
  confirmBenchmarks: permission('确认裁量基准生效或撤回', ['head']),
  discardDrafts: permission('放弃裁量基准草稿', ['admin', 'head']),
  /** See drafts (and discarded ones) with their diff: who prepares them and who confirms them. */
  seeDrafts: permission('查看裁量基准草稿', ['admin', 'head']),
  /** The benchmark assessment of a case and the similar past cases, while it is handled or reviewed. */
  assessCase: permission('查看案件的裁量基准评估和类似案件', ['officer', 'head', 'reviewer', 'supervisor']),
  /** The same-case-same-penalty report of the subtree. */
  consistencyReport: permission('同案同罚一致性报告', ['head', 'reviewer', 'supervisor', 'admin']),
};
