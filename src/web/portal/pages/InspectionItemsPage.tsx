import { Alert, Card, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PublicBody } from '../../../domain/admin/views.ts';
import type { InspectionItemView } from '../../../domain/inspections/views.ts';
import { api } from '../../shared/api.ts';
import { useRemote } from '../../shared/use-remote.ts';

/**
 * 检查事项清单: the inspection items an enforcement body (and the bodies above it) has published and which are in
 * force today — nothing else may be inspected (国办发〔2024〕54号): item, legal basis, who is inspected, how, and how
 * often at most per year.
 */
export default function InspectionItemsPage() {
  const bodies = useRemote((signal) => api.get<PublicBody[]>('/public/bodies', undefined, signal), []);
  const [chosen, setChosen] = useState<number>();
  const bodyId = chosen ?? bodies.data?.[0]?.id;
  const items = useRemote((signal) => (bodyId ? api.get<InspectionItemView[]>('/public/inspection-items', { organizationId: bodyId }, signal) : Promise.resolve([])), [bodyId]);
  return (
    <Card title="涉企行政检查事项清单">
      <Typography.Paragraph type="secondary">依据国办发〔2024〕54号《关于严格规范涉企行政检查的意见》，行政检查只能依照公布的检查事项实施；检查人员入企前应出示行政检查码，企业可在“行政检查码核验”栏目核验。</Typography.Paragraph>
      <Select
        aria-label="执法主体"
        style={{ width: '100%', maxWidth: 420, marginBottom: 12 }}
        value={bodyId}
        loading={bodies.loading}
        onChange={(v: number) => setChosen(v)}
        options={(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
      />
      {items.error !== undefined && <Alert type="error" showIcon title="加载失败" />}
      <List
        loading={items.loading}
        dataSource={items.data ?? []}
        locale={{ emptyText: '该执法主体尚未公布检查事项' }}
        renderItem={(i) => (
          <List.Item style={{ display: 'block' }} data-testid="public-inspection-item">
            <Space orientation="vertical" size={2}>
              <Space wrap size={4}>
                <Typography.Text strong>{i.name}</Typography.Text>
                {i.random && <Tag color="blue">双随机抽查</Tag>}
              </Space>
              <Typography.Text type="secondary">
                编码 {i.code} · {i.method.label} · 检查对象：{i.subjectKinds.map((k) => k.label).join('、')} · {i.yearlyCap === null ? '不设年度频次上限' : `每户每年不超过 ${i.yearlyCap} 次`}
              </Typography.Text>
              <Typography.Text>依据：{i.basis}</Typography.Text>
              <Typography.Text type="secondary">{i.publishedOn} 起公布</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
