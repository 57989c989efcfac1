/**
 * Who may use the discretion benchmarks (裁量基准): import versions, assess a case against them, compare decided
 * cases (同案同罚). Services assert these permissions, the web asks them (src/domain/policy.ts).
 */
import { permission } from '../policy.ts';

export const discretionPolicy = {
  importBenchmarks: permission('导入裁量基准', ['admin']),
  /** The benchmark assessment of a case and the similar past cases, while it is handled or reviewed. */
  assessCase: permission('查看案件的裁量基准评估和类似案件', ['officer', 'head', 'reviewer', 'supervisor']),
  /** The same-case-same-penalty report of the subtree. */
  consistencyReport: permission('同案同罚一致性报告', ['head', 'reviewer', 'supervisor', 'admin']),
};
