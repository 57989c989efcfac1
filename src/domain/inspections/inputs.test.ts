import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../validators/credit-code.ts';
import { inspectionItemInput, parseSubjectRows } from './inputs.ts';

const code = (first17: string) => first17 + creditCodeCheckChar(first17);
const A = code('91350100MA2Y0AAA1');
const B = code('92350102MA2Y0BBB2');

const row = (over: Record<string, string> = {}) => ({ 名称: '云城市鑫源商贸有限公司', 统一社会信用代码: A, 对象类型: '企业', 地址: '云城市东湖区湖滨路8号', 行业类别: '商贸', 风险等级: 'B', ...over });

describe('the subjects file (检查对象库): each row checked, bad rows rejected with their number and reason', () => {
  it('keeps the good rows and rejects the others, naming the GB 32100-2015 defect', () => {
    const { subjects, rejects } = parseSubjectRows(
      [
      row(),
      row({ 名称: '东湖区小李烧烤店', 统一社会信用代码: B.toLowerCase(), 对象类型: '个体工商户', 风险等级: 'c类（较高风险）' }),
      row({ 统一社会信用代码: `${A.slice(0, 17)}${A[17] === '0' ? '1' : '0'}` }),
      row({ 风险等级: '高' }),
      row({ 地址: '' }),
      row(),
    ].map((cells, i) => ({ row: i + 2, cells })),
    );
    expect(subjects.map((s) => [s.creditCode, s.kind, s.riskClass])).toEqual([
      [A, 'enterprise', 'B'],
      [B, 'individual', 'C'],
    ]);
    expect(rejects).toEqual([
      { row: 4, reason: '统一社会信用代码校验码（第18位）不正确，请核对是否录入有误' },
      { row: 5, reason: '风险等级应为 A、B、C、D 之一' },
      { row: 6, reason: '请填写地址' },
      { row: 7, reason: '统一社会信用代码与第 2 行重复' },
    ]);
  });
});

describe('an inspection item states its legal basis with the article', () => {
  const item = { code: 'CG-001', name: '户外广告设施设置检查', basis: '《城市市容和环境卫生管理条例》第十一条', subjectKinds: ['enterprise'], method: 'onSite', yearlyCap: 2, random: true };
  it('accepts an item citing its article, refuses one that does not', () => {
    expect(inspectionItemInput.parse(item).yearlyCap).toBe(2);
    expect(inspectionItemInput.safeParse({ ...item, basis: '城市管理相关规定' }).error?.issues[0]?.message).toBe('检查依据应写明法律法规名称和条款（如“第十一条”）');
    expect(inspectionItemInput.safeParse({ ...item, yearlyCap: 0 }).error?.issues[0]?.message).toBe('年度检查频次上限至少为 1');
    expect(inspectionItemInput.safeParse({ ...item, subjectKinds: [] }).error?.issues[0]?.message).toBe('请选择检查对象类型');
  });
});
