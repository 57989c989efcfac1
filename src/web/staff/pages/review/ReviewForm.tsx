import { CheckCircleOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { caseActionInput } from '../../../../domain/cases/actions.ts';
import { type ChecklistProblem, checklistProblems, type ReviewChecklist, type ReviewItem, reviewItemKeys, reviewItems } from '../../../../domain/cases/legal-review.ts';
import { api, ApiError } from '../../../shared/api.ts';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import type { CaseView } from '../cases/types.ts';

interface Values {
  checklist: Partial<Record<ReviewItem, { passed?: boolean; note?: string }>>;
  opinion?: string;
}

type Refusal = { type: 'error' | 'warning'; title: string; description?: string; conflict?: boolean };

const resultOptions = [
  { value: true, label: '合格' },
  { value: false, label: '不合格' },
];

/** The payload of the legalReview step from the form's values (unanswered items stay unanswered). */
function payloadOf(values: Values, passed: boolean) {
  const checklist = Object.fromEntries(reviewItemKeys.flatMap((k) => (values.checklist[k]?.passed === undefined ? [] : [[k, { passed: values.checklist[k].passed, note: values.checklist[k].note ?? '' }]])));
  return { action: 'legalReview' as const, passed, opinion: values.opinion ?? '', checklist };
}

/** The problems the server would refuse with: the action's zod schema, then the checklist rules (legal-review.ts). */
function problemsOf(payload: ReturnType<typeof payloadOf>): ChecklistProblem[] {
  const parsed = caseActionInput.safeParse(payload);
  if (!parsed.success) return parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  return checklistProblems(payload.passed, payload.checklist as ReviewChecklist);
}

/**
 * 法制审核意见: the eight items of the checklist (主体、权限、事实、证据、程序、法律适用、裁量、文书), each 合格 or not with
 * a note, and the opinion; approve or return. Checked here with the same schema and rules the server applies, sent
 * with the case's version; a refusal shows the rule's message and article, a 409 offers to reload the case.
 */
export function ReviewForm({ view, onDone, onReload }: { view: CaseView; onDone: (next: CaseView, passed: boolean) => void; onReload: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [sending, setSending] = useState<boolean | null>(null);
  const [refusal, setRefusal] = useState<Refusal>();

  const showProblems = (problems: readonly ChecklistProblem[]) => {
    const byField = new Map<string, string[]>();
    for (const p of problems) {
      const name = formFieldOf(p.field);
      if (name) byField.set(name, [...(byField.get(name) ?? []), p.message]);
    }
    form.setFields([...byField].map(([field, errors]) => ({ name: field.split('.'), errors })));
  };

  const submit = async (passed: boolean) => {
    setRefusal(undefined);
    const payload = payloadOf(form.getFieldsValue(true) as Values, passed);
    const problems = problemsOf(payload);
    if (problems.length) {
      showProblems(problems);
      setRefusal({ type: 'error', title: '请按提示修改后再提交', description: [...new Set(problems.map((p) => p.message))].join('；') });
      return;
    }
    setSending(passed);
    try {
      const next = await api.post<CaseView>(`/cases/${view.id}/transitions`, { expectedVersion: view.version, ...payload });
      message.success(passed ? '法制审核已通过' : '已退回补正');
      onDone(next, passed);
    } catch (error) {
      setRefusal(refusalOf(error));
      if (error instanceof ApiError) showProblems(error.fieldProblems().map((p) => ({ field: p.field, message: p.message })));
    } finally {
      setSending(null);
    }
  };

  // A change answers the problems shown: they are checked again on the next submit.
  const clearProblems = () => {
    if (!refusal) return;
    setRefusal(undefined);
    form.setFields(form.getFieldsError().filter((f) => f.errors.length > 0).map((f) => ({ name: f.name, errors: [] })));
  };

  const allPassed = () => form.setFieldsValue({ checklist: Object.fromEntries(reviewItemKeys.map((k) => [k, { passed: true }])) });

  return (
    <Form form={form} name="legal-review" layout="vertical" aria-label="法制审核意见" size={isPhone ? 'large' : 'middle'} initialValues={{ checklist: {} }} onValuesChange={clearProblems}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Text type="secondary">逐项选择审核结果；不合格的须写明问题和意见。</Typography.Text>
        <Button size="small" onClick={allPassed}>
          全部合格
        </Button>
      </Space>
      {reviewItemKeys.map((k) => (
        <ChecklistItem key={k} item={k} />
      ))}
      <Form.Item name="opinion" label="审核意见" rules={[{ required: true, message: '请填写审核意见' }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder="例如：主体合法，事实清楚，证据确凿，程序合法，适用法律正确，裁量适当，同意。" />
      </Form.Item>
      {refusal && (
        <Alert
          style={{ marginBottom: 16 }}
          type={refusal.type}
          showIcon
          title={refusal.title}
          description={refusal.description}
          action={
            refusal.conflict && (
              <Button size="small" onClick={onReload}>
                重新加载
              </Button>
            )
          }
        />
      )}
      <Space wrap style={{ width: '100%' }} orientation={isPhone ? 'vertical' : 'horizontal'}>
        <Button type="primary" icon={<CheckCircleOutlined />} loading={sending === true} disabled={sending === false} onClick={() => void submit(true)} block={isPhone}>
          审核通过
        </Button>
        <Button danger icon={<RollbackOutlined />} loading={sending === false} disabled={sending === true} onClick={() => void submit(false)} block={isPhone}>
          退回补正
        </Button>
      </Space>
    </Form>
  );
}

function ChecklistItem({ item }: { item: ReviewItem }) {
  const { label, question } = reviewItems[item];
  const failed = Form.useWatch(['checklist', item, 'passed']) === false;
  return (
    <div role="group" aria-label={label} data-testid={`review-item-${item}`} style={{ borderBottom: '1px solid #f0f0f0', paddingBlock: 8 }}>
      <Form.Item
        name={['checklist', item, 'passed']}
        style={{ marginBottom: 6 }}
        label={
          <span>
            <Typography.Text strong>{label}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {question}
            </Typography.Text>
          </span>
        }
      >
        <Radio.Group optionType="button" buttonStyle="solid" options={resultOptions} />
      </Form.Item>
      <Form.Item name={['checklist', item, 'note']} style={{ marginBottom: 0 }}>
        <Input aria-label={`${label}审核说明`} maxLength={500} placeholder={failed ? '须写明存在的问题和整改意见' : '审核说明（可选）'} status={failed ? 'warning' : undefined} />
      </Form.Item>
    </div>
  );
}

/** The form field a problem belongs to: an item's result or note, or the opinion; others go to the alert only. */
function formFieldOf(field: string): string | null {
  const [root, item, part] = field.split('.');
  if (root === 'opinion') return 'opinion';
  if (root !== 'checklist' || !item || !reviewItemKeys.includes(item as ReviewItem)) return null;
  return `checklist.${item}.${part === 'note' ? 'note' : 'passed'}`;
}

function refusalOf(error: unknown): Refusal {
  if (!(error instanceof ApiError)) return { type: 'error', title: '提交失败，请稍后重试' };
  if (error.code === 'CONFLICT') return { type: 'warning', title: '已被他人更新', description: `${error.message}（其他人已办理了本案的其他步骤）`, conflict: true };
  const article = typeof error.details?.article === 'string' ? error.details.article : null;
  return { type: 'error', title: error.message, ...(article ? { description: `依据：${article}` } : {}) };
}
