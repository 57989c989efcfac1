/**
 * 工单接口密钥: the API keys of the systems that send work orders in through the Open311 interface (a 12345 platform,
 * a phone app). The admin creates a key for a system — its name, channel and receiving organization — sees it once,
 * and revokes it when the system no longer sends (docs/WORK-ORDERS.md "Open interface").
 */
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { OrganizationView } from '../../../../domain/admin/views.ts';
import { type WorkOrderChannel, workOrderChannelKeys, workOrderChannels } from '../../../../domain/workorders/model.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';

/** What /api/work-orders/intake-keys answers (services/workorders/intake-keys.ts). */
interface IntakeKey {
  id: number;
  system: string;
  channel: { key: string; label: string };
  organization: { id: number; name: string };
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

interface Values {
  system: string;
  channel: WorkOrderChannel;
  organizationId: number;
}

const at = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export default function IntakeKeysPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<{ system: string; secret: string } | null>(null);
  const keys = useRemote((signal) => api.get<IntakeKey[]>('/work-orders/intake-keys', undefined, signal), []);
  const organizations = useRemote((signal) => api.get<OrganizationView[]>('/organizations', undefined, signal), []);

  const create = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<{ key: IntakeKey; secret: string }>('/work-orders/intake-keys', values);
      setShown({ system: created.key.system, secret: created.secret });
      form.resetFields();
      keys.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (key: IntakeKey) => {
    try {
      await api.post(`/work-orders/intake-keys/${key.id}/revoke`);
      void message.success(`已吊销 ${key.system} 的接口密钥`);
      keys.reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Card title="工单接口密钥" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">
          12345 热线平台、手机应用等系统通过 Open311 接口（/open311/v2/）报送工单时须携带接口密钥。密钥只在创建时显示一次，系统只保存其摘要；不再使用的密钥请及时吊销。
        </Typography.Paragraph>
        <Form form={form} layout="inline" onFinish={(v) => void create(v)} initialValues={{ channel: 'hotline', organizationId: me.organizationId }} style={{ rowGap: 8 }}>
          <Form.Item name="system" label="接入系统名称" rules={[{ required: true, whitespace: true, message: '请填写接入系统名称' }]}>
            <Input placeholder="如 云城市12345政务服务便民热线" maxLength={60} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="channel" label="来源渠道" rules={[{ required: true, message: '请选择来源渠道' }]}>
            <Select style={{ width: 160 }} options={workOrderChannelKeys.map((k) => ({ value: k, label: workOrderChannels[k] }))} />
          </Form.Item>
          <Form.Item name="organizationId" label="受理单位" rules={[{ required: true, message: '请选择受理单位' }]}>
            <Select style={{ width: 220 }} loading={organizations.loading} options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              创建密钥
            </Button>
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      </Card>
      <Card title="已创建的密钥">
        {keys.error !== undefined && <Alert type="error" showIcon title={errorMessage(keys.error)} />}
        <Table<IntakeKey>
          rowKey="id"
          size="small"
          loading={keys.loading}
          dataSource={keys.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '接入系统', dataIndex: 'system' },
            { title: '来源渠道', render: (_, k) => k.channel.label },
            { title: '受理单位', render: (_, k) => k.organization.name },
            { title: '密钥开头', render: (_, k) => <Typography.Text code>{k.prefix}…</Typography.Text> },
            { title: '创建时间', render: (_, k) => at(k.createdAt) },
            { title: '状态', render: (_, k) => (k.revokedAt ? <Tag>已吊销 {at(k.revokedAt)}</Tag> : <Tag color="green">有效</Tag>) },
            {
              title: '操作',
              render: (_, k) =>
                k.revokedAt ? null : (
                  <Popconfirm title={`吊销 ${k.system} 的接口密钥？`} description="吊销后该系统以此密钥报送的工单一律被拒绝。" okText="吊销" cancelText="取消" onConfirm={() => revoke(k)}>
                    <Button size="small" danger>
                      吊销
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      {/* Destroyed when closed: the key leaves the page once the admin has taken it. */}
      <Modal open={shown !== null} title="接口密钥已创建" onOk={() => setShown(null)} onCancel={() => setShown(null)} cancelButtonProps={{ style: { display: 'none' } }} okText="我已保存" destroyOnHidden>
        <Typography.Paragraph>请将以下密钥交给 {shown?.system}，它只显示这一次：</Typography.Paragraph>
        <Typography.Paragraph copyable code data-testid="intake-key-secret">
          {shown?.secret}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
