import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { workOrderChannels, workOrderKinds } from '../../../../domain/workorders/model.ts';
import { ApiError, api, errorMessage } from '../../../shared/api.ts';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import { useOrganizations, type WorkOrderView } from './common.tsx';

interface Category {
  kind: string;
  code: string;
  group: string;
  name: string;
}
interface Values {
  organizationId: number;
  channel: string;
  kind: string;
  category: string;
  address: string;
  anonymous: boolean;
  name?: string;
  phone?: string;
  content: string;
  receivedOn?: Dayjs;
  externalNumber?: string;
}

/** domain/workorders/catalog.ts's kinds (not imported: it parses the bundled CSV, a server module). */
const categoryKinds: Record<string, string> = { part: '管理部件', matter: '管理事项' };
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
/** Where a server field problem is shown in this form. */
const fieldOf: Record<string, keyof Values> = { 'category.code': 'category', 'category.kind': 'category', 'requester.name': 'name', 'requester.phone': 'phone' };

/**
 * 受理登记 /work-orders/new: channel, kind, category (the GB/T 47678.5 catalog, searchable), place, the requester or
 * anonymous, and what they ask (POST /api/work-orders; the server's schema checks it, and its Chinese refusal is
 * shown on the fields it names). A petition's acceptance is decided on the order page.
 */
export default function WorkOrderNewPage() {
  const me = useMe();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const anonymous = Form.useWatch('anonymous', form);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const organizations = useOrganizations();
  const categories = useRemote((signal) => api.get<Category[]>('/work-orders/categories', undefined, signal), []);
  const categoryOptions = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const c of categories.data ?? []) {
      const group = `${categoryKinds[c.kind] ?? c.kind} · ${c.group}`;
      if (!groups.has(group)) groups.set(group, []);
      groups.get(group)!.push({ value: `${c.kind}:${c.code}`, label: `${c.name}（${c.code}）` });
    }
    return [...groups].map(([label, opts]) => ({ label, title: label, options: opts }));
  }, [categories.data]);

  const submit = async (v: Values) => {
    setRefusal(undefined);
    const [kind, code] = (v.category ?? '').split(':');
    const body = {
      organizationId: v.organizationId,
      channel: v.channel,
      kind: v.kind,
      category: { kind, code },
      content: v.content,
      address: v.address,
      requester: v.anonymous ? null : { name: v.name ?? '', phone: v.phone ?? '' },
      ...(v.receivedOn ? { receivedOn: v.receivedOn.format('YYYY-MM-DD') } : {}),
      ...(v.externalNumber?.trim() ? { externalNumber: v.externalNumber.trim() } : {}),
    };
    setSending(true);
    try {
      const order = await api.post<WorkOrderView>('/work-orders', body);
      void message.success(`已登记工单 ${order.number}`);
      void navigate(`/work-orders/${order.id}`);
    } catch (e) {
      if (e instanceof ApiError) showProblems(e.fieldProblems());
      setRefusal(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  const showProblems = (problems: { field: string; message: string }[]) => {
    form.setFields(problems.map((p) => ({ name: fieldOf[p.field] ?? (p.field as keyof Values), errors: [p.message] })).filter((f) => f.name));
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 860 }}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/work-orders')} style={{ paddingInline: 0 }}>
        返回工单列表
      </Button>
      <Card title="受理登记工单" size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          size={isPhone ? 'large' : 'middle'}
          aria-label="受理登记工单"
          initialValues={{ organizationId: me.organizationId, channel: 'hotline', kind: 'complaint', anonymous: false }}
          onFinish={(v) => void submit(v)}
          scrollToFirstError
        >
          <Form.Item name="organizationId" label="受理单位" rules={[{ required: true, message: '请选择受理单位' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))} loading={organizations.loading} />
          </Form.Item>
          <Space wrap size={12} style={{ width: '100%' }}>
            <Form.Item name="channel" label="来源渠道" rules={[{ required: true, message: '请选择来源渠道' }]}>
              <Select style={{ width: 180 }} options={options(workOrderChannels)} />
            </Form.Item>
            <Form.Item name="kind" label="诉求类型" rules={[{ required: true, message: '请选择诉求类型' }]}>
              <Select style={{ width: 140 }} options={options(workOrderKinds)} />
            </Form.Item>
            <Form.Item name="receivedOn" label="受理日期（默认今天）">
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Space>
          <Form.Item name="category" label="类别（城市管理部件和事项）" rules={[{ required: true, message: '请选择类别' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="输入名称或编码搜索，如“占道经营”“路灯”"
              options={categoryOptions}
              loading={categories.loading}
              notFoundContent={categories.error ? errorMessage(categories.error) : undefined}
              data-testid="category-picker"
            />
          </Form.Item>
          <Form.Item name="address" label="地点" rules={[{ required: true, message: '请填写地点' }]}>
            <Input maxLength={200} placeholder="如：东湖区解放路15号门前" />
          </Form.Item>
          <Form.Item name="anonymous" label="匿名" valuePropName="checked">
            <Switch aria-label="匿名" />
          </Form.Item>
          {!anonymous && (
            <Space wrap size={12} style={{ width: '100%' }}>
              <Form.Item name="name" label="诉求人姓名" rules={[{ required: true, message: '请填写诉求人姓名' }]}>
                <Input maxLength={50} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="phone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }]}>
                <Input maxLength={20} style={{ width: 200 }} inputMode="tel" />
              </Form.Item>
            </Space>
          )}
          <Form.Item name="content" label="诉求内容" rules={[{ required: true, message: '请填写诉求内容' }]}>
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item name="externalNumber" label="外部工单号（如 12345 平台工单号，可不填）">
            <Input maxLength={64} style={{ width: isPhone ? '100%' : 320 }} />
          </Form.Item>
          {refusal && <Alert style={{ marginBottom: 16 }} type="error" showIcon title={refusal} data-testid="register-refusal" />}
          <Button type="primary" htmlType="submit" loading={sending} block={isPhone}>
            登记
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
