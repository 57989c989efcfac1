import { Alert, App, Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../../shared/api.ts';
import { notifyTodoChanged } from '../../todo-count.tsx';
import { useCaseContext } from './case-context.tsx';
import type { CaseView } from './types.ts';

type Place = NonNullable<CaseView['approval']>['places'][number];

/**
 * 审批意见: the approval form the case is at (立案审批表 of a clue, 结案审批表 of a decided ordinary case), each place
 * with the opinion its author signed. A place the viewer may sign now is marked 待我签署 with a form to sign it in
 * their own name (`signOpinion`): nobody types another person's opinion.
 */
export function ApprovalCard() {
  const { view } = useCaseContext();
  const approval = view.approval;
  if (!approval) return null;
  const mine = approval.places.filter((p) => p.mine).length;
  return (
    <Card
      size="small"
      title={`${approval.formLabel}意见`}
      extra={mine ? <Tag color="orange">待我签署 {mine}</Tag> : null}
      data-testid="approval-card"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        每一栏由其本人登录后签署；依据：{approval.basis}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={approval.places}
        renderItem={(p) => (
          <List.Item key={p.role} style={{ display: 'block' }}>
            <PlaceRow place={p} form={approval.form} />
          </List.Item>
        )}
      />
    </Card>
  );
}

function PlaceRow({ place, form }: { place: Place; form: string }) {
  const { view, reload } = useCaseContext();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const sign = async () => {
    setSending(true);
    setError(undefined);
    try {
      await api.post(`/cases/${view.id}/transitions`, { expectedVersion: view.version, action: 'signOpinion', form, role: place.role, text });
      message.success('已签署');
      notifyTodoChanged();
      setText('');
      reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>{place.roleLabel}</Typography.Text>
        {place.signed ? (
          <Tag color="green">已签署</Tag>
        ) : place.mine ? (
          <Tag color="orange" data-testid={`sign-${place.role}`}>
            待我签署
          </Tag>
        ) : (
          <Tag>未签署</Tag>
        )}
      </Space>
      {place.signed && (
        <Typography.Text>
          {place.signed.text}
          <Typography.Text type="secondary">
            {' '}
            —— {place.signed.by.name}，{place.signed.on}
          </Typography.Text>
        </Typography.Text>
      )}
      {place.mine && (
        <>
          <Input.TextArea
            aria-label={`${place.roleLabel}（本人签署）`}
            placeholder={`请填写您的${place.roleLabel}，如“同意”`}
            value={text}
            maxLength={1000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(e) => setText(e.target.value)}
          />
          {error && <Alert type="error" showIcon title={error} />}
          <Button type="primary" size="small" loading={sending} disabled={!text.trim()} onClick={() => void sign()}>
            以本人名义签署
          </Button>
        </>
      )}
    </Space>
  );
}
