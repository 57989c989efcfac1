import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import type { InspectionView } from '../../domain/inspections/views.ts';
import { INSPECTION_BASIS } from '../../domain/inspections/workflow.ts';
import { refusal } from '../../domain/test-support.ts';
import { creditCodeCheckChar } from '../../domain/validators/credit-code.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { newWorld, type World } from '../testing/factories.ts';
import { verifyAudit } from '../verify-audit.ts';
import { addInspectionItem, listInspectionItems, publishedInspectionItems, publishInspectionItem, withdrawInspectionItem } from './items.ts';
import { registerInspection } from './register-inspection.ts';
import { addSubject, importSubjects, listSubjects } from './subjects.ts';
import { transitionInspection } from './transition-inspection.ts';
import { checkInspectionCode } from './verify-code.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
let today = '2026-03-02';

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date(`${today}T02:00:00Z`) };
  w = await newWorld(ctx);
});
afterAll(() => handle.close());

const code = (first17: string) => first17 + creditCodeCheckChar(first17);
const item = (over: Record<string, unknown> = {}) => ({
  code: 'CG-001',
  name: '户外广告设施设置检查',
  basis: '《城市市容和环境卫生管理条例》第十一条',
  subjectKinds: ['enterprise', 'individual'],
  method: 'onSite',
  yearlyCap: 1,
  random: true,
  ...over,
});
const subject = (over: Record<string, unknown> = {}) => ({ name: '云城市鑫源商贸有限公司', creditCode: code('91539902MA6K0AAA1'), kind: 'enterprise', address: '云城市东湖区湖滨路8号', category: '商贸', riskClass: 'B', ...over });
const step = (actor: Actor, i: InspectionView, body: Record<string, unknown>) => transitionInspection(ctx, actor, i.id, { expectedVersion: i.version, ...body });

