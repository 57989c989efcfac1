/**
 * Issue 14 "Gaps": every act the case engine records prints its document — cases built through the public services
 * (factories), each brought to the state of its act, rendered as .docx content (no PDF) and read back: the article
 * the document applies, the party, the decision of the step. And a document the case does not have is refused as
 * not applicable, not as missing fields.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Actor, systemActor } from '../../domain/access.ts';
import { documentText } from '../../domain/documents/blocks.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase, resetTestDatabase } from '../../db/testing.ts';
import { refusal } from '../../domain/test-support.ts';
import { setCaseSettings } from '../cases/case-settings.ts';
import type { CaseView } from '../cases/get-case.ts';
import { transitionCase } from '../cases/transition-case.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { newCase, newWorld, type World } from '../testing/factories.ts';
import { renderDocumentForCase } from './render-for-case.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;

/** The context on a day (09:00 China time): the steps of a test happen on their own dates. */
const at = (date: string): ServiceContext => ({ ...ctx, clock: () => new Date(`${date}T01:00:00Z`) });

const profile = {
  agencyName: '云城市东湖区城市管理和综合行政执法局',
  agencyAddress: '云城市东湖区湖滨路1号',
  contactPerson: '王磊',
  contactPhone: '0871-66001234',
  reconsiderationBody: '云城市东湖区人民政府',
  court: '云城市东湖区人民法院',
  paymentBank: '中国工商银行东湖支行',
  paymentAccountName: '云城市东湖区财政局非税收入专户',
  paymentAccountNo: '2502012345678901234',
  caseNumberPrefix: '云东城管立字',
};

async function step(date: string, actor: Actor, c: CaseView, body: Record<string, unknown>): Promise<CaseView> {
  return transitionCase(at(date), actor, c.id, { expectedVersion: c.version, ...body });
}

async function print(c: CaseView, type: string, instance?: number): Promise<string> {
  const result = await renderDocumentForCase(at('2026-12-01'), w.actors.wanglei, { code: c.actCode, type, pdf: false, ...(instance === undefined ? {} : { instance }) });
  if (result.kind !== 'document') throw new Error('expected one document');
  return documentText(result.file.content);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date('2026-03-02T01:00:00Z'), files: memoryFileStore() };
});
beforeEach(async () => {
  await resetTestDatabase(handle);
  w = await newWorld(ctx);
  await setCaseSettings(ctx, systemActor, w.org.district.id, profile);
});
afterAll(() => handle.close());

const head = () => w.actors['head.donghu'];

