import { Alert, App, Button, Card, DatePicker, Form, Input, List, Pagination, Select, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { UserView } from '../../../../domain/admin/views.ts';
import { inspectionPolicy } from '../../../../domain/inspections/policy.ts';
import { may } from '../../../../domain/policy.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import { clearDraft, type PatrolListItem, PatrolStateTag, type PatrolView, readDraft, writeDraft } from './common.tsx';

const CREATE_DRAFT = 'patrol.create';
const PAGE_SIZE = 20;

/**
 * 巡查任务 /inspections/patrols — the officer's page on the phone: the patrols they are on (or all of the unit), and
 * 下达巡查任务 (area, route, day, at least two officers). The form is a draft in the browser until the server has it;
 * the steps (开始、记录问题、结束) are on the patrol's page.
 */
export default function PatrolsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const mine = params.get('all') !== 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  // A page of the patrols the user may see (their unit and those below; or only their own), by day, newest first.
  const remote = useRemote(
    (signal) => api.get<{ items: PatrolListItem[]; total: number }>('/patrols', { mine, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    [mine, page],
  );
  const [creating, setCreating] = useState(() => readDraft(CREATE_DRAFT) !== undefined);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {may(me, inspectionPolicy.workOnPatrols) && (creating ? <CreateForm onClose={() => setCreating(false)} /> : (
        <Button type="primary" block onClick={() => setCreating(true)}>
          下达巡查任务
        </Button>
      ))}
      <Card size="small" title="巡查任务" extra={remote.data && <Typography.Text data-testid="patrol-total">共 {remote.data.total} 项</Typography.Text>}>
        <Space size={4} style={{ marginBottom: 8 }}>
          <Switch aria-label="只看本人参与的巡查" checked={mine} onChange={(on) => setParams(on ? {} : { all: 'true' })} />
          <Typography.Text>只看本人参与的</Typography.Text>
        </Space>
        <RemoteView remote={remote}>
          {(list) => (
            <>
              <List
                dataSource={list.items}
                locale={{ emptyText: '没有巡查任务' }}
                renderItem={(p) => (
                  <List.Item style={{ display: 'block' }} data-testid="patrol-card">
                    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                      <Space wrap size={4}>
                        <PatrolStateTag state={p.state} />
                        <Link to={`/inspections/patrols/${p.id}`} style={{ fontWeight: 500 }}>
                          {p.area}
                        </Link>
                      </Space>
                      <Typography.Text type="secondary">
                        {p.plannedOn} · {p.officers.map((o) => o.name).join('、')} · 发现问题 {p.problemCount} 个
                      </Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
              {list.total > PAGE_SIZE && (
                <Pagination simple style={{ textAlign: 'center' }} current={page} pageSize={PAGE_SIZE} total={list.total} onChange={(p) => setParams((prev) => (prev.set('page', String(p)), prev))} />
              )}
            </>
          )}
        </RemoteView>
      </Card>
    </Space>
  );
}

interface CreateValues {
  area?: string;
  route?: string;
  plannedOn?: string;
  officerIds?: number[];
}

function CreateForm({ onClose }: { onClose: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const [draft] = useState(() => readDraft<CreateValues>(CREATE_DRAFT));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const officers = useRemote((signal) => api.get<UserView[]>('/users', undefined, signal), []);
  const submit = async (v: CreateValues) => {
    setSending(true);
    setError(undefined);
    try {
      const created = await api.post<PatrolView>('/patrols', { ...v, organizationId: me.organizationId });
      clearDraft(CREATE_DRAFT);
      void message.success('已下达巡查任务');
      void navigate(`/inspections/patrols/${created.id}`);
    } catch (e) {
      // The draft stays in the browser: nothing typed is lost when the connection fails.
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Card size="small" title="下达巡查任务" extra={<Button size="small" onClick={() => { clearDraft(CREATE_DRAFT); onClose(); }}>放弃</Button>}>
      {draft && <Alert type="info" showIcon title="已恢复未提交的草稿" style={{ marginBottom: 8 }} />}
      {error && <Alert type="error" showIcon title="未能下达（草稿已保存在本机）" description={error} style={{ marginBottom: 8 }} data-testid="patrol-create-error" />}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={draft ?? { plannedOn: dayjs().format('YYYY-MM-DD'), officerIds: [me.userId] }}
        onValuesChange={(_, all) => writeDraft(CREATE_DRAFT, all)}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="area" label="巡查区域" rules={[{ required: true, message: '请填写巡查区域' }]}>
          <Input maxLength={100} aria-label="巡查区域" placeholder="如：湖滨路沿线" />
        </Form.Item>
        <Form.Item name="route" label="巡查路线" rules={[{ required: true, message: '请填写巡查路线' }]}>
          <Input.TextArea rows={2} maxLength={500} aria-label="巡查路线" />
        </Form.Item>
        <Form.Item name="plannedOn" label="巡查日期" rules={[{ required: true, message: '请选择巡查日期' }]} getValueProps={(v?: string) => ({ value: v ? dayjs(v) : undefined })} normalize={(d?: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}>
          <DatePicker style={{ width: '100%' }} aria-label="巡查日期" />
        </Form.Item>
        <Form.Item name="officerIds" label="巡查人员（至少两名执法人员）" rules={[{ required: true, message: '请选择巡查人员' }]}>
          <Select
            mode="multiple"
            placeholder="巡查人员"
            aria-label="巡查人员"
            optionFilterProp="label"
            options={(officers.data ?? []).filter((u) => u.roles.includes('officer') || u.roles.includes('head')).map((u) => ({ value: u.id, label: u.displayName }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={sending}>
          下达任务
        </Button>
      </Form>
    </Card>
  );
}
