/**
 * 报告对比 (issue #19 item 5): two or more units' annual reports side by side — for each, the report it has (written
 * in Fazhi, an uploaded file, or none), the five parts present or missing (missing in red), and the figures key by
 * key with their sources. Opened from 报告汇总 with the units ticked there, or by choosing units here.
 */
import { Alert, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { OrganizationView } from '../../../../domain/admin/views.ts';
import { sectionKeys, sectionNames } from '../../../../domain/analyzer/types.ts';
import { reportStatuses, type ReportStatus } from '../../../../domain/rollup/model.ts';
import type { reportComparison } from '../../../../domain/rollup/views.ts';
import { api } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import { CellView, statusColors } from './rollup-common.tsx';

type Comparison = z.input<typeof reportComparison>;

const kinds = { generated: '系统内编写', uploaded: '上传文件', none: '尚无报告' } as const;

export default function ComparePage() {
  const me = useMe();
  const thisYear = new Date().getFullYear();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear - 1;
  const scope = Number(params.get('org')) || me.organizationId;
  const units = (params.get('units') ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const [onlyWithData, setOnlyWithData] = useState(true);
  const organizations = useRemote((signal) => api.get<OrganizationView[]>('/organizations', undefined, signal), []);
  const set = (patch: Record<string, string>) => setParams({ year: String(year), org: String(scope), units: units.join(','), ...patch });

  return (
    <Card title="年度报告对比">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select aria-label="年度" value={year} onChange={(y) => set({ year: String(y) })} options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${String(y)}年度` }))} />
        <Select
          aria-label="对比单位"
          mode="multiple"
          style={{ minWidth: 480 }}
          placeholder="选择2个以上单位"
          value={units}
          onChange={(ids: number[]) => set({ units: ids.join(',') })}
          loading={organizations.loading}
          optionFilterProp="label"
          options={(organizations.data ?? []).filter((o) => o.id !== scope).map((o) => ({ value: o.id, label: o.name }))}
        />
        <Select
          aria-label="显示指标"
          value={onlyWithData ? 'data' : 'all'}
          onChange={(v) => setOnlyWithData(v === 'data')}
          options={[
            { value: 'data', label: '只显示有数据的指标' },
            { value: 'all', label: '显示全部指标' },
          ]}
        />
      </Space>
      {units.length < 2 ? <Alert type="info" showIcon title="请选择至少2个单位进行对比。" /> : <ComparisonView scope={scope} year={year} units={units} onlyWithData={onlyWithData} />}
    </Card>
  );
}

function ComparisonView({ scope, year, units, onlyWithData }: { scope: number; year: number; units: number[]; onlyWithData: boolean }) {
  const remote = useRemote((signal) => api.get<Comparison>(`/organizations/${String(scope)}/report-comparison`, { year, units: units.join(',') }, signal), [scope, year, units.join(',')]);
  return (
    <RemoteView remote={remote}>
      {(data) => {
        const reports = data.reports;
        const figures = onlyWithData ? data.indicators.filter((i) => i.cells.some((c) => c.value !== null)) : data.indicators;
        return (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              title={() => <Typography.Text strong>报告各部分</Typography.Text>}
              dataSource={[{ key: 'kind' }, { key: 'status' }, ...sectionKeys.map((key) => ({ key }))]}
              columns={[
                {
                  title: '',
                  key: 'label',
                  width: 260,
                  render: (_, r) => (r.key === 'kind' ? '报告' : r.key === 'status' ? '状态' : `${sectionNames[r.key as keyof typeof sectionNames]}${r.key === 'other' ? '（可选）' : ''}`),
                },
                ...reports.map((report) => ({
                  title: report.name,
                  key: String(report.organizationId),
                  width: 200,
                  render: (_: unknown, r: { key: string }) => {
                    if (r.key === 'kind') return `${kinds[report.kind]}${report.fileName ? `：${report.fileName}` : ''}`;
                    if (r.key === 'status') return <Tag color={statusColors[report.status as ReportStatus]}>{reportStatuses[report.status as ReportStatus]}</Tag>;
                    const present = report.sections[r.key as keyof typeof report.sections];
                    if (present) return <Tag color="green">有</Tag>;
                    return r.key === 'other' ? (
                      <Typography.Text type="secondary">无</Typography.Text>
                    ) : (
                      <Tag color="red" data-testid={`missing-${String(report.organizationId)}-${r.key}`}>
                        缺失
                      </Tag>
                    );
                  },
                })),
              ]}
            />
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              title={() => <Typography.Text strong>指标并列</Typography.Text>}
              dataSource={figures}
              columns={[
                { title: '指标', key: 'name', width: 220, render: (_, i) => `${i.name}${i.unit === '%' ? '（%）' : `（${i.unit}）`}` },
                ...reports.map((report, index) => ({
                  title: report.name,
                  key: String(report.organizationId),
                  width: 200,
                  render: (_: unknown, i: Comparison['indicators'][number]) => <CellView cell={i.cells[index]!} unit={i.unit} />,
                })),
              ]}
            />
          </Space>
        );
      }}
    </RemoteView>
  );
}
