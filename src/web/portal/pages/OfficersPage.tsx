import { Card, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../../shared/api.ts';
import { useIsPhone } from '../../shared/use-is-phone.ts';
import { RemoteView } from '../../shared/RemoteView.tsx';
import type { PublicBody, PublicOfficer, PublicOfficerPage } from '../../../domain/admin/views.ts';
import { useRemote } from '../../shared/use-remote.ts';

/** Officers per page (the server's maximum is 100). */
const PAGE_SIZE = 20;

const validity = (o: PublicOfficer) => (o.valid ? <Tag color="green">有效</Tag> : <Tag color="red">已过期</Tag>);

/** 执法人员及执法证号 (国办发〔2018〕118号 事前公开): name, certificate number, body, validity — nothing else. */
export default function OfficersPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const bodyParam = Number(params.get('body'));
  const bodyId = Number.isInteger(bodyParam) && bodyParam > 0 ? bodyParam : undefined;
  const bodies = useRemote((signal) => api.get<PublicBody[]>('/public/bodies', undefined, signal), []);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const officers = useRemote((signal) => api.get<PublicOfficerPage>('/public/officers', { q, bodyId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal), [q, bodyId, page]);
  const phone = useIsPhone();

  const update = (next: { q?: string; body?: number | undefined; page?: number }) => {
    const p = new URLSearchParams(params);
    // A new search starts at its first page.
    if (next.page && next.page > 1) p.set('page', String(next.page));
    else p.delete('page');
    if ('q' in next) {
      if (next.q) p.set('q', next.q);
      else p.delete('q');
    }
    if ('body' in next) {
      if (next.body) p.set('body', String(next.body));
      else p.delete('body');
    }
    setParams(p, { replace: true });
  };

  return (
    <Card title="执法人员及执法证">
      <Typography.Paragraph type="secondary">执法人员执法时应主动出示执法证件。可按姓名或执法证号查询，核对证件是否有效。</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12, width: '100%' }}>
        <Input.Search
          key={q}
          defaultValue={q}
          allowClear
          enterButton="查询"
          placeholder="姓名或执法证号"
          onSearch={(value) => update({ q: value.trim() })}
          style={{ width: 300, maxWidth: '100%' }}
          aria-label="姓名或执法证号"
          maxLength={40}
        />
        <Select
          allowClear
          placeholder="全部执法主体"
          value={bodyId}
          onChange={(v: number | undefined) => update({ body: v })}
          options={(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
          loading={bodies.loading}
          style={{ width: 300, maxWidth: '100%' }}
          aria-label="执法主体"
        />
      </Space>
      <RemoteView remote={officers}>
        {({ items: list, total }) =>
          phone ? (
            <List
              dataSource={list}
              pagination={total > PAGE_SIZE ? { simple: true, current: page, pageSize: PAGE_SIZE, total, onChange: (p) => update({ page: p }), align: 'center' } : false}
              locale={{ emptyText: '没有符合条件的执法人员' }}
              renderItem={(o) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Space>
                        {o.name}
                        {validity(o)}
                      </Space>
                    }
                    description={
                      <>
                        执法证号：{o.certificateNo}
                        <br />
                        {o.bodyName}
                        {o.validUntil && <> · 有效期至 {o.validUntil}</>}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          ) : (
            <Table<PublicOfficer>
              rowKey="certificateNo"
              dataSource={list}
              loading={officers.loading}
              locale={{ emptyText: '没有符合条件的执法人员' }}
              pagination={{ current: page, pageSize: PAGE_SIZE, total, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => `共 ${n} 人`, onChange: (p) => update({ page: p }) }}
              columns={[
                { title: '姓名', dataIndex: 'name' },
                { title: '执法证号', dataIndex: 'certificateNo' },
                { title: '所属执法主体', dataIndex: 'bodyName' },
                { title: '有效期至', dataIndex: 'validUntil', render: (d: string | null) => d ?? '—' },
                { title: '状态', key: 'valid', render: (_, o) => validity(o) },
              ]}
            />
          )
        }
      </RemoteView>
    </Card>
  );
}
