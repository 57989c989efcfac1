import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Radio, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { InspectionAction } from '../../../../domain/inspections/actions.ts';
import { findingOutcomes } from '../../../../domain/inspections/model.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import { availableSteps, clearDraft, dateField, InspectionStateTag, type InspectionView, readDraft, RectificationCheckFields, writeDraft } from './common.tsx';

/**
 * 一次行政检查 /inspections/:id — on the officer's phone: the 行政检查码 to show the enterprise (it verifies it on the
 * portal), and the steps the user may take now: 赋码, 记录检查情况 (findings → 责令整改 with a due date, or 移送立案),
 * 整改复查, 移送, 取消. Each step's form is kept as a draft in the browser until the server has taken it.
 */
export default function InspectionPage() {
  const id = Number(useParams().id);
  const remote = useRemote((signal) => api.get<InspectionView>(`/inspections/${id}`, undefined, signal), [id]);
  return (
    <RemoteView remote={remote} missing={<Link to="/inspections">返回行政检查</Link>}>
      {(i) => <Inspection i={i} reload={remote.reload} />}
    </RemoteView>
  );
}

function Inspection({ i, reload }: { i: InspectionView; reload: () => void }) {
  const me = useMe();
  const steps = availableSteps(i, me);
  const [open, setOpen] = useState<InspectionAction | null>(() => steps.find((s) => readDraft(draftKey(i.id, s.action)) !== undefined)?.action ?? null);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={<Space wrap size={4}><InspectionStateTag state={i.state} /><span>{i.subject.name}</span></Space>}>
        {i.code && (
          <div data-testid="inspection-code" style={{ textAlign: 'center', margin: '4px 0 12px' }}>
            <Typography.Text type="secondary">行政检查码（入企前出示，企业可在公示平台核验）</Typography.Text>
            <div style={{ fontFamily: 'monospace', fontSize: 26, letterSpacing: 2, fontWeight: 600 }}>{i.code.replace(/(.{4})(?=.)/g, '$1 ')}</div>
          </div>
        )}
        <Descriptions column={1} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="检查编号">{i.number}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{i.subject.creditCode}</Descriptions.Item>
          <Descriptions.Item label="地址">{i.subject.address}</Descriptions.Item>
          <Descriptions.Item label="检查事项">{i.item.name}</Descriptions.Item>
          <Descriptions.Item label="检查依据">{i.item.basis}</Descriptions.Item>
          <Descriptions.Item label="来源 / 方式">
            {i.trigger.label} · {i.method.label}
            {i.capExempt && <div><Typography.Text type="secondary">{i.capExempt}</Typography.Text></div>}
          </Descriptions.Item>
          <Descriptions.Item label="执法人员">{i.officers.map((o) => `${o.name}（${o.certificateNo ?? '无证件'}）`).join('、')}</Descriptions.Item>
          <Descriptions.Item label="检查日期">{i.inspectedOn ?? '尚未赋码'}</Descriptions.Item>
          {i.rectifyDueOn && <Descriptions.Item label="整改期限">{i.rectifyDueOn}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Record i={i} />
      {steps.length > 0 && (
        <Card size="small" title="办理">
          <Space wrap>
            {steps.map((s) => (
              <Button key={s.action} type={open === s.action ? 'primary' : 'default'} onClick={() => setOpen(open === s.action ? null : s.action)}>
                {s.label}
              </Button>
            ))}
          </Space>
          {open && <StepForm key={open} i={i} action={open} done={() => { setOpen(null); reload(); }} />}
        </Card>
      )}
    </Space>
  );
}

function Record({ i }: { i: InspectionView }) {
  const r = i.record;
  const items = [
    ...(r.findings ? [{ children: `${r.findings.on} 检查记录：${r.findings.text}（${r.findings.outcome.label}）` }] : []),
    ...r.reinspections.map((x) => ({ children: `${x.on} 复查：${x.note}（${x.rectified ? '整改到位' : `未整改到位，新的整改期限 ${x.dueOn ?? ''}`}）` })),
    ...(r.referral ? [{ children: `${r.referral.on} 移送立案：${r.referral.reason}` }] : []),
    ...(r.cancellation ? [{ children: `${r.cancellation.on} 取消：${r.cancellation.reason}` }] : []),
  ];
  if (items.length === 0) return null;
  return (
    <Card size="small" title="检查记录" data-testid="inspection-record">
      <Timeline items={items} />
    </Card>
  );
}

const draftKey = (id: number, action: InspectionAction) => `inspection.${id}.${action}`;

function StepForm({ i, action, done }: { i: InspectionView; action: InspectionAction; done: () => void }) {
  const { message } = App.useApp();
  const key = draftKey(i.id, action);
  const [form] = Form.useForm<Record<string, unknown>>();
  const [draft] = useState(() => readDraft<Record<string, unknown>>(key));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const outcome = Form.useWatch('outcome', form);
  const rectified = Form.useWatch('rectified', form);
  const send = async (values: Record<string, unknown>) => {
    setSending(true);
    setError(undefined);
    try {
      await api.post(`/inspections/${i.id}/transitions`, { ...values, action, expectedVersion: i.version });
      clearDraft(key);
      void message.success('已提交');
      done();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Form layout="vertical" form={form} style={{ marginTop: 12 }} initialValues={draft ?? (action === 'reinspect' ? { rectified: true } : action === 'record' ? { outcome: 'compliant' } : {})} onValuesChange={(_, all) => writeDraft(key, all)} onFinish={(v) => void send(v)}>
      {draft && <Alert type="info" showIcon title="已恢复未提交的草稿" style={{ marginBottom: 8 }} />}
      {error && <Alert type="error" showIcon title="未能提交（草稿已保存在本机）" description={error} style={{ marginBottom: 8 }} data-testid="step-error" />}
      {action === 'issueCode' && <Typography.Paragraph>赋码前核对：检查事项已公布、两名以上执法人员持有效执法证、未超过年度检查频次。赋码后向企业出示行政检查码。</Typography.Paragraph>}
      {action === 'record' && (
        <>
          <Form.Item name="findings" label="检查情况" rules={[{ required: true, message: '请填写检查情况' }]}>
            <Input.TextArea rows={4} maxLength={4000} aria-label="检查情况" />
          </Form.Item>
          <Form.Item name="outcome" label="检查结论">
            <Radio.Group options={Object.entries(findingOutcomes).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {outcome === 'rectify' && (
            <Form.Item name="rectifyDueOn" label="整改期限" rules={[{ required: true, message: '请填写整改期限' }]} {...dateField}>
              <DatePicker style={{ width: '100%' }} aria-label="整改期限" />
            </Form.Item>
          )}
        </>
      )}
      {action === 'reinspect' && <RectificationCheckFields noteLabel="复查情况" dueName="rectifyDueOn" rows={3} rectified={rectified} />}
      {(action === 'refer' || action === 'cancel') && (
        <Form.Item name="reason" label={action === 'refer' ? '移送理由' : '取消理由'} rules={[{ required: true, message: '请填写理由' }]}>
          <Input.TextArea rows={3} aria-label={action === 'refer' ? '移送理由' : '取消理由'} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" block loading={sending}>
        {action === 'issueCode' ? '赋码' : '提交'}
      </Button>
    </Form>
  );
}
