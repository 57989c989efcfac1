/**
 * Demo enforcement cases for the fictional 云城市 (division codes 5399xx are unassigned): power lists with real
 * national provisions, local case parameters, and cases in every state across both districts, with typical
 * city-management facts (违法建设, 占道经营, 户外广告, 渣土运输, 燃气, 扬尘, 露天烧烤, 油烟). Parties are
 * fictional, with valid check characters. Everything is built by calling the case services on a demo clock,
 * so every case passed every guard and has its audit chain.
 */
import { eq, inArray } from 'drizzle-orm';
import { type Actor, type Role, systemActor } from '../domain/access.ts';
import type { IsoDate } from '../domain/calendar/iso-date.ts';
import { creditCodeCheckChar } from '../domain/validators/credit-code.ts';
import { idNumberCheckChar } from '../domain/validators/id-number.ts';
import { organizations, users } from '../db/schema.ts';
import { addEvidence } from '../services/cases/add-evidence.ts';
import { setCaseSettings } from '../services/cases/case-settings.ts';
import { decideOnSpot } from '../services/cases/decide-on-spot.ts';
import { addPowerItem } from '../services/cases/power-list.ts';
import { publishDecision } from '../services/cases/publicity.ts';
import { registerClue } from '../services/cases/register-clue.ts';
import { getCase } from '../services/cases/get-case.ts';
import { stepCase } from '../services/cases/transition-case.ts';
import type { ServiceContext } from '../services/context.ts';
import { memoryFileStore } from '../services/file-store.ts';
import { allPassedChecklist } from '../domain/cases/legal-review.ts';
import { AppError } from '../domain/errors.ts';
import { DEMO_TODAY, RETRY_DAYS, shiftDates } from './clock.ts';
import { datedActs, type Track, takeInDateOrder } from './tracks.ts';

/**
 * A case as the demo holds it between its steps: the id and the version the next step expects. The view is read only
 * where a step needs it (an evidence item's collectors): reading it after each of the demo's several hundred steps
 * was 1.7 s of a first start (docs/PERFORMANCE.md "Round 7").
 */
interface HeldCase {
  id: number;
  version: number;
}

export { DEMO_TODAY } from './clock.ts';

const yuan = (n: number) => Math.round(n * 100);

interface PowerItemSpec {
  code: string;
  name: string;
  violatedProvision: string;
  penaltyProvision: string;
  statutoryRange: string;
  category: string;
}

const CSRQ = '《城市市容和环境卫生管理条例》';
const DQ = '《中华人民共和国大气污染防治法》';
const powerList: PowerItemSpec[] = [
  {
    code: 'WJ-001',
    name: '未取得建设工程规划许可证进行建设',
    violatedProvision: '《中华人民共和国城乡规划法》第四十条第一款',
    penaltyProvision: '《中华人民共和国城乡规划法》第六十四条',
    statutoryRange: '责令停止建设；尚可采取改正措施消除对规划实施的影响的，限期改正，处建设工程造价百分之五以上百分之十以下的罚款；无法采取改正措施消除影响的，限期拆除，不能拆除的，没收实物或者违法收入，可以并处建设工程造价百分之十以下的罚款',
    category: '违法建设',
  },
  {
    code: 'SR-001',
    name: '未经批准擅自在街道两侧和公共场地堆放物料、摆摊设点，影响市容',
    violatedProvision: `${CSRQ}第十四条`,
    penaltyProvision: `${CSRQ}第三十六条第（二）项`,
    statutoryRange: '责令停止违法行为，限期清理、拆除或者采取其他补救措施，并可处以罚款',
    category: '占道经营',
  },
  {
    code: 'GG-001',
    name: '未经同意擅自设置大型户外广告，影响市容',
    violatedProvision: `${CSRQ}第十一条`,
    penaltyProvision: `${CSRQ}第三十六条第（一）项`,
    statutoryRange: '责令停止违法行为，限期清理、拆除或者采取其他补救措施，并可处以罚款',
    category: '户外广告',
  },
  {
    code: 'LR-001',
    name: '随地吐痰、便溺，乱扔果皮、纸屑和烟头等废弃物',
    violatedProvision: `${CSRQ}第三十四条第（一）项`,
    penaltyProvision: `${CSRQ}第三十四条`,
    statutoryRange: '责令纠正违法行为、采取补救措施，可以并处警告、罚款',
    category: '市容环境',
  },
  {
    code: 'ZT-001',
    name: '处置建筑垃圾的单位在运输过程中沿途丢弃、遗撒建筑垃圾',
    violatedProvision: '《城市建筑垃圾管理规定》第十四条',
    penaltyProvision: '《城市建筑垃圾管理规定》第二十三条',
    statutoryRange: '责令限期改正，给予警告，处5000元以上5万元以下罚款',
    category: '渣土运输',
  },
  {
    code: 'YC-001',
    name: '施工单位未采取有效防尘降尘措施',
    violatedProvision: `${DQ}第六十九条第三款`,
    penaltyProvision: `${DQ}第一百一十五条第一款`,
    statutoryRange: '责令改正，处一万元以上十万元以下的罚款；拒不改正的，责令停工整治',
    category: '扬尘',
  },
  {
    code: 'RQ-001',
    name: '在不具备安全条件的场所使用、储存燃气且逾期不改正',
    violatedProvision: '《城镇燃气管理条例》第二十八条第（五）项',
    penaltyProvision: '《城镇燃气管理条例》第四十九条',
    statutoryRange: '责令限期改正；逾期不改正的，对单位可以处10万元以下罚款，对个人可以处1000元以下罚款',
    category: '燃气',
  },
  {
    code: 'SK-001',
    name: '在人民政府禁止的区域内露天烧烤食品',
    violatedProvision: `${DQ}第八十一条第三款`,
    penaltyProvision: `${DQ}第一百一十八条第三款`,
    statutoryRange: '责令改正，没收烧烤工具和违法所得，并处五百元以上二万元以下的罚款',
    category: '露天烧烤',
  },
  {
    code: 'YY-001',
    name: '排放油烟的餐饮服务业经营者未安装油烟净化设施',
    violatedProvision: `${DQ}第八十一条第一款`,
    penaltyProvision: `${DQ}第一百一十八条第一款`,
    statutoryRange: '责令改正，处五千元以上五万元以下的罚款；拒不改正的，责令停业整治',
    category: '餐饮油烟',
  },
];
/** Powers delegated (赋权) by 东湖区 to the 南湖街道 team: street-level matters only. */
const delegatedToTown = ['SR-001', 'GG-001', 'LR-001', 'SK-001'];

type OrgKey = 'donghu' | 'donghu-brigade' | 'nanhu' | 'xishan' | 'xishan-brigade';
const orgNames: Record<OrgKey, string> = {
  donghu: '云城市东湖区城市管理和综合行政执法局',
  'donghu-brigade': '东湖区城市管理综合行政执法大队',
  nanhu: '东湖区南湖街道综合行政执法队',
  xishan: '云城市西山区城市管理和综合行政执法局',
  'xishan-brigade': '西山区城市管理综合行政执法大队',
};

const person = (name: string, region: string, birth: string, seq: number, address: string) => {
  const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return { kind: 'person' as const, name, idNumber: `${first17}${idNumberCheckChar(first17)}`, phone: `139${birth.slice(2, 8)}${String(seq).padStart(2, '0').slice(-2)}`, address };
};
const company = (name: string, region: string, orgCode: string, legalRepresentative: string, address: string) => {
  const first17 = `91${region}${orgCode}`;
  return { kind: 'organization' as const, name, creditCode: `${first17}${creditCodeCheckChar(first17)}`, legalRepresentative, phone: '0871-65550000', address };
};

/** The agency profiles of the demo (fictional addresses, phones and accounts). */
const demoProfiles = {
  donghu: {
    agencyName: orgNames.donghu,
    sealText: orgNames.donghu,
    agencyAddress: '云城市东湖区湖滨路1号',
    postalCode: '679901',
    contactPerson: '林晓',
    contactPhone: '0870-3120001',
    reconsiderationBody: '云城市东湖区人民政府',
    court: '云城市东湖区人民法院',
    paymentBank: '中国工商银行云城市东湖支行',
    paymentAccountName: '云城市东湖区财政局非税收入汇缴结算户',
    paymentAccountNo: '2505 0100 0902 0001 234',
    caseNumberPrefix: '云东城管立字',
    // The server's own portal in the demo (npm start, port 3000): document QR codes open its verification page.
    portalUrl: 'http://localhost:3000/portal',
  },
  nanhu: {
    agencyName: '云城市东湖区人民政府南湖街道办事处',
    sealText: '云城市东湖区人民政府南湖街道办事处',
    agencyAddress: '云城市东湖区南湖路100号',
    contactPerson: '郑宇',
    contactPhone: '0870-3125301',
    caseNumberPrefix: '南湖综执立字',
  },
  xishan: {
    agencyName: orgNames.xishan,
    sealText: orgNames.xishan,
    agencyAddress: '云城市西山区人民路18号',
    postalCode: '679903',
    contactPerson: '何静',
    contactPhone: '0870-3260001',
    reconsiderationBody: '云城市西山区人民政府',
    court: '云城市西山区人民法院',
    paymentBank: '中国农业银行云城市西山支行',
    paymentAccountName: '云城市西山区财政局非税收入汇缴结算户',
    paymentAccountNo: '2406 0100 0903 0005 678',
    caseNumberPrefix: '云西城管立字',
    portalUrl: 'http://localhost:3000/portal',
  },
};