describe('the acts of filing and the investigation (第五十四条、第五十六条)', () => {
  it('不予立案: the approval form with the reason and the head, and the notice to the party', async () => {
    const c = await newCase(ctx, w, { state: 'declined' });
    const form = await print(c, '不予立案审批表');
    expect(form).toContain('不予立案理由 | 经核查，违法事实不成立，不予立案。');
    expect(form).toContain('负责人审批意见 | 同意不予立案。\n签名：陈建国　　2026年3月2日');
    // The case records no 承办人 or 承办机构 opinion of the decline: blank places signed by hand.
    expect(form).toMatch(/承办人意见 \| \n\n签名：\u3000+年\u3000\u3000月\u3000\u3000日/);
    const notice = await print(c, '不予立案告知书');
    // Its own number series (不立字), issued by the decline step.
    expect(notice).toMatch(/^\S+\n不予立案告知书\n\S+不立字〔2026〕1号\n张伟：/);
    expect(notice).toContain('经核查，违法事实不成立，不予立案。依据《中华人民共和国行政处罚法》第五十四条第二款的规定，经本机关负责人批准，决定不予立案。');
    expect(notice).toMatch(/云城市东湖区城市管理和综合行政执法局\n2026年3月2日/);
  });

  it('撤销立案: the approval form of a filed case', async () => {
    const c = await newCase(ctx, w, { state: 'withdrawn' });
    const form = await print(c, '撤销立案审批表');
    expect(form).toContain(`案件编号：云东城管立字〔2026〕${String(c.id)}号`);
    expect(form).toContain('撤销立案理由 | 立案有误，撤销立案。');
    expect(form).toContain('承办人 | 王磊（执法证号：53990219000201）、赵刚（执法证号：53990219000202）');
    expect(form).toContain('同意撤销立案。\n签名：陈建国');
  });

  it('中止、恢复、终止调查: the 承办人 and 承办机构 opinions signed before each act print on its form; an act without them prints the places blank', async () => {
    let c = await newCase(ctx, w, { state: 'investigating' });
    c = await step('2026-03-04', w.actors.wanglei, c, { action: 'signOpinion', form: 'suspension', role: 'undertaker', text: '当事人出境，建议中止调查。' });
    c = await step('2026-03-04', w.actors['chief.donghu'], c, { action: 'signOpinion', form: 'suspension', role: 'unit', text: '同意中止调查。' });
    // The head approves by taking the step; nobody signs the head's place for them.
    expect((await refusal(step('2026-03-04', w.actors.wanglei, c, { action: 'signOpinion', form: 'suspension', role: 'head', text: '同意' }))).code).toBe('RULE_VIOLATION');
    c = await step('2026-03-05', head(), c, { action: 'suspend', reason: '当事人出境，无法调查取证，中止调查。' });
    c = await step('2026-03-09', head(), c, { action: 'resume', reason: '当事人已回国，恢复调查。' });
    c = await step('2026-03-10', head(), c, { action: 'suspend', reason: '需等待规划部门认定意见，中止调查。' });
    const first = await print(c, '中止调查审批表', 0);
    expect(first).toContain('承办人意见 | 当事人出境，建议中止调查。\n签名：王磊　　2026年3月4日');
    expect(first).toContain('承办机构意见 | 同意中止调查。\n签名：李卫东　　2026年3月4日');
    // The second suspension had no opinions signed since the first: its places are left for the pen.
    const second = await print(c, '中止调查审批表', 1);
    expect(second).not.toContain('当事人出境，建议中止调查。');
    expect(second).toMatch(/承办人意见 \| \n\n签名：\u3000+年/);
  });

  it('中止、恢复、终止调查: one approval form per step, the resumption recalling the suspension', async () => {
    let c = await newCase(ctx, w, { state: 'suspended' });
    c = await step('2026-03-05', head(), c, { action: 'resume', reason: '当事人已到案，恢复调查。' });
    c = await step('2026-03-06', head(), c, { action: 'suspend', reason: '需等待规划部门认定意见，中止调查。' });
    c = await step('2026-03-09', head(), c, { action: 'terminate', reason: '当事人死亡，无权利义务承受人，终止调查。' });
    expect(await print(c, '中止调查审批表', 0)).toContain('中止调查理由 | 当事人下落不明，中止调查。');
    const second = await print(c, '中止调查审批表', 1);
    expect(second).toContain('中止调查理由 | 需等待规划部门认定意见，中止调查。');
    expect(second).toContain('签名：陈建国　　2026年3月6日');
    const resumed = await print(c, '恢复调查审批表');
    expect(resumed).toContain('中止调查 | 2026年3月2日经陈建国批准中止调查，理由：当事人下落不明，中止调查。');
    expect(resumed).toContain('恢复调查理由 | 当事人已到案，恢复调查。');
    const terminated = await print(c, '终止调查审批表');
    expect(terminated).toContain('终止调查理由 | 当事人死亡，无权利义务承受人，终止调查。');
    expect(terminated).toContain('同意终止调查。\n签名：陈建国　　2026年3月9日');
  });

  it('先行登记保存: the notice with the head’s approval and the seven-day decision, then the decision on the items', async () => {
    let c = await newCase(ctx, w, { state: 'investigating' });
    c = await step('2026-03-04', head(), c, { action: 'signOpinion', form: 'preservation', role: 'head', text: '同意先行登记保存。' });
    c = await step('2026-03-04', w.actors.wanglei, c, { action: 'preserve', items: '水果摊位推车1辆，遮阳伞1把。' });
    expect(await refusal(print(c, '先行登记保存物品处理决定书'))).toMatchObject({
      code: 'RULE_VIOLATION',
      message: '本案先行登记保存的物品尚未作出处理决定，不适用《先行登记保存物品处理决定书》',
    });
    const notice = await print(c, '先行登记保存证据通知书');
    expect(notice).toContain('经本机关负责人陈建国于2026年3月4日批准，依据《中华人民共和国行政处罚法》第五十六条的规定，决定自2026年3月4日起对下列物品先行登记保存：');
    expect(notice).toContain('水果摊位推车1辆，遮阳伞1把。');
    expect(notice).toMatch(/先行登记保存证据通知书\n\S+登保字〔2026〕1号\n/);
    expect(notice).toContain('本机关将在七日内（2026年3月13日前）依法作出处理决定。');
    expect(notice).toMatch(/保存地点：\u3000+/);
    c = await step('2026-03-06', w.actors.wanglei, c, { action: 'decidePreservation', outcome: '解除先行登记保存，退还当事人' });
    const decision = await print(c, '先行登记保存物品处理决定书');
    expect(decision).toContain('对你的下列物品先行登记保存：水果摊位推车1辆，遮阳伞1把。');
    expect(decision).toContain('依据《中华人民共和国行政处罚法》第五十六条的规定，本机关对上述先行登记保存的物品作出如下处理决定：解除先行登记保存，退还当事人。');
    expect(decision).toMatch(/2026年3月6日\n行政行为码/);
    expect(decision).toMatch(/先行登记保存物品处理决定书\n\S+登保决字〔2026〕1号\n/);
    expect(decision).toMatch(/于2026年3月4日以《先行登记保存证据通知书》（\S+登保字〔2026〕1号）对你的下列物品/);
  });
});

