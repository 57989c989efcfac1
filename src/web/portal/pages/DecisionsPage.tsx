import { Card, Input, List, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../shared/api.ts';
import { RemoteView } from '../../shared/RemoteView.tsx';
import type { PublicDecision, PublicDecisionPage } from '../../../domain/cases/views.ts';
import { useRemote } from '../../shared/use-remote.ts';

const PAGE_SIZE = 10;

export const statusColor = (status: string) => (status === 'inForce' ? 'green' : status === 'revoked' || status === 'withdrawn' ? 'red' : 'default');

/**
 * 处罚决定公示 (《行政处罚法》第四十八条; 国办发〔2018〕118号: within 7 working days of the decision). The server
 * publishes masked content only; the party's legal representative is not shown here, because the portal never
 * shows a natural person's full name.
 */
export default function DecisionsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const remote = useRemote((signal) => api.get<PublicDecisionPage>('/public/decisions', { q, page, pageSize: PAGE_SIZE }, signal), [q, page]);

  const go = (next: { q?: string; page?: number }) => {
    const p = new URLSearchParams(params);
    if (next.q !== undefined) {
      if (next.q) p.set('q', next.q);
      else p.delete('q');
      p.delete('page');
    }
    if (next.page !== undefined) {
      if (next.page > 1) p.set('page', String(next.page));
      else p.delete('page');
    }
    setParams(p);
  };

  return (
    <Card title="行政处罚决定公示">
      <Typography.Paragraph type="secondary">
        具有一定社会影响的行政处罚决定依法公开（《行政处罚法》第四十八条）。自然人仅显示姓氏，不公开身份证件号码、联系电话和详细住址；决定被依法变更、撤销、确认违法或者确认无效的，公示信息在三日内撤回。
      </Typography.Paragraph>
      <Input.Search
        key={q}
        defaultValue={q}
        allowClear
        enterButton="检索"
        placeholder="决定书文号、当事人、违法行为等关键词"
        onSearch={(value) => go({ q: value.trim() })}
        style={{ maxWidth: 480, marginBottom: 12 }}
        aria-label="公示检索关键词"
        maxLength={50}
      />
      <RemoteView remote={remote}>
        {(data) => (
          <List<PublicDecision>
            loading={remote.loading}
            dataSource={data.items}
            locale={{ emptyText: q ? `没有与“${q}”相关的公示` : '暂无公示的行政处罚决定' }}
            pagination={
              data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data.total, onChange: (p) => go({ page: p }), showSizeChanger: false, size: 'small' } : false
            }
            header={<Typography.Text type="secondary">共 {data.total} 条</Typography.Text>}
            renderItem={(d) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space wrap size={4}>
                      <Link to={`/decisions/${d.id}`}>{d.title}</Link>
                      <Tag color={statusColor(d.status)}>{d.statusLabel}</Tag>
                    </Space>
                  }
                  description={
                    <>
                      <div>
                        {d.decisionNumber ?? '（无文号）'} · {d.organizationName} · {d.decidedOn}
                      </div>
                      <div>当事人：{d.party.name}</div>
                      {d.penalty && <div>处罚内容：{d.penalty}</div>}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </RemoteView>
    </Card>
  );
}
