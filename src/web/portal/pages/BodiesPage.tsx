import { Card, List, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../shared/api.ts';
import { useIsPhone } from '../../shared/use-is-phone.ts';
import { RemoteView } from '../../shared/RemoteView.tsx';
import type { PublicBody } from '../../../domain/admin/views.ts';
import { useRemote } from '../../shared/use-remote.ts';

export default function BodiesPage() {
  const remote = useRemote((signal) => api.get<PublicBody[]>('/public/bodies', undefined, signal), []);
  const phone = useIsPhone();
  return (
    <Card title="执法主体及执法机构">
      <Typography.Paragraph type="secondary">乡镇街道综合行政执法队以所属乡镇人民政府、街道办事处名义执法，无独立的统一社会信用代码。</Typography.Paragraph>
      <RemoteView remote={remote}>
        {(bodies) =>
          phone ? (
            <List
              dataSource={bodies}
              renderItem={(b) => (
                <List.Item>
                  <List.Item.Meta
                    title={b.name}
                    description={
                      <>
                        <Tag>{b.kindName}</Tag> 统一社会信用代码：{b.creditCode ?? '—'}
                        <br />
                        {b.parentName && <>上级：{b.parentName} · </>}
                        <Link to={`/officers?body=${b.id}`}>持证执法人员 {b.officerCount} 人</Link>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          ) : (
            <Table<PublicBody>
              rowKey="id"
              dataSource={bodies}
              pagination={false}
              columns={[
                { title: '名称', dataIndex: 'name' },
                { title: '类型', dataIndex: 'kindName', render: (k: string) => <Tag>{k}</Tag> },
                { title: '统一社会信用代码', dataIndex: 'creditCode', render: (c: string | null) => c ?? '—' },
                { title: '上级单位', dataIndex: 'parentName', render: (p: string | null) => p ?? '—' },
                { title: '持证执法人员', dataIndex: 'officerCount', render: (n: number, b) => <Link to={`/officers?body=${b.id}`}>{n} 人</Link> },
              ]}
            />
          )
        }
      </RemoteView>
    </Card>
  );
}
