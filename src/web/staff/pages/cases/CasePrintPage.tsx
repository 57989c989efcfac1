import { PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { CaseHeader } from './CaseHeader.tsx';
import { DecisionCard, FactsCard, OfficersCard, PartyCard } from './CaseDetails.tsx';
import { DeadlinesCard } from './DeadlinesCard.tsx';
import { TimelineCard } from './TimelineCard.tsx';
import type { CaseView } from './types.ts';
import './case-page.css';

/**
 * 打印案件摘要 /cases/:id/print: the case's record on paper — header, party, facts, decision, deadlines, officers and
 * every step — without the app around it or anything to click (print CSS in case-page.css). Read-only: the same
 * GET /api/cases/:id as the case page; the printed time and the printing user are in the footer.
 */
export default function CasePrintPage() {
  const { id } = useParams();
  const remote = useRemote((signal) => api.get<CaseView>(`/cases/${Number(id)}`, undefined, signal), [id]);
  return (
    <RemoteView remote={remote} rows={10} missing={<Link to="/cases">返回案件列表</Link>}>
      {(view) => (
        <div className="case-print" data-testid="case-print">
          <Space className="no-print" style={{ marginBottom: 12 }}>
            <Link to={`/cases/${view.id}`}>返回案件</Link>
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
              打印
            </Button>
            <Typography.Text type="secondary">打印时不含菜单和按钮；浏览器打印对话框中可选“另存为 PDF”。</Typography.Text>
          </Space>
          <Typography.Title level={3} style={{ textAlign: 'center' }}>
            行政处罚案件摘要
          </Typography.Title>
          <CaseHeader view={view} />
          <PartyCard view={view} />
          <FactsCard view={view} />
          <DecisionCard view={view} />
          <DeadlinesCard view={view} />
          <OfficersCard view={view} />
          <TimelineCard view={view} all />
          <Typography.Text type="secondary" className="print-footer">
            打印时间：{new Date().toLocaleString('zh-CN', { hour12: false })}；本摘要仅供内部办案参考，不作为执法文书。
          </Typography.Text>
        </div>
      )}
    </RemoteView>
  );
}
