/**
 * 办案参数: the local parameters of the case engine for one organization. The form is generated from the domain's
 * `caseSettingsSchema` (titles and hints from each field's `.meta`, widgets by the generated-form rules of
 * case-actions/schema-fields.ts), so a parameter added to the schema appears here without a change to this page.
 * Each parameter shows the value in force and where it comes from: set by this unit, inherited from a unit above,
 * or the lawful default; an admin sets it here or resets it to the inherited value.
 */
import { CalendarOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, List, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { investigationActs } from '../../../../domain/cases/model.ts';
import { caseSettingsSchema, defaultCaseSettings, numberPatternExample, publicityScopes } from '../../../../domain/cases/settings.ts';
import { ApiError, api, errorMessage } from '../../../shared/api.ts';
import type { CaseSettingsAnswer } from '../../../../domain/cases/views.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import { casePolicy } from '../../../../domain/cases/policy.ts';
import { adminPolicy } from '../../../../domain/admin/policy.ts';
import { may } from '../../../../domain/policy.ts';
import { yuanToFen } from '../../case-actions/form-values.ts';
import { SchemaFields } from '../../case-actions/SchemaFields.tsx';
import { type FieldSpec, fieldsOf } from '../../case-actions/schema-fields.ts';
import { OrgPicker, useChosenOrganization } from './OrgPicker.tsx';

type Values = Record<string, unknown>;

/** Labels for the settings' own enums (the case enums are labelled by the generated-form tables). */
const extraLabels: Record<string, string> = { ...investigationActs, ...publicityScopes };

function withLabels(field: FieldSpec): FieldSpec {
  if (field.kind !== 'enum' && field.kind !== 'enumList') return field;
  return { ...field, options: field.options.map((o) => ({ value: o.value, label: o.label === o.value ? (extraLabels[o.value] ?? o.value) : o.label })) };
}

interface Parameter {
  field: FieldSpec;
  /** Title of the group it belongs to (e.g. 文书文号格式), if any. */
  group: string | undefined;
}

/** Every leaf parameter, in schema order; an object's fields are listed under its title. */
function parametersOf(fields: readonly FieldSpec[]): Parameter[] {
  return fields.flatMap((f): Parameter[] => (f.kind === 'object' ? f.fields.map((child) => ({ field: withLabels(child), group: f.title })) : [{ field: withLabels(f), group: undefined }]));
}

const valueAt = (values: Values | undefined, path: readonly string[]): unknown => path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Values)[key] : undefined), values);

function withValue(values: Values, path: readonly string[], value: unknown): Values {
  const [head, ...rest] = path;
  if (!head) return values;
  const copy = { ...values };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const inner = withValue((copy[head] as Values | undefined) ?? {}, rest, value);
  if (Object.keys(inner).length === 0) delete copy[head];
  else copy[head] = inner;
  return copy;
}

function display(field: FieldSpec, value: unknown, prefix: string): string {
  if (value === null || value === undefined || value === '') return '未设置';
  // A 文号 pattern shown as the number it makes, not its {prefix}{year}{seq} placeholders.
  if (field.path[0] === 'numberPatterns' && typeof value === 'string') return `${numberPatternExample(value, prefix, new Date().getFullYear())}（示例，序号逐年从 1 起编）`;
  if (field.kind === 'money') return `${(Number(value) / 100).toLocaleString('zh-CN')} 元`;
  if (field.kind === 'boolean') return value ? '是' : '否';
  if (field.kind === 'enum') return field.options.find((o) => o.value === value)?.label ?? String(value);
  if (field.kind === 'enumList') {
    const list = value as string[];
    return list.length ? list.map((v) => field.options.find((o) => o.value === v)?.label ?? v).join('、') : '（无）';
  }
  return String(value);
}

type Source = 'own' | 'inherited' | 'default';
const sourceTags: Record<Source, { label: string; color: string }> = {
  own: { label: '本单位设置', color: 'blue' },
  inherited: { label: '继承上级单位', color: 'default' },
  default: { label: '法定默认', color: 'default' },
};

function sourceOf(path: readonly string[], answer: CaseSettingsAnswer): Source {
  if (valueAt(answer.own, path) !== undefined) return 'own';
  return JSON.stringify(valueAt(answer.effective, path)) === JSON.stringify(valueAt(defaultCaseSettings as unknown as Values, path) ?? null) ? 'default' : 'inherited';
}

/** Form value ↔ wire value: money is 元 in the form and 分 on the wire; an emptied text is null. */
const toForm = (field: FieldSpec, value: unknown) => (field.kind === 'money' && typeof value === 'number' ? value / 100 : value);
function toWire(field: FieldSpec, value: unknown): unknown {
  if (field.kind === 'money' && typeof value === 'number') return yuanToFen(value);
  if (typeof value === 'string' && value.trim() === '' && field.nullable) return null;
  return value ?? (field.kind === 'enumList' ? [] : field.nullable ? null : value);
}