type Body = Record<string, unknown> & { action: string };
type Step =
  | { on: IsoDate; by: string; body: Body }
  | { on: IsoDate; by: string; evidence: { kind: string; act?: string; title: string; text: string; place: string } }
  | { on: IsoDate; by: string; publish: true };

interface DemoCase {
  org: OrgKey;
  by: string;
  on: IsoDate;
  item: string;
  title: string;
  facts: string;
  place: string;
  actStartedOn: IsoDate;
  actEndedOn: IsoDate | null;
  clueSource: string;
  party: Record<string, unknown>;
  steps: Step[];
}

const penalty = (kinds: string[], fineYuan: number | null, description: string, basis: string) => ({
  kinds,
  fineFen: fineYuan === null ? null : yuan(fineYuan),
  description,
  basis,
});

const ev = (on: IsoDate, by: string, kind: string, title: string, text: string, place: string, act = 'inspection'): Step => ({ on, by, evidence: { kind, act, title, text, place } });
const s = (on: IsoDate, by: string, body: Body): Step => ({ on, by, body });

/** An opinion on an approval form, signed by `by` in their own session. */
const opinion = (on: IsoDate, by: string, form: string, role: string, text: string): Step => s(on, by, { action: 'signOpinion', form, role, text });
const officerNames: Record<string, string> = { wanglei: '王磊', zhaogang: '赵刚', liuyang: '刘洋', maqiang: '马强', zhengyu: '郑宇', fengjie: '冯洁' };
/** Who signs the 承办机构意见 of a case the head files: the leader of the brigade (大队长). */
const unitLeaderOf: Record<string, string> = { 'head.donghu': 'chief.donghu', 'head.xishan': 'chief.xishan' };

/**
 * Filing (《行政处罚法》第五十四条): the 立案审批表's 承办人意见 signed by the first officer and its 承办机构意见 by the unit's
 * leader, each in their own session (`signOpinion`), then the head files and approves. A team without a leader of its
 * own in the system (南湖) has the head filing it sign the 承办机构意见 too (`unitOpinion`).
 */
const file = (
  on: IsoDate,
  head: string,
  officers: string[],
  o: { undertaker?: string; unit?: string; unitBy?: string | null; extra?: Partial<Body> } = {},
): Step[] => {
  const unitText = o.unit ?? `同意立案，由${officers.map((u) => officerNames[u] ?? u).join('、')}承办。`;
  const leader = o.unitBy === undefined ? unitLeaderOf[head] : o.unitBy;
  return [
    opinion(on, officers[0]!, 'filing', 'undertaker', o.undertaker ?? '经初步核查，当事人涉嫌违法的事实基本清楚，属于本机关管辖，建议立案调查。'),
    ...(leader ? [opinion(on, leader, 'filing', 'unit', unitText)] : []),
    s(on, head, {
      action: 'file',
      officerIds: officers,
      opinion: '经初步核查，有违法事实，属于本机关管辖，符合立案条件，同意立案。',
      ...(leader ? {} : { unitOpinion: { text: unitText } }),
      ...o.extra,
    }),
  ];
};
// The steps most cases share, so each case lists only what is particular to it.
const investigate = (on: IsoDate, by: string): Step => s(on, by, { action: 'startInvestigation' });
/** 调查终结 with a penalty proposal and its 裁量理由 (印在案件调查终结报告上). */
const propose = (on: IsoDate, by: string, findings: string, p: ReturnType<typeof penalty>, discretionReason: string, extra: Partial<Body> = {}): Step =>
  s(on, by, { action: 'closeInvestigation', findings, proposal: { kind: 'penalty', penalty: p }, discretionReason, ...extra });
/** 事先告知, served on the party directly at its address unless `extra.service` says otherwise (送达回证). */
const notify = (on: IsoDate, by: string, extra: Partial<Body> = {}): Step => s(on, by, { action: 'notify', service: { method: 'direct', time: '10:00' }, ...extra });
const decide = (on: IsoDate, head: string): Step => s(on, head, { action: 'decide' });

const DH = ['wanglei', 'zhaogang'];
const zhaoZhiqiang = person('赵志强', '539902', '19780412', 31, '云城市东湖区湖滨路56号');
const XS = ['liuyang', 'maqiang'];
const NH = ['zhengyu', 'fengjie'];

