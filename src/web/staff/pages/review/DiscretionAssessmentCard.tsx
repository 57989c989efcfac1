import { Card } from 'antd';
import { api } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { type DiscretionPreview, PreviewView, SimilarCases } from '../../case-actions/DiscretionHelper.tsx';
import type { CaseView } from '../cases/types.ts';

/**
 * 裁量 for the reviewer: the benchmark's tier, range and explanation for the facts the officers recorded, the check of
 * the proposed fine against it (outside the range needs a written reason and this review) and similar decided cases
 * (《行政处罚法》第三十四条; POST /api/cases/:id/discretion/assess, which changes nothing).
 */
export function DiscretionAssessmentCard({ view }: { view: CaseView }) {
  const penalty = view.record.proposal?.penalty ?? null;
  const remote = useRemote(
    () => api.post<DiscretionPreview>(`/cases/${view.id}/discretion/assess`, penalty?.fineFen != null ? { fineFen: penalty.fineFen, outsideRangeReason: penalty.outsideRangeReason } : {}),
    [view.id, view.version],
  );
  return (
    <Card size="small" title="裁量基准适用" data-testid="review-discretion">
      <RemoteView remote={remote} rows={3}>
        {(preview) => (
          <>
            <PreviewView preview={preview} />
            <SimilarCases cases={preview.similarCases} />
          </>
        )}
      </RemoteView>
    </Card>
  );
}
