import { Card, Descriptions, Result, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../shared/api.ts';
import { RemoteView } from '../../shared/RemoteView.tsx';
import type { PublicDecision } from '../../../domain/cases/views.ts';
import { useRemote } from '../../shared/use-remote.ts';
import { statusColor } from './DecisionsPage.tsx';

export default function DecisionDetailPage() {
  const { id } = useParams();
  const remote = useRemote((signal) => api.get<PublicDecision>(`/public/decisions/${encodeURIComponent(id ?? '')}`, undefined, signal), [id]);
  if (remote.error instanceof ApiError && remote.error.code === 'NOT_FOUND') {
    return <Result status="404" title="未找到该公示" subTitle="公示可能已依法撤回。" extra={<Link to="/decisions">返回公示列表</Link>} />;
  }
  return (
    <Card title="行政处罚决定公示" extra={<Link to="/decisions">返回列表</Link>}>
      <RemoteView remote={remote} rows={8}>
        {(d) => (
          <Descriptions column={1} bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="案件名称">{d.title}</Descriptions.Item>
            <Descriptions.Item label="决定书文号">{d.decisionNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={statusColor(d.status)}>{d.statusLabel}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="当事人">{d.party.name}</Descriptions.Item>
            {d.party.creditCode && <Descriptions.Item label="统一社会信用代码">{d.party.creditCode}</Descriptions.Item>}
            <Descriptions.Item label="违法事实">{d.facts}</Descriptions.Item>
            {d.place && <Descriptions.Item label="地点">{d.place}</Descriptions.Item>}
            {d.violation && <Descriptions.Item label="违法行为">{d.violation}</Descriptions.Item>}
            {d.basis && <Descriptions.Item label="处罚依据">{d.basis}</Descriptions.Item>}
            {d.penalty && <Descriptions.Item label="处罚内容">{d.penalty}</Descriptions.Item>}
            <Descriptions.Item label="程序">{d.procedure}</Descriptions.Item>
            <Descriptions.Item label="作出决定机关">{d.organizationName}</Descriptions.Item>
            <Descriptions.Item label="决定日期">{d.decidedOn}</Descriptions.Item>
            <Descriptions.Item label="行政行为码">
              <Link to={`/verify/${encodeURIComponent(d.actCode)}`}>{d.actCode}</Link>
            </Descriptions.Item>
          </Descriptions>
        )}
      </RemoteView>
    </Card>
  );
}