function demoCases(): DemoCase[] {
  return [
    // 1. 违法建设, with a hearing, from clue to archive (东湖): every record its documents print, so each of them —
    // and the bound case file — renders for this case.
    {
      org: 'donghu-brigade',
      by: 'wanglei',
      on: '2026-03-02',
      item: 'WJ-001',
      title: '涉嫌未取得建设工程规划许可证擅自建设案',
      facts: '当事人在东湖区湖滨路 56 号自有住宅楼顶未取得建设工程规划许可证，擅自搭建钢结构房屋一间，建筑面积约 72 平方米，经测算工程造价约 86.4 万元。',
      place: '云城市东湖区湖滨路56号楼顶',
      actStartedOn: '2026-01-10',
      actEndedOn: '2026-02-26',
      clueSource: 'complaint',
      party: zhaoZhiqiang,
      steps: [
        // Each opinion of the 立案审批表 signed by its author, in their own session; the head then files it.
        ...file('2026-03-02', 'head.donghu', DH, { undertaker: '当事人涉嫌未取得建设工程规划许可证擅自建设，违法事实基本清楚，建议立案调查。' }),
        investigate('2026-03-03', 'wanglei'),
        s('2026-03-03', 'wanglei', {
          action: 'recordInspection',
          startAt: '2026-03-03T09:30',
          endAt: '2026-03-03T10:20',
          place: '云城市东湖区湖滨路56号楼顶',
          inspectorIds: DH,
          recorderId: 'zhaogang',
          presentPerson: '赵志强（当事人）',
          findings:
            '湖滨路56号为当事人自有六层砖混结构住宅，楼顶东侧新建钢结构房屋一间，彩钢板屋面，长约12米、宽约6米，建筑面积约72平方米，主体结构及屋面已完工，门窗尚未安装，现场未见施工人员。当事人未能出示建设工程规划许可证。',
          mediaRefs: '现场照片DH-20260303-01至08号，执法记录仪视频1段',
        }),
        ev('2026-03-03', 'wanglei', 'onSiteRecord', '现场检查笔录', '【演示数据】2026年3月3日对湖滨路56号楼顶进行现场检查，发现钢结构房屋一间。', '湖滨路56号楼顶'),
        s('2026-03-05', 'zhaogang', {
          action: 'recordInquiry',
          startAt: '2026-03-05T14:00',
          endAt: '2026-03-05T14:45',
          place: '东湖区城市管理综合行政执法大队询问室',
          interviewee: { name: zhaoZhiqiang.name, idNumber: zhaoZhiqiang.idNumber, employer: '个体经营', address: zhaoZhiqiang.address, phone: zhaoZhiqiang.phone, relation: '当事人' },
          questionerIds: ['zhaogang', 'wanglei'],
          recorderId: 'wanglei',
          rightsAnswer: '看清楚了，不申请回避。',
          exchanges: [
            { question: '湖滨路56号楼顶的钢结构房屋是谁建的？什么时候建的？', answer: '是我请人建的，1月10日开工，2月底主体建完。' },
            { question: '建设前是否办理了建设工程规划许可证？', answer: '没有办，我以为在自己家楼顶搭建不需要审批。' },
            { question: '这间房屋的面积和用途是什么？花了多少钱？', answer: '大概七十来个平方，准备自家住。材料和人工一共八十多万元，具体以造价鉴定为准。' },
            { question: '你还有什么要补充的吗？', answer: '没有了，现在已经停工，愿意配合处理。' },
          ],
        }),
        ev('2026-03-05', 'zhaogang', 'partyStatement', '询问笔录', '【演示数据】当事人承认未办理规划许可即开工建设。', '东湖区执法大队询问室', 'inquiry'),
        s('2026-03-05', 'wanglei', {
          action: 'orderCorrection',
          finding: '在东湖区湖滨路56号自有住宅楼顶未取得建设工程规划许可证擅自搭建钢结构房屋一间，建筑面积约72平方米',
          requirement: '立即停止建设，并自行拆除违法搭建的钢结构房屋，恢复原状',
          deadline: '2026-03-20',
          basis: '《中华人民共和国城乡规划法》第六十四条',
          service: { method: 'direct', time: '15:10', place: '东湖区城市管理综合行政执法大队询问室', serverIds: DH },
        }),
        ev('2026-03-20', 'wanglei', 'expertOpinion', '工程造价鉴定意见', '【演示数据】经委托鉴定，该建筑工程造价为人民币864000元。', '云城市某工程造价咨询公司'),
        propose(
          '2026-04-10',
          'wanglei',
          '当事人未取得建设工程规划许可证擅自建设钢结构房屋 72 平方米，尚可采取改正措施消除对规划实施的影响，事实清楚、证据确凿。',
          penalty(['fine'], 43200, '责令限期改正，并处建设工程造价百分之五即人民币43200元的罚款', '《中华人民共和国城乡规划法》第六十四条'),
          '当事人的违法建设尚可采取改正措施消除对规划实施的影响，案发后即停工并如实陈述，按建设工程造价百分之五的下限处以罚款',
          { flags: { complex: false, majorPublicInterest: false, socialImpact: true } },
        ),
        notify('2026-04-15', 'wanglei', { service: { method: 'direct', time: '10:00', place: '云城市东湖区湖滨路56号', serverIds: DH } }),
        s('2026-04-17', 'wanglei', { action: 'requestHearing' }),
        s('2026-04-20', 'wanglei', {
          action: 'scheduleHearing',
          hearingOn: '2026-04-30',
          startTime: '09:30',
          presiderId: 'reviewer.donghu',
          hearingOfficerIds: ['chief.donghu'],
          recorderId: 'sunli',
          place: '东湖区城市管理和综合行政执法局第一听证室',
          service: { method: 'direct', time: '16:00', place: '云城市东湖区湖滨路56号', serverIds: DH },
        }),
        s('2026-04-30', 'reviewer.donghu', {
          action: 'holdHearing',
          record: '当事人及其委托代理人到场，对违法事实无异议，请求考虑其主动停工的情节；调查人员出示证据并发表意见。',
          startAt: '2026-04-30T09:30',
          endAt: '2026-04-30T10:55',
          partyAttendees: ['赵志强'],
          agents: ['孙明（云城市湖滨律师事务所律师）'],
          investigatorStatement:
            '当事人未取得建设工程规划许可证，于2026年1月至2月在湖滨路56号楼顶搭建钢结构房屋约72平方米，有现场检查笔录、询问笔录、现场照片和工程造价鉴定意见为证；建议依据《中华人民共和国城乡规划法》第六十四条责令限期改正，并处建设工程造价百分之五即43200元罚款。',
          partyStatement: '对违法事实和证据没有异议；当事人发现违法后主动停工，已着手拆除，请求从轻处罚。',
          debate: '调查人员认为拟处罚款已按法定幅度下限提出，当事人主动停工的情节已在裁量中考虑；代理人对此无新的意见。',
          finalStatement: '我认识到了错误，会按要求拆除，希望从轻处理。',
        }),
        s('2026-05-06', 'reviewer.donghu', {
          action: 'legalReview',
          passed: true,
          opinion: '主体合法，事实清楚，证据确凿，适用法律正确，程序合法，裁量适当，同意。',
          checklist: allPassedChecklist({
            subject: '以云城市东湖区城市管理和综合行政执法局名义作出，承办人员王磊、赵刚均持有效执法证件',
            authority: '未取得建设工程规划许可证进行建设属本局权责清单事项（WJ-001）',
            facts: '违法建设的位置、面积、时间清楚',
            evidence: '现场检查笔录、询问笔录、照片和造价鉴定意见相互印证',
            procedure: '已事先告知并依当事人申请举行听证，本审核在听证后进行',
            lawApplication: '适用《中华人民共和国城乡规划法》第四十条第一款、第六十四条正确',
            discretion: '尚可改正，按工程造价百分之五的下限处罚，裁量适当',
            documents: '文书齐全，文号、送达回证完整',
          }),
        }),
        s('2026-05-06', 'head.donghu', {
          action: 'collectiveDiscussion',
          participantIds: ['head.donghu', 'deputy.donghu', 'deputy2.donghu', 'chief.donghu'],
          conclusion: '同意按建设工程造价百分之五处以罚款。',
          startAt: '2026-05-06T15:00',
          endAt: '2026-05-06T15:50',
          place: '云城市东湖区城市管理和综合行政执法局第二会议室',
          recorder: '张敏',
          reporterId: 'wanglei',
          opinions: [
            { speaker: '李卫东', opinion: '违法事实清楚，听证中当事人对事实无异议，已停工，尚可改正，建议按工程造价百分之五罚款并责令限期改正。' },
            { speaker: '王秀梅', opinion: '同意承办人意见，听证笔录未提出新的事实、理由和证据，法制审核已通过。' },
            { speaker: '陈建国', opinion: '同意，根据听证笔录依法作出决定。' },
          ],
        }),
        decide('2026-05-07', 'head.donghu'),
        { on: '2026-05-07', by: 'wanglei', publish: true },
        s('2026-05-08', 'zhaogang', { action: 'serve', method: 'direct', time: '10:30', place: '云城市东湖区湖滨路56号', serverIds: ['zhaogang', 'wanglei'] }),
        s('2026-05-20', 'wanglei', { action: 'recordPayment', amountFen: yuan(43200), receiptNo: 'FS2026052000187' }),
        opinion('2026-05-21', 'reviewer.donghu', 'closing', 'reviewer', '程序合法，决定已执行完毕，同意结案。'),
        opinion('2026-05-21', 'head.donghu', 'closing', 'head', '同意结案。'),
        s('2026-05-21', 'wanglei', {
          action: 'close',
          summary: '当事人已全额缴纳罚款并完成整改，案件办结。',
          execution: '当事人于2026年5月20日缴纳罚款，并已自行拆除违法搭建的钢结构房屋',
          opinion: '处罚决定已履行完毕，建议结案。',
        }),
        s('2026-05-25', 'wanglei', { action: 'archive', archiveNo: 'DH-CF-2026-0001', retention: 'years30' }),
      ],
    },
    // 2. 渣土运输, served, payment overdue (加处罚款 accruing).
    {
      org: 'donghu-brigade',
      by: 'zhaogang',
      on: '2026-09-08',
      item: 'ZT-001',
      title: '涉嫌运输建筑垃圾沿途遗撒案',
      facts: '当事人所属重型自卸货车在东湖大道由东向西行驶过程中沿途遗撒建筑垃圾约 300 米，污染路面。',
      place: '云城市东湖区东湖大道（会展中心至湖滨路段）',
      actStartedOn: '2026-09-07',
      actEndedOn: '2026-09-07',
      clueSource: 'video',
      party: company('云城市宏达土石方工程有限公司', '539902', 'MA6K2A1B3', '孙宏达', '云城市东湖区工业园区8号'),
      steps: [
        ...file('2026-09-08', 'head.donghu', DH),
        investigate('2026-09-09', 'zhaogang'),
        ev('2026-09-09', 'zhaogang', 'electronic', '视频监控截图', '【演示数据】东湖大道监控视频截图，显示车辆沿途遗撒。', '东湖区城市运行管理中心'),
        propose('2026-09-15', 'zhaogang', '当事人运输建筑垃圾沿途遗撒的事实清楚，有视频资料和现场笔录为证。', penalty(['warning', 'fine'], 20000, '警告，并处罚款人民币20000元', '《城市建筑垃圾管理规定》第二十三条'), '当事人运输车辆沿途遗撒建筑垃圾约300米，污染路面范围较大，且未及时清理，在法定幅度内给予警告并处罚款'),
        notify('2026-09-16', 'zhaogang'),
        decide('2026-09-22', 'head.donghu'),
        { on: '2026-09-22', by: 'zhaogang', publish: true },
        s('2026-09-23', 'wanglei', { action: 'serve', method: 'mail', time: '09:30', serverIds: ['wanglei', 'zhaogang'] }),
        // 《行政处罚法》第七十二条: unpaid after the period, so 加处罚款 accrues and the party is reminded (催告书).
        s('2026-10-20', 'zhaogang', { action: 'remindPayment', periodDays: 10, service: { method: 'mail', time: '09:30', serverIds: ['zhaogang', 'wanglei'] } }),
      ],
    },
    // 3. 扬尘, prior notice served, statement period running.
    {
      org: 'donghu-brigade',
      by: 'wanglei',
      on: '2026-10-19',
      item: 'YC-001',
      title: '涉嫌施工工地未采取有效防尘降尘措施案',
      facts: '当事人承建的东湖新城二期项目工地裸露土方约 1200 平方米未覆盖，出入口未设置车辆冲洗设施，扬尘明显。',
      place: '云城市东湖区东湖新城二期项目工地',
      actStartedOn: '2026-10-15',
      actEndedOn: '2026-10-19',
      clueSource: 'hotline',
      party: company('云城市建工第三建设有限公司', '539902', 'MA6K3C2D4', '钱建国', '云城市东湖区建设路18号'),
      steps: [
        ...file('2026-10-20', 'head.donghu', DH),
        investigate('2026-10-21', 'wanglei'),
        ev('2026-10-21', 'wanglei', 'onSiteRecord', '现场检查笔录', '【演示数据】工地裸露土方未覆盖，出入口无冲洗设施。', '东湖新城二期项目工地'),
        propose('2026-11-06', 'wanglei', '当事人施工工地未采取覆盖、冲洗等有效防尘降尘措施，事实清楚。', penalty(['fine'], 30000, '罚款人民币30000元', '《中华人民共和国大气污染防治法》第一百一十五条第一款'), '当事人工地裸露土方面积约1200平方米未覆盖、出入口未设冲洗设施，扬尘明显，系首次查处，在法定幅度内处罚'),
        notify('2026-11-11', 'wanglei'),
      ],
    },
    // 4. 户外广告, investigation closed, under review.
    {
      org: 'donghu-brigade',
      by: 'zhaogang',
      on: '2026-10-26',
      item: 'GG-001',
      title: '涉嫌擅自设置大型户外广告案',
      facts: '当事人未经同意在东湖区中山路 120 号建筑外墙设置大型户外广告牌一块，面积约 60 平方米。',
      place: '云城市东湖区中山路120号外墙',
      actStartedOn: '2026-08-01',
      actEndedOn: null,
      clueSource: 'patrol',
      party: company('云城市星光传媒广告有限公司', '539902', 'MA6K4E3F5', '李星光', '云城市东湖区中山路88号'),
      steps: [
        ...file('2026-10-26', 'head.donghu', DH),
        investigate('2026-10-27', 'zhaogang'),
        ev('2026-10-27', 'zhaogang', 'onSiteRecord', '现场检查笔录', '【演示数据】中山路120号外墙设有大型广告牌，无审批手续。', '中山路120号'),
        propose('2026-11-12', 'zhaogang', '当事人擅自设置大型户外广告，影响市容，事实清楚。', penalty(['fine'], 8000, '责令限期拆除，并处罚款人民币8000元', `${CSRQ}第三十六条第（一）项`), '当事人擅自设置的广告牌面积约60平方米，设置时间较长，影响市容，责令限期拆除并在法定幅度内处以罚款'),
      ],
    },
    // 5. 燃气, investigating, 先行登记保存 awaiting its decision.
    {
      org: 'donghu-brigade',
      by: 'wanglei',
      on: '2026-11-09',
      item: 'RQ-001',
      title: '涉嫌在不具备安全条件的场所使用储存燃气案',
      facts: '当事人经营的餐馆在地下室后厨存放液化石油气钢瓶 6 只并使用，未设置燃气泄漏报警装置，经责令限期改正逾期未改正。',
      place: '云城市东湖区南湖路32号地下一层',
      actStartedOn: '2026-10-01',
      actEndedOn: null,
      clueSource: 'patrol',
      party: company('云城市东湖区老街坊餐饮有限公司', '539902', 'MA6K5G4H6', '周大海', '云城市东湖区南湖路32号'),
      steps: [
        ...file('2026-11-09', 'head.donghu', DH),
        investigate('2026-11-10', 'wanglei'),
        ev('2026-11-10', 'wanglei', 'onSiteRecord', '现场检查笔录', '【演示数据】地下室后厨存放液化石油气钢瓶6只。', '南湖路32号地下一层'),
        opinion('2026-11-10', 'head.donghu', 'preservation', 'head', '同意对液化石油气钢瓶6只先行登记保存。'),
        s('2026-11-10', 'wanglei', { action: 'preserve', items: '液化石油气钢瓶6只（15kg规格）' }),
      ],
    },
    // 6. 占道经营, filed.
    {
      org: 'donghu-brigade',
      by: 'wanglei',
      on: '2026-11-12',
      item: 'SR-001',
      title: '涉嫌擅自占用人行道堆放物料案',
      facts: '当事人在东湖区解放路 15 号门前人行道堆放建材约 20 平方米，影响通行和市容，经劝导未清理。',
      place: '云城市东湖区解放路15号门前',
      actStartedOn: '2026-11-05',
      actEndedOn: null,
      clueSource: 'complaint',
      party: person('钱小红', '539902', '19820921', 42, '云城市东湖区解放路15号'),
      steps: [...file('2026-11-13', 'head.donghu', DH)],
    },
    // 7. 餐饮油烟, clue just registered.
    {
      org: 'donghu-brigade',
      by: 'zhaogang',
      on: '2026-11-13',
      item: 'YY-001',
      title: '涉嫌餐饮油烟未经净化直排案',
      facts: '12345 热线转来投诉：东湖区民主路 9 号烧烤店油烟直排，影响楼上住户。',
      place: '云城市东湖区民主路9号',
      actStartedOn: '2026-11-01',
      actEndedOn: null,
      clueSource: 'hotline',
      party: company('云城市东湖区串香烧烤店有限公司', '539902', 'MA6K6J5K7', '吴晓东', '云城市东湖区民主路9号'),
      steps: [],
    },
    // 8. Declined: the complaint was not a violation.
    {
      org: 'donghu-brigade',
      by: 'wanglei',
      on: '2026-10-12',
      item: 'SR-001',
      title: '反映占道经营线索',
      facts: '群众反映东湖区文化路夜市有摊点占道，经核查为区政府批准设置的临时疏导点，不构成违法。',
      place: '云城市东湖区文化路',
      actStartedOn: '2026-10-10',
      actEndedOn: '2026-10-10',
      clueSource: 'complaint',
      party: person('孙大伟', '539902', '19700101', 53, '云城市东湖区文化路'),
      steps: [
        opinion('2026-10-13', 'wanglei', 'decline', 'undertaker', '经现场核查，该摊点位于区政府批准设置的临时疏导点内，不构成违法，建议不予立案。'),
        opinion('2026-10-13', 'chief.donghu', 'decline', 'unit', '同意不予立案，并将核查结果告知投诉人。'),
        s('2026-10-13', 'head.donghu', { action: 'decline', reason: '经核查，该摊点位于经批准设置的临时疏导点内，不构成违法，不予立案。' }),
      ],
    },
    // 9. 首违不罚: no penalty with education, served and closed.
    {
      org: 'donghu-brigade',
      by: 'zhaogang',
      on: '2026-06-08',
      item: 'SR-001',
      title: '涉嫌店外摆卖案',
      facts: '当事人在其经营的水果店门外摆放货架销售水果，占用人行道约 2 平方米，经指出后当场自行清理。',
      place: '云城市东湖区人民路66号门前',
      actStartedOn: '2026-06-08',
      actEndedOn: '2026-06-08',
      clueSource: 'patrol',
      party: person('李秀兰', '539902', '19650315', 64, '云城市东湖区人民路66号'),
      steps: [
        ...file('2026-06-08', 'head.donghu', DH),
        investigate('2026-06-09', 'zhaogang'),
        ev('2026-06-09', 'zhaogang', 'onSiteRecord', '现场笔录', '【演示数据】当事人店外摆卖，经指出当场清理。', '人民路66号'),
        s('2026-06-10', 'zhaogang', {
          action: 'closeInvestigation',
          findings: '当事人初次违法，占道面积小，危害后果轻微并当场改正，符合首违不罚条件。',
          proposal: {
            kind: 'noPenalty',
            ground: 'firstViolation',
            reasoning: '当事人系初次违法，占用人行道约2平方米、时间短，危害后果轻微，经执法人员指出后当场自行清理',
            education: '执法人员向当事人宣讲《城市市容和环境卫生管理条例》相关规定，当事人签署《守法经营承诺书》。',
          },
        }),
        decide('2026-06-11', 'head.donghu'),
        s('2026-06-12', 'zhaogang', { action: 'serve', method: 'direct', time: '10:30' }),
        opinion('2026-06-12', 'reviewer.donghu', 'closing', 'reviewer', '不予处罚决定已送达，程序合法，同意结案。'),
        opinion('2026-06-12', 'head.donghu', 'closing', 'head', '同意结案。'),
        s('2026-06-12', 'zhaogang', {
          action: 'close',
          summary: '依法不予行政处罚并已教育，案件办结。',
          execution: '不予行政处罚决定书已送达，当事人已当场清理并签署守法经营承诺书',
          opinion: '不予行政处罚决定已送达并完成教育，建议结案。',
        }),
      ],
    },
    // 10. Transferred to the police (obstruction of officers).
    {
      org: 'donghu-brigade',
      by: 'wanglei',
      on: '2026-07-06',
      item: 'WJ-001',
      title: '涉嫌擅自建设及阻碍执法案',
      facts: '当事人在东湖区城郊村擅自建设两层砖混房屋，执法人员现场检查时，当事人推搡执法人员、抢夺执法记录仪，涉嫌阻碍国家机关工作人员依法执行职务。',
      place: '云城市东湖区城郊村三组',
      actStartedOn: '2026-05-01',
      actEndedOn: null,
      clueSource: 'patrol',
      party: person('周强', '539902', '19880716', 75, '云城市东湖区城郊村三组'),
      steps: [
        ...file('2026-07-06', 'head.donghu', DH),
        investigate('2026-07-06', 'wanglei'),
        ev('2026-07-06', 'wanglei', 'audioVisual', '执法记录仪视频', '【演示数据】执法记录仪记录的当事人推搡执法人员、抢夺执法记录仪的经过。', '城郊村三组'),
        s('2026-07-07', 'head.donghu', {
          action: 'transfer',
          target: 'police',
          receiver: '云城市公安局东湖分局',
          reason: '当事人阻碍执法人员依法执行职务，涉嫌违反治安管理，不属于本机关职权范围，移送公安机关依照《中华人民共和国治安管理处罚法》处理。',
          materials: [
            { name: '立案审批表（复印件）', count: '1份' },
            { name: '执法记录仪视频光盘', count: '1张' },
            { name: '执法人员情况说明', count: '2份' },
          ],
        }),
      ],
    },
    // 11. Filing withdrawn: a permit was found.
    {
      org: 'donghu-brigade',
      by: 'zhaogang',
      on: '2026-08-03',
      item: 'WJ-001',
      title: '涉嫌擅自建设围墙案',
      facts: '东湖区滨江路 3 号院内新建围墙，未见规划公示。',
      place: '云城市东湖区滨江路3号',
      actStartedOn: '2026-07-20',
      actEndedOn: '2026-07-30',
      clueSource: 'patrol',
      party: company('云城市滨江物业服务有限公司', '539902', 'MA6K7L6M8', '郑华', '云城市东湖区滨江路3号'),
      steps: [
        ...file('2026-08-03', 'head.donghu', DH),
        investigate('2026-08-04', 'zhaogang'),
        opinion('2026-08-10', 'zhaogang', 'withdrawal', 'undertaker', '当事人已提交建设工程规划许可证，围墙系依法建设，建议撤销立案。'),
        opinion('2026-08-10', 'chief.donghu', 'withdrawal', 'unit', '同意撤销立案。'),
        s('2026-08-10', 'head.donghu', { action: 'withdrawFiling', reason: '当事人提交了建设工程规划许可证，违法事实不成立，撤销立案。' }),
      ],
    },
    // 12. Suspended: the party cannot be found.
    {
      org: 'donghu-brigade',
      by: 'wanglei',
      on: '2026-09-14',
      item: 'GG-001',
      title: '涉嫌擅自设置户外广告案',
      facts: '东湖区胜利路 200 号楼顶设置大型广告牌一块，设置人注册地址无法联系。',
      place: '云城市东湖区胜利路200号楼顶',
      actStartedOn: '2026-07-01',
      actEndedOn: null,
      clueSource: 'patrol',
      party: company('云城市远景广告有限公司', '539902', 'MA6K8N7P9', '冯远', '云城市东湖区胜利路200号'),
      steps: [
        ...file('2026-09-14', 'head.donghu', DH),
        investigate('2026-09-15', 'wanglei'),
        opinion('2026-09-30', 'wanglei', 'suspension', 'undertaker', '当事人注册地址无法联系，法定代表人下落不明，建议中止调查。'),
        opinion('2026-09-30', 'chief.donghu', 'suspension', 'unit', '同意中止调查，继续查找当事人下落。'),
        s('2026-09-30', 'head.donghu', { action: 'suspend', reason: '当事人下落不明，无法调查取证，中止调查。' }),
      ],
    },
    // 13. Terminated: the company was deregistered.
    {
      org: 'donghu-brigade',
      by: 'zhaogang',
      on: '2026-05-11',
      item: 'ZT-001',
      title: '涉嫌运输建筑垃圾遗撒案',
      facts: '当事人车辆在东湖区环湖路遗撒建筑垃圾约 100 米。',
      place: '云城市东湖区环湖路',
      actStartedOn: '2026-05-10',
      actEndedOn: '2026-05-10',
      clueSource: 'video',
      party: company('云城市速运渣土运输有限公司', '539902', 'MA6K9Q8R1', '陈速', '云城市东湖区环湖路99号'),
      steps: [
        ...file('2026-05-11', 'head.donghu', DH),
        investigate('2026-05-12', 'zhaogang'),
        opinion('2026-06-19', 'zhaogang', 'termination', 'undertaker', '经查询企业信用信息公示系统，当事人已于2026年6月注销，无权利义务承受人，建议终止调查。'),
        opinion('2026-06-19', 'chief.donghu', 'termination', 'unit', '同意终止调查。'),
        s('2026-06-20', 'head.donghu', { action: 'terminate', reason: '当事人已依法注销，无权利义务承受人，终止调查。' }),
      ],
    },
    // 14. Decided, not yet served; publicity pending.
    {
      org: 'donghu-brigade',
      by: 'wanglei',
      on: '2026-10-26',
      item: 'SK-001',
      title: '涉嫌在禁止区域露天烧烤案',
      facts: '当事人在东湖区湖滨公园北门禁止区域内露天烧烤食品经营，现场有烧烤炉 1 台。',
      place: '云城市东湖区湖滨公园北门',
      actStartedOn: '2026-10-24',
      actEndedOn: '2026-10-25',
      clueSource: 'patrol',
      party: person('马建华', '539902', '19910305', 86, '云城市东湖区湖滨花园4栋'),
      steps: [
        ...file('2026-10-26', 'head.donghu', DH),
        investigate('2026-10-27', 'wanglei'),
        ev('2026-10-27', 'wanglei', 'physical', '烧烤炉照片', '【演示数据】现场烧烤炉1台及烧烤食品照片。', '湖滨公园北门'),
        propose('2026-11-02', 'wanglei', '当事人在禁止区域内露天烧烤食品，事实清楚。', penalty(['fine', 'confiscateProperty'], 800, '没收烧烤工具，并处罚款人民币800元', `${DQ}第一百一十八条第三款`), '当事人系初次在禁止区域露天烧烤，经营时间短、规模小，依法没收烧烤工具并按法定最低限额以上从轻处以罚款'),
        notify('2026-11-03', 'wanglei'),
        s('2026-11-04', 'wanglei', { action: 'recordStatement', content: '初次经营，请求从轻。', reply: '已按裁量基准较轻情形拟罚。' }),
        decide('2026-11-09', 'head.donghu'),
      ],
    },
    // 15. Warning only, served.
    {
      org: 'donghu-brigade',
      by: 'zhaogang',
      on: '2026-10-12',
      item: 'LR-001',
      title: '涉嫌乱扔废弃物案',
      facts: '当事人在东湖区步行街多次乱扔烟头，经劝阻后仍未改正。',
      place: '云城市东湖区步行街',
      actStartedOn: '2026-10-11',
      actEndedOn: '2026-10-11',
      clueSource: 'patrol',
      party: person('王浩', '539902', '19990818', 97, '云城市东湖区步行街东巷'),
      steps: [
        ...file('2026-10-12', 'head.donghu', DH),
        investigate('2026-10-13', 'zhaogang'),
        ev('2026-10-13', 'zhaogang', 'onSiteRecord', '现场笔录', '【演示数据】当事人在步行街多次乱扔烟头，经执法人员劝阻后仍未改正。', '步行街'),
        propose('2026-10-14', 'zhaogang', '当事人乱扔烟头且经劝阻未改正，事实清楚。', penalty(['warning'], null, '警告', `${CSRQ}第三十四条`), '当事人多次乱扔烟头且经劝阻未改正，但未造成其他危害后果，给予警告'),
        notify('2026-10-15', 'zhaogang'),
        decide('2026-10-21', 'head.donghu'),
        s('2026-10-22', 'wanglei', { action: 'serve', method: 'direct', time: '10:30' }),
      ],
    },
    // 16. 西山: hearing requested and scheduled.
    {
      org: 'xishan-brigade',
      by: 'liuyang',
      on: '2026-09-21',
      item: 'YC-001',
      title: '涉嫌施工扬尘污染案',
      facts: '当事人承建的西山区科技园三期工地土方作业未采取湿法作业，出入口未冲洗车辆，造成道路扬尘污染。',
      place: '云城市西山区科技园三期工地',
      actStartedOn: '2026-09-15',
      actEndedOn: '2026-09-21',
      clueSource: 'higherLevel',
      party: company('云城市恒信建设集团有限公司', '539903', 'MA6K1R9T2', '何恒信', '云城市西山区科技大道1号'),
      steps: [
        ...file('2026-09-28', 'head.xishan', XS),
        investigate('2026-09-29', 'liuyang'),
        ev('2026-09-29', 'liuyang', 'onSiteRecord', '现场检查笔录', '【演示数据】工地土方作业未湿法作业，出入口无冲洗。', '科技园三期工地'),
        propose('2026-10-20', 'liuyang', '当事人未采取有效防尘降尘措施，且经责令改正后仍未全部整改，情节较重。', penalty(['fine', 'suspendBusiness'], 80000, '罚款人民币80000元，并责令停工整治', `${DQ}第一百一十五条第一款`), '当事人经责令改正后仍未全部整改，扬尘污染持续，情节较重，依法从重处以罚款并责令停工整治'),
        s('2026-10-21', 'head.xishan', {
          action: 'collectiveDiscussion',
          participantIds: ['head.xishan', 'deputy.xishan', 'deputy2.xishan', 'chief.xishan'],
          conclusion: '同意处罚意见。',
          startAt: '2026-10-21T14:30',
          endAt: '2026-10-21T15:10',
          place: '云城市西山区城市管理和综合行政执法局第一会议室',
          recorder: '何静',
          reporterId: 'liuyang',
          opinions: [
            { speaker: '高明', opinion: '当事人经责令改正后仍未全部整改，情节较重，同意罚款并责令停工整治。' },
            { speaker: '宋志远', opinion: '同意承办人意见，应告知当事人听证权利。' },
            { speaker: '杨帆', opinion: '同意处罚意见，依法事先告知。' },
          ],
        }),
        notify('2026-10-22', 'liuyang'),
        s('2026-10-26', 'liuyang', { action: 'requestHearing' }),
        s('2026-11-06', 'liuyang', {
          action: 'scheduleHearing',
          hearingOn: '2026-11-18',
          startTime: '09:30',
          presiderId: 'reviewer.xishan',
          recorderId: 'chief.xishan',
          place: '西山区城市管理和综合行政执法局听证室',
          service: { method: 'direct', time: '15:00', serverIds: XS },
        }),
      ],
    },
    // 17. 西山: decided and published, then revoked on review; publicity withdrawn; closed through 结案审批.
    {
      org: 'xishan-brigade',
      by: 'maqiang',
      on: '2026-07-13',
      item: 'SR-001',
      title: '涉嫌占道堆放物料案',
      facts: '当事人在西山区和平路 8 号门前人行道堆放装修材料约 15 平方米。',
      place: '云城市西山区和平路8号门前',
      actStartedOn: '2026-07-08',
      actEndedOn: '2026-07-12',
      clueSource: 'complaint',
      party: person('何丽', '539903', '19840623', 108, '云城市西山区和平路8号'),
      steps: [
        ...file('2026-07-13', 'head.xishan', XS),
        investigate('2026-07-14', 'maqiang'),
        ev('2026-07-14', 'maqiang', 'onSiteRecord', '现场检查笔录', '【演示数据】和平路8号门前人行道堆放装修材料约15平方米，影响行人通行。', '和平路8号门前'),
        propose('2026-07-20', 'maqiang', '当事人占道堆放物料，影响市容。', penalty(['fine'], 1500, '罚款人民币1500元', `${CSRQ}第三十六条第（二）项`), '当事人堆放装修材料约15平方米，影响行人通行，在法定幅度内处以罚款'),
        notify('2026-07-21', 'maqiang'),
        s('2026-07-27', 'reviewer.xishan', { action: 'legalReview', passed: true, opinion: '同意。', checklist: allPassedChecklist() }),
        decide('2026-07-29', 'head.xishan'),
        { on: '2026-07-29', by: 'maqiang', publish: true },
        s('2026-07-30', 'liuyang', { action: 'serve', method: 'direct', time: '10:30' }),
        s('2026-08-20', 'head.xishan', { action: 'revokeDecision', status: 'revoked', reason: '行政复议决定认定堆放物料系经社区同意的临时装修堆放，撤销原处罚决定。' }),
        opinion('2026-08-24', 'reviewer.xishan', 'closing', 'reviewer', '原处罚决定已被行政复议决定撤销，无需执行，同意结案。'),
        opinion('2026-08-24', 'head.xishan', 'closing', 'head', '同意结案。'),
        s('2026-08-24', 'maqiang', {
          action: 'close',
          summary: '原处罚决定经行政复议撤销，案件办结。',
          execution: '处罚决定已于2026年8月20日依行政复议决定撤销，当事人未缴纳罚款，无需执行',
          opinion: '处罚决定已撤销，建议结案。',
        }),
      ],
    },
    // 18. 西山: payment deferred on request, paid and closed.
    {
      org: 'xishan-brigade',
      by: 'liuyang',
      on: '2026-04-07',
      item: 'YY-001',
      title: '涉嫌餐饮油烟未经净化排放案',
      facts: '当事人经营的火锅店未安装油烟净化设施，油烟直排至居民楼。',
      place: '云城市西山区青年路21号',
      actStartedOn: '2026-03-01',
      actEndedOn: '2026-04-07',
      clueSource: 'hotline',
      party: company('云城市西山区辣妹子火锅店有限公司', '539903', 'MA6K2U1W3', '高辣', '云城市西山区青年路21号'),
      steps: [
        ...file('2026-04-08', 'head.xishan', XS),
        investigate('2026-04-09', 'liuyang'),
        ev('2026-04-09', 'maqiang', 'onSiteRecord', '现场检查笔录', '【演示数据】后厨无油烟净化设施。', '青年路21号'),
        propose('2026-04-20', 'liuyang', '当事人未安装油烟净化设施排放油烟，事实清楚。', penalty(['fine'], 5000, '罚款人民币5000元', `${DQ}第一百一十八条第一款`), '当事人未安装油烟净化设施，油烟直排居民楼，当事人如实陈述并表示立即整改，按法定最低限额处以罚款'),
        notify('2026-04-21', 'liuyang'),
        s('2026-04-24', 'liuyang', { action: 'recordStatement', waived: true, content: '对违法事实无异议，放弃陈述申辩。' }),
        s('2026-04-27', 'reviewer.xishan', { action: 'legalReview', passed: true, opinion: '同意。', checklist: allPassedChecklist() }),
        decide('2026-04-27', 'head.xishan'),
        { on: '2026-04-28', by: 'liuyang', publish: true },
        s('2026-04-28', 'maqiang', { action: 'serve', method: 'direct', time: '10:30' }),
        // 《行政处罚法》第六十六条第二款: on the party's request, the head allows paying later (延期缴纳).
        opinion('2026-04-30', 'liuyang', 'deferral', 'undertaker', '当事人提交了延期缴纳申请及停业装修的证明，确有经济困难，建议同意延期至2026年6月15日。'),
        s('2026-04-30', 'head.xishan', {
          action: 'approveDeferral',
          instalments: [{ dueOn: '2026-06-15', amountFen: yuan(5000) }],
          reason: '当事人门店停业装修油烟净化设施，确有经济困难，申请延期缴纳罚款',
        }),
        s('2026-05-11', 'liuyang', { action: 'recordPayment', amountFen: yuan(5000), receiptNo: 'FS2026051100342' }),
        opinion('2026-05-12', 'reviewer.xishan', 'closing', 'reviewer', '罚款已缴清，程序合法，同意结案。'),
        opinion('2026-05-12', 'head.xishan', 'closing', 'head', '同意结案。'),
        s('2026-05-12', 'liuyang', {
          action: 'close',
          summary: '当事人已缴纳罚款并安装油烟净化设施，案件办结。',
          execution: '当事人于2026年5月11日缴纳罚款人民币5000元，并已安装油烟净化设施',
          opinion: '处罚决定已履行完毕，建议结案。',
        }),
      ],
    },
    // 19. 南湖街道 (delegated powers): ordinary case, investigating; tools preserved for a day, then returned.
    {
      org: 'nanhu',
      by: 'zhengyu',
      on: '2026-11-10',
      item: 'SK-001',
      title: '涉嫌在滨湖夜市禁止区域露天烧烤案',
      facts: '当事人在南湖街道滨湖夜市禁止区域露天烧烤，经劝阻仍继续经营。',
      place: '云城市东湖区南湖街道滨湖夜市',
      actStartedOn: '2026-11-08',
      actEndedOn: '2026-11-09',
      clueSource: 'patrol',
      party: person('冯二毛', '539902', '19950909', 119, '云城市东湖区南湖街道滨湖村'),
      steps: [
        ...file('2026-11-10', 'head.donghu', NH, { unitBy: null }),
        investigate('2026-11-11', 'zhengyu'),
        ev('2026-11-11', 'fengjie', 'onSiteRecord', '现场检查笔录', '【演示数据】滨湖夜市禁止区域内露天烧烤。', '滨湖夜市'),
        opinion('2026-11-11', 'head.donghu', 'preservation', 'head', '同意对烧烤炉等物品先行登记保存。'),
        s('2026-11-11', 'zhengyu', { action: 'preserve', items: '木炭烧烤炉1台，木炭2袋，烧烤签子约200支' }),
        s('2026-11-12', 'zhengyu', { action: 'decidePreservation', outcome: '上述物品已拍照、登记固定证据，解除先行登记保存，退还当事人' }),
      ],
    },
    // 20. 东湖: suspended while the party was in hospital, resumed; investigation closed, awaiting legal review (a
    // person fined 5,000 元 or more, Art. 58 catalog).
    {
      org: 'donghu-brigade',
      by: 'wanglei',
      on: '2026-10-19',
      item: 'YY-001',
      title: '涉嫌餐饮服务未安装油烟净化设施排放油烟案',
      facts: '当事人经营的餐馆后厨未安装油烟净化设施，油烟经排风扇直接排向居民楼侧巷道，周边居民多次投诉。',
      place: '云城市东湖区民生路27号',
      actStartedOn: '2026-08-01',
      actEndedOn: null,
      clueSource: 'complaint',
      party: person('陈德明', '539902', '19720816', 154, '云城市东湖区民生路27号'),
      steps: [
        ...file('2026-10-20', 'head.donghu', DH),
        s('2026-10-21', 'wanglei', { action: 'startInvestigation' }),
        ev('2026-10-21', 'wanglei', 'onSiteRecord', '现场检查笔录', '【演示数据】后厨未安装油烟净化设施，油烟经排风扇直排巷道。', '民生路27号后厨'),
        ev('2026-10-23', 'zhaogang', 'partyStatement', '询问笔录', '【演示数据】当事人承认开业以来未安装油烟净化设施。', '东湖区执法大队询问室', 'inquiry'),
        opinion('2026-10-26', 'wanglei', 'suspension', 'undertaker', '当事人因病住院，无法接受询问，建议中止调查。'),
        opinion('2026-10-26', 'chief.donghu', 'suspension', 'unit', '同意中止调查。'),
        s('2026-10-26', 'head.donghu', { action: 'suspend', reason: '当事人因病住院治疗，无法接受调查询问，中止调查。' }),
        opinion('2026-11-03', 'wanglei', 'resumption', 'undertaker', '当事人已出院，可以接受询问，建议恢复调查。'),
        opinion('2026-11-03', 'chief.donghu', 'resumption', 'unit', '同意恢复调查。'),
        s('2026-11-03', 'head.donghu', { action: 'resume', reason: '当事人已出院，中止调查的情形消失，恢复调查。' }),
        s('2026-11-10', 'wanglei', {
          action: 'closeInvestigation',
          findings: '当事人经营餐饮服务未安装油烟净化设施，油烟直排影响周边居民，事实清楚，证据确凿。',
          proposal: { kind: 'penalty', penalty: penalty(['fine'], 8000, '责令改正，并处罚款人民币8000元', `${DQ}第一百一十八条第一款`) },
          discretionReason: '当事人开业以来一直未安装油烟净化设施，周边居民多次投诉，持续时间较长，在法定幅度内处罚',
        }),
      ],
    },
    // 21. 东湖: decided in spring and served, never paid; reminded after the remedies period, and the court asked to
    // enforce (《行政强制法》第五十三条、第五十四条).
    {
      org: 'donghu-brigade',
      by: 'zhaogang',
      on: '2026-03-16',
      item: 'GG-001',
      title: '涉嫌擅自在建筑物外墙设置广告牌案',
      facts: '当事人未经同意在东湖区建设路 66 号临街建筑外墙设置广告牌一块，面积约 12 平方米。',
      place: '云城市东湖区建设路66号外墙',
      actStartedOn: '2026-03-01',
      actEndedOn: null,
      clueSource: 'patrol',
      party: company('云城市鑫源商贸有限公司', '539902', 'MA6K3C2D8', '钱鑫', '云城市东湖区建设路66号'),
      steps: [
        ...file('2026-03-16', 'head.donghu', DH),
        investigate('2026-03-17', 'zhaogang'),
        ev('2026-03-17', 'zhaogang', 'onSiteRecord', '现场检查笔录', '【演示数据】建设路66号临街外墙设有广告牌一块，约12平方米，无设置审批手续。', '建设路66号'),
        propose('2026-03-24', 'zhaogang', '当事人未经同意擅自设置户外广告，影响市容，事实清楚，证据确凿。', penalty(['fine'], 3000, '责令限期拆除，并处罚款人民币3000元', `${CSRQ}第三十六条第（一）项`), '当事人设置的广告牌面积约12平方米，影响市容，在法定幅度内处以罚款'),
        notify('2026-03-25', 'zhaogang'),
        decide('2026-04-07', 'head.donghu'),
        { on: '2026-04-07', by: 'zhaogang', publish: true },
        s('2026-04-08', 'wanglei', { action: 'serve', method: 'direct', time: '10:00' }),
        // 《行政强制法》第五十三条: no 复议 or 诉讼 within their periods (six months from service) and not paid.
        s('2026-10-13', 'zhaogang', { action: 'remindPayment', periodDays: 10, service: { method: 'direct', time: '10:00' } }),
        s('2026-11-02', 'head.donghu', { action: 'applyCourtEnforcement', court: '云城市东湖区人民法院' }),
      ],
    },
  ];
}

