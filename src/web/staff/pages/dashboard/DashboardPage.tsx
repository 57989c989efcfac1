import { Card, Col, DatePicker, Empty, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatYuan } from '../../../../domain/cases/model.ts';
import { api } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import { useRemote } from '../../../shared/use-remote.ts';
import { ExportButton } from '../../ExportButton.tsx';
import { casesHref, type ChartSpec, dashboardCharts, type Range } from './chart-options.ts';
import { EChart } from './EChart.tsx';
import type { CaseStatistics, DeadlineEntry, Unit } from './types.ts';

/**
 * 监督看板 /dashboard: the cases of the user's units by state and month, deadlines overdue and due soon, penalties by
 * kind and violation, and the units compared (GET /api/stats/cases). Every chart opens the case list it counts;
 * the registration date range is kept in the address (`from`, `to`) and passed on to those lists.
 */
export default function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const range: Range = { from: params.get('from'), to: params.get('to') };
  const remote = useRemote((signal) => api.get<CaseStatistics>('/stats/cases', { from: range.from, to: range.to }, signal), [range.from, range.to]);
  const setRange = (value: [Dayjs | null, Dayjs | null] | null) => {
    const next = new URLSearchParams(params);
    for (const [key, day] of [['from', value?.[0]], ['to', value?.[1]]] as const) {
      if (day) next.set(key, day.format('YYYY-MM-DD'));
      else next.delete(key);
    }
    setParams(next);
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap size={[12, 8]}>
          <Typography.Text>登记日期</Typography.Text>
          <DatePicker.RangePicker
            aria-label="登记日期范围"
            allowEmpty={[true, true]}
            value={[range.from ? dayjs(range.from) : null, range.to ? dayjs(range.to) : null]}
            onChange={(v) => setRange(v)}
            presets={[
              { label: '本年度', value: [dayjs().startOf('year'), dayjs().endOf('year')] },
              { label: '上一年度', value: [dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')] },
              { label: '近三个月', value: [dayjs().subtract(3, 'month').startOf('month'), dayjs()] },
            ]}
          />
          <Typography.Text type="secondary">不选为全部案件；点击图表查看对应的案件清单。</Typography.Text>
          <ExportButton path="/stats/cases/export" query={{ from: range.from ?? undefined, to: range.to ?? undefined }} label="导出各表 Excel" testId="dashboard-export" />
        </Space>
      </Card>
      <RemoteView remote={remote} rows={12}>
        {(s) => <Dashboard stats={s} range={range} />}
      </RemoteView>
    </Space>
  );
}

function Dashboard({ stats: s, range }: { stats: CaseStatistics; range: Range }) {
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const charts = useMemo(() => dashboardCharts(s, range, isPhone), [s, range.from, range.to, isPhone]);
  const link = (filters: Record<string, string>) => casesHref({ ...filters, from: range.from, to: range.to });
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="dashboard">
      <Typography.Text type="secondary">
        {s.scope.organizationName}及下级单位 · 统计日 {s.today}
      </Typography.Text>
      <Totals stats={s} link={link} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <DeadlineList title="已超期" tone="red" total={s.overdue.cases} items={s.overdue.items} more={link({ deadline: 'overdue' })} testId="overdue-list" />
        </Col>
        <Col xs={24} lg={12}>
          <DeadlineList title={`三个工作日内到期（至 ${s.dueSoonUntil}）`} tone="orange" total={s.dueSoon.cases} items={s.dueSoon.items} more={link({ deadline: 'dueSoon' })} testId="due-soon-list" />
        </Col>
        {charts.map((chart) => (
          <Col key={chart.title} xs={24} lg={12}>
            <ChartCard chart={chart} onOpen={(href) => void navigate(href)} />
          </Col>
        ))}
        <Col xs={24}>
          <UnitTable units={s.units} link={link} phone={isPhone} />
        </Col>
      </Row>
    </Space>
  );
}

