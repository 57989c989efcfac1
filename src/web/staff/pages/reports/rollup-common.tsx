/**
 * What the roll-up and the comparison pages share (issue #19 item 5): the colours of report statuses and figure
 * sources, and a figure with its source — an extracted one opens the sentence it was read from and the file.
 */
import { Button, Popover, Space, Tag, Typography } from 'antd';
import type { z } from 'zod';
import { type ReportStatus, rollupFigureSources } from '../../../../domain/rollup/model.ts';
import type { rollupCell } from '../../../../domain/rollup/views.ts';

type Cell = z.input<typeof rollupCell>;

export const statusColors: Record<ReportStatus, string> = { 'not-started': 'default', drafting: 'blue', published: 'green', late: 'orange', missing: 'red' };
export const sourceColors = { computed: 'blue', 'hand-entered': 'gold', extracted: 'purple', none: 'default' } as const;

export const formatCell = (value: number | null, unit: string) => (value === null ? '—' : `${String(value)}${unit === '%' ? '%' : ''}`);

/** A figure with its source tag; an extracted one (or one beside which the report states another) opens its sentence. */
export function CellView({ cell, unit, testId }: { cell: Cell; unit: string; testId?: string }) {
  const tag = cell.source === 'none' ? null : <Tag color={sourceColors[cell.source]}>{rollupFigureSources[cell.source]}</Tag>;
  const body = (
    <Space size={4} data-testid={testId}>
      <span>{formatCell(cell.value, unit)}</span>
      {tag}
    </Space>
  );
  if (!cell.extracted) return cell.note && cell.value === null ? <Typography.Text type="secondary">—</Typography.Text> : body;
  return (
    <Popover
      trigger="click"
      title={cell.source === 'extracted' ? '从上传的报告中提取' : `报告所述：${formatCell(cell.extracted.value, unit)}（未采用）`}
      content={
        <div style={{ maxWidth: 360 }} data-testid="extracted-sentence">
          <Typography.Paragraph style={{ marginBottom: 4 }}>“{cell.extracted.text}”</Typography.Paragraph>
          <Typography.Text type="secondary">
            {cell.extracted.fileName}
            {cell.extracted.approx ? '（约数）' : ''}
          </Typography.Text>
        </div>
      }
    >
      <Button type="link" size="small" style={{ padding: 0 }}>
        {body}
      </Button>
    </Popover>
  );
}