interface OnSpotCase {
  org: OrgKey;
  officers: string[];
  on: IsoDate;
  item: string;
  title: string;
  facts: string;
  place: string;
  party: Record<string, unknown>;
  penalty: ReturnType<typeof penalty>;
  paidOn?: IsoDate;
  /** Paid in cash to the officers (《行政处罚法》第六十八条), handed to the agency and paid into the bank (第七十一条). */
  cash?: { handedOverOn: IsoDate; receivedBy: string; depositedOn: IsoDate };
}

function onSpotCases(): OnSpotCase[] {
  return [
    {
      org: 'nanhu',
      officers: NH,
      on: '2026-10-16',
      item: 'LR-001',
      title: '乱扔烟头',
      facts: '当事人在南湖街道南湖广场随地乱扔烟头，经指出后当场捡拾。',
      place: '云城市东湖区南湖广场',
      party: person('郑晓', '539902', '20000202', 121, '云城市东湖区南湖街道'),
      penalty: penalty(['fine'], 50, '罚款人民币50元', `${CSRQ}第三十四条`),
      paidOn: '2026-10-16',
      cash: { handedOverOn: '2026-10-19', receivedBy: '南湖街道财政所 何丽', depositedOn: '2026-10-20' },
    },
    {
      org: 'nanhu',
      officers: NH,
      on: '2026-11-12',
      item: 'SR-001',
      title: '占道摆卖',
      facts: '当事人在南湖菜市场外人行道摆卖蔬菜，占道约 3 平方米。',
      place: '云城市东湖区南湖菜市场北侧人行道',
      party: person('孙桂芝', '539902', '19600707', 132, '云城市东湖区南湖街道菜园社区'),
      penalty: penalty(['fine'], 100, '罚款人民币100元', `${CSRQ}第三十六条第（二）项`),
    },
    {
      org: 'xishan-brigade',
      officers: XS,
      on: '2026-11-05',
      item: 'LR-001',
      title: '随地吐痰',
      facts: '当事人在西山区人民广场随地吐痰，经指出后承认。',
      place: '云城市西山区人民广场',
      party: person('刘洪', '539903', '19750505', 143, '云城市西山区人民路'),
      penalty: penalty(['warning'], null, '警告', `${CSRQ}第三十四条`),
    },
  ];
}

