import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Col, Row, Space } from 'antd';
import { type CSSProperties, useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
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
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)} style={{ paddingInline: 0, marginBottom: 8 }}>
        返回
      </Button>
      <RemoteView remote={remote} rows={10}>
        {(view) => <CaseBody view={view} reload={remote.reload} />}
      </RemoteView>
    </>
  );
}

const columnStyle: CSSProperties = { display: 'flex', flexDirection: 'column', gap: 12, width: '100%' };

function CaseBody({ view, reload }: { view: CaseView; reload: () => void }) {
  const isPhone = useIsPhone();
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
  // A plain flex column of keyed cards: antd's Space flattens fragments and keys its items by position, so a card
  // that changed place (the phone order) was mounted again — its step form and the answer shown in it lost.
  const column = (keys: CardKey[]) => (
    <div style={columnStyle}>
      {keys.map((k) => (
        <div key={k}>{card[k]}</div>
      ))}
    </div>
  );
  return (
    <CaseContext.Provider value={context}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <CaseHeader view={view} />
        {/* One tree for both layouts (only widths and order change), so switching between them — a tablet turned,
            a window resized — never remounts the cards and never empties a step form being filled in. */}
        <Row gutter={[12, 12]}>
          <Col xs={24} md={16} style={{ order: isPhone ? 2 : 1 }}>
            {column(['review', 'party', 'facts', 'decision', 'publicity', 'evidence', 'documents', 'timeline'])}
          </Col>
          <Col xs={24} md={8} style={{ order: isPhone ? 1 : 2 }}>
            {column(isPhone ? ['approval', 'actions', 'notYet', 'deadlines', 'urge', 'officers'] : ['deadlines', 'approval', 'actions', 'notYet', 'urge', 'officers'])}
          </Col>
        </Row>
      </Space>
    </CaseContext.Provider>
  );
}
