/**
 * 双随机、一公开: the year's plan (items, the subject pool's filter, a ratio or count per item, the officer pool), the
 * seed published before the draw, the draw itself (draw.ts) and its public proof — which anyone re-runs offline
 * (`fazhi draw verify FILE.json` calls `verifyProof`).
 */
import { z } from 'zod';
import { ruleViolation, validationError } from '../errors.ts';
import { idInput } from '../ids.ts';
import { art, para } from '../workflow/law.ts';
import { DRAW_ALGORITHM, draw, drawCount, type DrawResult } from './draw.ts';
import { riskClassKeys, subjectKindKeys } from './model.ts';

export const RANDOM_BASIS = art('优化营商环境条例', 54, para(1));

export const planItemInput = z.object({
  itemId: idInput('检查事项'),
  /** Draw a share of the pool (e.g. 3 %) or a fixed number of subjects. */
  rule: z.union([
    z.object({ ratioPercent: z.number({ error: '请填写抽查比例' }).gt(0, '抽查比例应大于 0').max(100, '抽查比例不超过 100%').meta({ title: '抽查比例（%）' }) }),
    z.object({ count: z.number({ error: '请填写抽查数量' }).int('抽查数量应为整数').min(1, '抽查数量至少为 1').meta({ title: '抽查数量' }) }),
  ]),
  /** Which subjects are in the pool: by kind, risk class and category (empty: all). */
  filter: z
    .object({
      kinds: z.array(z.enum(subjectKindKeys, { message: '对象类型无效' })).default([]),
      riskClasses: z.array(z.enum(riskClassKeys, { message: '风险等级无效' })).default([]),
      categories: z.array(z.string().trim().min(1).max(50)).default([]),
    })
    .default({ kinds: [], riskClasses: [], categories: [] }),
});

export const planInput = z.object({
  year: z.number({ error: '请填写年度' }).int('年度应为整数').min(2020, '年度无效').max(2100, '年度无效').meta({ title: '年度' }),
  name: z.string({ error: '请填写计划名称' }).trim().min(2, '计划名称至少 2 个字').max(100, '计划名称不超过 100 个字').meta({ title: '计划名称' }),
  items: z.array(planItemInput, { error: '请选择抽查事项' }).min(1, '请至少选择一个抽查事项'),
  officerIds: z.array(idInput('执法人员'), { error: '请选择执法人员名录' }).min(2, '执法人员名录至少 2 人'),
  officersPerSubject: z.number().int().min(2, '每个检查对象至少选派 2 名执法人员').max(5, '每个检查对象最多选派 5 名执法人员').default(2),
});
export type PlanInput = z.infer<typeof planInput>;

/** A subject as the pool filter sees it. */
export interface PoolSubject {
  creditCode: string;
  kind: (typeof subjectKindKeys)[number];
  riskClass: (typeof riskClassKeys)[number];
  category: string;
}

export function inPool(filter: PlanInput['items'][number]['filter'], s: PoolSubject): boolean {
  return (
    (filter.kinds.length === 0 || filter.kinds.includes(s.kind)) &&
    (filter.riskClasses.length === 0 || filter.riskClasses.includes(s.riskClass)) &&
    (filter.categories.length === 0 || filter.categories.includes(s.category))
  );
}

/** The public proof of a draw: everything needed to re-run it, and what it gave. */
export interface DrawProof {
  algorithm: typeof DRAW_ALGORITHM;
  planId: number;
  seed: string;
  /** When the seed was made public (ISO instant); the draw happened after it. */
  seedPublishedAt: string;
  drawnAt: string;
  items: {
    itemCode: string;
    rule: { ratioPercent: number } | { count: number };
    /** The subjects' credit codes, sorted. */
    pool: string[];
    poolDigest: string;
    drawn: string[];
    /** Per drawn subject, the officers (by 执法证号) drawn for it, with any re-draw for a conflict of interest. */
    officers: { subject: string; pool: string[]; poolDigest: string; count: number; setAside: string[]; drawn: string[] }[];
  }[];
}

export const subjectsPurpose = (itemCode: string) => `subjects:${itemCode}`;
export const officersPurpose = (itemCode: string, creditCode: string) => `officers:${itemCode}:${creditCode}`;

/** The seed is published before the draw, never changed after, and the draw happens after it. */
export function assertSeedPublished(plan: { seed: string | null; seedPublishedAt: Date | null }, now: Date): string {
  if (!plan.seed || !plan.seedPublishedAt) throw ruleViolation('请先公布抽取种子，再进行抽取（种子须在抽取前向社会公开，任何人可据此复核抽取结果）', RANDOM_BASIS);
  if (plan.seedPublishedAt.getTime() >= now.getTime()) throw ruleViolation('抽取须在种子公布之后进行', RANDOM_BASIS);
  return plan.seed;
}

/** The subjects of one item: the ratio or count of its pool. */
export function drawSubjects(seed: string, itemCode: string, pool: readonly string[], rule: { ratioPercent: number } | { count: number }): DrawResult {
  return draw({ seed, purpose: subjectsPurpose(itemCode), pool, count: drawCount(pool.length, rule) });
}

/** The officers for one drawn subject, with the re-draws of those set aside for a conflict of interest. */
export function drawOfficers(seed: string, itemCode: string, creditCode: string, pool: readonly string[], count: number, setAside: readonly string[] = []): DrawResult {
  if (pool.length < count) throw validationError(`执法人员名录只有 ${pool.length} 人，不足每个检查对象 ${count} 人`);
  return draw({ seed, purpose: officersPurpose(itemCode, creditCode), pool, count, setAside });
}

/** Re-runs every draw of a proof; the list of what differs (empty: the proof holds). */
export function verifyProof(proof: DrawProof): string[] {
  const problems: string[] = [];
  if (proof.algorithm !== DRAW_ALGORITHM) return [`不支持的抽取算法：${String(proof.algorithm)}（本程序实现 ${DRAW_ALGORITHM}）`];
  if (Date.parse(proof.seedPublishedAt) >= Date.parse(proof.drawnAt)) problems.push('种子公布时间不早于抽取时间');
  for (const item of proof.items) {
    const subjects = drawSubjects(proof.seed, item.itemCode, item.pool, item.rule);
    if (subjects.poolDigest !== item.poolDigest) problems.push(`事项 ${item.itemCode}：名录摘要不符（按名录重新计算为 ${subjects.poolDigest}）`);
    if (subjects.drawn.join() !== item.drawn.join()) problems.push(`事项 ${item.itemCode}：抽中的检查对象与重新抽取的结果不一致`);
    for (const o of item.officers) {
      const officers = drawOfficers(proof.seed, item.itemCode, o.subject, o.pool, o.count, o.setAside);
      if (officers.poolDigest !== o.poolDigest) problems.push(`事项 ${item.itemCode} 对象 ${o.subject}：执法人员名录摘要不符`);
      if (officers.drawn.join() !== o.drawn.join()) problems.push(`事项 ${item.itemCode} 对象 ${o.subject}：选派的执法人员与重新抽取的结果不一致`);
    }
  }
  return problems;
}
