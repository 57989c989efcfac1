import { Alert, App, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { serviceMethodLabels } from '../../../../domain/cases/corrections.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import type { CaseView } from './types.ts';

export type CorrectionTargetView = CaseView['corrections'][number];
type FieldView = CorrectionTargetView['fields'][number];

const shown = (f: FieldView, value: string): string => (f.input === 'serviceMethod' ? (serviceMethodLabels[value as keyof typeof serviceMethodLabels] ?? value) : value || '（未记录）');

/** The new value's input, by the kind of field (domain/cases/corrections.ts `correctableFields`). */
function ValueInput({ field, value, onChange }: { field: FieldView; value: string; onChange: (v: string) => void }) {
  if (field.input === 'serviceMethod') {
    const options = Object.entries(serviceMethodLabels)
      .filter(([k]) => k !== 'announcement' && k !== field.current)
      .map(([k, label]) => ({ value: k, label }));
    return <Select aria-label="更正后的内容" data-testid="correction-value" value={value || undefined} placeholder="请选择送达方式" options={options} onChange={onChange} />;
  }
  if (field.input === 'date') return <Input aria-label="更正后的内容" data-testid="correction-value" type="date" value={value} onChange={(e) => onChange(e.target.value)} />;
  if (field.input === 'time') return <Input aria-label="更正后的内容" data-testid="correction-value" type="time" value={value} onChange={(e) => onChange(e.target.value)} />;
  return <Input aria-label="更正后的内容" data-testid="correction-value" value={value} maxLength={200} onChange={(e) => onChange(e.target.value)} />;
}

/**
 * 更正 of a timeline entry's recorded data: the field (those the law does not let be corrected are listed, disabled,
 * with why), the new value and the reason; sent as the step `correctRecord` after a confirmation saying that the old
 * value, the new value and the reason are recorded and which periods are counted again.
 */
export function CorrectionDialog({ view, target, onClose, onDone }: { view: CaseView; target: CorrectionTargetView; onClose: () => void; onDone: () => void }) {
  const { modal, message } = App.useApp();
  const firstOpen = target.fields.find((f) => !f.locked)?.field;
  const [fieldKey, setFieldKey] = useState<string | undefined>(firstOpen);
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const field = target.fields.find((f) => f.field === fieldKey);

  const submit = async () => {
    if (!field) return;
    const content = (
      <>
        <p>
          {field.label}：{shown(field, field.current)} → {shown(field, value)}
        </p>
        <p>更正将作为单独的办理步骤记入案件，原值、新值和理由保留在办理记录中，不可撤回。</p>
        {field.recomputes && <p>将重新计算：{field.recomputes}。</p>}
      </>
    );
    if (!(await modal.confirm({ title: '确认更正？', content, okText: '确认更正', cancelText: '返回修改' }))) return;
    setSending(true);
    setError(undefined);
    try {
      await api.post(`/cases/${view.id}/transitions`, { expectedVersion: view.version, action: 'correctRecord', target: target.target, field: field.field, value, reason });
      message.success('已更正，并记入办理记录');
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal open title={`更正：${target.title}`} onCancel={onClose} footer={null} destroyOnHidden data-testid="correction-dialog">
      <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label="更正事项" required>
          <Select
            aria-label="更正事项"
            data-testid="correction-field"
            value={fieldKey}
            placeholder="请选择要更正的事项"
            onChange={(k: string) => {
              setFieldKey(k);
              setValue('');
              setError(undefined);
            }}
            options={target.fields.map((f) => ({ value: f.field, label: f.locked ? `${f.label}（不能更正）` : f.label, disabled: f.locked !== null }))}
          />
        </Form.Item>
        {target.fields
          .filter((f) => f.locked)
          .map((f) => (
            <Typography.Paragraph key={f.field} type="secondary" style={{ fontSize: 12 }} data-testid={`correction-locked-${f.field}`}>
              {f.label}不能更正：{f.locked}
            </Typography.Paragraph>
          ))}
        {field && (
          <>
            <Typography.Paragraph style={{ fontSize: 12 }}>
              原记录：<Typography.Text strong>{shown(field, field.current)}</Typography.Text>
              <br />
              <Typography.Text type="secondary">
                {field.reason}（依据：{field.basis}）
              </Typography.Text>
            </Typography.Paragraph>
            <Form.Item label="更正后的内容" required>
              <ValueInput field={field} value={value} onChange={setValue} />
            </Form.Item>
            <Form.Item label="更正理由" required>
              <Input.TextArea aria-label="更正理由" data-testid="correction-reason" value={reason} maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} placeholder="如：送达回证记载为 15:30，录入时误填为 10:00" onChange={(e) => setReason(e.target.value)} />
            </Form.Item>
          </>
        )}
        {!firstOpen && <Alert type="info" showIcon title="此记录的事项依法均不能更正" />}
        {error && <Alert style={{ marginBottom: 8 }} type="error" showIcon title={error} data-testid="correction-error" />}
        <Button type="primary" htmlType="button" data-testid="correction-submit" loading={sending} disabled={!field || !value.trim() || reason.trim().length < 2} onClick={() => void submit()}>
          提交更正
        </Button>
      </Form>
    </Modal>
  );
}
