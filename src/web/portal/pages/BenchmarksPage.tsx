import { Card, Collapse, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../shared/api.ts';
import type { PublicBenchmarks } from '../../../domain/discretion/views.ts';
import { RemoteView } from '../../shared/RemoteView.tsx';
import { useRemote } from '../../shared/use-remote.ts';

/**
 * 行政处罚裁量基准 (《行政处罚法》第三十四条: 裁量基准应当向社会公布): every published version with its violations;
 * search by violation, 罚则 or number and filter by category, both kept in the address.
 */
export default function BenchmarksPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? undefined;
  const remote = useRemote((signal) => api.get<PublicBenchmarks>('/public/benchmarks', { q, category }, signal), [q, category]);
  const all = useRemote((signal) => api.get<PublicBenchmarks>('/public/benchmarks', undefined, signal), []);
  const categories = useMemo(() => [...new Set((all.data?.versions ?? []).flatMap((v) => v.items.map((i) => i.category)))], [all.data]);

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  return (
    <Card title="行政处罚裁量基准">
      <Typography.Paragraph type="secondary">
        依据《中华人民共和国行政处罚法》第三十四条，行政处罚裁量基准向社会公布。下列为已公布的各版本及其细化的违法行为，点击违法行为查看各裁量阶次的适用条件和处罚标准。
      </Typography.Paragraph>
      <Space wrap style={{ width: '100%', marginBottom: 12 }}>
        <Input.Search
          key={q}
          defaultValue={q}
          allowClear
          enterButton="检索"
          placeholder="违法行为、罚则或编号"
          aria-label="裁量基准检索关键词"
          maxLength={50}
          onSearch={(value) => set('q', value.trim())}
          style={{ width: 320, maxWidth: '100%' }}
        />
        <Select allowClear placeholder="全部类别" aria-label="违法行为类别" value={category} onChange={(v?: string) => set('category', v)} options={categories.map((c) => ({ value: c, label: c }))} style={{ width: 200 }} />
      </Space>
      <RemoteView remote={remote}>
        {(data) => {
          const versions = data.versions.filter((v) => v.items.length > 0 || (!q && !category));
          if (versions.length === 0) return <Typography.Text type="secondary">{q || category ? '没有符合条件的违法行为' : '暂无公布的裁量基准'}</Typography.Text>;
          return (
            <Collapse
              defaultActiveKey={versions.filter((v) => v.inForce || q || category).map((v) => v.id)}
              items={versions.map((v) => ({
                key: v.id,
                label: (
                  <Space wrap size={4}>
                    <span>{v.name}</span>
                    {v.inForce ? <Tag color="success">现行</Tag> : <Tag>非现行</Tag>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {v.organizationName ?? '全局'} · {v.effectiveFrom} 起施行 · {v.publishedOn} 公布 · {v.items.length} 项
                    </Typography.Text>
                  </Space>
                ),
                children: (
                  <List
                    size="small"
                    dataSource={v.items}
                    pagination={v.items.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
                    renderItem={(item) => (
                      <List.Item>
                        <List.Item.Meta
                          title={<Link to={`/benchmarks/items/${item.id}`}>{item.name}</Link>}
                          description={
                            <>
                              <Tag>{item.category}</Tag>
                              {item.penaltyProvision} · {item.tierCount} 个裁量阶次
                            </>
                          }
                        />
                      </List.Item>
                    )}
                  />
                ),
              }))}
            />
          );
        }}
      </RemoteView>
    </Card>
  );
}
