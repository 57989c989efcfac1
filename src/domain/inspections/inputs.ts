/**
 * What an organization enters: its published inspection items (检查事项清单) and its regulated subjects (检查对象库),
 * one by one or from a CSV/XLSX file whose rows are checked one by one (a bad row is rejected with its number and
 * reason; the good rows are kept).
 */
import { z } from 'zod';
import { missing, textInput } from '../input-kit.ts';
import { validateCreditCode } from '../validators/credit-code.ts';
import { inspectionMethodKeys, riskClassKeys, subjectKindKeys, subjectKinds } from './model.ts';

const text = (label: string, max = 200) => textInput(label, max, 1);

/** A credit code checked per GB 32100-2015, upper-cased. */
export const creditCode = z
  .string({ error: missing('统一社会信用代码') })
  .transform((value, c) => {
    const result = validateCreditCode(value);
    if (!result.ok) {
      c.addIssue({ code: 'custom', message: result.reason });
      return z.NEVER;
    }
    return result.value;
  })
  .meta({ title: '统一社会信用代码' });

export const inspectionItemInput = z.object({
  code: z.string({ error: missing('事项编码') }).trim().regex(/^[0-9A-Za-z-]{2,30}$/, '事项编码为 2–30 位字母、数字或连字符').meta({ title: '事项编码' }),
  name: text('检查事项名称', 100),
  /** The legal basis with its article, e.g. 《城市市容和环境卫生管理条例》第十一条. */
  basis: text('检查依据', 500).refine((v) => /第[一二三四五六七八九十百零〇\d]+条/.test(v), '检查依据应写明法律法规名称和条款（如“第十一条”）'),
  subjectKinds: z.array(z.enum(subjectKindKeys, { message: '检查对象类型无效' }), { error: '请选择检查对象类型' }).min(1, '请选择检查对象类型').meta({ title: '检查对象类型' }),
  method: z.enum(inspectionMethodKeys, { message: '检查方式无效' }).meta({ title: '检查方式' }),
  /** Inspections of one subject on this item per calendar year; null: no cap. */
  yearlyCap: z.number({ error: '年度检查频次上限应为数字' }).int('年度检查频次上限应为整数').min(1, '年度检查频次上限至少为 1').max(12, '年度检查频次上限不超过 12').nullable().meta({ title: '每年检查频次上限' }),
  random: z.boolean({ error: '请选择是否纳入双随机抽查' }).meta({ title: '纳入双随机抽查' }),
});
export type InspectionItemInput = z.infer<typeof inspectionItemInput>;

export const subjectInput = z.object({
  name: text('名称', 100),
  creditCode,
  kind: z.enum(subjectKindKeys, { message: '对象类型无效' }).meta({ title: '对象类型' }),
  address: text('地址', 200),
  /** Trade or category as the organization keeps it (餐饮, 建筑工地, 户外广告 …). */
  category: text('行业类别', 50),
  riskClass: z.enum(riskClassKeys, { message: '风险等级应为 A、B、C、D 之一' }).meta({ title: '风险等级' }),
});
export type SubjectInput = z.infer<typeof subjectInput>;

/** The columns of a subjects file, in the template's order, with the field each fills. */
export const subjectColumns = [
  ['名称', 'name'],
  ['统一社会信用代码', 'creditCode'],
  ['对象类型', 'kind'],
  ['地址', 'address'],
  ['行业类别', 'category'],
  ['风险等级', 'riskClass'],
] as const;

const byLabel = <K extends string>(labels: Readonly<Record<K, string>>) => new Map(Object.entries(labels).map(([k, v]) => [v as string, k as K]));
const kindByLabel = byLabel(subjectKinds);

export interface RowReject {
  /** The row number as the user sees it in the file (the header is row 1). */
  row: number;
  reason: string;
}

/**
 * Rows of a subjects file (their number in the file, header → cell text) to inputs: the kind may be written as its label (企业, 个体工商户, 其他组织),
 * the risk class as A–D or its label; a code repeated in the file keeps its first row.
 */
export function parseSubjectRows(rows: readonly { row: number; cells: Readonly<Record<string, string>> }[]): { subjects: (SubjectInput & { row: number })[]; rejects: RowReject[] } {
  const subjects: (SubjectInput & { row: number })[] = [];
  const rejects: RowReject[] = [];
  const firstRow = new Map<string, number>();
  rows.forEach(({ row, cells }) => {
    const raw: Record<string, unknown> = {};
    for (const [label, field] of subjectColumns) raw[field] = (cells[label] ?? '').trim();
    raw.kind = kindByLabel.get(String(raw.kind)) ?? raw.kind;
    raw.riskClass = String(raw.riskClass).toUpperCase().slice(0, 1) || raw.riskClass;
    const parsed = subjectInput.safeParse(raw);
    if (!parsed.success) {
      rejects.push({ row, reason: [...new Set(parsed.error.issues.map((i) => i.message))].join('；') });
      return;
    }
    const seen = firstRow.get(parsed.data.creditCode);
    if (seen !== undefined) {
      rejects.push({ row, reason: `统一社会信用代码与第 ${seen} 行重复` });
      return;
    }
    firstRow.set(parsed.data.creditCode, row);
    subjects.push({ ...parsed.data, row });
  });
  return { subjects, rejects };
}
