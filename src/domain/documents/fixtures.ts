/**
 * Test data for the document renderer: a complete ordinary-procedure city-management case and variants.
 * Every name, number and regulation here is FICTIONAL (锦江市 and its 《锦江市市容和环境卫生管理条例》 do not exist);
 * ID numbers and credit codes carry correct check characters so the validators accept them.
 */
import { creditCodeCheckChar, idNumberCheckChar } from '../validators/index.ts';
import type { DocumentCase, Officer } from './model.ts';

/** A valid 18-digit ID number from region, birth date (YYYYMMDD) and sequence (odd = male). */
export function fictionalIdNumber(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + idNumberCheckChar(first17);
}

/** A valid credit code of an enterprise (9 1) registered in `division`. */
export function fictionalCreditCode(division: string, organization: string): string {
  const first17 = `91${division}${organization}`;
  return first17 + creditCodeCheckChar(first17);
}

export const officerChen: Officer = { name: '陈志强', certificateNo: '51010421001' };
export const officerLiu: Officer = { name: '刘晓燕', certificateNo: '51010421002' };

/** The full case: filed, investigated, reviewed, heard, decided, served, reminded, paid, closed and archived. */
export function buildDocumentCase(overrides: Partial<DocumentCase> = {}): DocumentCase {
  const base: DocumentCase = {
    agency: {
      name: '锦江市城市管理和综合行政执法局',
      sealText: '锦江市城市管理和综合行政执法局',
      address: '锦江市滨河路88号',
      postalCode: '610021',
      contactPerson: '陈志强',
      phone: '028-86001234',
      reconsiderationBody: '锦江市人民政府',
      court: '锦江市锦江区人民法院',
    },
    caseNumber: { prefix: '锦城执立字', year: 2024, serial: 36 },
    actCode: '510104-2024-000036-K',
    procedure: 'ordinary',
    causeOfAction: '擅自设置大型户外广告设施案',
    source: 'patrol',
    party: {
      kind: 'organization',
      name: '锦江市味道坊餐饮管理有限公司',
      creditCode: fictionalCreditCode('510104', 'MA6C8H2L7'),
      legalRepresentative: '李明华',
      legalRepresentativeTitle: '法定代表人',
      address: '锦江市春熙路168号',
      phone: '13800138000',
    },
    officers: [officerChen, officerLiu],
    filing: {
      date: '2024-03-11',
      summary:
        '2024年3月8日，执法人员在日常巡查中发现锦江市味道坊餐饮管理有限公司在春熙路168号门店外墙设置一块长12米、高3米的户外广告牌，现场未能出示设置许可。',
      reason: '当事人涉嫌未经批准擅自设置大型户外广告设施，违反《锦江市市容和环境卫生管理条例》第二十二条第一款，属于本机关管辖，符合立案条件。',
      officerOpinion: { text: '建议立案调查。', by: '陈志强、刘晓燕', date: '2024-03-08' },
      unitOpinion: { text: '同意立案，由陈志强、刘晓燕承办。', by: '黄涛', date: '2024-03-11' },
      headApproval: { text: '同意立案。', by: '周建平', date: '2024-03-11' },
    },
    inspections: [
      {
        start: '2024-03-08T09:30',
        end: '2024-03-08T10:15',
        place: '锦江市春熙路168号门店外',
        inspectors: ['陈志强', '刘晓燕'],
        recorder: '刘晓燕',
        presentPerson: '王丽（当事人门店店长）',
        findings:
          '春熙路168号门店二层外墙设置一块户外广告牌，内容为“味道坊·川菜”，经现场测量长12米、高3米，面积36平方米，为钢结构灯箱，下沿距地面4.5米。店长王丽称该广告牌于2024年2月20日安装，未办理设置许可。',
        mediaRefs: '照片JJ-20240308-01至JJ-20240308-12，执法记录仪视频JJ-V-20240308-01',
      },
    ],
    inquiries: [
      {
        start: '2024-03-12T14:00',
        end: '2024-03-12T14:50',
        place: '锦江市城市管理和综合行政执法局第一询问室',
        interviewee: {
          name: '李明华',
          idNumber: fictionalIdNumber('510104', '19800315', '201'),
          employer: '锦江市味道坊餐饮管理有限公司',
          position: '法定代表人',
          address: '锦江市东大街52号3栋2单元501室',
          phone: '13800138000',
          relation: '当事人的法定代表人',
        },
        questioners: ['陈志强', '刘晓燕'],
        recorder: '刘晓燕',
        rightsAnswer: '看清楚了，不申请回避。',
        exchanges: [
          { question: '春熙路168号门店外墙的户外广告牌是谁设置的？', answer: '是我们公司设置的，2024年2月20日请广告公司安装的。' },
          { question: '设置该广告牌是否经过市容环境卫生主管部门批准？', answer: '没有办理审批手续，当时不知道需要审批。' },
          { question: '广告牌的尺寸是多少？', answer: '长12米，高3米。' },
          { question: '你对执法人员现场检查的情况有无异议？', answer: '没有异议，我们愿意整改。' },
          { question: '以上记录是否属实？', answer: '属实。' },
        ],
      },
    ],
    correctionOrder: {
      number: { prefix: '锦城执改字', year: 2024, serial: 21 },
      date: '2024-03-08',
      finding: '未经市容环境卫生主管部门批准，在锦江市春熙路168号门店二层外墙擅自设置长12米、高3米的大型户外广告牌',
      requirement: '自行拆除春熙路168号门店外墙擅自设置的户外广告牌',
      deadline: '2024-03-15',
    },
    facts:
      '未经市容环境卫生主管部门批准，于2024年2月20日在锦江市春熙路168号门店二层外墙擅自设置长12米、高3米（面积36平方米）的大型户外广告牌，经责令限期改正，于2024年3月14日自行拆除',
    evidence: [
      { kind: 'inspectionRecord', name: '2024年3月8日现场检查笔录1份', proves: '当事人门店外墙设置户外广告牌的位置、尺寸和现场情况' },
      { kind: 'audioVisual', name: '现场照片12张及执法记录仪视频1段', proves: '广告牌的设置状况' },
      { kind: 'partyStatement', name: '2024年3月12日对李明华的询问笔录1份', proves: '广告牌由当事人设置且未经批准' },
      { kind: 'documentary', name: '当事人营业执照复印件、法定代表人身份证明各1份', proves: '当事人的主体资格' },
    ],
    violatedProvision: '《锦江市市容和环境卫生管理条例》第二十二条第一款',
    penaltyProvision: '《锦江市市容和环境卫生管理条例》第四十一条第一项',
    discretion: {
      benchmark: '锦江市城市管理行政处罚裁量基准（2023年版）',
      tier: '一般',
      reason: '广告设施面积在30平方米以上不足50平方米，当事人首次违法并在责令期限内自行拆除',
    },
    proposedPenalties: [{ kind: 'fine', amount: 20000 }],
    investigationReport: { date: '2024-03-25', proposal: '建议对当事人处以罚款' },
    legalReview: {
      reviewers: [
        { name: '赵敏', certificateNo: '51010421011' },
        { name: '孙立', certificateNo: '51010421012' },
      ],
      date: '2024-03-27',
      findings: [
        { aspect: 'subject', finding: '本机关依据锦江市人民政府相对集中行政处罚权的决定行使市容环境卫生处罚权，主体合法。' },
        { aspect: 'authority', finding: '本案属于本机关权责清单第A-031项，未超越职权。' },
        { aspect: 'facts', finding: '违法事实清楚。' },
        { aspect: 'evidence', finding: '现场检查笔录、照片视频、询问笔录相互印证，证据确凿充分。' },
        { aspect: 'procedure', finding: '立案、调查、告知程序合法，执法人员均持证。' },
        { aspect: 'lawApplication', finding: '适用条款准确。' },
        { aspect: 'discretion', finding: '裁量阶次认定为“一般”，处罚数额在基准幅度内。' },
        { aspect: 'documents', finding: '文书制作规范。' },
      ],
      conclusion: 'approve',
    },
    collectiveDiscussion: {
      start: '2024-03-28T15:00',
      end: '2024-03-28T15:40',
      place: '锦江市城市管理和综合行政执法局三楼会议室',
      host: '周建平',
      participants: ['周建平', '吴国庆', '郑海燕', '黄涛', '赵敏'],
      recorder: '冯佳',
      reporter: '陈志强',
      opinions: [
        { speaker: '吴国庆', opinion: '事实清楚，证据充分，同意承办机构意见。' },
        { speaker: '郑海燕', opinion: '当事人已自行拆除，裁量阶次认定为“一般”适当，同意。' },
      ],
      conclusion: '同意对当事人处以罚款人民币贰万元整，按程序进行事先告知。',
    },
    priorNotice: { number: { prefix: '锦城执告字', year: 2024, serial: 18 }, date: '2024-03-29' },
    hearingRightsNotice: { number: { prefix: '锦城执听告字', year: 2024, serial: 6 }, date: '2024-03-29' },
    hearing: {
      requestDate: '2024-04-01',
      notice: { number: { prefix: '锦城执听通字', year: 2024, serial: 4 }, date: '2024-04-02' },
      start: '2024-04-15T09:30',
      end: '2024-04-15T10:40',
      place: '锦江市城市管理和综合行政执法局听证室',
      publicHearing: true,
      host: '钱红',
      hearingOfficers: ['褚云'],
      recorder: '卫婷',
      partyAttendees: ['李明华'],
      agents: ['蒋文（四川锦城律师事务所律师）'],
      investigatorStatement: '调查人员陈志强陈述了当事人擅自设置大型户外广告设施的事实，出示了现场检查笔录、照片视频和询问笔录，建议处以罚款人民币贰万元整。',
      partyStatement: '当事人对事实无异议，称不知道需要审批，且已在期限内自行拆除，请求从轻处罚。',
      debate: '调查人员认为当事人自行拆除的情节已在裁量中考虑。',
      finalStatement: '请求从轻处罚。',
    },
    statement: {
      made: true,
      summary: '当事人称已自行拆除广告牌，请求从轻处罚',
      review: '当事人在责令期限内自行拆除的情节已在确定裁量阶次时予以考虑，其请求不予采纳',
    },
    decision: {
      number: { prefix: '锦城执罚字', year: 2024, serial: 15 },
      date: '2024-04-22',
      penalties: [{ kind: 'fine', amount: 20000 }],
    },
    paymentAccount: { bank: '中国农业银行锦江支行', accountName: '锦江市财政局非税收入汇缴结算户', account: '22810101040012345' },
    services: [
      {
        documentName: '行政处罚决定书',
        documentNumber: { prefix: '锦城执罚字', year: 2024, serial: 15 },
        recipient: '锦江市味道坊餐饮管理有限公司',
        place: '锦江市春熙路168号',
        method: 'direct',
        servedAt: '2024-04-23T10:20',
        servers: ['陈志强', '刘晓燕'],
        receiver: { name: '王丽', reason: '法定代表人授权门店店长代收' },
      },
    ],
    reminder: { number: { prefix: '锦城执催字', year: 2024, serial: 3 }, date: '2024-05-20', periodDays: 10 },
    payment: { paidDate: '2024-05-24', amount: 29600, receiptNo: '川非税0012345678' },
    closing: {
      date: '2024-05-27',
      execution: '当事人已缴纳罚款人民币贰万元整及加处罚款人民币玖仟陆佰元整',
      reason: '处罚决定已执行完毕',
      undertakerOpinion: { text: '处罚决定已执行完毕，建议结案。', by: '陈志强、刘晓燕', date: '2024-05-27' },
      reviewerOpinion: { text: '同意结案。', by: '赵敏', date: '2024-05-27' },
      headOpinion: { text: '同意结案。', by: '周建平', date: '2024-05-28' },
    },
    archive: {
      fileNumber: '锦城执档〔2024〕36号',
      retention: '长期',
      result: '罚款人民币贰万元整，已执行完毕',
      archivedDate: '2024-05-30',
      archivist: '刘晓燕',
    },
  };
  return { ...base, ...overrides };
}

