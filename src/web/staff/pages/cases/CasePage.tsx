import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { ActionsCard } from './ActionsCard.tsx';
import { CaseContext } from './case-context.tsx';
import { CaseHeader } from './CaseHeader.tsx';
import { DecisionCard, FactsCard, OfficersCard, PartyCard } from './CaseDetails.tsx';
import { PublicityCard } from './PublicityCard.tsx';
import { ApprovalCard } from './ApprovalCard.tsx';
import { LegalReviewCard } from './LegalReviewCard.tsx';
import { UrgeCard } from './UrgeCard.tsx';
import { NotYetCard } from './NotYetCard.tsx';
import { DeadlinesCard } from './DeadlinesCard.tsx';
import { DocumentsCard } from './DocumentsCard.tsx';
import { EvidenceCard } from './EvidenceCard.tsx';
import { TimelineCard } from './TimelineCard.tsx';
import type { CaseView } from './types.ts';
import './case-page.css';

/**
 * 案件详情 /cases/:id: the case as one page — header and progress, what to do next (办理), deadlines, party, facts,
 * decision, evidence, documents, officers and the timeline of every step. On a phone the cards stack in the order
 * an officer in the street needs them.
 */
export default function CasePage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const remote = useRemote((signal) => api.get<CaseView>(`/cases/${Number(id)}`, undefined, signal), [id]);
  return (
    <>
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => void (cameFromApp() ? navigate(-1) : navigate('/cases'))} style={{ paddingInline: 0 }}>
          返回
        </Button>
        {remote.data && (
          <Link to={`/cases/${remote.data.id}/print`} data-testid="case-print-link">
            <PrinterOutlined /> 打印摘要
          </Link>
        )}
      </Space>
      <RemoteView remote={remote} rows={10} missing={<Link to="/cases">返回案件列表</Link>}>
        {(view) => <CaseBody view={view} reload={remote.reload} />}
      </RemoteView>
    </>
  );
}

/**
 * Whether the page was reached inside the app (the router numbers its history entries from 0): a case opened from a
 * link in a chat or a new tab has nothing to go back to, and 返回 opens the case list instead of about:blank.
 */
function cameFromApp(): boolean {
  const idx = (window.history.state as { idx?: unknown } | null)?.idx;
  return typeof idx === 'number' && idx > 0;
}

function CaseBody({ view, reload }: { view: CaseView; reload: () => void }) {
  const context = useMemo(() => ({ view, reload }), [view, reload]);
  const card = {
    actions: <ActionsCard />,
    approval: <ApprovalCard />,
    review: <LegalReviewCard view={view} />,
    urge: <UrgeCard />,
    notYet: <NotYetCard view={view} />,
    deadlines: <DeadlinesCard view={view} />,
    party: <PartyCard view={view} />,
    facts: <FactsCard view={view} />,
    decision: <DecisionCard view={view} />,
    publicity: <PublicityCard view={view} reload={reload} />,
    evidence: <EvidenceCard view={view} reload={reload} />,
    documents: <DocumentsCard view={view} />,
    officers: <OfficersCard view={view} />,
    timeline: <TimelineCard view={view} />,
  };
  type CardKey = keyof typeof card;
  // Where each card sits on a phone, where both columns melt into one (case-page.css): what an officer in the
  // street needs first.
  const phoneOrder: CardKey[] = ['approval', 'actions', 'notYet', 'deadlines', 'urge', 'review', 'officers', 'party', 'facts', 'decision', 'publicity', 'evidence', 'documents', 'timeline'];
  // Plain keyed divs: antd's Space flattens fragments and keys its items by position, so a card that changed place
  // was mounted again — its step form and the answer shown in it lost.
  const column = (keys: CardKey[], className: string) => (
    <div className={className}>
      {keys.map((k) => (
        <div key={k} style={{ order: phoneOrder.indexOf(k) }}>
          {card[k]}
        </div>
      ))}
    </div>
  );
  return (
    <CaseContext.Provider value={context}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <CaseHeader view={view} />
        {/* One tree for every width (only CSS changes), so a tablet turned or a window resized never remounts the
            cards and never empties a step form being filled in. The step forms (办理) head the wide column: at
            1280 px a form has two thirds of the page, not a 270 px side column. */}
        <div className="case-layout" data-testid="case-layout">
          {column(['approval', 'actions', 'notYet', 'review', 'party', 'facts', 'decision', 'publicity', 'evidence', 'documents', 'timeline'], 'case-main')}
          {column(['deadlines', 'urge', 'officers'], 'case-side')}
        </div>
      </Space>
    </CaseContext.Provider>
  );
}
