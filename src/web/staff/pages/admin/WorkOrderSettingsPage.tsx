/**
 * 工单参数: the work-order ledger's local parameters for one organization (docs/WORK-ORDERS.md "Local parameters") —
 * 签收期限, the 办理期限 of each kind of request and the number of reopenings after a dissatisfied visit. Each shows the
 * value in force and where it comes from (this unit, a unit above, or the default with its basis); admins and heads
 * set the unit's own values (a blank field is inherited). The 信访 periods are statutory and not parameters.
 */
import { Alert, App, Button, Card, Form, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { may } from '../../../../domain/policy.ts';
import { workOrderPolicy } from '../../../../domain/workorders/policy.ts';
import type { WorkOrderSettingsAnswer } from '../../../../domain/workorders/views.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import { OrgPicker, useChosenOrganization } from './OrgPicker.tsx';

type Parameter = WorkOrderSettingsAnswer['parameters'][number];
/** Form field name of a parameter key (`handlingDays.consult` → `handlingDays_consult`). */
const fieldName = (key: string) => key.replace('.', '_');

/** The unit's own values as the form holds them: one number per parameter, blank when inherited. */
function ownValues(answer: WorkOrderSettingsAnswer): Record<string, number | null> {
  const own = answer.own as { signingDays?: number; maxReopens?: number; handlingDays?: Record<string, number> };
  const values: Record<string, number | null> = {};
  for (const p of answer.parameters) {
    const [head, kind] = p.key.split('.') as [string, string | undefined];
    const value = kind ? own.handlingDays?.[kind] : (own as Record<string, unknown>)[head];
    values[fieldName(p.key)] = typeof value === 'number' ? value : null;
  }
  return values;
}

/** The patch PUT takes: only the values given; `handlingDays` only when one kind is set. */
function patchOf(parameters: readonly Parameter[], values: Record<string, number | null | undefined>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const handlingDays: Record<string, number> = {};
  for (const p of parameters) {
    const value = values[fieldName(p.key)];
    if (value === null || value === undefined) continue;
    const [head, kind] = p.key.split('.') as [string, string | undefined];
    if (kind) handlingDays[kind] = value;
    else patch[head] = value;
  }
  if (Object.keys(handlingDays).length > 0) patch.handlingDays = handlingDays;
  return patch;
}

export default function WorkOrderSettingsPage() {
  const me = useMe();
  const canEdit = may(me, workOrderPolicy.editSettings);
  const { chosen, choose, organizations, organization } = useChosenOrganization();
  const remote = useRemote((signal) => api.get<WorkOrderSettingsAnswer>(`/organizations/${chosen}/work-order-settings`, undefined, signal), [chosen]);
  return (
    <Card title="工单参数">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text>单位：</Typography.Text>
        <OrgPicker value={chosen} onChange={choose} organizations={organizations} />
      </Space>
      <Typography.Paragraph type="secondary">
        未在本单位设置的参数继承上级单位的设置，上级也未设置的适用默认值（注明依据）。信访事项的受理告知、办理、复查、复核期限为《信访工作条例》规定，不作为参数。
        {organization ? `当前：${organization.name}。` : ''}
      </Typography.Paragraph>
      <RemoteView remote={remote} rows={7}>
        {(answer) => <SettingsBody key={`${chosen}-${JSON.stringify(answer.own)}`} answer={answer} organizationId={chosen} canEdit={canEdit} onSaved={remote.reload} />}
      </RemoteView>
    </Card>
  );
}

function SettingsBody({ answer, organizationId, canEdit, onSaved }: { answer: WorkOrderSettingsAnswer; organizationId: number; canEdit: boolean; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, number | null>>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const save = async (values: Record<string, number | null>) => {
    setSaving(true);
    setRefusal(undefined);
    try {
      await api.put(`/organizations/${organizationId}/work-order-settings`, patchOf(answer.parameters, values));
      void message.success('工单参数已保存');
      onSaved();
    } catch (e) {
      // The server's refusal in Chinese (a value outside its range, no permission): nothing was saved.
      setRefusal(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form form={form} name="work-order-settings" aria-label="工单参数" initialValues={ownValues(answer)} onFinish={(v) => void save(v)}>
      <Table<Parameter>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={answer.parameters}
        data-testid="work-order-settings"
        columns={[
          { title: '参数', dataIndex: 'label' },
          { title: '生效值', key: 'value', render: (_, p) => `${p.value} ${p.unit === '次' ? '次' : `个${p.unit}`}` },
          { title: '来源', key: 'source', render: (_, p) => <Tag color={p.setBy?.id === organizationId ? 'blue' : 'default'}>{p.source}</Tag> },
          ...(canEdit
            ? [
                {
                  title: '本单位设置（空白为继承）',
                  key: 'own',
                  render: (_: unknown, p: Parameter) => (
                    <Form.Item name={fieldName(p.key)} noStyle>
                      <InputNumber aria-label={`本单位${p.label}`} precision={0} placeholder="继承" style={{ width: 120 }} />
                    </Form.Item>
                  ),
                },
              ]
            : []),
        ]}
      />
      {refusal && <Alert type="error" showIcon style={{ marginTop: 12 }} title={refusal} data-testid="work-order-settings-refusal" />}
      {canEdit && (
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存本单位参数
          </Button>
          <Typography.Text type="secondary">保存后本单位及未另行设置的下级单位的新工单按此计算期限。</Typography.Text>
        </Space>
      )}
    </Form>
  );
}
