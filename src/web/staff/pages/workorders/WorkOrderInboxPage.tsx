import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, List, Pagination, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { workOrderChannels, workOrderKinds, workOrderStates } from '../../../../domain/workorders/model.ts';
import type { WorkOrderCategory } from '../../../../domain/workorders/views.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import { useRemote } from '../../../shared/use-remote.ts';
import { useOrganizations, type WorkOrderList, type WorkOrderSummary, WorkOrderStateTag } from './common.tsx';

const PAGE_SIZE = 20;
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/**
 * 工单办理 /work-orders: the orders of the user's unit and below (GET /api/work-orders), overdue first, then by due
 * date; filtered by state, channel, kind, category, unit and overdue as the URL says (links from the board keep them); dispatched
 * orders are signed for (签收) in a batch — one step per order with the version shown. A table on desktops, cards on
 * phones for handlers in the field.
 */
export default function WorkOrderInboxPage() {
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const filter = {
    state: params.get('state') ?? undefined,
    channel: params.get('channel') ?? undefined,
    kind: params.get('kind') ?? undefined,
    category: params.get('category') ?? undefined,
    unitId: params.get('unitId') ?? undefined,
    overdue: params.get('overdue') ?? undefined,
  };
  const query = { ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const remote = useRemote((signal) => api.get<WorkOrderList>('/work-orders', query, signal), [JSON.stringify(query)]);
  const organizations = useOrganizations();
  const categories = useRemote((signal) => api.get<WorkOrderCategory[]>('/work-orders/categories', undefined, signal), []);
  // The board's category keys (`matter:09006`), so its links and this filter agree.
  const categoryOptions = useMemo(() => (categories.data ?? []).map((c) => ({ value: `${c.kind}:${c.code}`, label: `${c.name}（${c.code}）` })), [categories.data]);
  const [selected, setSelected] = useState<number[]>([]);
  const [signing, setSigning] = useState(false);
  const [failures, setFailures] = useState<string[]>([]);

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
    next.delete('page');
    setParams(next);
    setSelected([]);
  };
  const goTo = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    setParams(next);
    setSelected([]);
  };

  /** 批量签收: one transition per order, each with its own version; what failed is listed with the server's reason. */
  const signSelected = async (rows: readonly WorkOrderSummary[]) => {
    const chosen = rows.filter((r) => selected.includes(r.id) && r.state.key === 'dispatched');
    setSigning(true);
    setFailures([]);
    const failed: string[] = [];
    for (const row of chosen) {
      try {
        await api.post(`/work-orders/${row.id}/transitions`, { action: 'accept', expectedVersion: row.version });
      } catch (e) {
        failed.push(`${row.number}：${errorMessage(e)}`);
      }
    }
    setSigning(false);
    setSelected([]);
    setFailures(failed);
    const done = chosen.length - failed.length;
    if (done > 0) void message.success(`已签收 ${done} 件工单`);
    remote.reload();
  };

  const filters = (
    <Space wrap size={8} data-testid="work-order-filters">
      <Select aria-label="状态" placeholder="状态" allowClear style={{ width: 120 }} value={filter.state} options={options(workOrderStates)} onChange={(v?: string) => set('state', v)} />
      <Select aria-label="来源渠道" placeholder="来源渠道" allowClear style={{ width: 150 }} value={filter.channel} options={options(workOrderChannels)} onChange={(v?: string) => set('channel', v)} />
      <Select aria-label="诉求类型" placeholder="诉求类型" allowClear style={{ width: 110 }} value={filter.kind} options={options(workOrderKinds)} onChange={(v?: string) => set('kind', v)} />
      <Select
        aria-label="类别"
        placeholder="类别（名称或编码）"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: isPhone ? '100%' : 220 }}
        value={filter.category}
        options={categoryOptions}
        loading={categories.loading}
        onChange={(v?: string) => set('category', v)}
      />
      <Select
        aria-label="承办单位"
        placeholder="承办单位"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: isPhone ? '100%' : 260 }}
        value={filter.unitId}
        options={(organizations.data ?? []).map((o) => ({ value: String(o.id), label: o.name }))}
        onChange={(v?: string) => set('unitId', v)}
      />
      <Space size={4}>
        <Switch aria-label="只看超期" checked={filter.overdue === 'true'} onChange={(on) => set('overdue', on ? 'true' : undefined)} />
        <Typography.Text>只看超期</Typography.Text>
      </Space>
    </Space>
  );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">{filters}</Card>
      <Card
        size="small"
        title="工单办理"
        extra={
          <Space size={8}>
            {remote.data && <Typography.Text data-testid="work-order-total">共 {remote.data.total} 件</Typography.Text>}
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/work-orders/new')}>
              {isPhone ? '登记' : '受理登记'}
            </Button>
          </Space>
        }
      >
        <RemoteView remote={remote} rows={6}>
          {(list) => (
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              {list.items.some((r) => r.state.key === 'dispatched') && (
                <Space wrap>
                  <Button disabled={selected.length === 0} loading={signing} onClick={() => void signSelected(list.items)} data-testid="batch-sign" block={isPhone}>
                    批量签收{selected.length > 0 ? `（${selected.length}）` : ''}
                  </Button>
                  <Typography.Text type="secondary">勾选待签收的工单后签收</Typography.Text>
                </Space>
              )}
              {failures.length > 0 && <Alert type="error" showIcon title={`${failures.length} 件未能签收`} description={failures.join('；')} data-testid="batch-sign-failures" />}
              {isPhone ? (
                <>
                  <List
                    dataSource={list.items}
                    locale={{ emptyText: '没有符合条件的工单' }}
                    renderItem={(o) => (
                      <OrderCard
                        o={o}
                        checked={selected.includes(o.id)}
                        onCheck={(on) => setSelected((s) => (on ? [...s, o.id] : s.filter((x) => x !== o.id)))}
                      />
                    )}
                  />
                  {list.total > PAGE_SIZE && <Pagination simple style={{ textAlign: 'center' }} current={page} pageSize={PAGE_SIZE} total={list.total} onChange={goTo} />}
                </>
              ) : (
                <Table<WorkOrderSummary>
                  rowKey="id"
                  size="small"
                  loading={remote.loading}
                  dataSource={list.items}
                  locale={{ emptyText: '没有符合条件的工单' }}
                  rowSelection={{
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys.map(Number)),
                    getCheckboxProps: (r) => ({ disabled: r.state.key !== 'dispatched', 'aria-label': `选择 ${r.number}` }),
                  }}
                  pagination={{ current: page, pageSize: PAGE_SIZE, total: list.total, showSizeChanger: false, onChange: goTo, showTotal: (n) => `共 ${n} 件` }}
                  columns={columns}
                />
              )}
            </Space>
          )}
        </RemoteView>
      </Card>
    </Space>
  );
}

