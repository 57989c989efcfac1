import { Card, List, Pagination, Space, Table, Typography } from 'antd';
import { NewCaseButton } from '../../case-actions/NewCaseButton.tsx';
import { ExportButton } from '../../ExportButton.tsx';
import { Link, useSearchParams } from 'react-router';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import { useRemote } from '../../../shared/use-remote.ts';
import { CaseFilterBar } from './CaseFilterBar.tsx';
import { DeadlineTags } from './DeadlineTags.tsx';
import { useFilterOptions } from './filter-options.ts';
import { type CaseFilters, filtersOf, listQuery, PAGE_SIZES, pagingOf, withFilters } from './filters.ts';
import { StateTag } from './format.tsx';
import { loadCases } from './list-api.ts';
import type { CaseSummary } from './types.ts';

/**
 * 案件办理: the cases of the user's unit and its sub-units, filtered as the URL says (so links from the workbench
 * and the dashboard, and reloads, keep the filters); a table on desktops, cards on phones.
 */
export default function CaseListPage() {
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const paging = pagingOf(params);
  const query = listQuery(filters, paging);
  const key = JSON.stringify(query);
  const remote = useRemote((signal) => loadCases(query, signal), [key]);
  const options = useFilterOptions();
  const change = (c: CaseFilters) => setParams(withFilters(params, c));
  const goTo = (page: number, pageSize: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    next.set('pageSize', String(pageSize));
    setParams(next);
  };
  const pagination = (total: number) => ({
    current: paging.page,
    pageSize: paging.pageSize,
    total,
    pageSizeOptions: PAGE_SIZES,
    showSizeChanger: !isPhone,
    showTotal: (n: number) => (remote.data?.totalCapped ? `超过${n}条` : `共 ${n} 件`),
    onChange: goTo,
  });
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <CaseFilterBar filters={filters} onChange={change} options={options} />
      </Card>
      <Card
        size="small"
        title="案件列表"
        extra={
          <Space size={12}>
            {remote.data && <Typography.Text data-testid="case-total">{remote.data.totalCapped ? `超过${remote.data.total}条` : `共 ${remote.data.total} 件`}</Typography.Text>}
            <ExportButton path="/cases/export" query={filters} label={isPhone ? '导出' : '导出 Excel'} testId="case-export" />
            <NewCaseButton />
          </Space>
        }
      >
        <RemoteView remote={remote} rows={6}>
          {(page) =>
            isPhone ? (
              <>
                <List dataSource={page.items} locale={{ emptyText: '没有符合条件的案件' }} renderItem={(c) => <CaseCard c={c} />} />
                {page.total > paging.pageSize && <Pagination simple style={{ marginTop: 12, textAlign: 'center' }} {...pagination(page.total)} />}
              </>
            ) : (
              <Table<CaseSummary>
                rowKey="id"
                size="small"
                loading={remote.loading}
                dataSource={page.items}
                locale={{ emptyText: '没有符合条件的案件' }}
                pagination={pagination(page.total)}
                columns={columns}
              />
            )
          }
        </RemoteView>
      </Card>
    </Space>
  );
}

const columns = [
  {
    title: '案由 / 当事人',
    key: 'title',
    render: (_: unknown, c: CaseSummary) => (
      <>
        <Link to={`/cases/${c.id}`}>{c.title}</Link>
        <div>
          <Typography.Text type="secondary">{c.party.name}</Typography.Text>
        </div>
      </>
    ),
  },
  {
    title: '行政行为码 / 文号',
    key: 'code',
    render: (_: unknown, c: CaseSummary) => (
      <>
        <Typography.Text style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{c.actCode}</Typography.Text>
        {c.decisionNumber && <div>{c.decisionNumber}</div>}
      </>
    ),
  },
  {
    title: '状态',
    key: 'state',
    render: (_: unknown, c: CaseSummary) => (
      <>
        <StateTag state={c.state} label={c.stateLabel} />
        <div>
          <Typography.Text type="secondary">{c.procedureLabel}</Typography.Text>
        </div>
      </>
    ),
  },
  { title: '办案单位', dataIndex: 'organizationName' },
  { title: '登记日期', dataIndex: 'registeredOn' },
  { title: '办案期限', key: 'deadlines', render: (_: unknown, c: CaseSummary) => <DeadlineTags deadlines={c.deadlines} /> },
];

function CaseCard({ c }: { c: CaseSummary }) {
  return (
    <List.Item style={{ display: 'block' }} data-testid="case-card">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <StateTag state={c.state} label={c.stateLabel} />
          <Link to={`/cases/${c.id}`} style={{ fontWeight: 500 }}>
            {c.title}
          </Link>
        </Space>
        <Typography.Text>当事人：{c.party.name}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
          {c.actCode}
        </Typography.Text>
        {c.decisionNumber && <Typography.Text type="secondary">{c.decisionNumber}</Typography.Text>}
        <Typography.Text type="secondary">
          {c.organizationName} · {c.registeredOn} 登记 · {c.procedureLabel}
        </Typography.Text>
        {c.deadlines.length > 0 && <DeadlineTags deadlines={c.deadlines} />}
      </Space>
    </List.Item>
  );
}
