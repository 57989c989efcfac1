import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { inspectionMethods, subjectKinds } from '../../../../domain/inspections/model.ts';
import { inspectionPolicy } from '../../../../domain/inspections/policy.ts';
import { may } from '../../../../domain/policy.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import type { InspectionItemView } from './common.tsx';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

function status(i: InspectionItemView, today: string) {
  if (i.withdrawnOn && i.withdrawnOn <= today) return <Tag>已撤销</Tag>;
  if (!i.publishedOn) return <Tag color="default">草稿</Tag>;
  if (i.publishedOn > today) return <Tag color="blue">{i.publishedOn} 起公布</Tag>;
  return <Tag color="green">已公布</Tag>;
}

/**
 * 检查事项清单 /inspections/items: the items the unit may inspect on (its own and those above it). Heads and admins add
 * an item (a draft) and publish it from today: only a published item may be inspected (国办发〔2024〕54号), and the
 * portal shows the published list.
 */
export default function InspectionItemsPage() {
  const me = useMe();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const remote = useRemote((signal) => api.get<InspectionItemView[]>(`/organizations/${me.organizationId}/inspection-items`, undefined, signal), [me.organizationId]);
  const today = dayjs().format('YYYY-MM-DD');
  const editor = may(me, inspectionPolicy.manageItems);
  const publish = async (i: InspectionItemView) => {
    try {
      await api.post(`/inspection-items/${i.id}/publish`, { publishedOn: today });
      void message.success(`已公布“${i.name}”`);
      remote.reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {editor && <NewItem organizationId={me.organizationId} added={remote.reload} />}
      <Card size="small" title="检查事项清单">
        <RemoteView remote={remote}>
          {(items) => (
            <Table<InspectionItemView>
              rowKey="id"
              size="small"
              dataSource={items}
              pagination={false}
              scroll={isPhone ? { x: 640 } : undefined}
              locale={{ emptyText: '尚无检查事项' }}
              columns={[
                { title: '编码', dataIndex: 'code', width: 90 },
                { title: '事项', dataIndex: 'name' },
                { title: '依据', dataIndex: 'basis', ellipsis: true },
                { title: '方式', key: 'method', render: (_, i) => i.method.label },
                { title: '年度频次上限', key: 'cap', render: (_, i) => (i.yearlyCap === null ? '不限' : `${i.yearlyCap} 次`) },
                { title: '双随机', key: 'random', render: (_, i) => (i.random ? '是' : '否') },
                { title: '状态', key: 'status', render: (_, i) => status(i, today) },
                ...(editor
                  ? [{ title: '操作', key: 'op', render: (_: unknown, i: InspectionItemView) => (!i.publishedOn && i.organizationId === me.organizationId ? <Button size="small" onClick={() => void publish(i)}>公布</Button> : null) }]
                  : []),
              ]}
            />
          )}
        </RemoteView>
      </Card>
    </Space>
  );
}

function NewItem({ organizationId, added }: { organizationId: number; added: () => void }) {
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  if (!open) return <Button onClick={() => setOpen(true)}>新增检查事项</Button>;
  const submit = async (v: Record<string, unknown>) => {
    setError(undefined);
    try {
      await api.post(`/organizations/${organizationId}/inspection-items`, { ...v, yearlyCap: v.yearlyCap ?? null, random: Boolean(v.random) });
      form.resetFields();
      setOpen(false);
      added();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card size="small" title="新增检查事项（保存为草稿，公布后方可检查）">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical" initialValues={{ method: 'onSite', subjectKinds: ['enterprise', 'individual'], random: true }} onFinish={(v) => void submit(v)}>
        <Form.Item name="code" label="事项编码" rules={[{ required: true, message: '请填写事项编码' }]}>
          <Input maxLength={30} aria-label="事项编码" />
        </Form.Item>
        <Form.Item name="name" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}>
          <Input maxLength={100} aria-label="事项名称" />
        </Form.Item>
        <Form.Item name="basis" label="检查依据（法律法规及条款）" rules={[{ required: true, message: '请填写检查依据' }]}>
          <Input.TextArea rows={2} aria-label="检查依据" />
        </Form.Item>
        <Form.Item name="subjectKinds" label="检查对象类型" rules={[{ required: true, message: '请选择检查对象类型' }]}>
          <Select mode="multiple" options={options(subjectKinds)} aria-label="检查对象类型" />
        </Form.Item>
        <Form.Item name="method" label="检查方式">
          <Select options={options(inspectionMethods)} aria-label="检查方式" />
        </Form.Item>
        <Form.Item name="yearlyCap" label="每个对象每年检查次数上限（不填为不限）">
          <InputNumber min={1} max={365} style={{ width: '100%' }} aria-label="年度频次上限" />
        </Form.Item>
        <Form.Item name="random" label="纳入双随机抽查" valuePropName="checked">
          <Switch aria-label="纳入双随机抽查" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            保存草稿
          </Button>
          <Button onClick={() => setOpen(false)}>取消</Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          依据国办发〔2024〕54号，未公布的事项不得实施检查。
        </Typography.Paragraph>
      </Form>
    </Card>
  );
}