function EditModal({ parameter, answer, organizationId, onClose, onSaved }: { parameter: Parameter; answer: CaseSettingsAnswer; organizationId: number; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { field } = parameter;
  const parent = field.path.slice(0, -1);
  const initial = withValue({}, field.path, toForm(field, valueAt(answer.effective, field.path)));

  const save = async (values: Values) => {
    setSaving(true);
    try {
      await api.put(`/organizations/${organizationId}/case-settings`, withValue(answer.own, field.path, toWire(field, valueAt(values, field.path))));
      message.success(`已保存“${field.title}”`);
      onSaved();
    } catch (e) {
      const problems = e instanceof ApiError ? e.fieldProblems() : [];
      form.setFields([{ name: field.path, errors: problems.length ? problems.map((p) => p.message) : [errorMessage(e)] }]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={`设置：${field.title}`} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={560}>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)}>
        <SchemaFields fields={[field]} parent={parent} />
      </Form>
      <Typography.Text type="secondary">保存后本单位及未另行设置的下级单位按此值办案。</Typography.Text>
    </Modal>
  );
}

export default function SettingsPage() {
  const me = useMe();
  const canEdit = may(me, casePolicy.editCaseSettings);
  const canEditCalendar = may(me, adminPolicy.editCalendar, me);
  const { message } = App.useApp();
  const { chosen, choose, organizations, organization } = useChosenOrganization();
  const [editing, setEditing] = useState<Parameter | null>(null);
  const remote = useRemote((signal) => api.get<CaseSettingsAnswer>(`/organizations/${chosen}/case-settings`, undefined, signal), [chosen]);
  const parameters = useMemo(() => parametersOf(fieldsOf(caseSettingsSchema)), []);

  const reset = async (parameter: Parameter, answer: CaseSettingsAnswer) => {
    try {
      await api.put(`/organizations/${chosen}/case-settings`, withValue(answer.own, parameter.field.path, undefined));
      message.success(`“${parameter.field.title}”已恢复为继承值`);
      remote.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="办案参数">
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text>单位：</Typography.Text>
          <OrgPicker value={chosen} onChange={choose} organizations={organizations} />
        </Space>
        <Typography.Paragraph type="secondary">
          未在本单位设置的参数继承上级单位的设置，上级也未设置的适用法定默认值。{organization ? `当前：${organization.name}。` : ''}
        </Typography.Paragraph>
        <RemoteView remote={remote} rows={10}>
          {(answer) => (
            <List<Parameter>
              dataSource={parameters}
              renderItem={(parameter) => {
                const { field } = parameter;
                const source = sourceOf(field.path, answer);
                const key = field.path.join('.');
                return (
                  <List.Item
                    data-testid={`setting-${key}`}
                    actions={
                      canEdit
                        ? [
                            <Button key="edit" size="small" icon={<EditOutlined />} onClick={() => setEditing(parameter)} aria-label={`设置${field.title}`}>
                              设置
                            </Button>,
                            ...(source === 'own'
                              ? [
                                  <Popconfirm key="reset" title="恢复为继承值？" description="删除本单位的设置，改用上级单位或法定默认值。" okText="恢复" cancelText="取消" onConfirm={() => reset(parameter, answer)}>
                                    <Button size="small" icon={<UndoOutlined />} aria-label={`恢复继承${field.title}`}>
                                      恢复继承
                                    </Button>
                                  </Popconfirm>,
                                ]
                              : []),
                          ]
                        : []
                    }
                  >
                    <List.Item.Meta
                      title={
                        <Space size={4} wrap>
                          {parameter.group && <Typography.Text type="secondary">{parameter.group} ·</Typography.Text>}
                          <span>{field.title}</span>
                          <Tag color={sourceTags[source].color}>{sourceTags[source].label}</Tag>
                        </Space>
                      }
                      description={
                        <>
                          <div data-testid="setting-value" style={{ color: 'rgba(0,0,0,0.88)', wordBreak: 'break-all' }}>
                            {display(field, valueAt(answer.effective, field.path), answer.effective.documentPrefix ?? organization?.name ?? '')}
                          </div>
                          {field.description && field.path[0] !== 'numberPatterns' && <div style={{ fontSize: 12 }}>{field.description}</div>}
                        </>
                      }
                    />
                  </List.Item>
                );
              }}
            />
          )}
        </RemoteView>
      </Card>
      <Alert
        type="info"
        showIcon
        icon={<CalendarOutlined />}
        title="节假日与调休"
        description={
          <>
            法定期限按工作日计算时使用的节假日和调休上班日，在<Link to="/calendar">{canEditCalendar ? '法定工作日历维护' : '法定工作日历'}</Link>中{canEditCalendar ? '设置' : '查看'}。
          </>
        }
      />
      {editing && remote.data && (
        <EditModal
          parameter={editing}
          answer={remote.data}
          organizationId={chosen}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            remote.reload();
          }}
        />
      )}
    </Space>
  );
}
