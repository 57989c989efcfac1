/**
 * Demo work orders (工单) of the fictional 云城市 over the demo year: 12345 hotline orders, complaints and reports,
 * petitions (letters, visits, online), orders assigned from above, transfers, digital-城管 events and media reports,
 * across both districts and their units — in every state: most answered, completed and visited with a realistic
 * satisfaction mix (about nine in ten 满意 or 基本满意), some late, some still open past their due date, some merged
 * as duplicates, some returned (退单) and designated to another unit after review, some petitions extended, some
 * reopened after a dissatisfied visit, the latest ones still waiting to be dispatched or signed for.
 *
 * Every order's acts are taken on their (moved) dates in date order by the bulk writer (./workorder-rows.ts), which
 * runs the work-order services' own guards and effects and writes their rows and audit records in a few INSERTs (a
 * test compares them with the services' row for row); the six that become case clues continue, from that act on,
 * through the services as tracks of dated acts (./tracks.ts) taken with the cases in date order. The plan is drawn
 * from fixed seeds: the same demo every time. Requesters and phones are fictional.
 */
import { eq } from 'drizzle-orm';
import type { Actor, Role } from '../domain/access.ts';
import { addDays, dayOfWeek, type IsoDate } from '../domain/calendar/iso-date.ts';
import { creditCodeCheckChar } from '../domain/validators/credit-code.ts';
import { idNumberCheckChar } from '../domain/validators/id-number.ts';
import type { WorkOrderView } from '../domain/workorders/views.ts';
import { cases, organizations, users } from '../db/schema.ts';
import { stepCase } from '../services/cases/transition-case.ts';
import { getWorkOrder } from '../services/workorders/get-work-order.ts';
import type { ServiceContext } from '../services/context.ts';
import { registerCaseFromWorkOrder } from '../services/workorders/to-case.ts';
import { transitionWorkOrder } from '../services/workorders/transition-work-order.ts';
import { DEMO_TODAY, shiftDates } from './clock.ts';
import { WorkOrderBulkWriter } from './workorder-rows.ts';
import { datedActs, type Track } from './tracks.ts';
import { seededRandom } from '../domain/seeded-random.ts';

/**
 * The first day orders arrive and how many arrive on a working day, on average: the first plan's (with the six
 * orders that become case clues, and the last days' orders) and a second plan drawn from another seed without case
 * clues — about 330 orders in all. They are written by the bulk writer (./workorder-rows.ts), a fraction of a second;
 * through the services each of their ~2,000 steps would cost ~20 ms of CPU (docs/WORK-ORDERS.md "Demo data").
 */
const FIRST_DAY: IsoDate = '2026-01-05';
const PER_DAY = 0.3;
const MORE_PER_DAY = 1.0;
/** The seed of the plan: chosen so that the year has every kind of course (merged, returned, extended, reopened, declined). */
const DEMO_SEED = 20260100;
const MORE_SEED = 20260207;

type District = 'donghu' | 'xishan';
type Kind = 'consult' | 'help' | 'suggestion' | 'complaint' | 'report';
interface Matter {
  category: { kind: 'part' | 'matter'; code: string };
  kind: Kind;
  text: string;
  weight: number;
}

