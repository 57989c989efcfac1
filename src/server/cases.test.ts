import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../domain/validators/credit-code.ts';
import { idNumberCheckChar } from '../domain/validators/id-number.ts';
import { createTestApp } from './test-app.ts';
import { allPassedChecklist } from '../domain/cases/legal-review.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let today = '2026-03-02';
const cookies = new Map<string, string>();
const ids = new Map<string, number>();

beforeAll(async () => {
  t = await createTestApp();
  t.ctx.clock = () => new Date(`${today}T01:00:00Z`); // 09:00 China time on `today`
});
afterAll(() => t.close());

/** A session for `username` valid on the current test date (sessions last 12 hours of the clock). */
async function as(username: string): Promise<string> {
  const key = `${username}@${today}`;
  if (!cookies.has(key)) {
    const cookie = await t.login(username);
    cookies.set(key, cookie);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    ids.set(username, (me.json() as { userId: number }).userId);
  }
  return cookies.get(key)!;
}
async function id(username: string): Promise<number> {
  await as(username);
  return ids.get(username)!;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(username: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<{ status: number; body: Json }> {
  const headers = username ? { cookie: await as(username) } : {};
  const res = await t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Json }) });
  return { status: res.statusCode, body: res.body ? (res.json() as Json) : {} };
}

