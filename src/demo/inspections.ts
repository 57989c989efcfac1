/**
 * Demo inspections of enterprises and patrols (issue 18) of the fictional 云城市 over the demo year: each district's
 * published inspection items (检查事项清单) and its library of regulated subjects; a patrol of each brigade every month
 * with the problems found on the way — rectified at once, rectified after a second deadline, still being rectified
 * (some past their due date), just found; inspections planned and triggered by complaints — closed without a finding,
 * closed after rectification, still rectifying, coded and not yet recorded, registered, cancelled; and 东湖区's 2026
 * 双随机 plan with its seed (fixed here, so the demo is the same every time), its draw, a re-draw for an officer's
 * conflict of interest and the results published. Every row goes through the services on its (moved) date.
 *
 * No problem or inspection is referred to the case engine here: a clue would change the demo's cases, which other
 * modules' demo data and tests count (the referral is shown by the tests and the HTTP end-to-end test).
 */
import { eq } from 'drizzle-orm';
import type { Actor, Role } from '../domain/access.ts';
import { addDays, type IsoDate } from '../domain/calendar/iso-date.ts';
import type { InspectionItemView } from '../domain/inspections/views.ts';
import { creditCodeCheckChar } from '../domain/validators/credit-code.ts';
import { organizations, users } from '../db/schema.ts';
import type { ServiceContext } from '../services/context.ts';
import { getInspection } from '../services/inspections/get-inspection.ts';
import { addInspectionItem, publishInspectionItem } from '../services/inspections/items.ts';
import { createPatrol, recordProblem, stepPatrol, stepProblem } from '../services/inspections/patrols.ts';
import { createPlan, publishDrawResult, publishSeed, redrawOfficer, runDraw } from '../services/inspections/plans.ts';
import { registerInspection } from '../services/inspections/register-inspection.ts';
import { importSubjects, listSubjects } from '../services/inspections/subjects.ts';
import { stepInspection } from '../services/inspections/transition-inspection.ts';
import { DEMO_TODAY, shiftDates } from './clock.ts';

/** A patrol, problem or inspection as the demo holds it between steps: the view is not read after each (PERFORMANCE.md "Round 7"). */
type Held = { id: number; version: number };

const FIRST_DAY: IsoDate = '2026-01-05';
/** The published seed of the 2026 plan (in real use the server draws 128 random bits when the seed is published). */
export const DEMO_DRAW_SEED = '3f9a1c7e5b2d48a6917c0e4f2b8d6a15';

type District = 'donghu' | 'xishan';
const orgNames: Record<District | 'donghu-brigade' | 'xishan-brigade', string> = {
  donghu: '云城市东湖区城市管理和综合行政执法局',
  xishan: '云城市西山区城市管理和综合行政执法局',
  'donghu-brigade': '东湖区城市管理综合行政执法大队',
  'xishan-brigade': '西山区城市管理综合行政执法大队',
};
const people: Record<District, { head: string; officers: [string, string]; third: string; brigade: 'donghu-brigade' | 'xishan-brigade' }> = {
  donghu: { head: 'head.donghu', officers: ['wanglei', 'zhaogang'], third: 'chief.donghu', brigade: 'donghu-brigade' },
  xishan: { head: 'head.xishan', officers: ['liuyang', 'maqiang'], third: 'chief.xishan', brigade: 'xishan-brigade' },
};

const APPEARANCE = '《城市市容和环境卫生管理条例》';
/** Each district's list: code suffix, name, basis (articles read in ../shared/data/laws), method, cap, 双随机. */
const items = [
  { code: 'JC-01', name: '户外广告设施设置和维护检查', basis: `${APPEARANCE}第十一条`, method: 'onSite', yearlyCap: 2, random: true },
  { code: 'JC-02', name: '街道两侧和公共场地堆放物料、搭建设施检查', basis: `${APPEARANCE}第十四条`, method: 'onSite', yearlyCap: 1, random: false },
  { code: 'JC-03', name: '货运车辆散装货物密封覆盖检查', basis: `${APPEARANCE}第十五条`, method: 'onSite', yearlyCap: 2, random: true },
  { code: 'JC-04', name: '临时占用城市道路审批事项履行情况检查', basis: '《城市道路管理条例》第三十一条', method: 'written', yearlyCap: 1, random: false },
] as const;

