import { Card, Timeline, Typography } from 'antd';
import { formatDateTime } from './format.tsx';
import type { CaseView } from './types.ts';

/** Every step of the case from its audit chain: what, who, when (newest last, as a case file reads). */
export function TimelineCard({ view }: { view: CaseView }) {
  return (
    <Card size="small" title={`办理记录（${view.timeline.length}）`} data-testid="case-timeline">
      <Timeline
        items={view.timeline.map((t) => ({
          key: t.seq,
          color: t.action === 'case.evidence' ? 'green' : 'blue',
          content: (
            <>
              <Typography.Text strong>{t.label}</Typography.Text>
              <div>
                <Typography.Text type="secondary">
                  {t.actorName ?? '未知用户'} · {formatDateTime(t.at)}
                </Typography.Text>
              </div>
            </>
          ),
        }))}
      />
    </Card>
  );
}
