import { AuditOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Pagination, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { formatYuan } from '../../../../domain/cases/model.ts';
import { api } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import { useRemote } from '../../../shared/use-remote.ts';
import { DeadlineTags } from '../cases/DeadlineTags.tsx';
import { StateTag } from '../cases/format.tsx';
import type { ReviewQueueItem, ReviewQueuePage, ReviewQueueStatus } from './types.ts';
import { ExportButton } from '../../ExportButton.tsx';

/** Cases per page of the queue (the server's maximum is 100). */
const PAGE_SIZE = 20;

const statusColors: Record<ReviewQueueStatus, string> = { pending: 'blue', returned: 'red', afterHearing: 'purple' };

function proposalText(item: ReviewQueueItem): string {
  const p = item.proposal;
  if (!p) return '—';
  return p.fineFen ? `罚款 ${formatYuan(p.fineFen)}` : p.kindLabel;
}

function StatusTags({ item }: { item: ReviewQueueItem }) {
  return (
    <Space wrap size={[4, 4]}>
      <Tag color={statusColors[item.status]}>{item.statusLabel}</Tag>
      {item.hearingPending && <Tag color="purple">听证尚未举行</Tag>}
    </Space>
  );
}

function Reasons({ reasons }: { reasons: string[] }) {
  return (
    <Space wrap size={[4, 4]}>
      {reasons.map((r) => (
        <Tag key={r}>{r}</Tag>
      ))}
    </Space>
  );
}

const open = (item: ReviewQueueItem) => (
  <Link to={`/review/${item.id}`} aria-label={`审核：${item.title}`}>
    <Button type="primary" size="small" icon={<AuditOutlined />}>
      审核
    </Button>
  </Link>
);

const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

function QueueTable({ items }: { items: ReviewQueueItem[] }) {
  return (
    <Table<ReviewQueueItem>
      rowKey="id"
      tableLayout="auto"
      dataSource={items}
      pagination={false}
      size="middle"
      columns={[
        {
          title: '案件',
          key: 'case',
          render: (_, item) => (
            <Space orientation="vertical" size={0}>
              <Link to={`/review/${item.id}`}>{item.title}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.actCode} · {item.organizationName}
              </Typography.Text>
            </Space>
          ),
        },
        { title: '当事人', key: 'party', onHeaderCell: nowrap, render: (_, item) => item.party.name },
        { title: '阶段', key: 'state', onHeaderCell: nowrap, render: (_, item) => <StateTag state={item.state} label={item.stateLabel} /> },
        { title: '拟处理意见', key: 'proposal', onHeaderCell: nowrap, render: (_, item) => proposalText(item) },
        { title: '审核事由', key: 'reasons', onHeaderCell: nowrap, render: (_, item) => <Reasons reasons={item.reasons} /> },
        { title: '审核状态', key: 'status', onHeaderCell: nowrap, render: (_, item) => <StatusTags item={item} /> },
        { title: '期限', key: 'deadlines', onHeaderCell: nowrap, render: (_, item) => <DeadlineTags deadlines={item.deadlines} /> },
        { title: '操作', key: 'open', onHeaderCell: nowrap, render: (_, item) => open(item) },
      ]}
    />
  );
}

function QueueList({ items }: { items: ReviewQueueItem[] }) {
  return (
    <List
      dataSource={items}
      renderItem={(item) => (
        <List.Item key={item.id} style={{ display: 'block' }}>
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Link to={`/review/${item.id}`}>
              <Typography.Text strong>{item.title}</Typography.Text>
            </Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.party.name} · {item.organizationName}
            </Typography.Text>
            <Space wrap size={[4, 4]}>
              <StateTag state={item.state} label={item.stateLabel} />
              <StatusTags item={item} />
            </Space>
            <Typography.Text>{proposalText(item)}</Typography.Text>
            <Reasons reasons={item.reasons} />
            <DeadlineTags deadlines={item.deadlines} />
            {open(item)}
          </Space>
        </List.Item>
      )}
    />
  );
}

/**
 * 待审核案件: cases of the reviewer's units whose decision needs legal review and has no passed review to rest on
 * (《行政处罚法》第五十八条), the most urgent deadline first.
 */
export function ReviewQueue() {
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const remote = useRemote((signal) => api.get<ReviewQueuePage>('/legal-reviews/queue', { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal), [page]);
  return (
    <Card title="待法制审核案件" data-testid="review-queue" extra={<ExportButton path="/legal-reviews/queue/export" label={isPhone ? '导出' : '导出 Excel'} />}>
      <Typography.Paragraph type="secondary">
        作出处罚决定前须经法制审核的案件（《行政处罚法》第五十八条及本地法制审核目录），按最近的办案期限排列。审核须逐项核查主体、权限、事实、证据、程序、法律适用、裁量、文书。
      </Typography.Paragraph>
      <RemoteView remote={remote}>
        {({ items, total }) =>
          total === 0 ? (
            <Empty description="当前没有待审核的案件" />
          ) : (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {isPhone ? <QueueList items={items} /> : <QueueTable items={items} />}
              {total > PAGE_SIZE && (
                <Pagination
                  simple
                  style={{ textAlign: 'center' }}
                  current={page}
                  pageSize={PAGE_SIZE}
                  total={total}
                  showTotal={(n) => `共 ${n} 件`}
                  onChange={(p) => setParams((prev) => (prev.set('page', String(p)), prev))}
                  data-testid="review-queue-pages"
                />
              )}
            </Space>
          )
        }
      </RemoteView>
    </Card>
  );
}
