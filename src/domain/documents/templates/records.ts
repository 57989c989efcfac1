/**
 * 笔录: records made on the spot and signed page by page (footer "第 N 页 共 M 页" with the signer's line). The
 * recorded content comes from the case; the lines for handwritten signatures stay empty by design.
 */
import type { Block, SignatureImage } from '../blocks.ts';
import { dateOf, formatDate, formatTimeRange } from '../format.ts';
import { assertCaseOfficers, assertHearingHostIndependent, assertTwoOfficers, PENALTY_LAW } from '../legal.ts';
import type { DocumentCase, PartySignatureRef } from '../model.ts';
import { field, must, type DocumentTemplate } from '../requirements.ts';
import { baseFields, causeText, doc, header, officerList, personFacts } from './common.ts';

function partyBrief(c: DocumentCase): string {
  return c.party.kind === 'person'
    ? `${c.party.name}（住址：${c.party.address}）`
    : `${c.party.name}（${c.party.legalRepresentativeTitle}：${c.party.legalRepresentative}，地址：${c.party.address}）`;
}

/** A tab to the date column, then the blank date for handwriting. */
const SIGN_DATE = '\t年\u3000\u3000月\u3000\u3000日';

/**
 * The party's signature line of a record: blank for a hand signature, or — when the party signed on the screen
 * (《行政处罚法》第五十五条: the record is signed after the party has checked it) — the drawn signature after the label,
 * with the day it was drawn in the date column. Returns the line and, when signed, its image at line index `at`.
 */
function partySignLine(label: string, signature: PartySignatureRef | undefined, at: number, alt: string): { line: string; images: { line: number; image: SignatureImage }[] } {
  if (!signature) return { line: `${label}${SIGN_DATE}`, images: [] };
  return { line: `${label}\t${formatDate(signature.signedOn, '签名日期')}`, images: [{ line: at, image: { digest: signature.digest, alt } }] };
}

export const inspectionRecord: DocumentTemplate = {
  id: 'inspection-record',
  name: '现场检查（勘验）笔录',
  stage: '调查取证',
  basis: `${PENALTY_LAW}第四十二条、第四十七条、第五十五条`,
  layout: 'record',
  count: (c) => c.inspections?.length ?? 0,
  required: [
    ...baseFields,
    field('inspections[].start', '检查开始时间', (c, i) => c.inspections?.[i]?.start),
    field('inspections[].end', '检查结束时间', (c, i) => c.inspections?.[i]?.end),
    field('inspections[].place', '检查地点', (c, i) => c.inspections?.[i]?.place),
    field('inspections[].inspectors', '检查人员', (c, i) => c.inspections?.[i]?.inspectors),
    field('inspections[].recorder', '记录人', (c, i) => c.inspections?.[i]?.recorder),
    field('inspections[].presentPerson', '在场人', (c, i) => c.inspections?.[i]?.presentPerson),
    field('inspections[].findings', '现场情况', (c, i) => c.inspections?.[i]?.findings),
  ],
  build(c, i) {
    const inspection = must(c.inspections?.[i], '现场检查记录');
    assertTwoOfficers(inspection.inspectors, '现场检查');
    const inspectors = assertCaseOfficers(inspection.inspectors, c.officers, '检查人员');
    const blocks: Block[] = [
      ...header(c, this.name),
      {
        kind: 'fields',
        rows: [
          { label: '案由', value: c.causeOfAction },
          { label: '检查时间', value: formatTimeRange(inspection.start, inspection.end, '检查时间') },
          { label: '检查地点', value: inspection.place },
          { label: '检查人员及执法证号', value: officerList(inspectors) },
          { label: '记录人', value: inspection.recorder },
          { label: '当事人', value: partyBrief(c) },
          { label: '在场人', value: inspection.presentPerson },
        ],
      },
      {
        kind: 'paragraph',
        text: `检查人员向当事人（在场人）出示了执法证件，表明了身份，告知了检查事由，以及依法享有的陈述、申辩和申请回避的权利（${PENALTY_LAW}第四十三条、第五十五条）。`,
      },
      { kind: 'paragraph', text: `现场情况：${inspection.findings}`, indent: false },
    ];
    if (inspection.mediaRefs) blocks.push({ kind: 'paragraph', text: `现场拍摄照片、视频编号：${inspection.mediaRefs}`, indent: false });
    const party = partySignLine('当事人（在场人）签名：', inspection.partySignature, 2, '当事人（在场人）签名');
    blocks.push(
      { kind: 'space' },
      {
        kind: 'signLines',
        lines: ['当事人（在场人）核对意见：', '', party.line, `见证人签名：${SIGN_DATE}`, `检查人员签名：${SIGN_DATE}`, `记录人签名：${SIGN_DATE}`],
        ...(party.images.length ? { images: party.images } : {}),
      },
    );
    return doc(c, this, { date: dateOf(inspection.start, '检查时间'), blocks, footer: { kind: 'pageOf', signer: '当事人（在场人）签名：' } });
  },
};

