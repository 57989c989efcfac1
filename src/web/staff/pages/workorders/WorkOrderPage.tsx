import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Collapse, Descriptions, Empty, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { casePolicy } from '../../../../domain/cases/policy.ts';
import { may } from '../../../../domain/policy.ts';
import { answerMethods, type WorkOrderAction, workOrderActionInput } from '../../../../domain/workorders/actions.ts';
import { workOrderCaseInput } from '../../../../domain/workorders/case-input.ts';
import { satisfactionLevels } from '../../../../domain/workorders/model.ts';
import { api } from '../../../shared/api.ts';
import { chinaToday } from '../../../shared/dates.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import { GeneratedForm } from '../../case-actions/GeneratedForm.tsx';
import { ReferenceProvider } from '../../case-actions/references.tsx';
import { type FieldSpec, fieldsOf } from '../../case-actions/schema-fields.ts';
import { availableSteps, irreversibleSteps, useOrganizations, type WorkOrderView, WorkOrderStateTag } from './common.tsx';
import '../cases/case-page.css';

const sideSteps: ReadonlySet<WorkOrderAction> = new Set<WorkOrderAction>(['return', 'reassign', 'urge', 'extend', 'merge']);
type ActionSchema = (typeof workOrderActionInput.options)[number];
const schemas = new Map<string, ActionSchema>(workOrderActionInput.options.map((s) => [s.shape.action.value as string, s]));
const labelled = (f: FieldSpec, labels: Record<string, string>): FieldSpec => (f.kind === 'enum' ? { ...f, options: f.options.map((o) => ({ value: o.value, label: labels[o.value] ?? o.label })) } : f);

/**
 * The fields of a step's form, from its zod schema (domain/workorders/actions.ts) as the case page does, with what
 * a work order means by them: the unit (`unitId`) is picked among the organizations, the order to merge into
 * (`intoId`) is its system number, the answer's method and the satisfaction show their Chinese labels.
 */
function stepFields(action: string): FieldSpec[] {
  return fieldsOf(schemas.get(action)!, ['action']).map((f) => {
    if (f.name === 'unitId') return { ...f, kind: 'reference', ref: 'organization', title: '承办单位' } as FieldSpec;
    if (f.name === 'intoId') return { ...f, kind: 'integer', title: '并入的工单（系统编号，见该工单页地址末尾的数字）' } as FieldSpec;
    if (f.name === 'method') return labelled(f, answerMethods);
    if (f.name === 'satisfaction') return labelled(f, satisfactionLevels);
    return f;
  });
}

/**
 * 工单详情 /work-orders/:id: the order (who asked what, where, the unit and its deadlines), the steps the user may
 * take now as forms generated from the action schemas (irreversible ones confirmed first; the server's refusal —
 * a rule with its source, a conflict, a field — shown in the form), and the order's record as a timeline. The
 * requester's name and phone are shown as the server gives them (masked for those who do not handle the order).
 */
export default function WorkOrderPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const remote = useRemote((signal) => api.get<WorkOrderView>(`/work-orders/${Number(id)}`, undefined, signal), [id]);
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Link onClick={() => void navigate('/work-orders')}>
          <ArrowLeftOutlined /> 工单列表
        </Typography.Link>
      </Space>
      <RemoteView remote={remote} rows={10} missing={<Link to="/work-orders">返回工单列表</Link>}>
        {(order) => <OrderBody order={order} reload={remote.reload} />}
      </RemoteView>
    </>
  );
}

function OrderBody({ order, reload }: { order: WorkOrderView; reload: () => void }) {
  const isPhone = useIsPhone();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" data-testid="work-order-header">
        <Space wrap size={8} align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {order.category.name}
          </Typography.Title>
          <WorkOrderStateTag state={order.state} />
          {order.designated && <Tag color="purple">异议审核指定</Tag>}
          {order.reopenCount > 0 && <Tag color="orange">重新办理 {order.reopenCount} 次</Tag>}
        </Space>
        <div>
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }} copyable>
            {order.number}
          </Typography.Text>
        </div>
      </Card>
      <div className="case-layout">
        <div className="case-main">
          <div style={{ order: 1 }}>
            <StepsCard order={order} reload={reload} />
          </div>
          <div style={{ order: 3 }}>
            <DetailsCard order={order} isPhone={isPhone} />
          </div>
          <div style={{ order: 5 }}>
            <TimelineCard order={order} />
          </div>
        </div>
        <div className="case-side">
          <div style={{ order: 2 }}>
            <DeadlinesCard order={order} />
          </div>
          <div style={{ order: 4 }}>
            <RequesterCard order={order} />
          </div>
          <div style={{ order: 6 }}>
            <CaseCard order={order} reload={reload} />
          </div>
        </div>
      </div>
    </Space>
  );
}