describe('the statement, the decision and execution (第四十五条、第五十七条、第六十六条；《行政强制法》第五十五条)', () => {
  it('陈述申辩笔录 and 复核意见书 from the statement, 行政处罚决定审批表 from the decision', async () => {
    let c = await newCase(ctx, w, { state: 'notified' });
    c = await step('2026-03-11', w.actors.wanglei, c, {
      action: 'recordStatement',
      content: '当事人称系初次摆摊，已自行撤离，请求从轻处罚。',
      reply: '当事人经劝导未改正，不符合从轻情节，不予采纳。',
    });
    const record = await print(c, '陈述申辩笔录');
    expect(record).toContain('时间：2026年3月11日　　时　　分至　　时　　分');
    expect(record).toMatch(/陈述申辩人：张伟，[男女]，\d+岁，公民身份号码：/);
    expect(record).toContain('第四十五条');
    expect(record).toContain('当事人称系初次摆摊，已自行撤离，请求从轻处罚。');
    const review = await print(c, '陈述申辩复核意见书');
    expect(review).toContain('复核意见 | 当事人经劝导未改正，不符合从轻情节，不予采纳。\n复核人：王磊　　2026年3月11日');
    expect(review).toMatch(/告知情况 \| 《行政处罚事先告知书》（\S+罚告字〔2026〕\d+号），2026年3月10日告知/);
    c = await step('2026-03-16', head(), c, { action: 'decide' });
    const approval = await print(c, '行政处罚决定审批表');
    expect(approval).toContain('拟处理意见 | 罚款人民币2000元\n承办人：王磊、赵刚　　2026年3月3日');
    expect(approval).toContain('陈述申辩 | 当事人提出陈述、申辩：当事人称系初次摆摊，已自行撤离，请求从轻处罚。复核意见：当事人经劝导未改正，不符合从轻情节，不予采纳。');
    expect(approval).toContain('法制审核意见 | 未经法制审核。');
    expect(approval).toContain('负责人审批意见 | 同意。决定给予当事人罚款人民币贰仟元整（¥2,000.00）的行政处罚。\n签名：陈建国　　2026年3月16日');
  });

  it('Art. 45: two statements are both kept, each with its own 复核, and the documents and the decision tell both', async () => {
    let c = await newCase(ctx, w, { state: 'notified' });
    c = await step('2026-03-11', w.actors.wanglei, c, { action: 'recordStatement', content: '当事人称系初次摆摊，请求从轻处罚。', reply: '当事人经劝导未改正，不予采纳。' });
    c = await step('2026-03-12', w.actors.zhaogang, c, { action: 'recordStatement', content: '当事人补充：家中老人患病，确有困难。' });
    expect(c.record.statements).toHaveLength(2);
    expect(c.record.statements[0]).toMatchObject({ content: '当事人称系初次摆摊，请求从轻处罚。', reply: '当事人经劝导未改正，不予采纳。' });
    // The second statement is not reviewed yet: no decision (第四十五条第一款).
    expect(await refusal(step('2026-03-16', head(), c, { action: 'decide' }))).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('第2次陈述申辩尚未记录复核意见') });
    // A reply to the first one is not overwritten.
    expect(await refusal(step('2026-03-13', w.actors.wanglei, c, { action: 'replyToStatement', statementNo: 1, reply: '改为采纳。' }))).toMatchObject({ code: 'RULE_VIOLATION' });
    c = await step('2026-03-13', w.actors.wanglei, c, { action: 'replyToStatement', statementNo: 2, reply: '困难情况属实，但不属于法定从轻情节，不予采纳。' });
    expect(c.record.statements[1]).toMatchObject({ reply: '困难情况属实，但不属于法定从轻情节，不予采纳。', repliedOn: '2026-03-13' });
    expect(await print(c, '陈述申辩笔录', 0)).toContain('当事人称系初次摆摊，请求从轻处罚。');
    const second = await print(c, '陈述申辩笔录', 1);
    expect(second).toContain('时间：2026年3月12日');
    expect(second).toContain('记录人：赵刚');
    expect(second).toContain('当事人补充：家中老人患病，确有困难。');
    expect(await print(c, '陈述申辩复核意见书', 0)).toContain('复核意见 | 当事人经劝导未改正，不予采纳。\n复核人：王磊　　2026年3月11日');
    expect(await print(c, '陈述申辩复核意见书', 1)).toContain('复核意见 | 困难情况属实，但不属于法定从轻情节，不予采纳。\n复核人：王磊　　2026年3月13日');
    c = await step('2026-03-16', head(), c, { action: 'decide' });
    const decision = await print(c, '行政处罚决定书');
    expect(decision).toContain('你于2026年3月11日提出陈述、申辩意见：当事人称系初次摆摊，请求从轻处罚。经复核，当事人经劝导未改正，不予采纳。');
    expect(decision).toContain('你于2026年3月12日提出陈述、申辩意见：当事人补充：家中老人患病，确有困难。经复核，困难情况属实，但不属于法定从轻情节，不予采纳。');
    const approval = await print(c, '行政处罚决定审批表');
    expect(approval).toContain('当事人2026年3月12日提出陈述、申辩：当事人补充：家中老人患病，确有困难。复核意见：困难情况属实');
  });

  it('a waived statement prints the waiver (第六十二条) and has no 复核意见书', async () => {
    let c = await newCase(ctx, w, { state: 'notified' });
    c = await step('2026-03-11', w.actors.wanglei, c, { action: 'recordStatement', waived: true, content: '对违法事实无异议，放弃陈述申辩。' });
    expect(await print(c, '陈述申辩笔录')).toContain('当事人表示：对违法事实无异议，放弃陈述申辩。\n当事人明确表示放弃陈述、申辩的权利（《中华人民共和国行政处罚法》第六十二条）。');
    expect(await refusal(print(c, '陈述申辩复核意见书'))).toMatchObject({ code: 'RULE_VIOLATION', message: '当事人明确放弃陈述、申辩，无需复核，不适用《陈述申辩复核意见书》' });
  });

  it('延期（分期）缴纳罚款: the approval form and the decision with the plan and the account', async () => {
    let c = await newCase(ctx, w, { state: 'enforcing' });
    c = await step('2026-03-20', head(), c, {
      action: 'approveDeferral',
      instalments: [
        { dueOn: '2026-04-20', amountFen: 1_000_00 },
        { dueOn: '2026-05-20', amountFen: 1_000_00 },
      ],
      reason: '当事人因病失业，确有经济困难',
    });
    const form = await print(c, '延期（分期）缴纳罚款审批表');
    expect(form).toContain('分期缴纳计划 | 第1期：2026年4月20日前缴纳人民币壹仟元整（¥1,000.00）；第2期：2026年5月20日前缴纳人民币壹仟元整（¥1,000.00）。');
    expect(form).toContain('负责人审批意见 | 同意分期缴纳罚款。理由：当事人因病失业，确有经济困难。\n签名：陈建国　　2026年3月20日');
    const decision = await print(c, '延期（分期）缴纳罚款决定书');
    expect(decision).toMatch(/延期（分期）缴纳罚款决定书\n\S+缓缴字〔2026〕1号\n/);
    expect(decision).toContain('依据《中华人民共和国行政处罚法》第六十六条第二款的规定，本机关决定同意你分期缴纳罚款人民币贰仟元整（¥2,000.00）');
    expect(decision).toContain('第2期：于2026年5月20日前缴纳人民币壹仟元整（¥1,000.00）。');
    expect(decision).toContain('账号：2502012345678901234');
  });

  it('强制执行申请书: after the remedies period and a served reminder, with the contents of 《行政强制法》第五十五条', async () => {
    let c = await newCase(ctx, w, { state: 'enforcing' });
    c = await step('2026-09-21', w.actors.wanglei, c, { action: 'remindPayment', periodDays: 10, service: { method: 'direct', time: '10:00' } });
    c = await step('2026-10-19', head(), c, { action: 'applyCourtEnforcement', court: '云城市东湖区人民法院' });
    const application = await print(c, '强制执行申请书');
    expect(application).toContain('申请人：云城市东湖区城市管理和综合行政执法局，地址：云城市东湖区湖滨路1号。');
    expect(application).toContain(`负责人：${head().displayName}`);
    expect(application).toMatch(/被申请人：张伟，[男女]，1985年6月15日出生，公民身份号码：\d{17}[\dX]，住址：云城市东湖区南湖路88号3栋。/);
    expect(application).toMatch(/强制被申请人缴纳罚款人民币贰仟元整（¥2,000.00）及加处罚款人民币贰仟元整（¥2,000.00）（计至2026年10月19日）/);
    expect(application).toContain('该决定书已于2026年3月16日送达被申请人。');
    expect(application).toMatch(/申请人于2026年9月21日作出催告书（\S+催告字〔2026〕\d+号），并于2026年9月21日送达被申请人/);
    expect(application).toContain('依据《中华人民共和国行政强制法》第五十三条、第五十四条');
    expect(application).toContain('此致\n云城市东湖区人民法院');
    expect(application).toContain('行政机关负责人（签名）：');
  });
});

