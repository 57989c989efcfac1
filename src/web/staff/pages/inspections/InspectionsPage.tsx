import { Alert, App, Button, Card, DatePicker, Form, Input, List, Pagination, Radio, Select, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { UserView } from '../../../../domain/admin/views.ts';
import { inspectionMethods, inspectionStates, inspectionTriggers } from '../../../../domain/inspections/model.ts';
import { inspectionPolicy } from '../../../../domain/inspections/policy.ts';
import { may } from '../../../../domain/policy.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import { clearDraft, InspectionStateTag, type InspectionItemView, type InspectionList, type InspectionView, readDraft, type SubjectView, writeDraft } from './common.tsx';

const PAGE_SIZE = 20;
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const REGISTER_DRAFT = 'inspection.register';

/**
 * 行政检查 /inspections — the officer's page on the phone: the inspections they take part in (or all of the unit), and
 * 登记检查 (subject, published item, trigger, method, at least two officers; an emergency one with its day). The form is
 * kept as a draft in the browser until the server has registered the inspection. The steps are on the inspection's page.
 */
export default function InspectionsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const mine = params.get('all') !== 'true';
  const state = params.get('state') ?? undefined;
  const query = { mine, state, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const remote = useRemote((signal) => api.get<InspectionList>(`/organizations/${me.organizationId}/inspections`, query, signal), [JSON.stringify(query), me.organizationId]);
  const [registering, setRegistering] = useState(() => readDraft(REGISTER_DRAFT) !== undefined);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    next.delete('page');
    setParams(next);
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {may(me, inspectionPolicy.workOnInspections) && (registering ? <RegisterForm onClose={() => setRegistering(false)} /> : (
        <Button type="primary" block onClick={() => setRegistering(true)}>
          登记检查
        </Button>
      ))}
      <Card
        size="small"
        title="行政检查"
        extra={remote.data && <Typography.Text data-testid="inspection-total">共 {remote.data.total} 件</Typography.Text>}
      >
        <Space wrap size={8} style={{ marginBottom: 8 }}>
          <Space size={4}>
            <Switch aria-label="只看本人参与的检查" checked={mine} onChange={(on) => set('all', on ? undefined : 'true')} />
            <Typography.Text>只看本人参与的</Typography.Text>
          </Space>
          <Select aria-label="检查状态" placeholder="检查状态" allowClear style={{ width: 130 }} value={state} options={options(inspectionStates)} onChange={(v?: string) => set('state', v)} />
        </Space>
        <RemoteView remote={remote}>
          {(list) => (
            <>
              <List dataSource={list.items} locale={{ emptyText: '没有行政检查' }} renderItem={(i) => <InspectionCard i={i} />} />
              {list.total > PAGE_SIZE && (
                <Pagination simple style={{ textAlign: 'center' }} current={page} pageSize={PAGE_SIZE} total={list.total} onChange={(p) => setParams((prev) => (prev.set('page', String(p)), prev))} />
              )}
            </>
          )}
        </RemoteView>
      </Card>
      {/* Patrols (巡查) and the 双随机 plan pages are separate pages of their own, beside this one in the 行政检查 menu. */}
    </Space>
  );
}

export function InspectionCard({ i }: { i: InspectionView }) {
  return (
    <List.Item style={{ display: 'block' }} data-testid="inspection-card">
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <InspectionStateTag state={i.state} />
          <Link to={`/inspections/${i.id}`} style={{ fontWeight: 500 }}>
            {i.subject.name}
          </Link>
        </Space>
        <Typography.Text>{i.item.name}</Typography.Text>
        <Typography.Text type="secondary">
          <span style={{ fontFamily: 'monospace' }}>{i.number}</span> · {i.trigger.label} · {i.method.label}
          {i.inspectedOn ? ` · ${i.inspectedOn}` : ''}
          {i.rectifyDueOn && i.state.key === 'rectifying' ? ` · ${i.rectifyDueOn} 前整改` : ''}
        </Typography.Text>
      </Space>
    </List.Item>
  );
}

interface RegisterValues {
  subjectId?: number;
  itemId?: number;
  trigger?: string;
  method?: string;
  methodReason?: string;
  officerIds?: number[];
  emergencyOn?: string;
}

