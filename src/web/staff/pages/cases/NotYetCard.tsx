import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, List, Typography } from 'antd';
import type { CaseView } from './types.ts';

/**
 * 暂不能办理: steps the user's role allows in this state but whose legal guards refuse them today — not offered in 办理,
 * each with why and, where a date decides it, when it becomes possible.
 */
export function NotYetCard({ view }: { view: CaseView }) {
  if (!view.notYet.length) return null;
  return (
    <Card size="small" title="暂不能办理" data-testid="not-yet-card">
      <List
        size="small"
        dataSource={view.notYet}
        renderItem={(n) => (
          <List.Item key={n.action} style={{ display: 'block' }}>
            <Typography.Text strong>
              <ClockCircleOutlined /> {n.label}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                {n.reason}
                {n.article && !n.reason.includes(n.article) ? `（依据：${n.article}）` : ''}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
