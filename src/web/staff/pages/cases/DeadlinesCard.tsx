import { Card, List, Tag, Typography } from 'antd';
import { type DeadlineUrgency, deadlineUrgency, deadlineUrgencyLabels } from '../../../../domain/cases/deadline-urgency.ts';
import { chinaToday } from '../../../shared/dates.ts';
import { urgencyColors } from './format.tsx';
import type { CaseView } from './types.ts';
import { useDueSoonUntil } from './use-due-soon.ts';

/**
 * 办案期限 with their articles: overdue red, due within three working days orange, met ones grey with the act's date;
 * one met late by its step says so, with the reason recorded; one counted over a year whose holiday arrangement is not
 * yet entered says it is provisional (待国务院公布…后复核).
 */
export function DeadlinesCard({ view }: { view: CaseView }) {
  const soonUntil = useDueSoonUntil();
  const today = chinaToday();
  const urgencyOf = (d: CaseView['deadlines'][number]): DeadlineUrgency =>
    soonUntil ? deadlineUrgency(d, today, soonUntil) : d.metAt !== null ? 'met' : d.overdue ? 'overdue' : 'normal';
  return (
    <Card size="small" title="办案期限" data-testid="deadlines-card">
      {view.deadlines.length === 0 ? (
        <Typography.Text type="secondary">暂无期限。</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={view.deadlines}
          renderItem={(d) => {
            const urgency = urgencyOf(d);
            const met = urgency === 'met';
            return (
              <List.Item data-urgency={urgency} style={met ? { opacity: 0.55 } : undefined}>
                <List.Item.Meta
                  title={
                    <Typography.Text delete={met} type={urgency === 'overdue' ? 'danger' : urgency === 'dueSoon' ? 'warning' : undefined} strong={!met}>
                      {d.label}
                    </Typography.Text>
                  }
                  description={
                    d.metLate ? (
                      <>
                        {d.article}
                        <div data-testid="deadline-late-reason">
                          <Typography.Text type="danger">逾期办理（列入执法监督）：{d.lateReason ?? '未说明理由'}</Typography.Text>
                        </div>
                      </>
                    ) : d.provisional ? (
                      <>
                        {d.article}
                        <div data-testid="deadline-provisional">
                          <Typography.Text type="warning">暂按法定节日计算，{d.provisional}</Typography.Text>
                        </div>
                      </>
                    ) : (
                      d.article
                    )
                  }
                />
                <div style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  <div>{d.dueOn}</div>
                  <Tag color={urgencyColors[urgency]} style={{ marginInlineEnd: 0 }}>
                    {met ? `${deadlineUrgencyLabels.met} ${d.metOn ?? ''}` : deadlineUrgencyLabels[urgency]}
                  </Tag>
                </div>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
