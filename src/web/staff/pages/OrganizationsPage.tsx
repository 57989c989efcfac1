import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { type Key, useMemo, useState } from 'react';
import { ExportButton } from '../ExportButton.tsx';
import { type OrganizationKind, organizationKindKeys, organizationKinds } from '../../../domain/access.ts';
import { validateCreditCode } from '../../../domain/validators/credit-code.ts';
import { api } from '../../shared/api.ts';
import { useIsPhone } from '../../shared/use-is-phone.ts';
import { showServerErrors } from '../../shared/forms.ts';
import { RemoteView } from '../../shared/RemoteView.tsx';
import type { OrganizationView as Organization } from '../../../domain/admin/views.ts';
import { useRemote } from '../../shared/use-remote.ts';
import { useMe } from '../auth.tsx';
import { adminPolicy } from '../../../domain/admin/policy.ts';
import { may } from '../../../domain/policy.ts';

interface TreeRow extends Organization {
  children?: TreeRow[];
}

/** Nests the flat, path-ordered list under the roots the actor can see. */
function toTree(list: Organization[]): TreeRow[] {
  const byId = new Map<number, TreeRow>(list.map((o) => [o.id, { ...o }]));
  const roots: TreeRow[] = [];
  for (const org of list) {
    const row = byId.get(org.id)!;
    const parent = org.parentId === null ? undefined : byId.get(org.parentId);
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

interface OrgForm {
  name: string;
  kind: OrganizationKind;
  creditCode?: string;
  divisionCode?: string;
}

const formFields = ['name', 'kind', 'creditCode', 'divisionCode'] as const;

type Editing = { mode: 'create'; parent: Organization } | { mode: 'edit'; org: Organization };

function OrganizationModal({ editing, onClose, onSaved }: { editing: Editing; onClose: () => void; onSaved: (org: Organization) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<OrgForm>();
  const [saving, setSaving] = useState(false);
  const initial: Partial<OrgForm> =
    editing.mode === 'edit'
      ? { name: editing.org.name, kind: editing.org.kind, creditCode: editing.org.creditCode ?? '', divisionCode: editing.org.divisionCode ?? '' }
      : { kind: 'squadron', divisionCode: editing.parent.divisionCode ?? '' };

  const submit = async (values: OrgForm) => {
    setSaving(true);
    const body = {
      name: values.name.trim(),
      kind: values.kind,
      creditCode: values.creditCode?.trim() ? values.creditCode.trim().toUpperCase() : null,
      divisionCode: values.divisionCode?.trim() ? values.divisionCode.trim() : null,
    };
    try {
      const saved =
        editing.mode === 'create'
          ? await api.post<Organization>('/organizations', { ...body, parentId: editing.parent.id })
          : await api.patch<Organization>(`/organizations/${editing.org.id}`, body);
      message.success(editing.mode === 'create' ? `已新建“${saved.name}”` : `已保存“${saved.name}”`);
      onSaved(saved);
    } catch (e) {
      message.error(showServerErrors(form, e, formFields));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={editing.mode === 'create' ? `新建下级单位（上级：${editing.parent.name}）` : `修改单位：${editing.org.name}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Form<OrgForm> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请输入单位名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
          <Select options={organizationKindKeys.map((k) => ({ value: k, label: organizationKinds[k] }))} />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label="统一社会信用代码"
          extra="18 位，按 GB 32100-2015 校验；乡镇街道执法队等非独立法人可不填"
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                if (!value?.trim()) return;
                const result = validateCreditCode(value.trim().toUpperCase());
                if (!result.ok) throw new Error(`统一社会信用代码无效：${result.reason}`);
              },
            },
          ]}
        >
          <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Form.Item name="divisionCode" label="行政区划代码" rules={[{ pattern: /^\d{6}(\d{3})?$/, message: '行政区划代码应为 6 位（或 9 位乡镇街道）数字' }]}>
          <Input maxLength={9} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function OrganizationsPage() {
  const me = useMe();
  const canManage = may(me, adminPolicy.manageOrganizations);
  const isPhone = useIsPhone();
  const [generation, setGeneration] = useState(0);
  const remote = useRemote((signal) => api.get<Organization[]>('/organizations', undefined, signal), [generation]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const tree = useMemo(() => (remote.data ? toTree(remote.data) : []), [remote.data]);
  const allKeys = useMemo(() => (remote.data ?? []).map((o) => o.id), [remote.data]);
  // Everything expanded until the user collapses something.
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);

  return (
    <Card
      title="组织机构"
      extra={
        <Space wrap>
          <Typography.Text type="secondary">共 {remote.data?.length ?? '…'} 个单位</Typography.Text>
          <ExportButton path="/organizations/export" label={isPhone ? '导出' : '导出 Excel'} testId="organizations-export" />
        </Space>
      }
    >
      <RemoteView remote={remote}>
        {(list) =>
          isPhone ? (
            <List
              dataSource={list}
              renderItem={(org) => {
                const depth = org.path.split('/').filter(Boolean).length - (list[0]?.path.split('/').filter(Boolean).length ?? 1);
                return (
                  <List.Item style={{ paddingInlineStart: depth * 16 }}>
                    <List.Item.Meta
                      title={org.name}
                      description={
                        <>
                          <Tag>{organizationKinds[org.kind] ?? org.kind}</Tag>
                          {org.creditCode ?? '无统一社会信用代码'}
                          {org.divisionCode && <> · 区划 {org.divisionCode}</>}
                          {canManage && (
                            <Space size={8} style={{ marginTop: 8, display: 'flex' }}>
                              <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create', parent: org })}>
                                下级
                              </Button>
                              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', org })}>
                                修改
                              </Button>
                            </Space>
                          )}
                        </>
                      }
                    />
                  </List.Item>
                );
              }}
            />
          ) : (
          <Table<TreeRow>
            rowKey="id"
            size="middle"
            pagination={false}
            dataSource={tree}
            expandable={{ expandedRowKeys: expanded ?? allKeys, onExpandedRowsChange: (keys) => setExpanded([...keys]) }}
            loading={remote.loading}
            columns={[
              { title: '单位名称', dataIndex: 'name', render: (name: string) => <span style={{ whiteSpace: 'normal' }}>{name}</span> },
              { title: '类型', dataIndex: 'kind', render: (k: OrganizationKind) => <Tag>{organizationKinds[k] ?? k}</Tag> },
              { title: '统一社会信用代码', dataIndex: 'creditCode', render: (c: string | null) => c ?? '—' },
              { title: '行政区划代码', dataIndex: 'divisionCode', render: (c: string | null) => c ?? '—' },
              ...(canManage
                ? [
                    {
                      title: '操作',
                      key: 'op',
                      render: (_: unknown, org: TreeRow) => (
                        <Space size={4}>
                          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create', parent: org })}>
                            下级
                          </Button>
                          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', org })}>
                            修改
                          </Button>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          )
        }
      </RemoteView>
      {editing && (
        <OrganizationModal
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setGeneration((g) => g + 1);
          }}
        />
      )}
    </Card>
  );
}