/** What people call about, from the GB/T 47678.5 catalog, as they would put it. */
const matters: Matter[] = [
  { category: { kind: 'matter', code: '09006' }, kind: 'complaint', text: '门前有流动摊贩长期占道经营，早晚高峰行人只能走机动车道。', weight: 9 },
  { category: { kind: 'matter', code: '06028' }, kind: 'complaint', text: '附近商铺夜间用音响招揽顾客，声音很大，影响休息。', weight: 7 },
  { category: { kind: 'matter', code: '06027' }, kind: 'complaint', text: '楼下餐馆油烟直排，未安装油烟净化设施，窗户无法打开。', weight: 7 },
  { category: { kind: 'matter', code: '06001' }, kind: 'report', text: '小区楼顶有住户私自搭建彩钢板房，存在安全隐患。', weight: 6 },
  { category: { kind: 'matter', code: '08001' }, kind: 'complaint', text: '工地晚上十点以后仍在施工，噪音很大。', weight: 6 },
  { category: { kind: 'matter', code: '08004' }, kind: 'complaint', text: '工地裸土未覆盖，车辆进出不冲洗，刮风时扬尘严重。', weight: 5 },
  { category: { kind: 'matter', code: '07001' }, kind: 'complaint', text: '单元门、电线杆和公交站牌上贴满小广告，清理后又反复出现。', weight: 4 },
  { category: { kind: 'matter', code: '06010' }, kind: 'help', text: '路边垃圾堆放多日无人清运，有明显异味。', weight: 5 },
  { category: { kind: 'matter', code: '09009' }, kind: 'complaint', text: '人行道上长期停放机动车，盲道被占用。', weight: 5 },
  { category: { kind: 'matter', code: '06029' }, kind: 'complaint', text: '夜市露天烧烤烟雾很大，飘进居民楼。', weight: 4 },
  { category: { kind: 'matter', code: '07003' }, kind: 'report', text: '商场外墙广告牌松动，大风天有坠落危险。', weight: 2 },
  { category: { kind: 'part', code: '01037' }, kind: 'help', text: '路灯不亮已有一周，夜间通行不便。', weight: 4 },
  { category: { kind: 'part', code: '01001' }, kind: 'help', text: '人行道上的井盖破损下陷，行人容易绊倒。', weight: 3 },
  { category: { kind: 'matter', code: '06040' }, kind: 'report', text: '有人在小区外公共停车位上私设地锁。', weight: 3 },
  { category: { kind: 'matter', code: '09005' }, kind: 'complaint', text: '商铺把货架和冰柜摆到店外人行道上经营。', weight: 4 },
  { category: { kind: 'matter', code: '06041' }, kind: 'consult', text: '咨询小区生活垃圾分类的投放时间和投放要求。', weight: 3 },
  { category: { kind: 'matter', code: '09010' }, kind: 'suggestion', text: '建议在地铁站出口增设非机动车停放点并安排人员管理。', weight: 2 },
];

/** Places, the first ones of each district the usual hot spots; a 南湖街道 place goes to the street team. */
const places: Record<District, { address: string; weight: number }[]> = {
  donghu: [
    { address: '云城市东湖区文化路夜市', weight: 8 },
    { address: '云城市东湖区解放路15号', weight: 6 },
    { address: '云城市东湖区南湖街道湖滨路3号', weight: 5 },
    { address: '云城市东湖区人民路88号', weight: 4 },
    { address: '云城市东湖区建设路幸福小区', weight: 4 },
    { address: '云城市东湖区南湖街道南湖花园小区', weight: 3 },
    { address: '云城市东湖区东风路与解放路交叉口', weight: 3 },
    { address: '云城市东湖区火车站广场', weight: 2 },
    { address: '云城市东湖区南湖街道滨江路工地', weight: 2 },
  ],
  xishan: [
    { address: '云城市西山区福海农贸市场', weight: 6 },
    { address: '云城市西山区西山大道120号', weight: 4 },
    { address: '云城市西山区翠湖路18号', weight: 3 },
    { address: '云城市西山区滇池路锦苑小区', weight: 3 },
    { address: '云城市西山区前卫西路工地', weight: 2 },
  ],
};

const channels: { channel: string; weight: number }[] = [
  { channel: 'hotline', weight: 44 },
  { channel: 'complaint', weight: 8 },
  { channel: 'digital', weight: 20 },
  { channel: 'petitionOnline', weight: 8 },
  { channel: 'petitionLetter', weight: 5 },
  { channel: 'petitionVisit', weight: 4 },
  { channel: 'assigned', weight: 6 },
  { channel: 'transfer', weight: 6 },
  { channel: 'media', weight: 3 },
];

const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const givenNames = ['先生', '女士', '建华', '秀英', '志强', '丽华', '海燕', '国庆', '春梅', '明', '婷', '伟'];

/** Who does what in each district: registration desk, dispatchers, the units with their handlers. */
const staff = {
  donghu: {
    heads: ['head.donghu', 'deputy.donghu'],
    units: [
      { org: 'donghu-brigade', handlers: ['wanglei', 'zhaogang', 'chief.donghu'] },
      { org: 'nanhu', handlers: ['zhengyu', 'fengjie'] },
    ],
  },
  xishan: {
    heads: ['head.xishan', 'deputy.xishan'],
    units: [{ org: 'xishan-brigade', handlers: ['liuyang', 'maqiang', 'chief.xishan'] }],
  },
} as const;

