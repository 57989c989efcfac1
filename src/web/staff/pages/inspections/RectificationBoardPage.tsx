import { Card, List, Pagination, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import type { InspectionList } from './common.tsx';

const PAGE_SIZE = 20;

/**
 * 整改看板 /inspections/board: the inspections of the user's unit and below whose rectification (责令整改) is awaited,
 * soonest due first; an order past its due date is marked 已逾期 (it waits for the 复查).
 */
export default function RectificationBoardPage() {
  const me = useMe();
  const [page, setPage] = useState(1);
  const remote = useRemote(
    (signal) => api.get<InspectionList>(`/organizations/${me.organizationId}/inspections`, { state: 'rectifying', limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    [me.organizationId, page],
  );
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <Card size="small" title="整改看板" extra={remote.data && <Typography.Text>整改中 {remote.data.total} 件</Typography.Text>}>
      <RemoteView remote={remote}>
        {(list) => (
          <>
            <List
              dataSource={list.items}
              locale={{ emptyText: '没有整改中的检查' }}
              renderItem={(i) => (
                <List.Item style={{ display: 'block' }} data-testid="rectification-card">
                  <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                    <Space wrap size={4}>
                      {i.rectifyDueOn && i.rectifyDueOn < today ? <Tag color="red">已逾期 {i.rectifyDueOn}</Tag> : <Tag color="orange">{i.rectifyDueOn} 前整改</Tag>}
                      <Link to={`/inspections/${i.id}`} style={{ fontWeight: 500 }}>
                        {i.subject.name}
                      </Link>
                    </Space>
                    <Typography.Text>{i.record.findings?.text}</Typography.Text>
                    <Typography.Text type="secondary">
                      {i.item.name} · {i.organization.name} · {i.officers.map((o) => o.name).join('、')}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
            {list.total > PAGE_SIZE && <Pagination simple style={{ textAlign: 'center' }} current={page} pageSize={PAGE_SIZE} total={list.total} onChange={setPage} />}
          </>
        )}
      </RemoteView>
    </Card>
  );
}