/** A simple-procedure (当场处罚) case of a person: a 150元 fine for littering (fictional). */
export function buildOnSpotCase(overrides: Partial<DocumentCase> = {}): DocumentCase {
  const base = buildDocumentCase();
  const spot: DocumentCase = {
    agency: base.agency,
    caseNumber: { prefix: '锦城执简字', year: 2024, serial: 112 },
    actCode: '510104-2024-000112-P',
    procedure: 'simple',
    causeOfAction: '乱扔垃圾案',
    source: 'patrol',
    party: {
      kind: 'person',
      name: '张伟',
      idNumber: fictionalIdNumber('510104', '19920708', '031'),
      address: '锦江市书院街18号2单元302室',
      phone: '13900139000',
    },
    officers: [officerChen, officerLiu],
    facts: '将装有食品包装物的塑料袋随手扔在人行道上，经劝阻后拒不捡拾',
    violatedProvision: '《锦江市市容和环境卫生管理条例》第十八条',
    penaltyProvision: '《锦江市市容和环境卫生管理条例》第三十九条',
    onSpotDecision: {
      formNumber: '锦城执当〔2024〕0000112',
      time: '2024-06-03T16:40',
      place: '锦江市春熙路步行街东段',
      penalty: 'fine',
      amount: 150,
      officers: [officerChen, officerLiu],
    },
    paymentAccount: base.paymentAccount,
  };
  return { ...spot, ...overrides };
}