/**
 * Sets up power lists and case parameters, then builds the demo cases. Run once, on a freshly seeded bureau. Every
 * date moves by `shift` days (clock.ts; 0 in tests).
 */
/**
 * Seeds the demo power lists and cases; `others` are other modules' demo cases (./discretion.ts), taken with these in
 * date order.
 */
export async function seedDemoCases(base: ServiceContext, shift = 0, today: IsoDate = DEMO_TODAY, others: readonly Track[] = []): Promise<{ cases: number }> {
  let now = new Date(`2026-03-02T01:00:00Z`);
  const ctx: ServiceContext = { ...base, files: base.files ?? memoryFileStore(), clock: () => now };
  const at = (date: IsoDate) => {
    now = new Date(`${shiftDates(date, shift)}T01:00:00Z`); // 09:00 in China
  };
  const moved = <T>(value: T): T => shiftDates(value, shift);
  at('2026-03-01');
  const orgRows = await ctx.db.select().from(organizations).where(inArray(organizations.name, Object.values(orgNames)));
  const orgId = (key: OrgKey) => orgRows.find((o) => o.name === orgNames[key])!.id;
  const userRows = await ctx.db.select().from(users).innerJoin(organizations, eq(organizations.id, users.organizationId));
  const actor = (username: string): Actor => {
    const row = userRows.find((r) => r.users.username === username);
    if (!row) throw new Error(`demo user ${username} missing`);
    return { userId: row.users.id, organizationId: row.organizations.id, organizationPath: row.organizations.path, roles: row.users.roles as Role[], displayName: row.users.displayName };
  };
  const userId = (username: string) => actor(username).userId;

  // Each district bureau's agency profile (docs/DOCUMENTS.md); its brigade inherits it and issues documents in the
  // bureau's name, with its own contact. The 南湖 street team enforces powers delegated to the 街道办事处
  // (《行政处罚法》第二十四条), so its documents are the 街道办事处's. Addresses, phones and accounts are fictional.
  await setCaseSettings(ctx, systemActor, orgId('donghu'), { documentPrefix: '云东城管', ...demoProfiles.donghu });
  await setCaseSettings(ctx, systemActor, orgId('donghu-brigade'), { contactPerson: '王磊', contactPhone: '0870-3120215' });
  await setCaseSettings(ctx, systemActor, orgId('nanhu'), { documentPrefix: '南湖综执', ...demoProfiles.nanhu });
  // 西山 reviews every ordinary-procedure decision (法制审核全覆盖) and gives five working days to state.
  await setCaseSettings(ctx, systemActor, orgId('xishan'), { documentPrefix: '云西城管', legalReviewAllOrdinary: true, statementPeriodDays: 5, ...demoProfiles.xishan });
  await setCaseSettings(ctx, systemActor, orgId('xishan-brigade'), { contactPerson: '刘洋', contactPhone: '0870-3260311' });

  const items = new Map<string, number>();
  for (const district of ['donghu', 'xishan'] as const) {
    for (const spec of powerList) {
      const item = await addPowerItem(ctx, systemActor, { ...spec, organizationId: orgId(district) });
      items.set(`${district}:${spec.code}`, item.id);
    }
  }
  for (const spec of powerList.filter((p) => delegatedToTown.includes(p.code))) {
    const item = await addPowerItem(ctx, systemActor, { ...spec, organizationId: orgId('nanhu'), delegatedFromId: orgId('donghu') });
    items.set(`nanhu:${spec.code}`, item.id);
  }
  const itemFor = (org: OrgKey, code: string) => items.get(`${org === 'nanhu' ? 'nanhu' : org.startsWith('xishan') ? 'xishan' : 'donghu'}:${code}`)!;
  // Users named in step bodies (officers, presider, signers, recorders…: any `…Id` or `…Ids`, nested too) become ids.
  const resolveIds = <T extends Record<string, unknown>>(body: T): T => {
    const out: Record<string, unknown> = { ...body };
    for (const [key, value] of Object.entries(out)) {
      if (key.endsWith('Ids') && Array.isArray(value)) out[key] = value.map((v) => (typeof v === 'string' ? userId(v) : v));
      else if (key.endsWith('Id') && typeof value === 'string') out[key] = userId(value);
      else if (value !== null && typeof value === 'object' && !Array.isArray(value)) out[key] = resolveIds(value as Record<string, unknown>);
    }
    return out as T;
  };

  // Every case is a track of dated acts (./tracks.ts), taken with the other modules' demo cases in date order.
  const own = [...demoCases().map(ordinaryTrack), ...onSpotCases().map(onSpotTrack)];
  await takeInDateOrder([...own, ...others], (on) => {
    now = new Date(`${on}T01:00:00Z`); // 09:00 in China
  });
  return { cases: own.length };

  /** An ordinary case: registered as a clue, then its steps; a step that would fall after today is not taken. */
  function ordinaryTrack(c: DemoCase): Track {
    let view: HeldCase | null = null;
    let index = 0;
    // Days the rest of this case follows a step put off by a holiday of the moved dates (clock.ts, RETRY_DAYS).
    let delay = 0;
    let tries = 0;
    let stopped = false;
    return {
      next: () => {
        if (view === null) return shiftDates(c.on, shift);
        const step = c.steps[index];
        if (stopped || !step) return null;
        const on = shiftDates(step.on, shift + delay);
        if (on > today) stopped = true;
        return stopped ? null : on;
      },
      take: async () => {
        if (view === null) {
          view = await registerClue(ctx, actor(c.by), moved({
            organizationId: orgId(c.org),
            clueSource: c.clueSource,
            title: c.title,
            facts: c.facts,
            place: c.place,
            actStartedOn: c.actStartedOn,
            actEndedOn: c.actEndedOn,
            discoveredOn: c.on,
            powerItemId: itemFor(c.org, c.item),
            party: c.party,
          }));
          return;
        }
        try {
          view = await takeStep(view, c.steps[index]!, shift + delay);
          index++;
          tries = 0;
        } catch (error) {
          if (shift === 0 || !(error instanceof AppError && error.code === 'RULE_VIOLATION') || tries >= RETRY_DAYS) throw error;
          tries++;
          delay++;
        }
      },
    };
  }

  async function takeStep(held: HeldCase, step: Step, days: number): Promise<HeldCase> {
    if ('body' in step) return { id: held.id, version: await stepCase(ctx, actor(step.by), held.id, { expectedVersion: held.version, ...shiftDates(resolveIds(step.body), days) }) };
    if ('evidence' in step) {
      const e = step.evidence;
      // The case's act code and officers (the collectors) as they are now.
      const view = await getCase(ctx, actor(step.by), held.id, now);
      const added = await addEvidence(ctx, actor(step.by), view.id, {
        expectedVersion: view.version,
        kind: e.kind,
        act: e.act,
        title: e.title,
        fileName: `${e.title}.txt`,
        mediaType: 'text/plain',
        contentBase64: Buffer.from(`${e.text}\n（${view.actCode}，演示数据，非真实案件）\n`).toString('base64'),
        collectorIds: view.officers.map((o) => o.userId),
        recordedOn: shiftDates(step.on, days),
        place: e.place,
        // What the item proves (证明对象), printed in the evidence lists of the documents.
        note: e.text.replace('【演示数据】', ''),
      });
      return { id: held.id, version: added.version };
    }
    await publishDecision(ctx, actor(step.by), held.id);
    return held;
  }

  /** A 简易程序 case: decided on the spot, then paid (in cash: handed over and paid into the bank) and closed. */
  function onSpotTrack(c: OnSpotCase): Track {
    const officer = actor(c.officers[0]!);
    let view: HeldCase | null = null;
    const fine = `罚款人民币${(c.penalty.fineFen ?? 0) / 100}元`;
    const acts: { on: IsoDate; take: () => Promise<void> }[] = [
      {
        on: c.on,
        take: async () => {
          view = await decideOnSpot(ctx, officer, moved({
            organizationId: orgId(c.org),
            title: c.title,
            facts: c.facts,
            place: c.place,
            actStartedOn: c.on,
            actEndedOn: c.on,
            powerItemId: itemFor(c.org, c.item),
            party: c.party,
            officerIds: c.officers.map(userId),
            penalty: c.penalty,
          }));
        },
      },
    ];
    const step = async (body: Body) => {
      view = { id: view!.id, version: await stepCase(ctx, officer, view!.id, { expectedVersion: view!.version, ...body }) };
    };
    if (c.paidOn) {
      const paidOn = c.paidOn;
      acts.push({ on: paidOn, take: () => step({ action: 'recordPayment', amountFen: c.penalty.fineFen, receiptNo: `DC${moved(paidOn).replaceAll('-', '')}01`, ...(c.cash ? { onSpot: { ground: 'smallFine' } } : {}) }) });
      if (c.cash) {
        const { handedOverOn, receivedBy, depositedOn } = c.cash;
        acts.push({ on: handedOverOn, take: () => step({ action: 'handOverCash', receivedBy }) });
        acts.push({ on: depositedOn, take: () => step({ action: 'depositCash', bankReceiptNo: `YH${moved(depositedOn).replaceAll('-', '')}07` }) });
      }
      const summary = c.cash ? '当场处罚，罚款当场收缴并已缴付指定银行。' : '当场处罚，当事人已缴纳罚款。';
      const execution = c.cash ? `${fine}已当场收缴，并已缴付指定银行` : `当事人已缴纳${fine}`;
      acts.push({ on: acts.at(-1)!.on, take: () => step({ action: 'close', summary, execution }) });
    } else if (c.penalty.fineFen === null) {
      acts.push({ on: c.on, take: () => step({ action: 'close', summary: '当场给予警告，案件办结。', execution: '当场给予警告，当事人已签收当场行政处罚决定书' }) });
    }
    return datedActs(acts.map((act) => ({ ...act, on: moved(act.on) })));
  }
}