/** The demo organizations (./organizations.ts) the orders go to. */
const orgNames: Record<string, string> = {
  donghu: '云城市东湖区城市管理和综合行政执法局',
  'donghu-brigade': '东湖区城市管理综合行政执法大队',
  nanhu: '东湖区南湖街道综合行政执法队',
  xishan: '云城市西山区城市管理和综合行政执法局',
  'xishan-brigade': '西山区城市管理综合行政执法大队',
};

/**
 * The 案由 of the clue an order of these categories becomes when the officer finds the act to be punished
 * (转为案件线索): a few of them, the rest are settled by persuasion and rectification.
 */
const caseTitles: Record<string, string> = {
  '09006': '涉嫌占道经营案',
  '06001': '涉嫌未经批准搭建建筑物案',
  '06027': '涉嫌餐饮服务油烟直排案',
  '08001': '涉嫌夜间违规施工产生噪声污染案',
  '08004': '涉嫌施工工地未采取扬尘防治措施案',
  '09005': '涉嫌超出门窗外墙经营案',
};
/** A restaurant or a building company is the party of these categories; a person (a vendor, a householder) of the others. */
const companySuffix: Record<string, string> = { '06027': '餐饮服务有限公司', '08001': '建筑工程有限公司', '08004': '建筑工程有限公司' };
const companyNames = ['恒丰', '顺达', '鑫源', '佳和', '华建', '宏远'];

/** One in eight orders of those categories becomes a case clue; drawn apart from the plan so the plan stays as it is. */
const TO_CASE_SHARE = 0.125;

const isWeekday = (d: IsoDate) => dayOfWeek(d) % 6 !== 0;
/** `n` weekdays after `d` (0: `d` itself, or the next weekday). Holidays are not skipped: a handler may act on one. */
function weekdays(d: IsoDate, n: number): IsoDate {
  let day = d;
  while (!isWeekday(day)) day = addDays(day, 1);
  for (let i = 0; i < n; i++) {
    day = addDays(day, 1);
    while (!isWeekday(day)) day = addDays(day, 1);
  }
  return day;
}

export interface Act {
  on: IsoDate;
  by: string;
  body: Record<string, unknown> | ((self: PlannedOrder) => Record<string, unknown>);
  /**
   * Not a step of the loop: `toCase` registers the order as a case clue (services/workorders/to-case.ts, `body` its
   * input); `caseStep` takes a step of that case (services/cases/transition-case.ts, `body` the step).
   */
  toCase?: true;
  caseStep?: true;
}

/** Puts `act` among `acts` after those of its day or before (a track's acts are in date order). */
function placed(acts: Act[], act: Act): Act[] {
  const at = acts.findIndex((a) => a.on > act.on);
  if (at < 0) acts.push(act);
  else acts.splice(at, 0, act);
  return acts;
}

/** 不予立案 of a clue whose party corrected the act at once (《行政处罚法》第三十三条第一款). */
const DECLINE_REASON = '经核查，当事人已按要求及时改正，违法行为轻微，没有造成危害后果，依照《中华人民共和国行政处罚法》第三十三条第一款不予行政处罚，不予立案。';
export interface PlannedOrder {
  on: IsoDate;
  district: District;
  by: string;
  input: Record<string, unknown>;
  acts: Act[];
  /** A duplicate registered after `parent` and merged into it. */
  duplicateOf?: PlannedOrder;
  /** The order's id once registered, and its view once a service has taken a step of it. */
  id?: number;
  view?: WorkOrderView;
}

/** The acts of an order are planned in date order; a slip would take a step before the one it follows. */
function sorted(order: PlannedOrder): PlannedOrder {
  order.acts.forEach((a, i) => {
    const before = i === 0 ? order.on : order.acts[i - 1]!.on;
    if (a.on < before) throw new Error(`demo work order of ${order.on}: act ${String(i)} on ${a.on} before ${before}`);
  });
  return order;
}

/** The demo year's orders with their acts (unmoved dates): the first plan's, then the second's. */
export function demoWorkOrderPlan(): PlannedOrder[] {
  return [...planOf({ seed: DEMO_SEED, perDay: PER_DAY, caseClues: true }), ...planOf({ seed: MORE_SEED, perDay: MORE_PER_DAY, caseClues: false })];
}

/**
 * One plan's orders with their acts (unmoved dates), in the order they are received; with `caseClues` some become case
 * clues, and the last days' orders that show the quick states are added.
 */