function Totals({ stats: s, link }: { stats: CaseStatistics; link: (f: Record<string, string>) => string }) {
  const cell = (title: string, value: number | string, to: string | null, danger = false) => (
    <Col xs={12} md={8} xl={4}>
      <Card size="small" style={{ height: '100%' }}>
        {to ? (
          <Link to={to} aria-label={`${title}：${value}`}>
            <Statistic title={title} value={value} styles={{ content: danger ? { color: '#cf1322' } : {} }} />
          </Link>
        ) : (
          <Statistic title={title} value={value} />
        )}
      </Card>
    </Col>
  );
  return (
    <Row gutter={[12, 12]}>
      {cell('案件总数', s.totals.cases, link({}))}
      {cell('已作出决定', s.totals.decided, null)}
      {cell('已超期案件', s.totals.overdue, link({ deadline: 'overdue' }), s.totals.overdue > 0)}
      {cell('即将到期案件', s.totals.dueSoon, link({ deadline: 'dueSoon' }))}
      {cell('处罚决定', s.totals.penalties, null)}
      {cell('罚款金额', formatYuan(s.totals.fineFen), null)}
    </Row>
  );
}

function ChartCard({ chart, onOpen }: { chart: ChartSpec; onOpen: (href: string) => void }) {
  return (
    <Card size="small" title={chart.title} style={{ height: '100%' }}>
      {chart.empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />
      ) : (
        <EChart
          option={chart.option}
          pick={chart.pick}
          height={chart.height}
          label={chart.label}
          testId={`chart-${chart.title}`}
          onPick={(i) => {
            const href = chart.hrefs[i];
            if (href) onOpen(href);
          }}
        />
      )}
    </Card>
  );
}

function DeadlineList({ title, tone, total, items, more, testId }: { title: string; tone: string; total: number; items: DeadlineEntry[]; more: string; testId: string }) {
  return (
    <Card size="small" title={title} extra={<Link to={more}>全部 {total} 件案件</Link>} data-testid={testId} style={{ height: '100%' }}>
      <List
        size="small"
        locale={{ emptyText: '无' }}
        dataSource={items}
        renderItem={(d) => (
          <List.Item key={`${d.caseId}-${d.kind}`}>
            <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
              <Link to={`/cases/${d.caseId}`}>{d.title}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.organizationName}
                {d.officers.length ? ` · 承办：${d.officers.join('、')}` : ''}
                {d.daysOverdue ? ` · 超期 ${d.daysOverdue} 天` : ''}
              </Typography.Text>
            </Space>
            <Tag color={tone} style={{ marginInlineEnd: 0, flexShrink: 0 }}>
              {d.label} {d.dueOn}
            </Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}

function UnitTable({ units, link, phone }: { units: Unit[]; link: (f: Record<string, string>) => string; phone: boolean }) {
  const name = (u: Unit) => (u.ownLevel ? u.name : <Link to={link({ organizationId: String(u.organizationId) })}>{u.name}</Link>);
  if (phone) {
    return (
      <Card size="small" title="各单位罚款与办案">
        <List
          size="small"
          dataSource={units}
          renderItem={(u) => (
            <List.Item key={u.organizationId} style={{ display: 'block' }}>
              <div>{name(u)}</div>
              <Typography.Text type="secondary">
                案件 {u.cases} · 已决定 {u.decided} · 超期 {u.overdue} · 罚款 {formatYuan(u.fineFen)}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    );
  }
  return (
    <Card size="small" title="各单位罚款与办案">
      <Table<Unit>
        rowKey="organizationId"
        size="small"
        pagination={false}
        dataSource={units}
        columns={[
          { title: '单位', key: 'name', render: (_, u) => name(u) },
          { title: '案件数', dataIndex: 'cases', align: 'right' },
          { title: '已作出决定', dataIndex: 'decided', align: 'right' },
          { title: '超期案件', dataIndex: 'overdue', align: 'right' },
          { title: '罚款金额', key: 'fine', align: 'right', render: (_, u) => formatYuan(u.fineFen) },
        ]}
      />
    </Card>
  );
}
