/**
 * 行政执法数据 (issue #19 item 4): a unit's annual enforcement statistics (with the units below it) for a year — the
 * table the portal publishes once the year is over, with the months and the XLSX download. Who reads the indicator
 * table (负责人, 法制审核员, 监督员) reads this; the current year shows the figures so far.
 */
import { App, Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { OrganizationView } from '../../../../domain/admin/views.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { downloadFile } from '../../../shared/download.ts';
import { EnforcementStatisticsTable, type EnforcementStatisticsData } from '../../../shared/EnforcementStatisticsTable.tsx';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';

export default function EnforcementStatisticsPage() {
  const me = useMe();
  const { message } = App.useApp();
  const thisYear = new Date().getFullYear();
  const [organizationId, setOrganizationId] = useState(me.organizationId);
  const [year, setYear] = useState(thisYear - 1);
  const organizations = useRemote((signal) => api.get<OrganizationView[]>('/organizations', undefined, signal), []);
  const stats = useRemote((signal) => api.get<EnforcementStatisticsData>(`/organizations/${String(organizationId)}/enforcement-statistics`, { year }, signal), [organizationId, year]);
  const depth = (path: string) => path.split('/').filter(Boolean).length;

  return (
    <Card title="行政执法数据">
      <Typography.Paragraph type="secondary">
        按国办发〔2018〕118号，行政执法机关于每年1月31日前公开上一年度行政执法数据。本表由办案和检查台账统计（含下级单位）；年度结束后在公示平台“行政执法数据公示”栏目公开。本系统没有台账的项目显示“本系统无记录”，不以 0 代替。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="单位"
          style={{ minWidth: 320 }}
          value={organizationId}
          onChange={setOrganizationId}
          loading={organizations.loading}
          options={(organizations.data ?? []).map((o) => ({ value: o.id, label: `${'　'.repeat(Math.max(0, depth(o.path) - depth(me.organizationPath)))}${o.name}` }))}
        />
        <Select aria-label="年度" value={year} onChange={setYear} options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${String(y)}年度` }))} />
        <Button
          onClick={() =>
            void downloadFile(`/organizations/${String(organizationId)}/enforcement-statistics.xlsx`, { year }, `${String(year)}年度行政执法数据统计表.xlsx`).catch((error: unknown) => {
              void message.error(errorMessage(error));
            })
          }
        >
          下载统计表（XLSX）
        </Button>
      </Space>
      <RemoteView remote={stats}>{(data) => <EnforcementStatisticsTable data={data} months />}</RemoteView>
    </Card>
  );
}