function planOf({ seed, perDay, caseClues }: { seed: number; perDay: number; caseClues: boolean }): PlannedOrder[] {
  const rnd = seededRandom(seed);
  const caseRnd = seededRandom(seed + 1);
  let partySeq = 0;
  /**
   * The party the handler names when registering the clue (found on the spot: the shop, the restaurant, the site's
   * builder), fictional, with valid check characters (GB 11643, GB 32100).
   */
  const casePartyOf = (code: string, district: District, address: string): Record<string, unknown> => {
    const i = partySeq++;
    const region = district === 'donghu' ? '539902' : '539903';
    const suffix = companySuffix[code];
    if (suffix) {
      const first17 = `91${region}MA6W${String(10_000 + i)}`;
      return { kind: 'organization', name: `云城市${companyNames[i % companyNames.length]!}${suffix}`, creditCode: `${first17}${creditCodeCheckChar(first17)}`, legalRepresentative: `${surnames[i % surnames.length]!}建华`, address };
    }
    const first17 = `${region}1975${String(1 + (i % 12)).padStart(2, '0')}15${String(501 + i).padStart(3, '0')}`;
    return { kind: 'person', name: `${surnames[(i + 7) % surnames.length]!}${givenNames.slice(2)[i % (givenNames.length - 2)]!}`, idNumber: `${first17}${idNumberCheckChar(first17)}`, address };
  };
  const pick = <T extends { weight: number }>(list: readonly T[]): T => {
    let r = rnd() * list.reduce((s, x) => s + x.weight, 0);
    for (const x of list) if ((r -= x.weight) < 0) return x;
    return list.at(-1)!;
  };
  const one = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const chance = (p: number) => rnd() < p;
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

  const plan: PlannedOrder[] = [];
  for (let day = FIRST_DAY; day <= DEMO_TODAY; day = addDays(day, 1)) {
    if (!isWeekday(day)) continue;
    const arriving = Math.floor(perDay + rnd());
    for (let n = 0; n < arriving; n++) {
      const order = planOrder(day);
      plan.push(order);
      // 并单: the same matter reported again by someone else the same day, merged into the first.
      if (order.acts.length > 2 && order.input.channel !== 'digital' && !String(order.input.channel).startsWith('petition') && chance(0.08)) plan.push(duplicateOf(order));
    }
  }
  if (caseClues) plan.push(...lastDays());
  return plan;

  /** The last days' orders that show the states an order passes through quickly: 待派单, 派单异议, 已答复. */
  function lastDays(): PlannedOrder[] {
    const base = (on: IsoDate, channel: string, m: Matter, address: string) => ({
      organization: 'donghu',
      channel,
      kind: m.kind,
      category: m.category,
      content: m.text,
      address,
      requester: requester(),
    });
    const [stalls, noise, smoke] = [matters[0]!, matters[1]!, matters[2]!];
    return [
      // Returned by the brigade: the place is the street's; the district has not yet decided the dispute.
      sorted({
        on: '2026-11-11',
        district: 'donghu',
        by: 'clerk',
        input: base('2026-11-11', 'hotline', stalls, '云城市东湖区南湖街道湖滨路3号'),
        acts: [
          { on: '2026-11-11', by: 'clerk', body: { action: 'dispatch', unitId: 'donghu-brigade', note: '请按期办理并答复诉求人。' } },
          { on: '2026-11-12', by: 'wanglei', body: { action: 'return', reason: '经现场核实，湖滨路3号属于南湖街道辖区，不属于本大队直管区域。' } },
        ],
      }),
      // Answered, not yet completed.
      sorted({
        on: '2026-11-06',
        district: 'donghu',
        by: 'clerk',
        input: base('2026-11-06', 'hotline', noise, '云城市东湖区文化路夜市'),
        acts: [
          { on: '2026-11-06', by: 'clerk', body: { action: 'dispatch', unitId: 'donghu-brigade', note: '请按期办理并答复诉求人。' } },
          { on: '2026-11-09', by: 'zhaogang', body: { action: 'accept' } },
          { on: '2026-11-13', by: 'zhaogang', body: { action: 'answer', method: 'phone', text: answerText('complaint', false) } },
        ],
      }),
      // A petition letter waiting for the decision whether it is accepted (15 days, 《信访工作条例》第二十二条).
      sorted({ on: '2026-11-12', district: 'donghu', by: 'head.donghu', input: base('2026-11-12', 'petitionLetter', smoke, '云城市东湖区建设路幸福小区'), acts: [] }),
      // Signed for, urged, and still not answered past the due date.
      sorted({
        on: '2026-10-12',
        district: 'donghu',
        by: 'clerk',
        input: base('2026-10-12', 'hotline', smoke, '云城市东湖区南湖街道南湖花园小区'),
        acts: [
          { on: '2026-10-12', by: 'clerk', body: { action: 'dispatch', unitId: 'nanhu', note: '请按期办理并答复诉求人。' } },
          { on: '2026-10-13', by: 'fengjie', body: { action: 'accept' } },
          { on: '2026-11-05', by: 'supervisor', body: { action: 'urge', note: '该工单已超过办理期限，请于三日内办结并答复诉求人。' } },
        ],
      }),
      sorted({
        on: '2026-09-21',
        district: 'xishan',
        by: 'head.xishan',
        input: { ...base('2026-09-21', 'complaint', noise, '云城市西山区福海农贸市场'), organization: 'xishan' },
        acts: [
          { on: '2026-09-21', by: 'head.xishan', body: { action: 'dispatch', unitId: 'xishan-brigade', note: '请按期办理并答复诉求人。' } },
          { on: '2026-09-22', by: 'maqiang', body: { action: 'accept' } },
          { on: '2026-10-20', by: 'head.xishan', body: { action: 'urge', note: '请加快办理，逾期未办结的说明原因。' } },
        ],
      }),
      // Dispatched today, waiting to be signed for.
      sorted({
        on: DEMO_TODAY,
        district: 'xishan',
        by: 'clerk',
        input: { ...base(DEMO_TODAY, 'hotline', stalls, '云城市西山区西山大道120号'), organization: 'xishan' },
        acts: [{ on: DEMO_TODAY, by: 'clerk', body: { action: 'dispatch', unitId: 'xishan-brigade', note: '请按期办理并答复诉求人。' } }],
      }),
      // Today's hotline call, not yet dispatched.
      sorted({ on: DEMO_TODAY, district: 'donghu', by: 'clerk', input: base(DEMO_TODAY, 'hotline', stalls, '云城市东湖区文化路夜市'), acts: [] }),
      // Being handled, and registered as a case clue that waits for the decision whether to file it (立案期限 running).
      sorted({
        on: '2026-11-09',
        district: 'donghu',
        by: 'clerk',
        input: base('2026-11-09', 'hotline', stalls, '云城市东湖区解放路15号'),
        acts: [
          { on: '2026-11-09', by: 'clerk', body: { action: 'dispatch', unitId: 'donghu-brigade', note: '请按期办理并答复诉求人。' } },
          { on: '2026-11-10', by: 'wanglei', body: { action: 'accept' } },
          { on: '2026-11-10', by: 'wanglei', toCase: true, body: { title: caseTitles['09006']!, actContinuing: true, party: casePartyOf('09006', 'donghu', '云城市东湖区解放路15号') } },
        ],
      }),
    ];
  }

  function requester() {
    return { name: `${one([...surnames])}${one(givenNames)}`, phone: `139${String(between(0, 99_999_999)).padStart(8, '0')}` };
  }

  function planOrder(on: IsoDate): PlannedOrder {
    const district: District = chance(0.68) ? 'donghu' : 'xishan';
    const { channel } = pick(channels);
    const petition = channel.startsWith('petition');
    let matter = pick(matters);
    // A camera sees a street, not a question: 视频/数字城管 events are 投诉-like matters.
    if (channel === 'digital' && (matter.kind === 'consult' || matter.kind === 'suggestion')) matter = matters[0]!;
    const place = pick(places[district]).address;
    const kind: Kind = petition && matter.kind === 'consult' ? 'complaint' : matter.kind;
    const anonymous = channel === 'digital' || ((kind === 'report' || channel === 'complaint') && chance(0.15));
    const s = staff[district];
    const head = one(s.heads);
    // The 12345 desk (city level) registers and dispatches hotline, digital and media orders; the district the rest.
    const desk = ['hotline', 'digital', 'media'].includes(channel) ? 'clerk' : head;
    const unitIndex = district === 'donghu' && place.includes('南湖街道') ? 1 : 0;
    let unit = s.units[unitIndex]!;
    const acts: Act[] = [];
    const input = {
      organization: district,
      channel,
      kind,
      category: matter.category,
      content: channel === 'digital' ? `视频巡查发现：${matter.text}` : matter.text,
      address: place,
      requester: anonymous ? null : requester(),
    };

    let d = on;
    if (petition) {
      d = weekdays(on, between(1, 6));
      if (chance(0.1)) {
        acts.push({ on: d, by: head, body: { action: 'decideAcceptance', accepted: false, reason: '该事项已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决，不予受理，已书面告知信访人。' } });
        return { on, district, by: desk, input, acts };
      }
      acts.push({ on: d, by: head, body: { action: 'decideAcceptance', accepted: true, reason: '属于本机关职责范围，予以受理，已书面告知信访人。' } });
    }
    const dispatchOn = weekdays(d, chance(0.7) ? 0 : 1);
    acts.push({ on: dispatchOn, by: desk, body: { action: 'dispatch', unitId: unit.org, note: '请按期办理并答复诉求人。' } });
    // 签收 within a working day, now and then later.
    let signOn = weekdays(dispatchOn, chance(0.85) ? between(0, 1) : between(2, 3));
    if (district === 'donghu' && !petition && chance(0.12)) {
      // 退单: the place is the other unit's; the district reviews the dispute and designates it.
      const other = staff.donghu.units[1 - unitIndex]!;
      acts.push({ on: signOn, by: one(unit.handlers), body: { action: 'return', reason: `经现场核实，该地点属于${other.org === 'nanhu' ? '南湖街道' : '执法大队直管区域'}辖区，不属于本单位职责范围。` } });
      const resolved = weekdays(signOn, between(1, 2));
      acts.push({ on: resolved, by: head, body: { action: 'resolveDispute', unitId: other.org, opinion: '经审核，该事项属于辖区管理职责，指定由其办理，不得再退单。' } });
      unit = other;
      signOn = weekdays(resolved, between(0, 1));
    }
    const handler = one(unit.handlers);
    acts.push({ on: signOn, by: handler, body: { action: 'accept' } });
    // 转为案件线索: the handler finds an act to be punished and registers it with the case engine the day it signs for
    // it; a few working days later the district's head decides the clue (these parties corrected at once: 不予立案).
    const caseTitle = petition || !caseClues ? undefined : caseTitles[matter.category.code];
    const caseDecline: Act | null =
      caseTitle && (kind === 'complaint' || kind === 'report') && caseRnd() < TO_CASE_SHARE
        ? { on: weekdays(signOn, 2 + Math.floor(caseRnd() * 3)), by: head, caseStep: true, body: { action: 'decline', reason: DECLINE_REASON } }
        : null;
    if (caseTitle && caseDecline) acts.push({ on: signOn, by: handler, toCase: true, body: { title: caseTitle, actContinuing: true, party: casePartyOf(matter.category.code, district, place) } });
    const withCase = (order: PlannedOrder) => (caseDecline ? { ...order, acts: placed(order.acts, caseDecline) } : order);

    // How long the unit takes: most within the period (咨询 2, 求助/建议 10, 投诉/举报 15 working days; 信访 60 days), some late.
    const late = chance(0.08);
    let doneOn: IsoDate;
    if (petition) {
      const extended = chance(0.45);
      const days = late ? between(62, 75) : extended ? between(62, 85) : between(12, 55);
      doneOn = weekdays(addDays(d, days), 0);
      if (extended) {
        const extendDays = between(15, 30);
        acts.push({ on: weekdays(addDays(d, 50), 0), by: head, body: { action: 'extend', days: extendDays, reason: '涉及多个部门联合调查，情况复杂，经负责人批准延长办理期限，已告知信访人。' } });
        if (!late) doneOn = weekdays(addDays(d, Math.min(days, 58 + extendDays)), 0);
      }
    } else {
      const period = kind === 'consult' ? 2 : kind === 'help' || kind === 'suggestion' ? 10 : 15;
      const n = late ? period + between(1, 8) : kind === 'consult' ? between(0, 2) : between(2, period - 1);
      doneOn = weekdays(dispatchOn, n);
    }
    if (doneOn < signOn) doneOn = signOn;
    // 督办: the city supervisor (东湖) or the district head urges some of the late ones the day before they are done.
    if (late && chance(0.6)) {
      const urgeOn = addDays(doneOn, -1) < signOn ? signOn : addDays(doneOn, -1);
      acts.push({ on: urgeOn, by: district === 'donghu' ? 'supervisor' : head, body: { action: 'urge', note: '该工单已临近或超过办理期限，请加快办理并及时答复诉求人。' } });
    }
    const answered = input.requester !== null;
    if (answered) acts.push({ on: doneOn, by: handler, body: { action: 'answer', method: petition ? 'letter' : one(['phone', 'phone', 'phone', 'sms', 'visit']), text: answerText(kind, petition) } });
    const completeOn = weekdays(doneOn, chance(0.7) ? 0 : 1);
    acts.push({ on: completeOn, by: handler, body: { action: 'complete', result: resultText(kind) } });
    if (!answered) return sorted(withCase({ on, district, by: desk, input, acts }));
    // 回访 by the desk that registered it: about 75 % 满意, 15 % 基本满意, 10 % 不满意.
    const visitOn = weekdays(completeOn, between(1, 3));
    const r = rnd();
    const satisfaction = late ? (r < 0.45 ? 'satisfied' : r < 0.75 ? 'basic' : 'dissatisfied') : r < 0.77 ? 'satisfied' : r < 0.92 ? 'basic' : 'dissatisfied';
    acts.push({ on: visitOn, by: desk, body: { action: 'visit', satisfaction, ...(satisfaction === 'dissatisfied' ? { reason: '问题当时处理了，但没过几天又出现，希望长效管理。' } : {}) } });
    if (satisfaction === 'dissatisfied' && chance(0.5)) {
      // 重新办理 (reopen) after the dissatisfied visit, then answered, completed and visited again.
      const reopenOn = weekdays(visitOn, 1);
      const again = weekdays(reopenOn, between(2, 6));
      acts.push({ on: reopenOn, by: desk, body: { action: 'reopen', reason: '诉求人回访不满意，问题反复出现，重新办理并建立长效巡查。' } });
      acts.push({ on: again, by: handler, body: { action: 'answer', method: 'phone', text: '已会同社区建立每日巡查机制，问题已整改到位，已电话告知诉求人。' } });
      acts.push({ on: again, by: handler, body: { action: 'complete', result: '已整改到位并纳入日常巡查。' } });
      acts.push({ on: weekdays(again, 2), by: desk, body: { action: 'visit', satisfaction: chance(0.7) ? 'satisfied' : 'basic' } });
    }
    return sorted(withCase({ on, district, by: desk, input, acts }));
  }

  function duplicateOf(first: PlannedOrder): PlannedOrder {
    const dispatch = first.acts.find((a) => (a.body as { action?: string }).action === 'dispatch')!;
    const mergeOn = dispatch.on;
    return {
      on: first.on,
      district: first.district,
      by: first.by,
      input: { ...first.input, requester: requester(), content: `${String(first.input.content)}（重复来电）` },
      acts: [{ on: mergeOn, by: first.by, body: () => ({ action: 'merge', intoId: first.id! }) }],
      duplicateOf: first,
    };
  }
}

