import { identityDocumentTypes } from '../../../../domain/validators/identity-documents.ts';
import { Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatYuan, noPenaltyGrounds, type Penalty, penaltyKinds } from '../../../../domain/cases/model.ts';
import { chinaToday } from '../../../shared/dates.ts';
import { CertificateTag } from '../../CertificateTag.tsx';
import type { CaseView } from './types.ts';

type Item = { key: string; label: string; children: ReactNode };
const item = (key: string, label: string, value: ReactNode | null | undefined): Item[] => (value === null || value === undefined || value === '' ? [] : [{ key, label, children: value }]);

/** The party as staff see it: full name, ID number or credit code, phone, address. */
export function PartyCard({ view }: { view: CaseView }) {
  const p = view.party;
  const items = [
    ...item('name', p.kind === 'person' ? '姓名' : p.kind === 'organization' ? '单位名称' : '当事人', p.name),
    ...item('kind', '类型', p.kind === 'person' ? '自然人' : p.kind === 'organization' ? '法人或其他组织' : <Typography.Text type="warning">尚未查明（立案前须确认当事人信息）</Typography.Text>),
    ...item('id', p.idType ? identityDocumentTypes[p.idType] : '身份证号', p.idNumber),
    ...item('nationality', '国籍', p.nationality),
    ...item('credit', '统一社会信用代码', p.creditCode),
    ...item('rep', '法定代表人', p.legalRepresentative),
    ...item('birth', '出生日期', p.birthDate),
    ...item('phone', '联系电话', p.phone),
    ...item('address', p.kind === 'person' ? '住址' : '地址', p.address),
  ];
  return (
    <Card size="small" title="当事人">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
    </Card>
  );
}

export function FactsCard({ view }: { view: CaseView }) {
  const items = [
    ...item('place', '违法地点', view.place),
    ...item('act', '违法行为时间', `${view.act.startedOn} 至 ${view.act.endedOn ?? '持续中'}`),
    ...item('found', '发现日期', view.discoveredOn),
    ...item('harm', '危害后果', view.harmsSafety ? '涉及公民生命健康安全、金融安全且有危害后果（追责期限五年）' : null),
    ...item('violated', '违则', view.violation?.violatedProvision),
    ...item('penalty', '罚则', view.violation?.penaltyProvision),
    ...item('range', '法定处罚幅度', view.violation?.statutoryRange),
  ];
  return (
    <Card size="small" title="案件事实">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{view.facts}</Typography.Paragraph>
      <Descriptions size="small" column={1} items={items} />
    </Card>
  );
}