describe('inspections of enterprises through the services', () => {
  it(`${INSPECTION_BASIS}: only a published item is inspected; certified officers; the yearly cap; the code verified on the portal`, async () => {
    today = '2026-03-02';
    const head = w.actors['head.donghu'];
    const draft = await addInspectionItem(ctx, head, w.org.district.id, item());
    expect(draft.publishedOn).toBeNull();
    expect((await refusal(addInspectionItem(ctx, head, w.org.district.id, item()))).message).toContain('事项编码 CG-001 已在本单位检查事项清单中');
    const s = await addSubject(ctx, w.actors.wanglei, w.org.district.id, subject());
    const officers = [w.users.wanglei.id, w.users.zhaogang.id];
    let i = await registerInspection(ctx, w.actors.wanglei, { organizationId: w.org.brigade.id, subjectId: s.id, itemId: draft.id, trigger: 'planned', method: 'onSite', officerIds: officers });
    expect(i).toMatchObject({ state: { key: 'registered' }, code: null, number: expect.stringMatching(/^JC2026\d{7}$/) });
    // Not yet published: refused, nothing written.
    const unpublished = await refusal(step(w.actors.wanglei, i, { action: 'issueCode' }));
    expect(unpublished.details?.article).toBe(INSPECTION_BASIS);
    expect(unpublished.message).toContain('未在本单位检查事项清单中公布');
    expect((await refusal(publishInspectionItem(ctx, head, draft.id, { publishedOn: '2026-03-01' }))).message).toContain('公布日期不能早于今天');
    await publishInspectionItem(ctx, head, draft.id, { publishedOn: '2026-03-02' });
    expect((await publishedInspectionItems(ctx.db, w.org.brigade.id, '2026-03-02')).map((x) => x.code)).toEqual(['CG-001']);
    i = await step(w.actors.wanglei, i, { action: 'issueCode' });
    expect(i).toMatchObject({ state: { key: 'coded' }, inspectedOn: '2026-03-02', code: expect.stringMatching(/^[0-9A-Z]{16}$/) });
    // The enterprise verifies the code: who, which item, when — with the certificate numbers.
    const check = await checkInspectionCode(ctx, i.code!.toLowerCase());
    expect(check).toMatchObject({ organization: w.org.brigade.name, item: { name: '户外广告设施设置检查' }, subjectName: '云城市鑫源商贸有限公司', inspectedOn: '2026-03-02', officers: [{ name: '王磊', certificateNo: '53990219000201' }, { name: '赵刚' }] });
    expect((await refusal(checkInspectionCode(ctx, 'ABCDEFGHJKMNPQRS'))).code).toBe('NOT_FOUND');
    i = await step(w.actors.wanglei, i, { action: 'record', findings: '门头广告牌未经审批设置', outcome: 'rectify', rectifyDueOn: '2026-03-16' });
    expect(i).toMatchObject({ state: { key: 'rectifying' }, rectifyDueOn: '2026-03-16' });
    today = '2026-03-17';
    i = await step(w.actors.zhaogang, i, { action: 'reinspect', rectified: true, note: '广告牌已拆除' });
    expect(i.state.key).toBe('closed');

    // The yearly cap (1 for this item): a second planned inspection in 2026 is refused; a complaint-triggered one is not.
    const second = await registerInspection(ctx, w.actors.wanglei, { organizationId: w.org.brigade.id, subjectId: s.id, itemId: draft.id, trigger: 'planned', method: 'onSite', officerIds: officers });
    const capped = await refusal(step(w.actors.wanglei, second, { action: 'issueCode' }));
    expect(capped.message).toContain('达到每年不超过 1 次的上限');
    expect((await step(w.actors['head.donghu'], second, { action: 'cancel', reason: '超出年度检查频次' })).state.key).toBe('cancelled');
    let complaint = await registerInspection(ctx, w.actors.wanglei, { organizationId: w.org.brigade.id, subjectId: s.id, itemId: draft.id, trigger: 'complaint', method: 'onSite', officerIds: officers });
    complaint = await step(w.actors.wanglei, complaint, { action: 'issueCode' });
    expect(complaint).toMatchObject({ state: { key: 'coded' }, capExempt: expect.stringContaining('不计入年度检查频次') });

    // An officer whose certificate expired (孙丽, 2025-06-30) may not inspect.
    const expired = await registerInspection(ctx, w.actors.wanglei, { organizationId: w.org.brigade.id, subjectId: s.id, itemId: draft.id, trigger: 'complaint', method: 'onSite', officerIds: [w.users.wanglei.id, w.users.sunli.id] });
    expect((await refusal(step(w.actors.wanglei, expired, { action: 'issueCode' }))).message).toContain('孙丽在 2026-03-17 没有有效的行政执法证件');

    // Withdrawn from the list: no more inspections on it.
    await withdrawInspectionItem(ctx, head, draft.id, { withdrawnOn: '2026-03-17', reason: '事项调整' });
    expect(await publishedInspectionItems(ctx.db, w.org.brigade.id, '2026-03-17')).toEqual([]);
    expect((await listInspectionItems(ctx.db, w.actors.wanglei, w.org.brigade.id)).map((x) => x.withdrawnOn)).toEqual(['2026-03-17']);
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });

  it('an emergency inspection is registered afterwards, coded, and its record refused after 10 calendar days', async () => {
    today = '2026-09-25';
    const head = w.actors['head.donghu'];
    const gas = await addInspectionItem(ctx, head, w.org.district.id, item({ code: 'CG-009', name: '餐饮单位燃气安全检查', yearlyCap: null, subjectKinds: ['individual'] }));
    await publishInspectionItem(ctx, head, gas.id, { publishedOn: '2026-09-25' });
    const shop = await addSubject(ctx, w.actors.wanglei, w.org.district.id, subject({ name: '东湖区小李烧烤店', creditCode: code('92539902MA6K0BBB2'), kind: 'individual' }));
    const wrongKind = await refusal(registerInspection(ctx, w.actors.wanglei, { organizationId: w.org.brigade.id, subjectId: shop.id, itemId: (await addInspectionItem(ctx, head, w.org.district.id, item({ code: 'CG-010', subjectKinds: ['enterprise'] }))).id, trigger: 'planned', method: 'onSite', officerIds: [w.users.wanglei.id, w.users.zhaogang.id] }));
    expect(wrongKind.message).toContain('不适用于个体工商户');
    today = '2026-10-09';
    const e = await registerInspection(ctx, w.actors.wanglei, { organizationId: w.org.brigade.id, subjectId: shop.id, itemId: gas.id, trigger: 'monitoring', method: 'onSite', methodReason: '燃气报警数据异常，需立即现场处置', officerIds: [w.users.wanglei.id, w.users.zhaogang.id], emergencyOn: '2026-09-25' });
    expect(e).toMatchObject({ state: { key: 'coded' }, inspectedOn: '2026-09-25', emergencyOn: '2026-09-25' });
    // 10 calendar days from 09-25 end on 10-05, in 国庆: the record was due by 10-08.
    const late = await refusal(step(w.actors.wanglei, e, { action: 'record', findings: '燃气软管老化，已责令停用更换', outcome: 'compliant' }));
    expect(late.message).toContain('应当在 10 日内（2026-10-08 前）补录检查记录');
  });

  it('the subjects file: good rows kept (a known code updated), bad rows rejected with their number; an unreadable file imports nothing', async () => {
    const csv = ['名称,统一社会信用代码,对象类型,地址,行业类别,风险等级', `云城市鑫源商贸有限公司（更名）,${code('91539902MA6K0AAA1')},企业,云城市东湖区湖滨路8号,商贸,C`, `东湖区老王面馆,${code('92539902MA6K0CCC3')},个体工商户,云城市东湖区解放路3号,餐饮,A`, '无效店,123,企业,某地,餐饮,A'].join('\n');
    const result = await importSubjects(ctx, w.actors.wanglei, w.org.district.id, 'subjects.csv', new TextEncoder().encode(csv));
    expect(result).toEqual({ added: 1, updated: 1, rejected: [{ row: 4, reason: '统一社会信用代码应为18位，实际为3位' }] });
    const page = await listSubjects(ctx.db, w.actors.wanglei, w.org.district.id, { q: '鑫源' });
    expect(page.items.map((x) => [x.name, x.riskClass.key])).toEqual([['云城市鑫源商贸有限公司（更名）', 'C']]);
    expect((await refusal(importSubjects(ctx, w.actors.wanglei, w.org.district.id, 'subjects.csv', new TextEncoder().encode('名称,地址\n甲,乙')))).message).toContain('缺少列：统一社会信用代码');
    expect((await refusal(addSubject(ctx, w.actors.wanglei, w.org.district.id, subject()))).message).toContain('已在检查对象库中');
  });
});
