import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { PublicBody } from '../../../domain/admin/views.ts';
import { api } from '../../shared/api.ts';
import { EnforcementStatisticsTable, type EnforcementStatisticsData } from '../../shared/EnforcementStatisticsTable.tsx';
import { RemoteView } from '../../shared/RemoteView.tsx';
import { useRemote } from '../../shared/use-remote.ts';

/** The years offered: the last five that are over (the current year is published after it ends). */
const closedYears = (thisYear: number) => Array.from({ length: 5 }, (_, i) => thisYear - 1 - i);

/**
 * 行政执法数据公示 (国办发〔2018〕118号: each body publishes its enforcement data of the past year by 31 January): pick an
 * enforcement body and a year that is over; the statistics table (行政处罚 by kind and amounts, 行政检查, 行政强制,
 * 行政许可 — "本系统无记录" where Fazhi holds no ledger) and its XLSX download.
 */
export default function EnforcementStatisticsPage() {
  const bodies = useRemote((signal) => api.get<PublicBody[]>('/public/bodies', undefined, signal), []);
  const years = closedYears(new Date().getFullYear());
  const [chosen, setChosen] = useState<number>();
  const [year, setYear] = useState(years[0]!);
  const bodyId = chosen ?? bodies.data?.[0]?.id;
  const stats = useRemote(
    (signal) => (bodyId ? api.get<EnforcementStatisticsData>('/public/enforcement-statistics', { org: bodyId, year }, signal) : Promise.resolve(undefined)),
    [bodyId, year],
  );
  const xlsxUrl = bodyId ? `/api/public/enforcement-statistics.xlsx?org=${String(bodyId)}&year=${String(year)}` : undefined;
  return (
    <Card title="行政执法数据公示">
      <Typography.Paragraph type="secondary">依据国办发〔2018〕118号，行政执法机关于每年1月31日前公开上一年度行政执法数据。以下数据由行政执法综合管理系统按办案和检查台账自动统计。</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12, width: '100%' }}>
        <Select
          aria-label="执法主体"
          style={{ width: 320, maxWidth: '100%' }}
          value={bodyId}
          loading={bodies.loading}
          onChange={(v: number) => setChosen(v)}
          options={(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
        />
        <Select aria-label="年度" style={{ width: 120 }} value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${String(y)}年度` }))} />
        {xlsxUrl && (
          <Button href={xlsxUrl} data-testid="statistics-download">
            下载统计表（XLSX）
          </Button>
        )}
      </Space>
      {bodies.error !== undefined && <Alert type="error" showIcon title="加载失败" />}
      <RemoteView remote={stats}>{(data) => (data ? <EnforcementStatisticsTable data={data} /> : null)}</RemoteView>
    </Card>
  );
}