function StepsCard({ order, reload }: { order: WorkOrderView; reload: () => void }) {
  const me = useMe();
  const organizations = useOrganizations();
  const unitPath = organizations.data?.find((o) => o.id === order.unit?.id)?.path;
  // The next steps of the ordinary course first; leaving it (退单, 改派, 督办, 延期, 并单) after them.
  const all = availableSteps(order, me, unitPath);
  const steps = [...all.filter((s) => !sideSteps.has(s.action)), ...all.filter((s) => sideSteps.has(s.action))];
  return (
    <Card size="small" title="办理" data-testid="work-order-steps">
      {steps.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当前没有您可以办理的步骤" />
      ) : (
        <ReferenceProvider organizationId={order.organization.id}>
          <Typography.Paragraph type="secondary">以下为当前状态下您可以办理的步骤；提交时系统按规定逐项核验。</Typography.Paragraph>
          <Collapse
            accordion
            defaultActiveKey={steps[0]?.action}
            destroyOnHidden
            items={steps.map((s) => ({
              key: s.action,
              label: sideSteps.has(s.action) ? <Typography.Text type="secondary">{s.label}</Typography.Text> : <strong>{s.label}</strong>,
              children: <StepForm key={s.action} order={order} action={s.action} label={s.label} onDone={reload} />,
            }))}
          />
        </ReferenceProvider>
      )}
    </Card>
  );
}

function StepForm({ order, action, label, onDone }: { order: WorkOrderView; action: WorkOrderAction; label: string; onDone: () => void }) {
  const fields = useMemo(() => stepFields(action), [action]);
  const fixed = useMemo(() => ({ action, expectedVersion: order.version }), [action, order.version]);
  return (
    <GeneratedForm
      title={label}
      name={`wo-step-${action}`}
      draftKey={`work-order-${order.id}/${action}`}
      schema={schemas.get(action)!}
      fields={fields}
      fixed={fixed}
      submitLabel={`提交：${label}`}
      confirm={irreversibleSteps[action]}
      send={(payload) => api.post(`/work-orders/${order.id}/transitions`, payload)}
      onDone={onDone}
      onReload={onDone}
    />
  );
}

const caseFields = fieldsOf(workOrderCaseInput, ['expectedVersion']);
/** An order merged into another or not accepted has no case of its own (services/workorders/to-case.ts). */
const noCaseStates: ReadonlySet<string> = new Set(['merged', 'declined']);

/**
 * 转为案件线索 (docs/WORK-ORDERS.md "To a case"): the case registered from the order — its 行政行为码, state and a link
 * to its page — or, for those who may register clues (casePolicy.registerClue), a form generated from the schema the
 * server validates with, prefilled from the order: facts from its content, place from its address, the act's start
 * on the day it was received, the unit it is with as the case's organization, the party 尚不明确 until named.
 */
function CaseCard({ order, reload }: { order: WorkOrderView; reload: () => void }) {
  const me = useMe();
  const initial = useMemo(
    () => ({
      facts: order.content,
      place: order.address,
      // A date field holds a dayjs value in the form (case-actions/form-values.ts).
      actStartedOn: dayjs(order.receivedOn),
      organizationId: order.unit?.id ?? order.organization.id,
      party: { kind: 'unknown' },
    }),
    [order.content, order.address, order.receivedOn, order.unit?.id, order.organization.id],
  );
  const fixed = useMemo(() => ({ expectedVersion: order.version }), [order.version]);
  if (order.case) {
    return (
      <Card size="small" title="案件" data-testid="work-order-case">
        <Space orientation="vertical" size={4}>
          <Space wrap size={4}>
            <Typography.Text type="secondary">行政行为码</Typography.Text>
            <Typography.Text style={{ fontFamily: 'monospace' }} copyable data-testid="work-order-case-code">
              {order.case.actCode}
            </Typography.Text>
          </Space>
          <Space wrap size={4}>
            <Typography.Text type="secondary">案件状态</Typography.Text>
            <Tag color="blue">{order.case.state.label}</Tag>
          </Space>
          <Link to={order.case.href} data-testid="work-order-case-link">
            查看案件
          </Link>
        </Space>
      </Card>
    );
  }
  if (noCaseStates.has(order.state.key) || !may(me, casePolicy.registerClue)) return null;
  return (
    <Card size="small" title="登记为案件线索" data-testid="work-order-case">
      <Typography.Paragraph type="secondary">发现违法行为需要立案查处的，可将本工单登记为案件线索；违法事实、地点等已按工单预填，可修改。一个工单只能转为一个案件。</Typography.Paragraph>
      <ReferenceProvider organizationId={order.unit?.id ?? order.organization.id}>
        <GeneratedForm
          title="登记为案件线索"
          name="wo-case"
          draftKey={`work-order-${order.id}/case`}
          schema={workOrderCaseInput}
          fields={caseFields}
          fixed={fixed}
          initial={initial}
          submitLabel="登记为案件线索"
          send={(payload) => api.post(`/work-orders/${order.id}/case`, payload)}
          onDone={reload}
          onReload={reload}
        />
      </ReferenceProvider>
    </Card>
  );
}

