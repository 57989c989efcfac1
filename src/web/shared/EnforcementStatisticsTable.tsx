/**
 * 行政执法数据 as a table (issue #19 item 4): shared by the staff page (年度报告 → 行政执法数据) and the portal's
 * 行政执法数据公示. One row per item, grouped by category; money in 万元 with two decimals; a row without a ledger reads
 * "本系统无记录"; the notes (sources, definitions, how several kinds count) under it, and optionally the months.
 */
import { Table, Tag, Typography } from 'antd';
import type { z } from 'zod';
import { type enforcementStatisticsView, formatStatistic } from '../../domain/reports/enforcement-statistics.ts';

export type EnforcementStatisticsData = z.input<typeof enforcementStatisticsView>;
type Row = EnforcementStatisticsData['rows'][number];

/** The category cell spans its rows (the usual statistical-table layout). */
function categorySpan(rows: Row[], index: number): number {
  const row = rows[index]!;
  if (index > 0 && rows[index - 1]!.category === row.category) return 0;
  let n = 1;
  while (rows[index + n]?.category === row.category) n++;
  return n;
}

export function EnforcementStatisticsTable({ data, months = false }: { data: EnforcementStatisticsData; months?: boolean }) {
  return (
    <div>
      <Typography.Title level={5} style={{ textAlign: 'center' }} data-testid="statistics-title">
        {data.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        统计期间：{data.year}年1月1日至12月31日 · 统计日期：{data.countedOn}
        {!data.closed && <Tag color="orange" style={{ marginLeft: 8 }}>年度尚未结束</Tag>}
      </Typography.Paragraph>
      <Table<Row>
        rowKey="key"
        size="small"
        bordered
        pagination={false}
        dataSource={data.rows}
        columns={[
          { title: '类别', dataIndex: 'categoryLabel', width: 72, onCell: (_, index) => ({ rowSpan: categorySpan(data.rows, index ?? 0) }) },
          { title: '项目', key: 'name', render: (_, r) => <span title={r.definition}>{r.name}</span> },
          {
            title: '数量',
            key: 'value',
            width: 112,
            align: 'right',
            render: (_, r) => (
              <span data-testid={`statistic-${r.key}`} style={r.recorded ? { fontWeight: 600 } : { color: '#999' }}>
                {formatStatistic(r)}
              </span>
            ),
          },
        ]}
      />
      {months && (
        <Table<Row>
          style={{ marginTop: 16 }}
          rowKey="key"
          size="small"
          pagination={false}
          scroll={{ x: 1100 }}
          dataSource={data.rows.filter((r) => r.recorded)}
          columns={[
            { title: '项目（分月）', dataIndex: 'name', width: 220, fixed: 'left' },
            ...Array.from({ length: 12 }, (_, m) => ({
              title: `${String(m + 1)}月`,
              key: `m${String(m)}`,
              width: 72,
              align: 'right' as const,
              render: (_: unknown, r: Row) => formatStatistic(r, r.months?.[m] ?? null).replace(/ (件|次|万元)$/, ''),
            })),
          ]}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 13 }}>
        说明：
      </Typography.Paragraph>
      <ol style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13, paddingLeft: 20 }} data-testid="statistics-notes">
        {data.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ol>
    </div>
  );
}