function answerText(kind: Kind, petition: boolean): string {
  if (petition) return '经调查核实，已依法作出处理，处理意见书已送达信访人，并告知其不服可以依照《信访工作条例》第三十五条请求复查。';
  if (kind === 'consult') return '已电话解答：按小区公告时间分类投放，具体要求已短信发送。';
  if (kind === 'suggestion') return '建议已收悉，已转交相关部门研究，将结合实际统筹安排。';
  return '已到现场核实处理，问题已整改，已告知诉求人处理结果。';
}
function resultText(kind: Kind): string {
  if (kind === 'consult') return '已答复咨询。';
  if (kind === 'suggestion') return '建议已研究并答复。';
  return '现场核实属实，已责令当事人整改，复查已整改到位。';
}

/** The demo's organizations by key and its users by name, as the orders' acts name them. */
export async function demoDirectory(ctx: Pick<ServiceContext, 'db'>): Promise<{ orgId: (key: string) => number; actor: (username: string) => Actor }> {
  const orgRows = await ctx.db.select({ id: organizations.id, name: organizations.name }).from(organizations);
  const orgId = (key: string) => orgRows.find((o) => o.name === orgNames[key])!.id;
  const userRows = await ctx.db.select().from(users).innerJoin(organizations, eq(organizations.id, users.organizationId));
  const actors = new Map<string, Actor>();
  const actor = (username: string): Actor => {
    const known = actors.get(username);
    if (known) return known;
    const row = userRows.find((r) => r.users.username === username);
    if (!row) throw new Error(`demo user ${username} missing`);
    const found: Actor = { userId: row.users.id, organizationId: row.organizations.id, organizationPath: row.organizations.path, roles: row.users.roles as Role[], displayName: row.users.displayName };
    actors.set(username, found);
    return found;
  };
  return { orgId, actor };
}

