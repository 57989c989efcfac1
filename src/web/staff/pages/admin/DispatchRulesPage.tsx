/**
 * 派单目录: the dispatch catalog of one organization (docs/WORK-ORDERS.md "Dispatch catalog") — per category of the
 * GB/T 47678.5 catalog its default unit and whether it is an item of the bureau's own duties, which is never pushed
 * down to a town or street team (国办函〔2025〕66号). Lists the rules in force (own and inherited from above); admins
 * and heads set a rule of the unit and remove one; the server's refusal (a town for a bureau item, a unit outside the
 * organization) is shown with its reason and nothing is saved.
 */
import { App, Alert, Button, Card, Form, Input, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { may } from '../../../../domain/policy.ts';
import { NO_PUSH_DOWN_BASIS } from '../../../../domain/workorders/dispatch.ts';
import { workOrderPolicy } from '../../../../domain/workorders/policy.ts';
import type { DispatchRuleView, WorkOrderCategory } from '../../../../domain/workorders/views.ts';
import { ApiError, api, errorMessage } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import { OrgPicker, useChosenOrganization } from './OrgPicker.tsx';

interface RuleValues {
  category?: string;
  unitId?: number;
  reservedToBureau?: boolean;
  note?: string;
}

export default function DispatchRulesPage() {
  const me = useMe();
  const canEdit = may(me, workOrderPolicy.editDispatchRules);
  const { message } = App.useApp();
  const { chosen, choose, organizations, organization } = useChosenOrganization();
  const rules = useRemote((signal) => api.get<DispatchRuleView[]>('/work-orders/dispatch-rules', { organizationId: chosen }, signal), [chosen]);
  const categories = useRemote((signal) => api.get<WorkOrderCategory[]>('/work-orders/categories', undefined, signal), []);
  const categoryOptions = useMemo(() => (categories.data ?? []).map((c) => ({ value: `${c.kind}:${c.code}`, label: `${c.name}（${c.code}）` })), [categories.data]);
  // A rule's default unit is the organization itself or one below it.
  const unitOptions = useMemo(
    () => (organization ? organizations.filter((o) => o.path.startsWith(organization.path)).map((o) => ({ value: o.id, label: o.name })) : []),
    [organizations, organization],
  );
  const [form] = Form.useForm<RuleValues>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string>();

  const save = async (v: RuleValues) => {
    const [kind, code] = (v.category ?? '').split(':');
    setSaving(true);
    setRefusal(undefined);
    try {
      await api.put('/work-orders/dispatch-rules', { organizationId: chosen, category: { kind, code }, unitId: v.unitId ?? null, reservedToBureau: v.reservedToBureau ?? false, note: v.note?.trim() || null });
      void message.success('派单规则已保存');
      form.resetFields();
      rules.reload();
    } catch (e) {
      // A legal refusal names its source (details.article), shown with it.
      const article = e instanceof ApiError && typeof e.details?.article === 'string' ? e.details.article : null;
      setRefusal(article ? `${errorMessage(e)}（依据：${article}）` : errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  const remove = async (rule: DispatchRuleView) => {
    try {
      await api.delete(`/work-orders/dispatch-rules/${rule.id}`);
      void message.success(`已删除“${rule.category.name}”的派单规则`);
      rules.reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="派单目录">
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text>单位：</Typography.Text>
          <OrgPicker value={chosen} onChange={choose} organizations={organizations} />
        </Space>
        <Typography.Paragraph type="secondary">派单时未选择承办单位的，按类别派给默认承办单位；本单位未设规则的类别适用上级单位的规则。局机关职责事项不得下派乡镇（街道）（{NO_PUSH_DOWN_BASIS}）。</Typography.Paragraph>
        <RemoteView remote={rules} rows={5}>
          {(list) => (
            <Table<DispatchRuleView>
              size="small"
              rowKey="id"
              data-testid="dispatch-rules"
              dataSource={list}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: '尚无派单规则' }}
              columns={[
                { title: '类别', key: 'category', render: (_, r) => `${r.category.name}（${r.category.code}）` },
                { title: '默认承办单位', key: 'unit', render: (_, r) => r.unit?.name ?? <Typography.Text type="secondary">派单时选择</Typography.Text> },
                { title: '局机关职责事项', key: 'reserved', render: (_, r) => (r.reservedToBureau ? <Tag color="purple">是，不得下派</Tag> : '否') },
                { title: '说明', dataIndex: 'note', render: (note: string | null) => note ?? '' },
                { title: '来源', key: 'source', render: (_, r) => (r.inherited ? <Tag>{r.organization.name}</Tag> : <Tag color="blue">本单位</Tag>) },
                ...(canEdit
                  ? [
                      {
                        title: '',
                        key: 'actions',
                        render: (_: unknown, r: DispatchRuleView) =>
                          r.inherited ? null : (
                            <Popconfirm title="删除这条派单规则？" description="删除后该类别适用上级单位的规则（如有）。" okText="删除" cancelText="取消" onConfirm={() => remove(r)}>
                              <Button size="small" danger aria-label={`删除${r.category.name}的派单规则`}>
                                删除
                              </Button>
                            </Popconfirm>
                          ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </RemoteView>
      </Card>
      {canEdit && (
        <Card title="设置派单规则" size="small">
          <Form<RuleValues> form={form} name="dispatch-rule" aria-label="设置派单规则" layout="vertical" style={{ maxWidth: 560 }} onFinish={(v) => void save(v)}>
            <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} placeholder="输入名称或编码搜索" options={categoryOptions} loading={categories.loading} />
            </Form.Item>
            <Form.Item name="unitId" label="默认承办单位" extra="不选择的，派单时由派单人选择">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="派单时选择" options={unitOptions} />
            </Form.Item>
            <Form.Item name="reservedToBureau" label="局机关职责事项（不得下派乡镇街道）" valuePropName="checked" initialValue={false}>
              <Switch aria-label="局机关职责事项" />
            </Form.Item>
            <Form.Item name="note" label="说明">
              <Input maxLength={200} />
            </Form.Item>
            {refusal && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={refusal} data-testid="dispatch-rule-refusal" />}
            <Button type="primary" htmlType="submit" loading={saving}>
              保存规则
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