const trades = ['商贸', '餐饮', '运输', '建筑', '广告'] as const;
function subjectsCsv(district: District, n: number): string {
  const division = district === 'donghu' ? '539902' : '539903';
  const rows = Array.from({ length: n }, (_, i) => {
    const individual = i % 5 === 4;
    const first17 = `${individual ? '92' : '91'}${division}MA6${district === 'donghu' ? 'D' : 'X'}${String(i + 1).padStart(5, '0')}`;
    const trade = trades[i % trades.length]!;
    const name = individual ? `${district === 'donghu' ? '东湖区' : '西山区'}${['老李', '小王', '阿强', '惠民', '福来'][i % 5]}${trade === '餐饮' ? '饭店' : '商店'}${i + 1}号` : `云城市${['鑫源', '恒通', '安达', '华美', '宏图', '顺丰'][i % 6]}${trade}有限公司（${district === 'donghu' ? '东湖' : '西山'}${i + 1}）`;
    const street = district === 'donghu' ? ['湖滨路', '解放路', '人民路', '文化路'][i % 4] : ['福海路', '西山大道', '工业路'][i % 3];
    return [name, first17 + creditCodeCheckChar(first17), individual ? '个体工商户' : '企业', `云城市${district === 'donghu' ? '东湖区' : '西山区'}${street}${i + 1}号`, trade, 'ABCD'[(i * 7) % 4]].join(',');
  });
  return ['名称,统一社会信用代码,对象类型,地址,行业类别,风险等级', ...rows].join('\n');
}

/** What is found on patrol, from the GB/T 47678.5 catalog. */
const findings = [
  { category: { kind: 'matter', code: '09006' }, place: '湖滨路菜市场门口', description: '流动摊贩占用人行道摆卖蔬菜水果' },
  { category: { kind: 'matter', code: '09005' }, place: '解放路15号', description: '商铺将货架、冰柜摆放至店外人行道经营' },
  { category: { kind: 'matter', code: '06036' }, place: '人民路88号后巷', description: '装修垃圾和杂物堆放于公共通道' },
  { category: { kind: 'matter', code: '07001' }, place: '文化路公交站', description: '站牌和电线杆上张贴大量小广告' },
  { category: { kind: 'matter', code: '07003' }, place: '东风路商场外墙', description: '户外广告牌框架锈蚀松动' },
  { category: { kind: 'part', code: '01001' }, place: '建设路幸福小区门口', description: '供水井盖破损下陷' },
] as const;

