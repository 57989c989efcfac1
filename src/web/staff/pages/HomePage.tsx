import { Alert, Card, Col, List, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { addDays } from '../../../domain/calendar/iso-date.ts';
import { api } from '../../shared/api.ts';
import { certificateState, chinaToday, formatChineseDate } from '../../shared/dates.ts';
import { RemoteView } from '../../shared/RemoteView.tsx';
import type { CalendarDays, DayInfo, Me, OrganizationView as Organization, UserView as User } from '../../../domain/admin/views.ts';
import { useRemote } from '../../shared/use-remote.ts';
import { useMe } from '../auth.tsx';
import { CertificateTag } from '../CertificateTag.tsx';
import { visibleEntries } from '../menu.tsx';
import { adminPolicy } from '../../../domain/admin/policy.ts';
import { casePolicy } from '../../../domain/cases/policy.ts';
import { may } from '../../../domain/policy.ts';
import { CaseDeadlineSummary } from './cases/CaseDeadlineSummary.tsx';

/** The user's own certificate: officers must hold a valid one for investigation acts (《行政处罚法》第四十二条). */
function MyCertificate({ me, today }: { me: Me; today: string }) {
  const remote = useRemote((signal) => api.get<User>(`/users/${me.userId}`, undefined, signal), [me.userId]);
  return (
    <Card title="我的执法证" size="small">
      <RemoteView remote={remote} rows={1}>
        {(user) => {
          const state = certificateState(user.certificateValidUntil, today);
          return (
            <>
              <CertificateTag user={user} today={today} />
              {user.certificateNo && state === 'expired' && (
                <Alert style={{ marginTop: 8 }} type="error" showIcon title="执法证已过期，不得从事调查取证等执法活动（《行政处罚法》第四十二条），请尽快办理换证。" />
              )}
              {user.certificateNo && state === 'expiring' && <Alert style={{ marginTop: 8 }} type="warning" showIcon title="执法证将在 90 日内到期，请及时办理换证。" />}
            </>
          );
        }}
      </RemoteView>
    </Card>
  );
}

/** Rest days and make-up workdays in the next 60 days, from the legal calendar. */
function UpcomingDays({ today }: { today: string }) {
  const to = addDays(today, 60);
  const remote = useRemote((signal) => api.get<CalendarDays>('/calendar/days', { from: today, to }, signal), [today]);
  return (
    <Card title="未来 60 日节假日与调休" size="small" extra={<Link to="/calendar">日历</Link>}>
      <RemoteView remote={remote} rows={2}>
        {({ days, uncoveredYears }) => {
          const special = days.filter((d): d is DayInfo & { name: string } => (d.status === 'holiday' || d.status === 'makeup-workday') && Boolean(d.name));
          const missing = uncoveredYears.length > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`${uncoveredYears.join('、')} 年的放假安排尚未录入，该年的节假日和调休未能列出。`} />
          );
          if (special.length === 0) {
            return (
              <>
                {missing}
                <Typography.Text type="secondary">{missing ? '已录入的日期中，' : ''}未来 60 日无法定节假日或调休（周末除外）。</Typography.Text>
              </>
            );
          }
          return (
            <>
            {missing}
            <List
              size="small"
              dataSource={special}
              renderItem={(d) => (
                <List.Item>
                  <span>{formatChineseDate(d.date)}</span>
                  <span>
                    {d.name} {d.status === 'holiday' ? <Tag color="red">休</Tag> : <Tag color="orange">班</Tag>}
                  </span>
                </List.Item>
              )}
            />
            </>
          );
        }}
      </RemoteView>
    </Card>
  );
}

/** For admins and supervisors: the size of what they oversee. */
function Overview() {
  const remote = useRemote(
    async (signal) => {
      const [orgs, users] = await Promise.all([api.get<Organization[]>('/organizations', undefined, signal), api.get<User[]>('/users', undefined, signal)]);
      const today = chinaToday();
      return {
        orgs: orgs.length,
        users: users.filter((u) => u.active).length,
        holders: users.filter((u) => u.active && u.certificateNo && certificateState(u.certificateValidUntil, today) !== 'expired').length,
        expiring: users.filter((u) => u.active && u.certificateNo && ['expired', 'expiring'].includes(certificateState(u.certificateValidUntil, today))).length,
      };
    },
    [],
  );
  return (
    <Card title="本单位及下级单位概况" size="small">
      <RemoteView remote={remote} rows={1}>
        {(o) => (
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic title="单位" value={o.orgs} suffix="个" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="在用账号" value={o.users} suffix="个" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="有效执法证" value={o.holders} suffix="本" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="已过期或 90 日内到期" value={o.expiring} suffix="本" styles={{ content: { color: o.expiring ? '#d46b08' : undefined } }} />
            </Col>
          </Row>
        )}
      </RemoteView>
    </Card>
  );
}

export default function HomePage() {
  const me = useMe();
  const today = chinaToday();
  const links = visibleEntries(me).filter((e) => e.path !== '/');
  const oversees = may(me, adminPolicy.viewOverview);
  const holdsCertificate = me.roles.some((r) => r === 'officer' || r === 'head' || r === 'reviewer');
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {me.displayName}，您好
        </Typography.Title>
        <Typography.Text type="secondary">
          {me.roleNames.join('、')} · 今天是{formatChineseDate(today)}
        </Typography.Text>
      </Col>
      {oversees && (
        <Col span={24}>
          <Overview />
        </Col>
      )}
      {may(me, casePolicy.workOnCases) && (
        <Col span={24}>
          <CaseDeadlineSummary />
        </Col>
      )}
      {holdsCertificate && (
        <Col xs={24} lg={12}>
          <MyCertificate me={me} today={today} />
        </Col>
      )}
      <Col xs={24} lg={12}>
        <UpcomingDays today={today} />
      </Col>
      <Col span={24}>
        <Card title="常用功能" size="small">
          <Row gutter={[12, 12]}>
            {links.map((e) => (
              <Col key={e.path} xs={12} sm={8} md={6}>
                <Link to={e.path}>
                  <Card hoverable size="small" style={{ textAlign: 'center' }}>
                    <div style={{ fontSize: 22 }}>{e.icon}</div>
                    <div>{e.label(me)}</div>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </Card>
      </Col>
    </Row>
  );
}