describe('a document the case does not have is refused as not applicable, naming why', () => {
  it('听证笔录 of a case with no hearing: "本案无听证，不适用", not missing fields', async () => {
    const c = await newCase(ctx, w, { state: 'enforcing' });
    const error = await refusal(print(c, '听证笔录'));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toBe('本案无听证，不适用《行政处罚听证笔录》');
    expect(error.message).not.toContain('缺少必填内容');
    expect(error.details).toMatchObject({ document: '行政处罚听证笔录', notApplicable: '本案无听证', article: '《中华人民共和国行政处罚法》第六十四条、第六十五条' });
  });

  it('卷内目录 of a case not archived names the 卷内目录, not the cover', async () => {
    const c = await newCase(ctx, w, { state: 'enforcing' });
    const error = await refusal(print(c, '卷内目录'));
    expect(error.message).toBe('本案尚未归档，不适用《卷内目录》');
  });

  it('an approval form of an act never taken', async () => {
    const c = await newCase(ctx, w, { state: 'investigating' });
    expect((await refusal(print(c, '中止调查审批表'))).message).toBe('本案未中止调查，不适用《中止调查审批表》');
    expect((await refusal(print(c, '强制执行申请书'))).message).toBe('本案未申请人民法院强制执行，不适用《强制执行申请书》');
  });
});
