import { Alert, App, Button, Form, type FormInstance } from 'antd';
import { type KeyboardEvent, type ReactNode, useMemo, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../../shared/api.ts';
import { chinaToday } from '../../shared/dates.ts';
import { useIsPhone } from '../../shared/use-is-phone.ts';
import { draftStore } from './drafts.ts';
import { usePenaltyProvisionOf } from './references.tsx';
import { checkPayload, type FormProblem, initialValues, mergeValues, namePathOf, toPayload } from './form-values.ts';
import type { FieldSpec } from './schema-fields.ts';
import { SchemaFields } from './SchemaFields.tsx';

export interface GeneratedFormProps<T> {
  /** Accessible name of the form (e.g. the step's label). */
  title: string;
  /** Prefix of the fields' element ids (antd Form `name`), unique on the page, e.g. the action key. */
  name: string;
  /** Keeps unsent input across remounts under this key (drafts.ts); dropped when the form is sent. */
  draftKey?: string;
  /** The zod schema the server validates with; checked before sending. */
  schema: z.ZodType;
  fields: readonly FieldSpec[];
  /** Sent as they are besides the fields (e.g. `{ action: 'file' }`). */
  fixed?: Record<string, unknown>;
  /** Form values that replace the schema's defaults (e.g. the current proposal when revising it). */
  initial?: Record<string, unknown>;
  submitLabel: string;
  send: (payload: Record<string, unknown>) => Promise<T>;
  onDone: (result: T) => void;
  /** Offered when the server answers 409 (someone else changed the case meanwhile). */
  onReload?: () => void;
  renderFacts?: (form: FormInstance, field: FieldSpec) => ReactNode;
  /**
   * An irreversible step: what will happen, shown in a confirmation before sending (domain/cases/irreversible.ts).
   * Such a form is sent only by its button — Enter in a field (a barcode scanner sends one) does nothing.
   */
  confirm?: string;
}

/** A server refusal as the form shows it. */
type Refusal = { kind: 'rule'; message: string; article: string | null } | { kind: 'conflict'; message: string } | { kind: 'error'; message: string; problems: string[] };

/**
 * A form generated from a zod schema: checks the input with the same schema the server uses (Chinese messages on
 * the fields), sends it, and shows a refusal in the form — a legal rule's message with its article, a conflict
 * with a button to reload the case, or the server's validation message on the fields it names.
 */
export function GeneratedForm<T>({ title, name, draftKey, schema, fields, fixed = {}, initial, submitLabel, send, onDone, onReload, renderFacts, confirm }: GeneratedFormProps<T>) {
  const [form] = Form.useForm();
  const isPhone = useIsPhone();
  const { message, modal } = App.useApp();
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const startValues = useMemo(
    () => (draftKey ? draftStore.get<Record<string, unknown>>(draftKey) : undefined) ?? mergeValues(initialValues(fields, chinaToday()), initial),
    [fields, initial, draftKey],
  );
  const penaltyProvisionOf = usePenaltyProvisionOf();
  const onValuesChange = (changed: Record<string, unknown>) => {
    // The 处罚依据 is the chosen violation's 罚则 (《行政处罚法》第五十二条第二款; the server checks it), not typed by hand.
    if (typeof changed.powerItemId === 'number' && fields.some((f) => f.name === 'penalty')) {
      const provision = penaltyProvisionOf(changed.powerItemId);
      if (provision) form.setFieldValue(['penalty', 'basis'], provision);
    }
    if (draftKey) draftStore.set(draftKey, form.getFieldsValue(true));
  };

  const showProblems = (problems: FormProblem[]) => {
    const named = problems.filter((p) => p.name.length > 0 && form.getFieldInstance(p.name) !== undefined);
    form.setFields(named.map((p) => ({ name: p.name, errors: [p.message] })));
    const rest = problems.filter((p) => !named.includes(p)).map((p) => p.message);
    return rest;
  };

  const submit = async () => {
    setRefusal(undefined);
    const payload = { ...fixed, ...toPayload(fields, form.getFieldsValue(true) as Record<string, unknown>) };
    const problems = checkPayload(schema, payload, fields);
    if (problems.length > 0) {
      const rest = showProblems(problems);
      setRefusal({ kind: 'error', message: '请按提示修改后再提交', problems: rest });
      return;
    }
    if (confirm && !(await modal.confirm({ title: `确认${title}？`, content: confirm, okText: '确认提交', cancelText: '返回修改' }))) return;
    setSending(true);
    try {
      const result = await send(payload);
      message.success(`${title}：已提交`);
      if (draftKey) draftStore.drop(draftKey);
      form.resetFields();
      onDone(result);
    } catch (error) {
      setRefusal(refusalOf(error, showProblems));
    } finally {
      setSending(false);
    }
  };

  return (
    <Form
      form={form}
      name={name}
      layout="vertical"
      size={isPhone ? 'large' : 'middle'}
      initialValues={startValues}
      onValuesChange={onValuesChange}
      onFinish={() => void submit()}
      onKeyDown={confirm ? ignoreEnter : undefined}
      aria-label={title}
      scrollToFirstError
    >
      <SchemaFields fields={fields} renderFacts={renderFacts ? (f) => renderFacts(form, f) : undefined} />
      {refusal && <RefusalAlert refusal={refusal} onReload={onReload} />}
      <Button type="primary" htmlType="submit" loading={sending} block={isPhone} size={isPhone ? 'large' : 'middle'}>
        {submitLabel}
      </Button>
    </Form>
  );
}

/** Enter in a field of an irreversible step's form does not send it (a form's implicit submission). */
function ignoreEnter(event: KeyboardEvent<HTMLFormElement>) {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target.tagName === 'INPUT') event.preventDefault();
}

function refusalOf(error: unknown, showProblems: (p: FormProblem[]) => string[]): Refusal {
  if (!(error instanceof ApiError)) return { kind: 'error', message: '提交失败，请稍后重试', problems: [] };
  if (error.code === 'CONFLICT') return { kind: 'conflict', message: error.message };
  if (error.code === 'RULE_VIOLATION') {
    const article = typeof error.details?.article === 'string' ? error.details.article : null;
    // A rule about particular fields (e.g. a failed checklist item without a note) marks them too.
    showProblems(error.fieldProblems().map((p) => ({ name: namePathOf(p.field), message: p.message })));
    return { kind: 'rule', message: error.message, article };
  }
  const rest = showProblems(error.fieldProblems().map((p) => ({ name: namePathOf(p.field), message: p.message })));
  return { kind: 'error', message: error.message, problems: rest.filter((m) => m !== error.message) };
}

function RefusalAlert({ refusal, onReload }: { refusal: Refusal; onReload: (() => void) | undefined }) {
  const style = { marginBottom: 16 };
  switch (refusal.kind) {
    case 'rule':
      return <Alert style={style} type="error" showIcon title={refusal.message} description={refusal.article ? `依据：${refusal.article}` : undefined} />;
    case 'conflict':
      return (
        <Alert
          style={style}
          type="warning"
          showIcon
          title="案件已被他人更新"
          description={refusal.message}
          action={
            onReload && (
              <Button size="small" onClick={onReload}>
                重新加载
              </Button>
            )
          }
        />
      );
    case 'error':
      return <Alert style={style} type="error" showIcon title={refusal.message} description={refusal.problems.length ? refusal.problems.join('；') : undefined} />;
  }
}
