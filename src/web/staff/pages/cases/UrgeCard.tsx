import { Alert, App, Button, Card, Input, Typography } from 'antd';
import { useState } from 'react';
import { casePolicy } from '../../../../domain/cases/policy.ts';
import { may } from '../../../../domain/policy.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { useMe } from '../../auth.tsx';
import { useCaseContext } from './case-context.tsx';

const FINISHED = new Set(['closed', 'archived', 'declined', 'withdrawn', 'transferred', 'terminated']);

/**
 * 督办 (supervisors and heads): a note urging the case's officers to act. It is recorded in the case's audit trail
 * (the timeline shows it) and waits in the officers' to-do lists until one of them acts on the case.
 */
export function UrgeCard() {
  const me = useMe();
  const { view, reload } = useCaseContext();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  if (!may(me, casePolicy.urgeCase) || FINISHED.has(view.state)) return null;
  const send = async () => {
    setSending(true);
    setError(undefined);
    try {
      await api.post(`/cases/${view.id}/urge`, { note });
      message.success('已督办，承办人员将在待办中看到');
      setNote('');
      reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  const officers = view.officers.filter((o) => !o.recused).map((o) => o.displayName);
  return (
    <Card size="small" title="督办" data-testid="urge-card">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        承办人员：{officers.length ? officers.join('、') : '尚未指定'}。督办意见记入案件审计记录，并在承办人员的待办中显示，直至其再次办理本案。
      </Typography.Paragraph>
      <Input.TextArea aria-label="督办意见" placeholder="如：请于本周内完成调查取证" value={note} maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} onChange={(e) => setNote(e.target.value)} />
      {error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={error} />}
      <Button style={{ marginTop: 8 }} loading={sending} disabled={note.trim().length < 2} onClick={() => void send()}>
        督办
      </Button>
    </Card>
  );
}