/** 承办人员 with their certificate numbers and validity (《行政处罚法》第四十二条). */
export function OfficersCard({ view }: { view: CaseView }) {
  const today = chinaToday();
  return (
    <Card size="small" title="承办人员">
      {view.officers.length === 0 ? (
        <Typography.Text type="secondary">立案时指定承办人员。</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={view.officers}
          renderItem={(o) => (
            <List.Item>
              <Space orientation="vertical" size={0}>
                <span>
                  {o.displayName} {o.recused && <Tag color="red">已回避</Tag>}
                </span>
                <Typography.Text type="secondary">
                  执法证 <CertificateTag user={o} today={today} />
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function penaltyItems(prefix: string, penalty: Penalty): Item[] {
  const range = penalty.range;
  const yuan = (fen: number | null) => (fen === null ? '不限' : formatYuan(fen));
  return [
    ...item(`${prefix}-kinds`, '处罚种类', penalty.kinds.map((k) => penaltyKinds[k]).join('、')),
    ...item(`${prefix}-fine`, '罚款', penalty.fineFen === null ? null : formatYuan(penalty.fineFen)),
    ...item(`${prefix}-conf`, '没收金额', penalty.confiscationFen === null ? null : formatYuan(penalty.confiscationFen)),
    ...item(`${prefix}-desc`, '处罚内容', penalty.description),
    ...item(`${prefix}-basis`, '处罚依据', penalty.basis),
    ...item(`${prefix}-tier`, '裁量阶次', penalty.tier),
    ...item(`${prefix}-range`, '基准幅度', range ? `${yuan(range.minFen)} 至 ${yuan(range.maxFen)}` : null),
    ...item(`${prefix}-version`, '裁量基准', penalty.benchmarkVersion),
    ...item(`${prefix}-outside`, '超出幅度理由', penalty.outsideRangeReason),
  ];
}

/** The decision (or, before it, the proposal and the prior notice), the penalty in 元, payment and publicity. */
export function DecisionCard({ view }: { view: CaseView }) {
  const r = view.record;
  const d = r.decision;
  const items: Item[] = d
    ? [
        ...item('kind', '决定种类', view.decision?.kindLabel),
        ...item('number', '文号', d.number),
        ...item('on', '决定日期', d.on),
        ...item('status', '效力', view.decision?.statusLabel),
        ...item('change', '撤销或变更', d.statusChange ? `${d.statusChange.on}：${d.statusChange.reason}` : null),
        ...(d.penalty ? penaltyItems('d', d.penalty) : []),
        ...item('ground', '不予处罚理由', d.ground ? noPenaltyGrounds[d.ground] : null),
        ...item('education', '教育情况', d.education),
        ...item('transfer', '移送理由', d.transferReason),
      ]
    : r.proposal
      ? [
          ...item('pkind', '拟处理意见', r.proposal.kind === 'penalty' ? '拟给予行政处罚' : r.proposal.kind === 'noPenalty' ? '拟不予行政处罚' : '拟移送司法机关'),
          ...(r.proposal.penalty ? penaltyItems('p', r.proposal.penalty) : []),
          ...item('pground', '不予处罚理由', r.proposal.ground ? noPenaltyGrounds[r.proposal.ground] : null),
        ]
      : [];
  const notice = r.notice
    ? [
        ...item('nnumber', '告知书文号', r.notice.number),
        ...item('nserved', '告知送达日期', r.notice.servedOn),
        ...item('nstatement', '陈述申辩期限至', r.notice.statementEndsOn),
        ...item('nhearing', '听证权利', r.notice.hearingOffered ? `已告知，申请期限至 ${r.notice.hearingRequestEndsOn ?? '—'}` : '不适用听证'),
        // Every statement as recorded, each with its own 复核 reply (《行政处罚法》第四十五条).
        ...r.statements.flatMap((st, i) => item(`st${String(i)}`, `陈述申辩（第${String(i + 1)}次）`, <span data-testid="statement-entry">{statementText(st)}</span>)),
      ]
    : [];
  const pay = view.payment;
  const payment = pay
    ? [
        ...item('fine', '应缴罚款', formatYuan(pay.fineFen)),
        ...item('due', '缴款期限', pay.dueOn),
        ...item('paid', '已缴纳', formatYuan(pay.paidFen)),
        ...item('late', '加处罚款', formatYuan(pay.lateFeeFen)),
        ...item('owed', '尚欠', <Typography.Text type={pay.owedFen > 0 ? 'danger' : 'success'}>{formatYuan(pay.owedFen)}</Typography.Text>),
        ...r.payments.flatMap((p, i) => (p.onSpot ? item(`cash${String(i)}`, '当场收缴', cashStatus(p, p.onSpot)) : [])),
      ]
    : [];
  const pub = view.publicity;
  const publicity = pub
    ? item('pub', '公示', pub.status === 'published' ? publishedText(pub) : pub.status === 'withdrawn' ? '已撤回' : pub.status === 'cancelled' ? '已取消（决定已撤销或变更）' : `待公示，期限 ${pub.dueOn}`)
    : [];
  const all = [...items, ...notice, ...payment, ...publicity];
  return (
    <Card size="small" title={d ? '处理决定' : '拟处理意见'} data-testid="decision-card">
      {all.length ? <Descriptions size="small" column={{ xs: 1, md: 2 }} items={all} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未形成处理意见" />}
    </Card>
  );
}

/** One recorded statement: what the party said and the 复核 reply, or the waiver. */
function statementText(st: CaseView['record']['statements'][number]): ReactNode {
  if (st.waived) return `${st.on} 当事人明确放弃陈述申辩${st.hearingWaived ? '（并放弃听证）' : ''}${st.content ? `：${st.content}` : ''}`;
  if (!st.content.trim()) return `${st.on} 未提出内容`;
  const reply = st.reply.trim() ? `复核意见：${st.reply}${st.repliedOn ? `（${st.repliedOn}）` : ''}` : <Typography.Text type="warning">待复核</Typography.Text>;
  return (
    <>
      {`${st.on} ${st.content}；`}
      {reply}
    </>
  );
}

/** Where cash taken on the spot is on its way to the bank (《行政处罚法》第七十一条). */
function cashStatus(p: CaseView['record']['payments'][number], cash: NonNullable<CaseView['record']['payments'][number]['onSpot']>): ReactNode {
  const what = `${p.on} 收缴 ${formatYuan(p.amountFen)}（专用票据 ${p.receiptNo}）`;
  if (cash.deposited) return `${what}，${cash.handedOver?.on ?? ''} 交至机关，${cash.deposited.on} 缴付银行`;
  if (cash.handedOver) return <Typography.Text type="warning">{`${what}，${cash.handedOver.on} 交至机关（${cash.handedOver.receivedBy}），待缴付银行`}</Typography.Text>;
  return <Typography.Text type="warning">{`${what}，待交至机关`}</Typography.Text>;
}

/** A published record, and when a record about a natural person comes down (local publicity period). */
function publishedText(pub: NonNullable<CaseView['publicity']>): string {
  const since = `已公示（${pub.publishedAt?.slice(0, 10) ?? ''}）`;
  if (!pub.expiresOn) return since;
  return pub.expiresOn <= chinaToday() ? `公示期满，已于 ${pub.expiresOn} 从公示平台撤下` : `${since}，公示期至 ${pub.expiresOn}（届满自动撤下）`;
}
