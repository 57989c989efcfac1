import { Descriptions, List, Table, Tag, Typography } from 'antd';
import type { ItemDetail as BenchmarkItemDetail, PublicExemptionItem } from '../../domain/discretion/views.ts';
import { useIsPhone } from './use-is-phone.ts';

/** One benchmark item: its provisions and every tier's conditions and standard (staff app and portal). */
export function BenchmarkItemView({ item }: { item: BenchmarkItemDetail }) {
  return (
    <>
      <Descriptions column={1} bordered size="small" styles={{ label: { whiteSpace: 'nowrap', width: 96 } }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="违法行为">{item.name}</Descriptions.Item>
        <Descriptions.Item label="编号">{item.code}</Descriptions.Item>
        <Descriptions.Item label="类别">{item.category}</Descriptions.Item>
        <Descriptions.Item label="违则">{item.violatedProvision}</Descriptions.Item>
        <Descriptions.Item label="罚则">{item.penaltyProvision}</Descriptions.Item>
        <Descriptions.Item label="法定幅度">{item.statutoryRange}</Descriptions.Item>
        <Descriptions.Item label="适用对象">{item.partyKind}</Descriptions.Item>
        <Descriptions.Item label="所属基准">
          {item.version.name}（{item.version.effectiveFrom} 起施行，{item.version.publishedOn} 公布）
        </Descriptions.Item>
        <Descriptions.Item label="来源">{item.source.title}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>裁量阶次（{item.tiers.length} 档）</Typography.Title>
      <List
        dataSource={item.tiers}
        renderItem={(tier) => (
          <List.Item data-testid="benchmark-tier">
            <List.Item.Meta
              title={
                <>
                  <Tag color={tier.standard.includes('不予') ? 'green' : tier.name.includes('严重') || tier.name.includes('较重') ? 'orange' : 'blue'}>{tier.name}</Tag>
                </>
              }
              description={
                <>
                  <div>
                    <Typography.Text strong>适用条件：</Typography.Text>
                    {tier.conditionText || '—'}
                  </div>
                  <div>
                    <Typography.Text strong>处罚标准：</Typography.Text>
                    {tier.standard}
                  </div>
                  {tier.note && <div>备注：{tier.note}</div>}
                </>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}

/** The items of an exemption list (首违不罚/轻微免罚清单): a table on desktops, a list on phones. */
export function ExemptionItems({ items }: { items: readonly PublicExemptionItem[] }) {
  const isPhone = useIsPhone();
  if (isPhone) {
    return (
      <List
        dataSource={[...items]}
        renderItem={(e) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  <Tag color="green">{e.type}</Tag>
                  {e.matter}
                </>
              }
              description={
                <>
                  <div>条件：{e.conditionText}</div>
                  <div>依据：{e.basis}</div>
                  {e.commitmentRequired && <div>须签署承诺书</div>}
                </>
              }
            />
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table<PublicExemptionItem>
      rowKey="id"
      size="small"
      dataSource={[...items]}
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        { title: '编号', dataIndex: 'code', width: 80 },
        { title: '事项', dataIndex: 'matter' },
        { title: '类型', dataIndex: 'type', width: 110, render: (t: string) => <Tag color="green">{t}</Tag> },
        { title: '适用条件', dataIndex: 'conditionText' },
        { title: '依据', dataIndex: 'basis', width: 240 },
        { title: '承诺书', dataIndex: 'commitmentRequired', width: 72, render: (c: boolean) => (c ? '须签署' : '—') },
      ]}
    />
  );
}