function RegisterForm({ onClose }: { onClose: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const [draft] = useState(() => readDraft<RegisterValues>(REGISTER_DRAFT));
  const [q, setQ] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const items = useRemote((signal) => api.get<InspectionItemView[]>(`/organizations/${me.organizationId}/inspection-items`, undefined, signal), [me.organizationId]);
  const subjects = useRemote((signal) => api.get<{ items: SubjectView[] }>(`/organizations/${me.organizationId}/inspection-subjects`, { q: q || undefined, limit: 50 }, signal), [me.organizationId, q]);
  const officers = useRemote((signal) => api.get<UserView[]>('/users', undefined, signal), []);
  const today = dayjs().format('YYYY-MM-DD');
  const published = (items.data ?? []).filter((i) => i.publishedOn && i.publishedOn <= today && (!i.withdrawnOn || i.withdrawnOn > today));
  const method = Form.useWatch('method', form);

  const submit = async (v: RegisterValues) => {
    setSending(true);
    setError(undefined);
    try {
      const created = await api.post<InspectionView>('/inspections', { ...v, organizationId: me.organizationId, emergencyOn: v.emergencyOn || undefined, methodReason: v.methodReason || undefined });
      clearDraft(REGISTER_DRAFT);
      void message.success(`已登记 ${created.number}`);
      void navigate(`/inspections/${created.id}`);
    } catch (e) {
      // The draft stays in the browser: nothing typed is lost when the connection fails.
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <Card size="small" title="登记行政检查" extra={<Button size="small" onClick={() => { clearDraft(REGISTER_DRAFT); onClose(); }}>放弃</Button>}>
      {draft && <Alert type="info" showIcon title="已恢复未提交的草稿" style={{ marginBottom: 8 }} />}
      {error && <Alert type="error" showIcon title="未能登记（草稿已保存在本机）" description={error} style={{ marginBottom: 8 }} data-testid="register-error" />}
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        initialValues={draft ?? { trigger: 'planned', method: 'onSite', officerIds: [me.userId] }}
        onValuesChange={(_, all) => writeDraft(REGISTER_DRAFT, all)}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="subjectId" label="检查对象" rules={[{ required: true, message: '请选择检查对象' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder="输入名称或统一社会信用代码"
            options={(subjects.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.creditCode}）` }))}
            aria-label="检查对象"
          />
        </Form.Item>
        <Form.Item name="itemId" label="检查事项（已公布）" rules={[{ required: true, message: '请选择检查事项' }]}>
          <Select placeholder="检查事项" options={published.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))} aria-label="检查事项" />
        </Form.Item>
        <Form.Item name="trigger" label="检查来源" rules={[{ required: true, message: '请选择检查来源' }]}>
          <Select options={options(inspectionTriggers)} aria-label="检查来源" />
        </Form.Item>
        <Form.Item name="method" label="检查方式" rules={[{ required: true, message: '请选择检查方式' }]}>
          <Radio.Group options={options(inspectionMethods)} />
        </Form.Item>
        {method === 'onSite' && (
          <Form.Item name="methodReason" label="现场检查理由（事项为书面或远程检查时必填）">
            <Input.TextArea rows={2} maxLength={500} aria-label="现场检查理由" />
          </Form.Item>
        )}
        <Form.Item name="officerIds" label="执法人员（至少两名持证人员）" rules={[{ required: true, message: '请选择执法人员' }]}>
          <Select
            mode="multiple"
            placeholder="执法人员"
            aria-label="执法人员"
            optionFilterProp="label"
            options={(officers.data ?? []).filter((u) => u.certificateNo && u.certificateValidUntil && u.certificateValidUntil >= today && (u.roles.includes('officer') || u.roles.includes('head'))).map((u) => ({ value: u.id, label: `${u.displayName}（${u.certificateNo}）` }))}
          />
        </Form.Item>
        <Form.Item name="emergencyOn" label="紧急检查日期（事后补登记时填写）" getValueProps={(v?: string) => ({ value: v ? dayjs(v) : undefined })} normalize={(d?: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}>
          <DatePicker style={{ width: '100%' }} aria-label="紧急检查日期" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={sending}>
          提交登记
        </Button>
      </Form>
    </Card>
  );
}