/** One workflow step; expects success and returns the new case view. */
async function step(username: string, c: Json, body: Json): Promise<Json> {
  const res = await call(username, 'POST', `/api/cases/${c.id}/transitions`, { expectedVersion: c.version, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
async function refused(username: string, c: Json, body: Json): Promise<Json> {
  const res = await call(username, 'POST', `/api/cases/${c.id}/transitions`, { expectedVersion: c.version, ...body });
  expect(res.status).toBe(422);
  expect(res.body.code).toBe('RULE_VIOLATION');
  return res.body;
}

/** What the 集体讨论笔录 prints, held on `today`. */
async function discussionRecord(): Promise<Json> {
  return {
    startAt: `${today}T15:00`,
    endAt: `${today}T15:40`,
    place: '第二会议室',
    recorder: '张敏',
    reporterId: await id('wanglei'),
    opinions: [{ speaker: '陈建国', opinion: '同意承办人意见。' }],
  };
}
const served = { method: 'direct', time: '10:00', place: '当事人经营场所' };

/** One evidence item collected by 王磊 and 赵刚: a penalty rests on evidence (《行政处罚法》第四十条). */
async function addEvidenceTo(c: Json): Promise<Json> {
  const res = await call('wanglei', 'POST', `/api/cases/${c.id}/evidence`, {
    expectedVersion: c.version,
    kind: 'onSiteRecord',
    title: '现场检查笔录',
    fileName: '现场检查笔录.txt',
    mediaType: 'text/plain',
    contentBase64: Buffer.from(`现场检查笔录（测试）${c.id}`).toString('base64'),
    collectorIds: [await id('wanglei'), await id('zhaogang')],
    place: '现场',
    note: '证明当事人违法行为的事实',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (await call('wanglei', 'GET', `/api/cases/${c.id}`)).body;
}

let seq = 500;
function person(name: string, birth = '19860101') {
  const first17 = `539902${birth}${String(seq++).padStart(3, '0')}`;
  return { kind: 'person', name, idNumber: `${first17}${idNumberCheckChar(first17)}`, phone: '13812345678', address: '云城市东湖区解放路100号2单元' };
}
function company(name: string, code: string) {
  const first17 = `91539902${code}`;
  return { kind: 'organization', name, creditCode: `${first17}${creditCodeCheckChar(first17)}`, legalRepresentative: '吴建' };
}

async function powerItem(code: string, username = 'wanglei'): Promise<number> {
  const me = await call(username, 'GET', '/api/auth/me');
  const items = await call(username, 'GET', `/api/organizations/${me.body.organizationId}/power-items`);
  return (items.body as Json[]).find((i) => i.code === code)!.id as number;
}

async function clue(username: string, code: string, party: Json, extra: Json = {}): Promise<Json> {
  const res = await call(username, 'POST', '/api/cases', {
    clueSource: 'patrol',
    title: '涉嫌在禁止区域露天烧烤案',
    facts: `当事人${party.name}在东湖区湖滨公园南门禁止区域内露天烧烤食品经营，现场有烧烤炉2台。`,
    place: '云城市东湖区湖滨公园南门',
    actStartedOn: '2026-02-27',
    actEndedOn: '2026-03-01',
    discoveredOn: today,
    powerItemId: await powerItem(code, username),
    party,
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const fine = (yuan: number, kinds = ['fine']) => ({ kinds, fineFen: yuan * 100, description: `罚款人民币${yuan}元`, basis: '《中华人民共和国大气污染防治法》第一百一十八条第三款' });

describe('enforcement cases over HTTP', () => {
  it('an ordinary case with a hearing, from clue to archive', async () => {
    today = '2026-03-02';
    const party = person('赵铁柱', '19800505');
    let c = await clue('wanglei', 'SK-001', party);
    expect(c).toMatchObject({ state: 'clue', procedure: 'ordinary' });
    expect(c.actCode).toMatch(/^5399022026P\d{6}[0-9A-Z]$/);
    c = await step('head.donghu', c, { action: 'file', officerIds: [await id('wanglei'), await id('zhaogang')], opinion: '符合立案条件，同意立案。' });
    today = '2026-03-03';
    c = await step('wanglei', c, { action: 'startInvestigation' });
    const ev = await call('wanglei', 'POST', `/api/cases/${c.id}/evidence`, {
      expectedVersion: c.version,
      kind: 'onSiteRecord',
      title: '现场检查笔录',
      fileName: '现场检查笔录.pdf',
      mediaType: 'application/pdf',
      contentBase64: Buffer.from('现场检查笔录：湖滨公园南门露天烧烤（测试）').toString('base64'),
      collectorIds: [await id('wanglei'), await id('zhaogang')],
      place: '湖滨公园南门',
      note: '证明当事人在湖滨公园南门露天烧烤',
    });
    expect(ev.status, JSON.stringify(ev.body)).toBe(201);
    expect(ev.body.digest).toMatch(/^[0-9a-f]{64}$/);
    c = (await call('wanglei', 'GET', `/api/cases/${c.id}`)).body;
    c = await step('wanglei', c, {
      action: 'closeInvestigation',
      findings: '当事人在禁止区域露天烧烤，事实清楚，证据确凿。',
      proposal: { kind: 'penalty', penalty: fine(8000, ['fine', 'confiscateProperty']) },
      discretionReason: '当事人在禁止区域露天烧烤，使用烧烤炉2台，经营规模较大，在法定幅度内处罚',
    });
    c = await step('head.donghu', c, { action: 'collectiveDiscussion', participantIds: [await id('head.donghu'), await id('deputy.donghu'), await id('deputy2.donghu'), await id('chief.donghu')], conclusion: '同意处罚意见。', ...(await discussionRecord()) });
    today = '2026-03-04';
    c = await step('wanglei', c, { action: 'notify', service: served });
    expect(c.record.notice).toMatchObject({ hearingOffered: true, statementEndsOn: '2026-03-09', hearingRequestEndsOn: '2026-03-11' });
    // Item 2: waiving 陈述申辩 is not waiving 听证 — the decision waits for the hearing-request window (to 03-11).
    c = await step('wanglei', c, { action: 'recordStatement', waived: true, content: '放弃陈述申辩' });
    const statementOnly = await refused('head.donghu', c, { action: 'decide' });
    expect(statementOnly.details.article).toContain('第六十四条第（一）项');
    expect(statementOnly.message).toContain('未明确放弃听证');
    today = '2026-03-06';
    // The party then states after all (within the statement period) and asks for a hearing.
    c = await step('wanglei', c, { action: 'recordStatement', content: '烧烤系临时摆放，请求从轻处罚' });
    c = await step('wanglei', c, { action: 'requestHearing' });
    const tooSoon = await refused('wanglei', c, { action: 'scheduleHearing', hearingOn: '2026-03-13', presiderId: await id('reviewer.donghu'), place: '第一听证室', recorderId: await id('sunli'), service: served });
    expect(tooSoon.details.article).toContain('第六十四条');
    c = await step('wanglei', c, { action: 'scheduleHearing', hearingOn: '2026-03-17', presiderId: await id('reviewer.donghu'), place: '第一听证室', recorderId: await id('sunli'), service: served });
    today = '2026-03-17';
    c = await step('reviewer.donghu', c, { action: 'holdHearing', record: '当事人到场陈述，承认违法事实，请求从轻处罚。' });
    // Item 6: the statement raised points — no decision before its 复核 opinion is recorded (Art. 45).
    const noReply = await refused('head.donghu', c, { action: 'decide' });
    expect(noReply.details.article).toContain('第四十五条');
    c = await step('wanglei', c, { action: 'replyToStatement', statementNo: 2, reply: '经复核，现场检查笔录证明系固定经营，不予采纳；听证后维持拟处罚内容' });
    // Issue 15: the waiver and the later statement are both kept; the reply belongs to the statement.
    expect(c.record.statements.map((st: { waived: boolean; reply: string }) => [st.waived, st.reply !== ''])).toEqual([[true, false], [false, true]]);
    const noReview = await refused('head.donghu', c, { action: 'decide' });
    expect(noReview.details.article).toContain('第五十八条');
    c = await step('reviewer.donghu', c, { action: 'legalReview', passed: true, opinion: '事实清楚，证据确凿，程序合法，同意。', checklist: allPassedChecklist() });
    // Item 4: the collective discussion of 03-03 came before the hearing — it must be held again on the hearing record.
    const earlyDiscussion = await refused('head.donghu', c, { action: 'decide' });
    expect(earlyDiscussion.details.article).toContain('第六十五条');
    expect(earlyDiscussion.message).toContain('听证之前');
    c = await step('head.donghu', c, { action: 'collectiveDiscussion', participantIds: [await id('head.donghu'), await id('deputy.donghu'), await id('deputy2.donghu'), await id('chief.donghu')], conclusion: '根据听证笔录，同意处罚意见。', ...(await discussionRecord()) });
    c = await step('head.donghu', c, { action: 'decide' });
    expect(c.decision).toMatchObject({ kind: 'penalty', status: 'inForce' });
    expect(c.decision.number).toMatch(/^云东城管罚决字〔2026〕\d+号$/);
    today = '2026-03-18';
    c = await step('zhaogang', c, { action: 'serve', method: 'direct', time: '10:00' });
    expect(c).toMatchObject({ state: 'enforcing', payment: { fineFen: 800000, dueOn: '2026-04-02' } });
    expect((await call('wanglei', 'POST', `/api/cases/${c.id}/publicity/publish`)).status).toBe(200);
    today = '2026-03-25';
    c = await step('wanglei', c, { action: 'recordPayment', amountFen: 800000, receiptNo: 'FS20260325001' });
    c = await step('reviewer.donghu', c, { action: 'signOpinion', form: 'closing', role: 'reviewer', text: '程序合法，同意结案。' });
    c = await step('head.donghu', c, { action: 'signOpinion', form: 'closing', role: 'head', text: '同意结案。' });
    c = await step('wanglei', c, { action: 'close', summary: '当事人已缴纳罚款，烧烤工具已没收，案件办结。', execution: '罚款已缴清', opinion: '建议结案。' });
    c = await step('wanglei', c, { action: 'archive', archiveNo: 'DH-CF-2026-0100' });
    expect(c.state).toBe('archived');
    expect(c.officers.map((o: Json) => o.certificateNo)).toEqual(['53990219000201', '53990219000202']);
    expect((await call('wanglei', 'GET', `/api/cases/${c.id}/timeline?limit=200`)).body.items.map((e: Json) => e.label)).toEqual(
      expect.arrayContaining(['登记案件线索', '立案', '登记证据', '调查终结', '负责人集体讨论', '事先告知', '当事人申请听证', '安排听证', '举行听证', '法制审核', '作出决定', '送达', '记录缴款', '结案', '归档']),
    );
    const verify = await call('wanglei', 'GET', `/api/cases/${c.id}/evidence/verify`);
    expect(verify.body).toMatchObject({ intact: true });
    const byCode = await call('head.donghu', 'GET', `/api/cases/by-code/${c.actCode}`);
    expect(byCode.body.id).toBe(c.id);
  });

  it('a simple-procedure case decided on the spot, and one refused over the Art. 51 limit', async () => {
    today = '2026-03-20';
    const body = async (yuan: number) => ({
      title: '乱扔烟头',
      facts: '当事人在东湖广场随地乱扔烟头，经指出后承认。',
      place: '云城市东湖区东湖广场',
      actStartedOn: today,
      actEndedOn: today,
      powerItemId: await powerItem('LR-001'),
      party: person('钱多多', '19930303'),
      officerIds: [await id('wanglei'), await id('zhaogang')],
      penalty: { kinds: ['fine'], fineFen: yuan * 100, description: `罚款人民币${yuan}元`, basis: '《城市市容和环境卫生管理条例》第三十四条' },
    });
    const ok = await call('wanglei', 'POST', '/api/cases/on-spot', await body(50));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ procedure: 'simple', state: 'enforcing' });
    expect(ok.body.decision.number).toMatch(/^云东城管简罚字〔2026〕\d+号$/);
    const paid = await step('wanglei', ok.body, { action: 'recordPayment', amountFen: 5000, receiptNo: 'DC2026032001' });
    expect((await step('wanglei', paid, { action: 'close', summary: '当场处罚，已缴款。', execution: '罚款已缴清' })).state).toBe('closed');
    const tooMuch = await call('wanglei', 'POST', '/api/cases/on-spot', await body(300));
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.details.article).toContain('第五十一条');
  });

  it('a first-violation exemption ends in 不予处罚 with the education recorded', async () => {
    today = '2026-04-01';
    let c = await clue('zhaogang', 'SR-001', person('孙小美', '19970707'), { title: '涉嫌店外摆卖案', facts: '当事人在店门外摆放货架约2平方米，经指出后当场清理。' });
    c = await step('head.donghu', c, { action: 'file', officerIds: [await id('wanglei'), await id('zhaogang')], opinion: '同意立案。' });
    c = await step('zhaogang', c, { action: 'startInvestigation' });
    const proposal = { kind: 'noPenalty', ground: 'firstViolation' };
    const noEducation = await refused('zhaogang', c, { action: 'closeInvestigation', findings: '初次违法，危害后果轻微并已改正。', proposal });
    expect(noEducation.details.article).toContain('第三十三条');
    c = await step('zhaogang', c, {
      action: 'closeInvestigation',
      findings: '初次违法，危害后果轻微并已改正。',
      proposal: { ...proposal, education: '向当事人宣讲市容管理规定，当事人签署守法经营承诺书。' },
    });
    today = '2026-04-02';
    c = await step('head.donghu', c, { action: 'decide' });
    expect(c.decision).toMatchObject({ kind: 'noPenalty', kindLabel: '不予行政处罚决定' });
    expect(c.decision.number).toMatch(/^云东城管不罚字〔2026〕\d+号$/);
    expect(c.record.decision).toMatchObject({ ground: 'firstViolation', education: expect.stringContaining('承诺书') });
    c = await step('zhaogang', c, { action: 'serve', method: 'direct', time: '10:00' });
    expect(c.state).toBe('served');
    expect(c.publicity).toBeNull();
    c = await step('reviewer.donghu', c, { action: 'signOpinion', form: 'closing', role: 'reviewer', text: '程序合法，同意结案。' });
    c = await step('head.donghu', c, { action: 'signOpinion', form: 'closing', role: 'head', text: '同意结案。' });
    expect((await step('zhaogang', c, { action: 'close', summary: '不予处罚并已教育。', execution: '罚款已缴清', opinion: '建议结案。' })).state).toBe('closed');
  });

  it('a case transferred to the police', async () => {
    today = '2026-04-06';
    let c = await clue('wanglei', 'WJ-001', person('周大力', '19750909'), { title: '涉嫌擅自建设及阻碍执法案', facts: '当事人擅自建设房屋，并推搡执法人员、抢夺执法记录仪。' });
    c = await step('head.donghu', c, { action: 'file', officerIds: [await id('wanglei'), await id('zhaogang')], opinion: '同意立案。' });
    c = await step('head.donghu', c, { action: 'transfer', target: 'police', receiver: '云城市公安局东湖分局', reason: '当事人阻碍执法人员依法执行职务，移送公安机关处理（《行政处罚法》第二十七条）。' });
    expect(c).toMatchObject({ state: 'transferred', record: { sideExit: { action: 'transfer', target: 'police', receiver: '云城市公安局东湖分局' } } });
    expect(c.deadlines.every((d: Json) => d.metAt !== null)).toBe(true);
    expect((await step('wanglei', c, { action: 'archive', archiveNo: 'DH-YS-2026-0001' })).state).toBe('archived');
  });

  it('a revoked decision has its publicity withdrawn and public verification says so', async () => {
    today = '2026-05-11';
    const shop = company('云城市东湖区好滋味餐饮有限公司', 'MA6K3X4Y5');
    let c = await clue('wanglei', 'YY-001', shop, { title: '涉嫌餐饮油烟直排案', facts: '当事人未安装油烟净化设施，油烟直排。' });
    c = await step('head.donghu', c, { action: 'file', officerIds: [await id('wanglei'), await id('zhaogang')], opinion: '同意立案。' });
    c = await step('wanglei', c, { action: 'startInvestigation' });
    c = await addEvidenceTo(c);
    c = await step('wanglei', c, { action: 'closeInvestigation', findings: '事实清楚。', discretionReason: '当事人未安装油烟净化设施，在法定幅度内处罚', proposal: { kind: 'penalty', penalty: { ...fine(6000), basis: '《中华人民共和国大气污染防治法》第一百一十八条第一款' } } });
    c = await step('wanglei', c, { action: 'notify', service: served });
    c = await step('wanglei', c, { action: 'recordStatement', waived: true, content: '放弃陈述申辩' });
    c = await step('head.donghu', c, { action: 'decide' });
    expect(c.publicity).toMatchObject({ status: 'pending' });
    await call('wanglei', 'POST', `/api/cases/${c.id}/publicity/publish`);
    const before = await call(null, 'GET', `/api/public/decisions?q=${encodeURIComponent('好滋味')}`);
    expect(before.body.total).toBe(1);
    expect(before.body.items[0]).toMatchObject({ decisionNumber: c.decision.number, status: 'inForce' });
    expect((await call(null, 'GET', `/api/public/acts/${c.actCode}`)).body).toMatchObject({ inForce: true, note: '该执法文书真实有效' });
    today = '2026-05-13';
    c = await step('head.donghu', c, { action: 'revokeDecision', status: 'revoked', reason: '行政复议决定撤销原处罚决定。' });
    expect(c.publicity).toMatchObject({ status: 'withdrawn' });
    expect(c.deadlines.find((d: Json) => d.kind === 'publicityWithdrawal')).toMatchObject({ dueOn: '2026-05-18' });
    const after = await call(null, 'GET', `/api/public/decisions?q=${encodeURIComponent('好滋味')}`);
    expect(after.body.total).toBe(0);
    expect((await call(null, 'GET', `/api/public/decisions/${before.body.items[0].id}`)).status).toBe(404);
    const verified = await call(null, 'GET', `/api/public/acts/${c.actCode}`);
    expect(verified.body).toMatchObject({ inForce: false, decision: { status: 'revoked', statusLabel: '已撤销' } });
  });

  it('two officers acting on one case at once: one wins, the other gets 409 with a clear message', async () => {
    today = '2026-05-20';
    let c = await clue('wanglei', 'SK-001', person('吴小刚'));
    c = await step('head.donghu', c, { action: 'file', officerIds: [await id('wanglei'), await id('zhaogang')], opinion: '同意立案。' });
    const [a, b] = await Promise.all([
      call('wanglei', 'POST', `/api/cases/${c.id}/transitions`, { expectedVersion: c.version, action: 'startInvestigation' }),
      call('zhaogang', 'POST', `/api/cases/${c.id}/transitions`, { expectedVersion: c.version, action: 'startInvestigation' }),
    ]);
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    const loser = a!.status === 409 ? a! : b!;
    expect(loser.body).toMatchObject({ code: 'CONFLICT', message: '该案件已被他人更新，请刷新后重试' });
    const now = await call('wanglei', 'GET', `/api/cases/${c.id}`);
    expect(now.body.version).toBe(c.version + 1);
    expect((await call('wanglei', 'GET', `/api/cases/${c.id}/timeline`)).body.items.filter((e: Json) => e.label === '开始调查取证')).toHaveLength(1);
  });

  it('bad input gets a clear Chinese error and changes nothing; other districts see nothing', async () => {
    today = '2026-05-21';
    const before = (await call('supervisor', 'GET', '/api/cases?limit=500')).body as Json[];
    const bad = await call('wanglei', 'POST', '/api/cases', { clueSource: 'patrol', title: '测试案件', facts: '太短', place: '某地', actStartedOn: '2026-13-01', actEndedOn: null, discoveredOn: today, powerItemId: null, party: { kind: 'person', name: '张三', idNumber: '123' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/[\u4e00-\u9fa5]/);
    const badId = await call('wanglei', 'POST', '/api/cases', {
      clueSource: 'patrol',
      title: '涉嫌露天烧烤案',
      facts: '当事人在禁止区域露天烧烤，现场有烧烤炉一台。',
      place: '云城市东湖区湖滨公园',
      actStartedOn: today,
      actEndedOn: today,
      discoveredOn: today,
      powerItemId: await powerItem('SK-001'),
      party: { ...person('王五'), idNumber: '539902198601010000' },
    });
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('身份证号') });
    expect((await call('supervisor', 'GET', '/api/cases?limit=500')).body).toHaveLength(before.length);
    const donghuCase = before.find((c) => c.organizationName.startsWith('东湖区城市管理综合'))!;
    expect((await call('liuyang', 'GET', `/api/cases/${donghuCase.id}`)).status).toBe(404);
    expect(((await call('liuyang', 'GET', '/api/cases')).body as Json[]).every((c) => c.actCode.startsWith('539903'))).toBe(true);
  });

  it('public lookup by 行政行为码 never returns an ID number, a phone number or a natural person full name', async () => {
    const all = (await call('supervisor', 'GET', '/api/cases?limit=500')).body as Json[];
    expect(all.length).toBeGreaterThan(20);
    const published = JSON.stringify((await call(null, 'GET', '/api/public/decisions?pageSize=50')).body);
    let persons = 0;
    let undecided = 0;
    for (const summary of all) {
      const staff = (await call('supervisor', 'GET', `/api/cases/${summary.id}`)).body;
      const pub = await call(null, 'GET', `/api/public/acts/${summary.actCode}`);
      // Only an issued decision (处罚决定, 不予处罚决定) answers; any other case is "not found".
      if (staff.decision?.kind !== 'penalty' && staff.decision?.kind !== 'noPenalty') {
        expect(pub.status).toBe(404);
        undecided++;
        continue;
      }
      expect(pub.status).toBe(200);
      const text = JSON.stringify(pub.body);
      const secrets = [staff.party.idNumber, staff.party.phone].filter(Boolean) as string[];
      if (staff.party.kind === 'person') {
        persons++;
        secrets.push(staff.party.name);
        expect(pub.body.party.name).toBe(`${[...staff.party.name][0]}某`);
      }
      for (const secret of secrets) {
        expect(text).not.toContain(secret);
        expect(published).not.toContain(secret);
      }
    }
    expect(persons).toBeGreaterThan(5);
    expect(undecided).toBeGreaterThan(0);
    const real = all[0]!.actCode as string;
    const wrong = await call(null, 'GET', `/api/public/acts/${real.slice(0, 17)}${real[17] === '0' ? '1' : '0'}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('校验码');
  });

  it('a case offers its forms the people of its bureau and the heads above it, beyond the officer’s own brigade', async () => {
    const mine = await call('wanglei', 'GET', '/api/users');
    expect((mine.body as Json[]).map((u) => u.username)).not.toContain('reviewer.donghu');
    const c = await clue('wanglei', 'SK-001', person('周小兵', '19900101'));
    const people = await call('wanglei', 'GET', `/api/cases/${c.id}/people`);
    expect(people.status).toBe(200);
    const list = people.body as Json[];
    const names = list.map((p) => p.displayName);
    // The bureau's reviewer (a hearing presider who did not investigate) and head (approvals), and the brigade.
    expect(names).toEqual(expect.arrayContaining(['林晓', '陈建国', '王磊', '赵刚']));
    // Not the other district, and nothing a picker does not need.
    expect(names).not.toContain('刘洋');
    expect(JSON.stringify(list)).not.toMatch(/"phone"|"username"|passwordHash/);
    expect((await call('liuyang', 'GET', `/api/cases/${c.id}/people`)).status).toBe(404);
  });

  it('describes the case and public endpoints in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/cases', '/api/cases/{id}', '/api/cases/{id}/transitions', '/api/cases/{id}/evidence', '/api/public/acts/{code}', '/api/public/decisions']),
    );
  });
});
