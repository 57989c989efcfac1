import { Alert, App, Button, Card, Form, Input, InputNumber, List, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { OrganizationView, UserView } from '../../../../domain/admin/views.ts';
import type { PlanViewJson as PlanView } from '../../../../domain/inspections/plan-views.ts';
import { riskClasses } from '../../../../domain/inspections/model.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import { clearDraft, type InspectionItemView, readDraft, writeDraft } from './common.tsx';

type PlanListItem = Pick<PlanView, 'id' | 'organization' | 'year' | 'name' | 'seedPublishedAt' | 'drawnAt'>;
const CREATE_DRAFT = 'plan.create';

/**
 * 双随机抽查 /inspections/plans — the head's page: the unit's yearly plans (seed published? drawn?) and 制定抽查计划
 * (published 双随机 items with a ratio or a count each, the subject pool's risk classes, the officer pool). The seed,
 * the draw, re-draws and result publication are on the plan's page.
 */
export default function PlansPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const organizationId = Number(params.get('org') ?? me.organizationId) || me.organizationId;
  // The head's unit and the units below it (a bureau's head plans for its brigade).
  const units = useRemote((signal) => api.get<OrganizationView[]>('/organizations', undefined, signal), []);
  const remote = useRemote((signal) => api.get<PlanListItem[]>(`/organizations/${organizationId}/inspection-plans`, undefined, signal), [organizationId]);
  const [creating, setCreating] = useState(() => readDraft(CREATE_DRAFT) !== undefined);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Select
        aria-label="抽查单位"
        style={{ width: '100%' }}
        value={organizationId}
        loading={units.loading}
        onChange={(v: number) => setParams({ org: String(v) })}
        options={(units.data ?? []).filter((o) => o.path.startsWith(me.organizationPath)).map((o) => ({ value: o.id, label: o.name }))}
      />
      {creating ? <CreateForm organizationId={organizationId} onClose={() => setCreating(false)} /> : (
        <Button type="primary" block onClick={() => setCreating(true)}>
          制定抽查计划
        </Button>
      )}
      <Card size="small" title="双随机抽查计划">
        <RemoteView remote={remote}>
          {(plans) => (
            <List
              dataSource={plans}
              locale={{ emptyText: '本单位尚无抽查计划' }}
              renderItem={(p) => (
                <List.Item style={{ display: 'block' }} data-testid="plan-card">
                  <Space wrap size={4}>
                    <Tag color={p.drawnAt ? 'green' : p.seedPublishedAt ? 'blue' : 'default'}>{p.drawnAt ? '已抽取' : p.seedPublishedAt ? '已公布种子' : '待公布种子'}</Tag>
                    <Link to={`/inspections/plans/${p.id}`} style={{ fontWeight: 500 }}>
                      {p.year} 年 · {p.name}
                    </Link>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </RemoteView>
      </Card>
    </Space>
  );
}

interface CreateValues {
  year?: number;
  name?: string;
  items?: { itemId?: number; by?: 'ratio' | 'count'; value?: number }[];
  riskClasses?: string[];
  officerIds?: number[];
  officersPerSubject?: number;
}

function CreateForm({ organizationId, onClose }: { organizationId: number; onClose: () => void }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [draft] = useState(() => readDraft<CreateValues>(CREATE_DRAFT));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const items = useRemote((signal) => api.get<InspectionItemView[]>(`/organizations/${organizationId}/inspection-items`, undefined, signal), [organizationId]);
  const officers = useRemote((signal) => api.get<UserView[]>('/users', undefined, signal), []);
  const today = dayjs().format('YYYY-MM-DD');
  const randomItems = (items.data ?? []).filter((i) => i.random && i.publishedOn && i.publishedOn <= today && (!i.withdrawnOn || i.withdrawnOn > today));
  const submit = async (v: CreateValues) => {
    setSending(true);
    setError(undefined);
    try {
      const body = {
        year: v.year,
        name: v.name,
        officerIds: v.officerIds ?? [],
        officersPerSubject: v.officersPerSubject ?? 2,
        items: (v.items ?? []).map((i) => ({
          itemId: i.itemId,
          rule: i.by === 'count' ? { count: i.value } : { ratioPercent: i.value },
          filter: { kinds: [], riskClasses: v.riskClasses ?? [], categories: [] },
        })),
      };
      const created = await api.post<PlanView>(`/organizations/${organizationId}/inspection-plans`, body);
      clearDraft(CREATE_DRAFT);
      void message.success('已制定抽查计划');
      void navigate(`/inspections/plans/${created.id}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Card size="small" title="制定年度双随机抽查计划" extra={<Button size="small" onClick={() => { clearDraft(CREATE_DRAFT); onClose(); }}>放弃</Button>}>
      {draft && <Alert type="info" showIcon title="已恢复未提交的草稿" style={{ marginBottom: 8 }} />}
      {error && <Alert type="error" showIcon title="未能制定（草稿已保存在本机）" description={error} style={{ marginBottom: 8 }} data-testid="plan-error" />}
      <Form<CreateValues>
        layout="vertical"
        initialValues={draft ?? { year: dayjs().year(), items: [{ by: 'ratio', value: 3 }], officerIds: [], officersPerSubject: 2 }}
        onValuesChange={(_, all) => writeDraft(CREATE_DRAFT, all)}
        onFinish={(v) => void submit(v)}
      >
        <Space wrap align="start">
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2020} max={2100} aria-label="年度" />
          </Form.Item>
          <Form.Item name="officersPerSubject" label="每户选派人数">
            <InputNumber min={2} max={5} aria-label="每户选派人数" />
          </Form.Item>
        </Space>
        <Form.Item name="name" label="计划名称" rules={[{ required: true, message: '请填写计划名称' }]}>
          <Input maxLength={100} aria-label="计划名称" />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, n) => (
                <Card key={f.key} size="small" style={{ marginBottom: 8 }} title={`抽查事项 ${n + 1}`} extra={fields.length > 1 && <Button size="small" onClick={() => remove(f.name)}>删除</Button>}>
                  <Form.Item name={[f.name, 'itemId']} label="检查事项（已公布的双随机事项）" rules={[{ required: true, message: '请选择检查事项' }]}>
                    <Select aria-label="抽查事项" options={randomItems.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))} loading={items.loading} />
                  </Form.Item>
                  <Space wrap align="start">
                    <Form.Item name={[f.name, 'by']} label="抽查方式">
                      <Select style={{ width: 120 }} options={[{ value: 'ratio', label: '按比例（%）' }, { value: 'count', label: '按数量' }]} aria-label="抽查方式" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'value']} label="比例或数量" rules={[{ required: true, message: '请填写' }]}>
                      <InputNumber min={0} aria-label="比例或数量" />
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              <Button block onClick={() => add({ by: 'ratio', value: 3 })} style={{ marginBottom: 12 }}>
                添加抽查事项
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="riskClasses" label="检查对象风险等级（不选为全部）">
          <Select mode="multiple" allowClear aria-label="风险等级" options={Object.entries(riskClasses).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="officerIds" label="执法人员名录（持证）" rules={[{ required: true, message: '请选择执法人员名录' }]}>
          <Select
            mode="multiple"
            aria-label="执法人员名录"
            optionFilterProp="label"
            options={(officers.data ?? []).filter((u) => u.certificateNo && (u.roles.includes('officer') || u.roles.includes('head'))).map((u) => ({ value: u.id, label: `${u.displayName}（${u.certificateNo}）` }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={sending}>
          制定计划
        </Button>
      </Form>
    </Card>
  );
}