function DueTag({ o }: { o: WorkOrderSummary }) {
  if (!o.dueOn) return <Typography.Text type="secondary">—</Typography.Text>;
  return o.overdue ? <Tag color="red">{o.dueOn} 已超期</Tag> : <span>{o.dueOn}</span>;
}

const columns = [
  {
    title: '工单编号',
    key: 'number',
    render: (_: unknown, o: WorkOrderSummary) => (
      <Link to={`/work-orders/${o.id}`} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
        {o.number}
      </Link>
    ),
  },
  { title: '状态', key: 'state', render: (_: unknown, o: WorkOrderSummary) => <WorkOrderStateTag state={o.state} /> },
  { title: '渠道 / 类型', key: 'channel', render: (_: unknown, o: WorkOrderSummary) => `${o.channel.label} · ${o.kind.label}` },
  { title: '类别', dataIndex: 'categoryName' },
  { title: '地点', dataIndex: 'address', ellipsis: true },
  { title: '承办单位', dataIndex: 'unitName', render: (v: string | null) => v ?? <Typography.Text type="secondary">未派单</Typography.Text> },
  { title: '受理日期', dataIndex: 'receivedOn' },
  { title: '办结期限', key: 'due', render: (_: unknown, o: WorkOrderSummary) => <DueTag o={o} /> },
];

function OrderCard({ o, checked, onCheck }: { o: WorkOrderSummary; checked: boolean; onCheck: (on: boolean) => void }) {
  return (
    <List.Item style={{ display: 'block' }} data-testid="work-order-card">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={4}>
          {o.state.key === 'dispatched' && <Checkbox checked={checked} onChange={(e) => onCheck(e.target.checked)} aria-label={`选择 ${o.number}`} />}
          <WorkOrderStateTag state={o.state} />
          <Link to={`/work-orders/${o.id}`} style={{ fontWeight: 500 }}>
            {o.categoryName}
          </Link>
          {o.overdue && <Tag color="red">已超期</Tag>}
        </Space>
        <Typography.Text>{o.address}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
          {o.number}
        </Typography.Text>
        <Typography.Text type="secondary">
          {o.channel.label} · {o.kind.label} · {o.unitName ?? '未派单'}
          {o.dueOn ? ` · ${o.dueOn} 前办结` : ''}
        </Typography.Text>
      </Space>
    </List.Item>
  );
}
