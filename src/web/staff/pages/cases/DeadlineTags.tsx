import { Space, Tag, Typography } from 'antd';
import type { CaseSummary } from './types.ts';
import { urgencyColors } from './format.tsx';

/** A list row's open deadlines: overdue red, due within three working days orange. */
export function DeadlineTags({ deadlines }: { deadlines: CaseSummary['deadlines'] }) {
  if (!deadlines.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      {deadlines.map((d) => {
        const urgency = d.overdue ? 'overdue' : d.dueSoon ? 'dueSoon' : 'normal';
        return (
          <Tag key={d.kind} color={urgencyColors[urgency]} style={{ marginInlineEnd: 0 }}>
            {d.label} {d.dueOn}
            {d.overdue ? ' 已超期' : d.dueSoon ? ' 即将到期' : ''}
          </Tag>
        );
      })}
    </Space>
  );
}
