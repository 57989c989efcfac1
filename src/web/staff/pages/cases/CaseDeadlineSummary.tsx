import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import { casePolicy } from '../../../../domain/cases/policy.ts';
import { may } from '../../../../domain/policy.ts';
import { loadCases, totalLabel } from './list-api.ts';

/**
 * For the workbench: how many cases have an overdue deadline or one due within three working days, each a link
 * to that list. An officer sees the cases they handle; heads, reviewers and supervisors their whole subtree.
 */
export function CaseDeadlineSummary() {
  const me = useMe();
  const own = may(me, casePolicy.handleCases) && !may(me, casePolicy.overseeCases);
  const scope: Record<string, string> = own ? { officerId: String(me.userId) } : {};
  const remote = useRemote(async (signal) => {
    const [overdue, dueSoon] = await Promise.all([loadCases({ ...scope, deadline: 'overdue', limit: 1 }, signal), loadCases({ ...scope, deadline: 'dueSoon', limit: 1 }, signal)]);
    return { overdue, dueSoon };
  }, [me.userId]);
  const link = (deadline: string) => `/cases?${new URLSearchParams({ ...scope, deadline }).toString()}`;
  return (
    <Card title={own ? '我承办案件的期限' : '办案期限提醒'} size="small" extra={<Link to="/cases">全部案件</Link>}>
      <RemoteView remote={remote} rows={1}>
        {(n) => (
          <Row gutter={16}>
            <Col span={12}>
              <Link to={link('overdue')} data-testid="home-overdue">
                <Statistic title="期限已超期" value={n.overdue.totalCapped ? totalLabel(n.overdue) : n.overdue.total} suffix="件" styles={{ content: { color: n.overdue.total ? '#cf1322' : undefined } }} />
              </Link>
            </Col>
            <Col span={12}>
              <Link to={link('dueSoon')} data-testid="home-due-soon">
                <Statistic title="三个工作日内到期" value={n.dueSoon.totalCapped ? totalLabel(n.dueSoon) : n.dueSoon.total} suffix="件" styles={{ content: { color: n.dueSoon.total ? '#d46b08' : undefined } }} />
              </Link>
            </Col>
          </Row>
        )}
      </RemoteView>
    </Card>
  );
}
