import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Collapse, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { reviewItemKeys, reviewItems } from '../../../../domain/cases/legal-review.ts';
import { api } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { CaseHeader } from '../cases/CaseHeader.tsx';
import { DecisionCard, FactsCard } from '../cases/CaseDetails.tsx';
import { DeadlinesCard } from '../cases/DeadlinesCard.tsx';
import { EvidenceCard } from '../cases/EvidenceCard.tsx';
import { TimelineCard } from '../cases/TimelineCard.tsx';
import type { CaseView } from '../cases/types.ts';
import { DiscretionAssessmentCard } from './DiscretionAssessmentCard.tsx';
import { ReviewForm } from './ReviewForm.tsx';
import type { ReviewQueueItem, ReviewQueuePage } from './types.ts';

/**
 * One case on the reviewer's desk: what the review examines — facts, the proposal, the discretion assessment,
 * evidence, deadlines and the steps so far — next to the checklist and the opinion (stacked on a phone).
 */
export function ReviewCase({ id }: { id: number }) {
  const remote = useRemote(async (signal) => {
    const view = await api.get<CaseView>(`/cases/${id}`, undefined, signal);
    const queue = await api.get<ReviewQueuePage>('/legal-reviews/queue', { caseId: id, limit: 1 }, signal);
    return { view, queued: queue.items[0] ?? null };
  }, [id]);
  return (
    <>
      <Link to="/review">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, marginBottom: 8 }}>
          返回待审核案件
        </Button>
      </Link>
      <RemoteView remote={remote} rows={10}>
        {({ view, queued }) => <ReviewBody key={view.version} initial={view} queued={queued} reload={remote.reload} />}
      </RemoteView>
    </>
  );
}

function ReviewBody({ initial, queued, reload }: { initial: CaseView; queued: ReviewQueueItem | null; reload: () => void }) {
  const [view, setView] = useState(initial);
  const [done, setDone] = useState<boolean | null>(null);
  const dossier = (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <FactsCard view={view} />
      <DecisionCard view={view} />
      <DiscretionAssessmentCard view={view} />
      <EvidenceCard view={view} reload={reload} />
      <DeadlinesCard view={view} />
    </Space>
  );
  const desk = (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title="法制审核意见" data-testid="review-form-card">
        <ReviewStatus queued={queued} done={done} />
        {done === null && <ReviewFormOrNotice view={view} onDone={(next, passed) => (setView(next), setDone(passed))} reload={reload} />}
      </Card>
      <PastReviews view={view} />
      <TimelineCard view={view} />
    </Space>
  );
  // One tree for every width (the columns stack below lg by CSS), so a change of breakpoint never remounts the
  // form being filled in.
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <CaseHeader view={view} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          {dossier}
        </Col>
        <Col xs={24} lg={10}>
          {desk}
        </Col>
      </Row>
    </Space>
  );
}

function ReviewStatus({ queued, done }: { queued: ReviewQueueItem | null; done: boolean | null }) {
  const style = { marginBottom: 12 };
  if (done !== null) {
    return (
      <Alert
        style={style}
        type={done ? 'success' : 'warning'}
        showIcon
        title={done ? '审核结论已记录：通过' : '审核结论已记录：退回补正'}
        description={done ? '负责人可据此作出决定；本案已移出待审核队列。' : '承办人员补正后，本案仍在待审核队列中等待重新审核。'}
        action={
          <Link to="/review">
            <Button size="small">返回待审核案件</Button>
          </Link>
        }
      />
    );
  }
  if (!queued) return <Alert style={style} type="info" showIcon title="本案当前不在待审核队列中" description="可能无须法制审核，或已有审核通过的意见。" />;
  return (
    <Alert
      style={style}
      type={queued.status === 'pending' ? 'info' : 'warning'}
      showIcon
      title={`${queued.statusLabel}（《行政处罚法》第五十八条）`}
      description={
        <Space wrap size={[4, 4]}>
          审核事由：
          {queued.reasons.map((r) => (
            <Tag key={r}>{r}</Tag>
          ))}
          {queued.hearingPending && <Typography.Text type="warning">听证尚未举行，听证后须重新审核。</Typography.Text>}
        </Space>
      }
    />
  );
}

function ReviewFormOrNotice({ view, onDone, reload }: { view: CaseView; onDone: (next: CaseView, passed: boolean) => void; reload: () => void }) {
  if (!view.availableActions.some((a) => a.action === 'legalReview')) {
    return <Typography.Paragraph type="secondary">法制审核由法制审核员办理；本案当前状态下您不能提交审核意见。</Typography.Paragraph>;
  }
  return <ReviewForm view={view} onDone={onDone} onReload={reload} />;
}

/** Earlier reviews of the case, each with its checklist (reviews recorded before the checklist existed have none). */
function PastReviews({ view }: { view: CaseView }) {
  const reviews = view.record.legalReviews;
  if (reviews.length === 0) return null;
  return (
    <Card size="small" title={`审核记录（${reviews.length}）`} data-testid="past-reviews">
      <Collapse
        size="small"
        items={reviews.map((r, i) => ({
          key: i,
          label: (
            <Space wrap size={4}>
              <Tag color={r.passed ? 'green' : 'red'}>{r.passed ? '通过' : '退回'}</Tag>
              {r.on} · {r.reviewerName}
            </Space>
          ),
          children: (
            <>
              <Typography.Paragraph>{r.opinion}</Typography.Paragraph>
              {reviewItemKeys.flatMap((k) => {
                const result = r.checklist?.[k];
                return result
                  ? [
                      <div key={k}>
                        <Tag color={result.passed ? 'green' : 'red'}>
                          {reviewItems[k].label}：{result.passed ? '合格' : '不合格'}
                        </Tag>
                        {result.note}
                      </div>,
                    ]
                  : [];
              })}
            </>
          ),
        }))}
      />
    </Card>
  );
}
