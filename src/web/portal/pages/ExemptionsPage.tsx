import { Card, Space, Tag, Typography } from 'antd';
import { api } from '../../shared/api.ts';
import type { PublicExemptions } from '../../../domain/discretion/views.ts';
import { ExemptionItems } from '../../shared/BenchmarkViews.tsx';
import { RemoteView } from '../../shared/RemoteView.tsx';
import { useRemote } from '../../shared/use-remote.ts';

/**
 * 免罚清单: 首违不罚 (《行政处罚法》第三十三条第一款: 初次违法且危害后果轻微并及时改正的，可以不予行政处罚) and
 * 轻微免罚 (违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚) lists, as published.
 */
export default function ExemptionsPage() {
  const remote = useRemote((signal) => api.get<PublicExemptions>('/public/exemptions', undefined, signal), []);
  return (
    <Card title="免罚清单">
      <Typography.Paragraph type="secondary">
        依据《中华人民共和国行政处罚法》第三十三条第一款，违法行为轻微并及时改正、没有造成危害后果的，不予行政处罚；初次违法且危害后果轻微并及时改正的，可以不予行政处罚。下列事项符合条件的，依法不予处罚，并对当事人进行教育。
      </Typography.Paragraph>
      <RemoteView remote={remote}>
        {(data) =>
          data.lists.length === 0 ? (
            <Typography.Text type="secondary">暂无公布的免罚清单</Typography.Text>
          ) : (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              {data.lists.map((list) => (
                <Card
                  key={list.id}
                  size="small"
                  type="inner"
                  title={
                    <Space wrap size={4}>
                      <span style={{ whiteSpace: 'normal' }}>{list.name}</span>
                      {list.inForce && <Tag color="success">现行</Tag>}
                    </Space>
                  }
                >
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                    {list.organizationName ?? '全局'} · {list.effectiveFrom} 起施行 · {list.publishedOn} 公布 · {list.items.length} 项
                  </Typography.Paragraph>
                  <ExemptionItems items={list.items} />
                </Card>
              ))}
            </Space>
          )
        }
      </RemoteView>
    </Card>
  );
}