export const inquiryRecord: DocumentTemplate = {
  id: 'inquiry-record',
  name: '询问笔录',
  stage: '调查取证',
  basis: `${PENALTY_LAW}第四十二条、第四十三条、第五十五条`,
  layout: 'record',
  count: (c) => c.inquiries?.length ?? 0,
  required: [
    ...baseFields,
    field('inquiries[].start', '询问开始时间', (c, i) => c.inquiries?.[i]?.start),
    field('inquiries[].end', '询问结束时间', (c, i) => c.inquiries?.[i]?.end),
    field('inquiries[].place', '询问地点', (c, i) => c.inquiries?.[i]?.place),
    field('inquiries[].interviewee.name', '被询问人姓名', (c, i) => c.inquiries?.[i]?.interviewee.name),
    field('inquiries[].interviewee.idNumber', '被询问人公民身份号码', (c, i) => c.inquiries?.[i]?.interviewee.idNumber),
    field('inquiries[].interviewee.address', '被询问人住址', (c, i) => c.inquiries?.[i]?.interviewee.address),
    field('inquiries[].interviewee.phone', '被询问人联系电话', (c, i) => c.inquiries?.[i]?.interviewee.phone),
    field('inquiries[].interviewee.relation', '被询问人与本案关系', (c, i) => c.inquiries?.[i]?.interviewee.relation),
    field('inquiries[].questioners', '询问人', (c, i) => c.inquiries?.[i]?.questioners),
    field('inquiries[].recorder', '记录人', (c, i) => c.inquiries?.[i]?.recorder),
    field('inquiries[].rightsAnswer', '被询问人对出示证件和告知权利的答复', (c, i) => c.inquiries?.[i]?.rightsAnswer),
    field('inquiries[].exchanges', '询问内容', (c, i) => c.inquiries?.[i]?.exchanges),
  ],
  build(c, i) {
    const inquiry = must(c.inquiries?.[i], '询问记录');
    assertTwoOfficers(inquiry.questioners, '询问');
    const questioners = assertCaseOfficers(inquiry.questioners, c.officers, '询问人');
    const date = dateOf(inquiry.start, '询问时间');
    const person = inquiry.interviewee;
    const facts = personFacts(person.idNumber, date, '被询问人公民身份号码');
    const job = [person.employer, person.position].filter(Boolean).join('，') || '无';
    const interviewee = partySignLine('被询问人签名：', inquiry.partySignature, 2, '被询问人签名');
    const blocks: Block[] = [
      ...header(c, this.name),
      {
        kind: 'fields',
        rows: [
          { label: '案由', value: c.causeOfAction },
          { label: '询问时间', value: formatTimeRange(inquiry.start, inquiry.end, '询问时间') },
          { label: '询问地点', value: inquiry.place },
          { label: '被询问人', value: `${person.name}\u3000性别：${facts.sex}\u3000年龄：${String(facts.age)}岁` },
          { label: '公民身份号码', value: facts.value },
          { label: '工作单位及职务', value: job },
          { label: '住址', value: person.address },
          { label: '联系电话', value: person.phone },
          { label: '与本案关系', value: person.relation },
          { label: '询问人及执法证号', value: officerList(questioners) },
          { label: '记录人', value: inquiry.recorder },
        ],
      },
      {
        kind: 'paragraph',
        indent: false,
        text:
          `问：我们是${c.agency.name}的执法人员${questioners.map((o) => o.name).join('、')}，执法证号分别为${questioners.map((o) => o.certificateNo).join('、')}，` +
          `这是我们的执法证件，请你查看。现依法就${causeText(c)}一事向你询问，请如实回答。你有陈述、申辩的权利；` +
          `如认为执法人员与本案有直接利害关系或者有其他关系可能影响公正执法，有权申请回避（${PENALTY_LAW}第四十三条）。你是否看清了我们的执法证件？是否申请回避？`,
      },
      { kind: 'paragraph', indent: false, text: `答：${inquiry.rightsAnswer}` },
      ...inquiry.exchanges.flatMap((e): Block[] => [
        { kind: 'paragraph', indent: false, text: `问：${e.question}` },
        { kind: 'paragraph', indent: false, text: `答：${e.answer}` },
      ]),
      { kind: 'paragraph', indent: false, text: '（以下空白）' },
      { kind: 'space' },
      {
        kind: 'signLines',
        lines: ['被询问人核对意见：', '', interviewee.line, `询问人签名：${SIGN_DATE}`, `记录人签名：${SIGN_DATE}`],
        ...(interviewee.images.length ? { images: interviewee.images } : {}),
      },
    ];
    return doc(c, this, { date, blocks, footer: { kind: 'pageOf', signer: '被询问人签名：' } });
  },
};