function DetailsCard({ order, isPhone }: { order: WorkOrderView; isPhone: boolean }) {
  return (
    <Card size="small" title="诉求">
      <Descriptions size="small" column={isPhone ? 1 : 2} bordered={!isPhone}>
        <Descriptions.Item label="来源渠道">{order.channel.label}</Descriptions.Item>
        <Descriptions.Item label="诉求类型">{order.kind.label}</Descriptions.Item>
        <Descriptions.Item label="类别">
          {order.category.group} · {order.category.name}（{order.category.code}）
        </Descriptions.Item>
        <Descriptions.Item label="受理日期">{order.receivedOn}</Descriptions.Item>
        <Descriptions.Item label="受理单位">{order.organization.name}</Descriptions.Item>
        <Descriptions.Item label="承办单位">{order.unit?.name ?? '未派单'}</Descriptions.Item>
        <Descriptions.Item label="地点" span={isPhone ? 1 : 2}>
          {order.address}
          {order.location && (
            <Typography.Text type="secondary">
              {' '}
              （{order.location.longitude}, {order.location.latitude}）
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="诉求内容" span={isPhone ? 1 : 2}>
          <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{order.content}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

function RequesterCard({ order }: { order: WorkOrderView }) {
  return (
    <Card size="small" title="诉求人" data-testid="work-order-requester">
      {order.anonymous || !order.requester ? (
        <Typography.Text type="secondary">匿名</Typography.Text>
      ) : (
        <Space orientation="vertical" size={2}>
          <Typography.Text>{order.requester.name}</Typography.Text>
          {order.requester.phone ? <a href={`tel:${order.requester.phone}`}>{order.requester.phone}</a> : <Typography.Text type="secondary">联系电话仅承办人员可见</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}

const deadlineNames: Record<string, string> = { acceptance: '受理告知期限', signing: '签收期限', handling: '办结期限' };

function DeadlinesCard({ order }: { order: WorkOrderView }) {
  const today = chinaToday();
  return (
    <Card size="small" title="期限" data-testid="work-order-deadlines">
      {order.deadlines.length === 0 ? (
        <Typography.Text type="secondary">派单后开始计算办结期限</Typography.Text>
      ) : (
        <Space orientation="vertical" size={6} style={{ width: '100%' }}>
          {order.deadlines.map((d) => (
            <div key={d.kind}>
              <Space wrap size={4}>
                <Typography.Text strong>{deadlineNames[d.kind] ?? d.kind}</Typography.Text>
                <span>{d.dueOn}</span>
                {d.metOn ? <Tag color="green">{d.metOn} 已完成</Tag> : d.dueOn < today && <Tag color="red">已超期</Tag>}
              </Space>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.article}
                </Typography.Text>
              </div>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}

/** The order's record in date order: every entry is also in its audit chain (docs/WORK-ORDERS.md). */
function TimelineCard({ order }: { order: WorkOrderView }) {
  const r = order.record;
  const dispatchVerb: Record<string, string> = { dispatch: '派单', resolveDispute: '派单异议审核，指定', reassign: '改派' };
  const entries: { on: string; title: string; text?: string | null; color?: string }[] = [
    { on: order.receivedOn, title: `受理登记（${order.channel.label}）`, text: order.organization.name },
    ...(r.acceptance ? [{ on: r.acceptance.on, title: r.acceptance.accepted ? '决定受理' : '不予受理', text: r.acceptance.reason, color: r.acceptance.accepted ? 'blue' : 'gray' }] : []),
    ...r.dispatches.map((d) => ({ on: d.on, title: `${dispatchVerb[d.action] ?? d.action}：${d.unitName}`, text: d.note })),
    ...r.returns.map((x) => ({ on: x.on, title: `退单（${x.unitName}）`, text: x.reason, color: 'red' })),
    ...r.urges.map((x) => ({ on: x.on, title: `督办（${x.by}）`, text: x.note, color: 'orange' })),
    ...r.extensions.map((x) => ({ on: x.on, title: `延长办理期限 ${x.days} 日`, text: x.reason, color: 'orange' })),
    ...r.answers.map((x) => ({ on: x.on, title: `答复诉求人（${answerMethods[x.method as keyof typeof answerMethods] ?? x.method}）`, text: x.text, color: 'green' })),
    ...(r.completion ? [{ on: r.completion.on, title: '办结', text: r.completion.result, color: 'green' }] : []),
    ...r.visits.map((x) => ({ on: x.on, title: `回访：${satisfactionLevels[x.satisfaction as keyof typeof satisfactionLevels] ?? x.satisfaction}`, text: x.reason, color: x.satisfaction === 'dissatisfied' ? 'red' : 'green' })),
    ...r.reopenings.map((x) => ({ on: x.on, title: '重新办理', text: x.reason, color: 'orange' })),
  ];
  // Stable: entries of one day keep the loop's order (registration, dispatch, return …).
  const sorted = entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.on.localeCompare(b.e.on) || a.i - b.i);
  return (
    <Card size="small" title={`办理记录（${sorted.length}）`} data-testid="work-order-timeline">
      <Timeline
        items={sorted.map(({ e }, i) => ({
          key: i,
          color: e.color ?? 'blue',
          content: (
            <>
              <Typography.Text strong>{e.title}</Typography.Text> <Typography.Text type="secondary">{e.on}</Typography.Text>
              {e.text && <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>}
            </>
          ),
        }))}
      />
    </Card>
  );
}
