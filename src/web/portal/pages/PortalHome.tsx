import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../shared/api.ts';
import { RemoteView } from '../../shared/RemoteView.tsx';
import type { PublicBody } from '../../../domain/admin/views.ts';
import type { PublicDecisionPage } from '../../../domain/cases/views.ts';
import { useRemote } from '../../shared/use-remote.ts';

export default function PortalHome() {
  const remote = useRemote(async (signal) => {
    const [bodies, decisions] = await Promise.all([api.get<PublicBody[]>('/public/bodies', undefined, signal), api.get<PublicDecisionPage>('/public/decisions', { pageSize: 1 }, signal)]);
    // Each body says how many of its officers hold a valid certificate (the officers' list is paged).
    return { bodies: bodies.length, officers: bodies.reduce((sum, b) => sum + b.officerCount, 0), decisions: decisions.total };
  }, []);
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            行政执法公示
          </Typography.Title>
          <Typography.Paragraph>
            行政执法机关在执法前主动公开执法主体、人员、职责、依据、程序和救济途径等信息。执法人员在执法时应当主动出示执法证件（《行政处罚法》第五十五条）；您可在本平台核对执法人员的姓名、执法证号及有效期，查阅已公示的行政处罚决定，并凭行政行为码核验执法文书。
          </Typography.Paragraph>
          <RemoteView remote={remote} rows={1}>
            {(n) => (
              <Row gutter={16}>
                <Col span={8}>
                  <Statistic title="执法主体及机构" value={n.bodies} suffix="个" />
                </Col>
                <Col span={8}>
                  <Statistic title="持证执法人员" value={n.officers} suffix="人" />
                </Col>
                <Col span={8}>
                  <Statistic title="公示处罚决定" value={n.decisions} suffix="件" />
                </Col>
              </Row>
            )}
          </RemoteView>
        </Card>
      </Col>
      {[
        { to: '/decisions', title: '处罚决定公示', text: '已公开的行政处罚决定（当事人信息已依法脱敏），可按关键词检索。' },
        { to: '/verify', title: '行政行为码核验', text: '输入或扫描执法文书上的行政行为码，核验文书真伪及是否有效。' },
        { to: '/bodies', title: '执法主体', text: '执法机关、执法机构的名称、类型及统一社会信用代码。' },
        { to: '/officers', title: '执法人员', text: '按姓名或执法证号查询执法人员及其执法证是否有效。' },
        { to: '/procedure', title: '执法程序与救济', text: '行政处罚的普通程序、简易程序，当事人的权利，行政复议和行政诉讼的期限。' },
      ].map((c) => (
        <Col key={c.to} xs={24} sm={12} lg={8}>
          <Link to={c.to}>
            <Card hoverable title={c.title} style={{ height: '100%' }}>
              {c.text}
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