export const collectiveDiscussion: DocumentTemplate = {
  id: 'collective-discussion',
  name: '重大案件集体讨论笔录',
  stage: '决定前',
  basis: `${PENALTY_LAW}第五十七条第二款`,
  layout: 'record',
  count: (c) => (c.collectiveDiscussion ? 1 : 0),
  required: [
    ...baseFields,
    field('party.name', '当事人姓名或名称', (c) => c.party.name),
    field('collectiveDiscussion.start', '讨论开始时间', (c) => c.collectiveDiscussion?.start),
    field('collectiveDiscussion.end', '讨论结束时间', (c) => c.collectiveDiscussion?.end),
    field('collectiveDiscussion.place', '讨论地点', (c) => c.collectiveDiscussion?.place),
    field('collectiveDiscussion.host', '主持人', (c) => c.collectiveDiscussion?.host),
    field('collectiveDiscussion.participants', '参加人员', (c) => c.collectiveDiscussion?.participants),
    field('collectiveDiscussion.recorder', '记录人', (c) => c.collectiveDiscussion?.recorder),
    field('collectiveDiscussion.reporter', '案情汇报人', (c) => c.collectiveDiscussion?.reporter),
    field('collectiveDiscussion.opinions', '讨论意见', (c) => c.collectiveDiscussion?.opinions),
    field('collectiveDiscussion.conclusion', '讨论结论', (c) => c.collectiveDiscussion?.conclusion),
  ],
  build(c) {
    const d = must(c.collectiveDiscussion, '集体讨论');
    const proposal = c.investigationReport ? `，拟处理意见为：${c.investigationReport.proposal.replace(/。$/, '')}` : '';
    const blocks: Block[] = [
      ...header(c, this.name),
      {
        kind: 'fields',
        rows: [
          { label: '案由', value: c.causeOfAction },
          { label: '当事人', value: c.party.name },
          { label: '时间', value: formatTimeRange(d.start, d.end, '讨论时间') },
          { label: '地点', value: d.place },
          { label: '主持人', value: d.host },
          { label: '参加人员', value: d.participants.join('、') },
          ...(d.attendees?.length ? [{ label: '列席人员', value: d.attendees.join('、') }] : []),
          { label: '记录人', value: d.recorder },
        ],
      },
      { kind: 'paragraph', indent: false, text: `案情汇报：${d.reporter}汇报了本案的调查经过、违法事实、证据、适用依据和裁量情况${proposal}。` },
      { kind: 'paragraph', indent: false, text: '讨论意见：' },
      ...d.opinions.map((o): Block => ({ kind: 'paragraph', text: `${o.speaker}：${o.opinion}` })),
      { kind: 'paragraph', indent: false, text: `讨论结论：${d.conclusion}` },
      { kind: 'space' },
      { kind: 'signLines', lines: [`主持人签名：${SIGN_DATE}`, '参加人员签名：', '', `记录人签名：${SIGN_DATE}`] },
    ];
    return doc(c, this, { date: dateOf(d.start, '讨论时间'), blocks, footer: { kind: 'pageOf' } });
  },
};