/** A 不予行政处罚 (首违不罚) variant of the full case. */
export function buildNoPenaltyCase(overrides: Partial<DocumentCase> = {}): DocumentCase {
  const base = buildDocumentCase();
  const { decision: _d, reminder: _r, payment: _p, hearing: _h, hearingRightsNotice: _n, collectiveDiscussion: _cd, ...rest } = base;
  return {
    ...rest,
    proposedPenalties: [],
    noPenaltyDecision: {
      number: { prefix: '锦城执不罚字', year: 2024, serial: 2 },
      date: '2024-04-08',
      ground: 'firstViolation',
      reasoning: '当事人系初次违法，广告牌设置时间较短，危害后果轻微，并在责令期限内自行拆除，符合《锦江市城市管理领域首违不罚事项清单》第5项',
      education: '执法人员向当事人法定代表人讲解了户外广告设置审批的有关规定，当事人签署了守法承诺书',
    },
    services: [],
    closing: base.closing ? { ...base.closing, execution: '不予行政处罚决定书已送达，当事人已接受教育' } : undefined,
    ...overrides,
  };
}

/** A case transferred to the police under 《行政处罚法》第二十七条 (violent obstruction, fictional). */
export function buildTransferCase(overrides: Partial<DocumentCase> = {}): DocumentCase {
  return buildDocumentCase({
    transfer: {
      number: { prefix: '锦城执移字', year: 2024, serial: 1 },
      date: '2024-03-20',
      recipient: '锦江市公安局锦江区分局',
      reason: '发现当事人员工于2024年3月18日以暴力方法阻碍执法人员依法执行职务，致一名执法人员轻伤，涉嫌妨害公务罪',
      basis: '《中华人民共和国行政处罚法》第二十七条第一款、《行政执法机关移送涉嫌犯罪案件的规定》第三条',
      materials: [
        { name: '案件调查报告', count: '1份' },
        { name: '现场执法记录仪视频', count: '1段' },
        { name: '伤情鉴定意见书', count: '1份' },
      ],
    },
    ...overrides,
  });
}