export async function seedDemoInspections(base: ServiceContext, shift = 0, today: IsoDate = DEMO_TODAY): Promise<void> {
  let now = new Date(`${shiftDates(FIRST_DAY, shift)}T01:00:00Z`);
  const ctx: ServiceContext = { ...base, clock: () => now };
  const moved = (d: IsoDate) => shiftDates(d, shift);
  /** Sets the clock to 09:00 (China) of demo day `d` (moved); false when that is after today (the act is not taken). */
  const at = (d: IsoDate) => {
    const day = moved(d);
    if (day > today) return false;
    now = new Date(`${day}T01:00:00Z`);
    return true;
  };
  const orgRows = await ctx.db.select({ id: organizations.id, name: organizations.name }).from(organizations);
  const orgId = (key: keyof typeof orgNames) => orgRows.find((o) => o.name === orgNames[key])!.id;
  const userRows = await ctx.db.select().from(users).innerJoin(organizations, eq(organizations.id, users.organizationId));
  const actor = (username: string): Actor => {
    const row = userRows.find((r) => r.users.username === username);
    if (!row) throw new Error(`demo user ${username} missing`);
    return { userId: row.users.id, organizationId: row.organizations.id, organizationPath: row.organizations.path, roles: row.users.roles as Role[], displayName: row.users.displayName };
  };
  const idOf = (username: string) => actor(username).userId;

  for (const district of ['donghu', 'xishan'] as const) {
    const { head, officers, third, brigade } = people[district];
    const prefix = district === 'donghu' ? 'DH' : 'XS';
    at(FIRST_DAY);
    const listed: InspectionItemView[] = [];
    for (const item of items) {
      const added = await addInspectionItem(ctx, actor(head), orgId(district), { ...item, code: `${prefix}-${item.code}`, subjectKinds: ['enterprise', 'individual'] });
      listed.push(await publishInspectionItem(ctx, actor(head), added.id, { publishedOn: moved(FIRST_DAY) }));
    }
    await importSubjects(ctx, actor(officers[0]), orgId(district), '检查对象库.csv', new TextEncoder().encode(subjectsCsv(district, district === 'donghu' ? 40 : 20)));
    const subjects = (await listSubjects(ctx.db, actor(head), orgId(district), { limit: 100 })).items.sort((a, b) => a.creditCode.localeCompare(b.creditCode));

    // A patrol every month (the first working Tuesday-ish day), its problems and their rectification.
    const pair = officers.map(idOf);
    for (let month = 1; month <= 11; month++) {
      const day = `2026-${String(month).padStart(2, '0')}-${district === 'donghu' ? '10' : '17'}` as IsoDate;
      const onDay = moved(day);
      if (!at(addDays(day, -1))) break;
      const patrol: Held = await createPatrol(ctx, actor(head), { organizationId: orgId(brigade), area: district === 'donghu' ? '湖滨—解放片区' : '福海—西山大道片区', route: district === 'donghu' ? '湖滨路—解放路—人民路—文化路' : '福海路—西山大道—工业路', plannedOn: onDay, officerIds: pair });
      if (!at(day)) break;
      patrol.version = await stepPatrol(ctx, actor(officers[0]), patrol.id, { expectedVersion: patrol.version, action: 'start' });
      const found = (month % 2) + 1;
      for (let k = 0; k < found; k++) {
        at(day);
        const f = findings[(month + k) % findings.length]!;
        const problem: Held = await recordProblem(ctx, actor(officers[k % 2]!), patrol.id, f);
        const fate = (month * 3 + k) % 7;
        if (month === 11 && k === 0) continue; // just found: still 待处置
        problem.version = await stepProblem(ctx, actor(officers[0]), problem.id, { expectedVersion: problem.version, action: 'orderRectification', dueOn: moved(addDays(day, 7)), requirement: '限期自行清理整改，恢复原状' });
        if (month >= 10 && fate < 3) continue; // still within (or past) its period
        if (!at(addDays(day, 8))) continue;
        if (fate === 1) {
          problem.version = await stepProblem(ctx, actor(officers[1]), problem.id, { expectedVersion: problem.version, action: 'verify', rectified: false, note: '已部分整改，仍有物品未清理', dueOn: moved(addDays(day, 15)) });
          if (month === 9 || !at(addDays(day, 15))) continue; // past its second due date, not yet re-checked
        }
        await stepProblem(ctx, actor(officers[1]), problem.id, { expectedVersion: problem.version, action: 'verify', rectified: true, note: '复查已整改到位' });
      }
      at(day);
      // The November patrol is still under way on the demo's today.
      if (month === 11) continue;
      await stepPatrol(ctx, actor(officers[0]), patrol.id, { expectedVersion: patrol.version, action: 'finish', summary: `按路线巡查${district === 'donghu' ? '湖滨、解放片区' : '福海、西山大道片区'}，发现问题 ${found} 处，均已登记处置` });
    }
    // A patrol cancelled for the weather, and the next one planned.
    if (at('2026-11-12')) {
      const rained = await createPatrol(ctx, actor(head), { organizationId: orgId(brigade), area: '全辖区', route: '夜间巡查：文化路夜市—火车站广场', plannedOn: moved('2026-11-12'), officerIds: pair });
      await stepPatrol(ctx, actor(head), rained.id, { expectedVersion: rained.version, action: 'cancel', reason: '暴雨预警，改期巡查' });
      at(DEMO_TODAY);
      await createPatrol(ctx, actor(head), { organizationId: orgId(brigade), area: '全辖区', route: '夜间巡查：文化路夜市—火车站广场', plannedOn: moved(addDays(DEMO_TODAY, 3)), officerIds: pair });
    }

    // Inspections on the items outside the draw (JC-02 on site, JC-04 in writing), planned or on a complaint, in every state.
    const inspect = async (n: number, day: IsoDate, course: 'compliant' | 'rectified' | 'rectifying' | 'overdue' | 'coded' | 'registered' | 'cancelled') => {
      if (!at(day)) return;
      const item = listed[n % 2 === 0 ? 1 : 3]!;
      const subject = subjects[(n * 3) % subjects.length]!;
      const complaint = n % 4 === 1;
      const i: Held = await registerInspection(ctx, actor(officers[0]), {
        organizationId: orgId(brigade),
        subjectId: subject.id,
        itemId: item.id,
        trigger: complaint ? 'complaint' : 'planned',
        method: item.method.key,
        ...(complaint && item.method.key === 'written' ? { method: 'onSite', methodReason: '群众投诉反映现场问题，需实地核查' } : {}),
        officerIds: pair,
      });
      const step = async (who: string, body: Record<string, unknown>) => (i.version = await stepInspection(ctx, actor(who), i.id, { expectedVersion: i.version, ...body }));
      if (course === 'registered') return;
      if (course === 'cancelled') {
        await step(head, { action: 'cancel', reason: '检查对象已注销，无需检查' });
        return;
      }
      await step(officers[0], { action: 'issueCode' });
      if (course === 'coded') return;
      if (course === 'compliant') {
        await step(officers[0], { action: 'record', findings: '经检查，未发现违法违规问题', outcome: 'compliant' });
        return;
      }
      await step(officers[0], { action: 'record', findings: '店外堆放杂物、搭建遮阳棚未经审批', outcome: 'rectify', rectifyDueOn: moved(addDays(day, 10)) });
      if (course === 'rectifying' || course === 'overdue') return;
      if (!at(addDays(day, 11))) return;
      await step(officers[1], { action: 'reinspect', rectified: true, note: '复查已拆除遮阳棚、清理杂物' });
    };
    const courses = ['compliant', 'rectified', 'compliant', 'rectified', 'cancelled', 'compliant', 'rectified', 'overdue', 'compliant', 'rectifying', 'coded', 'registered'] as const;
    const days: IsoDate[] = ['2026-01-20', '2026-02-24', '2026-03-17', '2026-04-14', '2026-05-12', '2026-06-16', '2026-07-14', '2026-09-15', '2026-10-13', '2026-11-05', '2026-11-11', '2026-11-12'];
    for (const [n, course] of courses.entries()) await inspect(n, days[n]!, course);

    // 东湖区's 双随机 plan: the seed published, the draw the next day, a re-draw, inspections and their results.
    if (district !== 'donghu' || !at('2026-02-02')) continue;
    let plan = await createPlan(ctx, actor(head), orgId(brigade), {
      year: Number(moved('2026-02-02').slice(0, 4)),
      name: '2026年度城市管理领域“双随机、一公开”抽查计划',
      items: [
        { itemId: listed[0]!.id, rule: { ratioPercent: 10 } },
        { itemId: listed[2]!.id, rule: { count: 2 }, filter: { categories: ['运输', '建筑'] } },
      ],
      officerIds: [idOf(third), ...pair],
    });
    plan = await publishSeed(ctx, actor(head), plan.id, { expectedVersion: plan.version }, { seed: DEMO_DRAW_SEED });
    at('2026-02-03');
    plan = await runDraw(ctx, actor(head), plan.id, { expectedVersion: plan.version });
    const conflicted = plan.drawn[0]!;
    at('2026-02-04');
    plan = await redrawOfficer(ctx, actor(head), plan.id, { itemId: conflicted.itemId, subjectId: conflicted.subjectId, officerId: conflicted.officers[0]!.userId, reason: '与检查对象负责人系近亲属，申请回避' });
    for (const [n, drawn] of plan.drawn.entries()) {
      const day: IsoDate = addDays('2026-03-09', n * 7);
      if (n === plan.drawn.length - 1 || !at(day)) break; // the last one not yet inspected
      const who = plan.drawn[n]!.officers[0]!.userId;
      const officer = userRows.find((r) => r.users.id === who)!.users.username;
      const i: Held = await getInspection(ctx.db, actor(head), drawn.inspection!.id);
      i.version = await stepInspection(ctx, actor(officer), i.id, { expectedVersion: i.version, action: 'issueCode' });
      const problem = n % 3 === 1;
      i.version = await stepInspection(ctx, actor(officer), i.id, {
        expectedVersion: i.version,
        action: 'record',
        findings: problem ? '户外广告牌未按规定定期维修，部分面板破损' : '经检查，未发现违法违规问题',
        outcome: problem ? 'rectify' : 'compliant',
        ...(problem ? { rectifyDueOn: moved(addDays(day, 14)) } : {}),
      });
      if (!at(addDays(day, 7))) break;
      await publishDrawResult(ctx, actor(head), plan.id, { inspectionId: i.id });
    }
  }
}