/**
 * Writes the demo orders (dates moved by `shift` days; an act after `today` is not taken, so the latest orders stay
 * where they are, as open orders do). Every order is taken by the bulk writer (./workorder-rows.ts: the services'
 * own guards, effects and audit records, written in a few INSERTs), all in date order; an order that becomes a case
 * clue is taken by it up to that act, and from there through the services as a track of dated acts, returned for the
 * case seeding to take with its own in date order.
 */
export async function seedDemoWorkOrders(base: ServiceContext, shift = 0, today: IsoDate = DEMO_TODAY): Promise<{ tracks: Track[]; written: { orders: number; deadlines: number; auditRecords: number } }> {
  let now = new Date(`${shiftDates(FIRST_DAY, shift)}T01:00:00Z`);
  const ctx: ServiceContext = { ...base, clock: () => now };
  const { orgId, actor } = await demoDirectory(ctx);
  const at = (on: IsoDate) => {
    now = new Date(`${on}T01:00:00Z`); // 09:00 in China
    return now;
  };
  const moved = (d: IsoDate) => shiftDates(d, shift);
  const bodyOf = (order: PlannedOrder, act: Act) => {
    const body = typeof act.body === 'function' ? act.body(order) : act.body;
    return 'unitId' in body && typeof body.unitId === 'string' ? { ...body, unitId: orgId(body.unitId) } : body;
  };

  const writer = await WorkOrderBulkWriter.open(ctx);
  const bulk: { on: IsoDate; order: number; act: number; take: () => Promise<void> }[] = [];
  const tracks: Track[] = [];
  demoWorkOrderPlan().forEach((order, index) => {
    const registeredOn = moved(order.on);
    if (registeredOn > today) return;
    bulk.push({
      on: registeredOn,
      order: index,
      act: -1,
      take: async () => {
        const { organization, ...input } = order.input;
        order.id = await writer.register(actor(order.by), { ...input, organizationId: orgId(organization as string) }, at(registeredOn));
      },
    });
    const split = order.acts.findIndex((a) => a.toCase ?? a.caseStep);
    order.acts.slice(0, split < 0 ? undefined : split).forEach((act, i) => {
      const on = moved(act.on);
      if (on <= today) bulk.push({ on, order: index, act: i, take: () => writer.step(actor(act.by), order.id!, bodyOf(order, act), at(on)) });
    });
    if (split < 0) return;
    // From the case clue on, through the services (the case engine's own steps are among them).
    const acts = order.acts.slice(split).map((act) => ({
      on: moved(act.on),
      take: async () => {
        at(moved(act.on));
        order.view ??= await getWorkOrder(ctx.db, actor(act.by), order.id!);
        const body = bodyOf(order, act);
        if (act.toCase) {
          order.view = await registerCaseFromWorkOrder(ctx, actor(act.by), order.view.id, { ...body, expectedVersion: order.view.version });
          return;
        }
        if (act.caseStep) {
          const caseId = order.view.case!.id;
          const [row] = await ctx.db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
          await stepCase(ctx, actor(act.by), caseId, { ...body, expectedVersion: row!.version });
          order.view = await getWorkOrder(ctx.db, actor(act.by), order.view.id);
          return;
        }
        order.view = await transitionWorkOrder(ctx, actor(act.by), order.view.id, { ...body, expectedVersion: order.view.version });
      },
    }));
    tracks.push(datedActs(acts.filter((a) => a.on <= today)));
  });
  // In date order, an order's acts of a day together, as the services would take them (ids follow the dates).
  bulk.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order - b.order || a.act - b.act));
  await writer.reserveIds(bulk.filter((e) => e.act < 0).length);
  for (const e of bulk) await e.take();
  const written = await writer.write(ctx.db);
  return { tracks, written };
}
