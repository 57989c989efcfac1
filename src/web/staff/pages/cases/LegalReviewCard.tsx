import { Card, List, Space, Tag, Typography } from 'antd';
import { reviewItemKeys, reviewItems } from '../../../../domain/cases/legal-review.ts';
import type { CaseView } from './types.ts';

/**
 * 法制审核 (《行政处罚法》第五十八条): every review of the case with its result, the reviewer's opinion and each failed
 * checklist item with its note — so a returned review tells the officer what to put right before it is reviewed again.
 */
export function LegalReviewCard({ view }: { view: CaseView }) {
  const reviews = view.record.legalReviews;
  if (!reviews.length) return null;
  const latest = reviews.at(-1)!;
  return (
    <Card
      size="small"
      title="法制审核"
      extra={latest.passed ? <Tag color="green">审核通过</Tag> : <Tag color="red">已退回</Tag>}
      data-testid="legal-review-card"
    >
      <List
        size="small"
        dataSource={[...reviews].reverse()}
        renderItem={(r, i) => {
          const failed = r.checklist ? reviewItemKeys.filter((k) => !r.checklist![k].passed) : [];
          return (
            <List.Item key={`${r.on}-${i}`} style={{ display: 'block' }}>
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap>
                  {r.passed ? <Tag color="green">通过</Tag> : <Tag color="red">不通过，退回补正</Tag>}
                  <Typography.Text type="secondary">
                    {r.reviewerName}，{r.on}
                  </Typography.Text>
                </Space>
                <Typography.Text>审核意见：{r.opinion}</Typography.Text>
                {failed.length > 0 && (
                  <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="failed-review-items">
                    {failed.map((k) => (
                      <li key={k}>
                        <Typography.Text type="danger">{reviewItems[k].label}不合格</Typography.Text>：{r.checklist![k].note}
                      </li>
                    ))}
                  </ul>
                )}
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
