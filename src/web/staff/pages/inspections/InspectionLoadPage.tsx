import { Card, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import type { InspectionLoadView } from './common.tsx';

const PAGE_SIZE = 20;
type Row = InspectionLoadView['items'][number];
const capColors: Record<string, string> = { none: 'default', under: 'green', reached: 'orange', over: 'red' };

/**
 * 涉企检查频次 /inspections/load — the supervisor's answer to "too many inspections": per enterprise, how often the
 * units of the subtree inspected it in a year, how many of those were targeted (投诉举报、转办交办、数据监测、案件办理 —
 * outside the yearly caps, 《优化营商环境条例》第五十四条第二款), and per item whether its yearly cap is reached or passed.
 */
export default function InspectionLoadPage() {
  const me = useMe();
  const isPhone = useIsPhone();
  const [year, setYear] = useState(new Date().getFullYear());
  const [capStatus, setCapStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const remote = useRemote(
    (signal) => api.get<InspectionLoadView>(`/organizations/${me.organizationId}/inspection-load`, { year, capStatus, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    [me.organizationId, year, capStatus, page],
  );
  return (
    <Card size="small" title="涉企检查频次监督">
      <Space wrap style={{ marginBottom: 8 }}>
        <InputNumber aria-label="年度" min={2020} max={2100} value={year} onChange={(v) => { if (v) { setYear(v); setPage(1); } }} addonAfter="年" />
        <Select
          aria-label="频次筛选"
          allowClear
          placeholder="全部检查对象"
          style={{ width: 180 }}
          value={capStatus}
          onChange={(v?: string) => { setCapStatus(v); setPage(1); }}
          options={[{ value: 'reached', label: '已达或超过上限' }, { value: 'over', label: '超过上限' }]}
        />
      </Space>
      <RemoteView remote={remote}>
        {(load) => (
          <Table<Row>
            rowKey={(r) => r.subject.id}
            size="small"
            dataSource={load.items}
            scroll={isPhone ? { x: 640 } : undefined}
            locale={{ emptyText: `${load.year} 年没有符合条件的检查对象` }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: load.total, showSizeChanger: false, onChange: setPage, simple: isPhone }}
            expandable={{
              expandedRowRender: (r) => (
                <Space orientation="vertical" size={2}>
                  {r.items.map((i) => (
                    <Typography.Text key={i.id}>
                      {i.code} {i.name}：检查 {i.inspections} 次，计入频次 {i.counted} 次{i.yearlyCap !== null ? `（上限 ${i.yearlyCap} 次）` : ''} <Tag color={capColors[i.capStatus.key]}>{i.capStatus.label}</Tag>
                    </Typography.Text>
                  ))}
                </Space>
              ),
            }}
            columns={[
              { title: '检查对象', key: 'name', render: (_, r) => <span>{r.subject.name}<br /><Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>{r.subject.creditCode}</Typography.Text></span> },
              { title: '检查次数', dataIndex: 'inspections' },
              { title: '其中不计频次', dataIndex: 'capExempt' },
              { title: '检查单位数', dataIndex: 'units' },
              { title: '频次', key: 'cap', render: (_, r) => <Tag color={capColors[r.capStatus.key]}>{r.capStatus.label}</Tag> },
            ]}
          />
        )}
      </RemoteView>
    </Card>
  );
}