/**
 * The complete case with every act the gap templates print (approvals.ts, notices.ts, statements.ts): 不予立案,
 * 撤销立案, 中止/恢复/终止调查, 先行登记保存 with its decision, the statement's day, the decision's approval, a deferral
 * in two instalments and the court enforcement after a served reminder. Not a real history — every act at once, so
 * each template has its data.
 */
export function buildRecordedActsCase(overrides: Partial<DocumentCase> = {}): DocumentCase {
  const base = buildDocumentCase();
  const { payment: _paid, ...rest } = base;
  return {
    ...rest,
    clueSummary: '群众举报锦江市味道坊餐饮管理有限公司在春熙路168号门店外墙设置大型户外广告牌。',
    decline: { date: '2024-03-11', reason: '经核查，该广告牌已取得设置许可，违法事实不成立', approvedBy: '周建平', number: { prefix: '锦城执不立字', year: 2024, serial: 2 } },
    withdrawal: { date: '2024-03-12', reason: '立案后发现该事项不属于本机关管辖', approvedBy: '周建平' },
    suspensions: [{ date: '2024-03-15', reason: '当事人法定代表人因病住院，无法接受询问', approvedBy: '周建平' }],
    resumptions: [{ date: '2024-03-25', reason: '中止调查的原因已经消除', approvedBy: '周建平' }],
    termination: { date: '2024-03-28', reason: '当事人已注销，无权利义务承受人', approvedBy: '周建平' },
    preservations: [
      {
        date: '2024-03-09',
        number: { prefix: '锦城执登保字', year: 2024, serial: 1 },
        items: '户外广告牌喷绘布1幅（长12米、高3米），广告牌钢架1副。',
        approval: { text: '同意先行登记保存。', by: '周建平', date: '2024-03-09' },
        decision: { date: '2024-03-15', outcome: '解除先行登记保存，退还当事人', number: { prefix: '锦城执登保决字', year: 2024, serial: 1 } },
      },
    ],
    statement: { ...base.statement!, date: '2024-04-12', recordedBy: '刘晓燕', waived: false },
    decisionApproval: { date: '2024-04-22', decidedBy: '周建平' },
    deferral: {
      date: '2024-05-08',
      reason: '当事人经营困难，提供了近三个月的亏损报表',
      approvedBy: '周建平',
      number: { prefix: '锦城执缓缴字', year: 2024, serial: 1 },
      instalments: [
        { dueOn: '2024-06-08', amount: 10000 },
        { dueOn: '2024-07-08', amount: 10000 },
      ],
    },
    courtEnforcement: { date: '2024-11-25', court: '锦江市锦江区人民法院', appliedBy: '周建平' },
    services: [
      ...(base.services ?? []),
      {
        documentName: '催告书',
        documentNumber: { prefix: '锦城执催字', year: 2024, serial: 3 },
        recipient: '锦江市味道坊餐饮管理有限公司',
        place: '锦江市春熙路168号',
        method: 'direct',
        servedAt: '2024-05-21T09:30',
        servers: ['陈志强', '刘晓燕'],
      },
    ],
    ...overrides,
  };
}
