import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { casePolicy } from '../../../../domain/cases/policy.ts';
import { may } from '../../../../domain/policy.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { useMe } from '../../auth.tsx';
import type { CaseView } from './types.ts';

/**
 * 公示 of a decision the law requires to be published (《行政处罚法》第四十八条): the record exactly as the portal will
 * show it — masked — and the button that publishes it, after a confirmation. Shown while the publicity is pending;
 * the case cannot be closed before (the guard publicityBeforeClosing).
 */
export function PublicityCard({ view, reload }: { view: CaseView; reload: () => void }) {
  const me = useMe();
  const { message, modal } = App.useApp();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const pub = view.publicity;
  if (!pub || pub.status !== 'pending') return null;
  const p = pub.preview;
  const canPublish = may(me, casePolicy.publishDecision);
  const publish = async () => {
    const ok = await modal.confirm({
      title: '确认公示该行政处罚决定？',
      content: '公示后，上方脱敏后的内容将在门户网站向社会公开（自然人的公示到期自动撤下），不可撤回；决定被撤销或变更的，公示随之撤回。',
      okText: '确认公示',
      cancelText: '返回',
    });
    if (!ok) return;
    setSending(true);
    setError(undefined);
    try {
      await api.post(`/cases/${view.id}/publicity/publish`, {});
      message.success('已公示');
      reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Card size="small" title="待公示：门户网站将显示的内容" data-testid="publicity-card">
      <Typography.Paragraph type="secondary">
        依《行政处罚法》第四十八条，本决定应当在 {pub.dueOn} 前公示；当事人为自然人的，姓名、身份证号、电话和门牌号已隐去。请核对后公示，公示后方可结案。
      </Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'code', label: '行政行为码', children: p.actCode },
          { key: 'number', label: '决定书文号', children: p.decisionNumber ?? '—' },
          { key: 'org', label: '作出决定机关', children: p.organizationName },
          { key: 'party', label: '当事人', children: p.party.name },
          { key: 'title', label: '案由', children: p.title },
          { key: 'facts', label: '违法事实', children: p.facts },
          { key: 'basis', label: '处罚依据', children: p.basis ?? '—' },
          { key: 'penalty', label: '处罚内容', children: p.penalty ?? '—' },
          { key: 'on', label: '决定日期', children: p.decidedOn },
        ]}
      />
      {error && <Alert style={{ margin: '12px 0' }} type="error" showIcon title={error} />}
      {canPublish && (
        <Button type="primary" icon={<CheckCircleOutlined />} loading={sending} onClick={() => void publish()} style={{ marginTop: 12 }}>
          公示
        </Button>
      )}
    </Card>
  );
}