export const hearingRecord: DocumentTemplate = {
  id: 'hearing-record',
  name: '行政处罚听证笔录',
  stage: '听证',
  basis: `${PENALTY_LAW}第六十四条、第六十五条`,
  layout: 'record',
  count: (c) => (c.hearing?.investigatorStatement ? 1 : 0),
  required: [
    ...baseFields,
    field('party.name', '当事人姓名或名称', (c) => c.party.name),
    field('hearing.start', '听证开始时间', (c) => c.hearing?.start),
    field('hearing.end', '听证结束时间', (c) => c.hearing?.end),
    field('hearing.place', '听证地点', (c) => c.hearing?.place),
    field('hearing.host', '听证主持人', (c) => c.hearing?.host),
    field('hearing.recorder', '记录员', (c) => c.hearing?.recorder),
    field('hearing.partyAttendees', '出席听证的当事人', (c) => c.hearing?.partyAttendees),
    field('hearing.investigatorStatement', '调查人员提出的事实、证据和处罚建议', (c) => c.hearing?.investigatorStatement),
    field('hearing.partyStatement', '当事人的陈述、申辩和质证意见', (c) => c.hearing?.partyStatement),
    field('hearing.finalStatement', '当事人最后陈述', (c) => c.hearing?.finalStatement),
  ],
  build(c) {
    const h = must(c.hearing, '听证');
    assertHearingHostIndependent(h.host, c.officers);
    const rows = [
      { label: '案由', value: c.causeOfAction },
      { label: '时间', value: formatTimeRange(h.start, must(h.end, '听证结束时间'), '听证时间') },
      { label: '地点', value: h.place },
      { label: '听证方式', value: h.publicHearing ? '公开' : '不公开' },
      { label: '主持人', value: h.host },
      { label: '听证员', value: h.hearingOfficers.length > 0 ? h.hearingOfficers.join('、') : '无' },
      { label: '记录员', value: h.recorder },
      { label: '当事人', value: `${c.party.name}（出席人员：${h.partyAttendees.join('、')}）` },
      { label: '委托代理人', value: h.agents && h.agents.length > 0 ? h.agents.join('、') : '无' },
      { label: '案件调查人员', value: officerList(c.officers) },
    ];
    const blocks: Block[] = [
      ...header(c, this.name),
      { kind: 'fields', rows },
      {
        kind: 'paragraph',
        indent: false,
        text: `主持人宣布听证开始，核对听证参加人身份，宣布听证纪律，告知当事人依法享有的权利和义务，询问当事人是否申请回避（${PENALTY_LAW}第六十四条）。`,
      },
      { kind: 'paragraph', indent: false, text: `调查人员提出当事人违法的事实、证据和行政处罚建议：${h.investigatorStatement ?? ''}` },
      { kind: 'paragraph', indent: false, text: `当事人（代理人）陈述、申辩和质证：${h.partyStatement ?? ''}` },
    ];
    if (h.debate) blocks.push({ kind: 'paragraph', indent: false, text: `辩论：${h.debate}` });
    blocks.push(
      { kind: 'paragraph', indent: false, text: `当事人最后陈述：${h.finalStatement ?? ''}` },
      { kind: 'paragraph', indent: false, text: '主持人宣布听证结束。本笔录交当事人（代理人）核对无误后签字（第六十四条第（八）项）。' },
      { kind: 'space' },
      {
        kind: 'signLines',
        lines: [
          `当事人（代理人）签名：${SIGN_DATE}`,
          `主持人签名：${SIGN_DATE}`,
          `听证员签名：${SIGN_DATE}`,
          `记录员签名：${SIGN_DATE}`,
        ],
      },
    );
    return doc(c, this, { date: dateOf(h.start, '听证时间'), blocks, footer: { kind: 'pageOf', signer: '当事人（代理人）签名：' } });
  },
};
