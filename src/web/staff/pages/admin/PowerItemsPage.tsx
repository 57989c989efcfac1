import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, List, Modal, Popconfirm, Result, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { powerItemMatches } from '../../../../domain/admin/exports.ts';
import { ExportButton } from '../../ExportButton.tsx';
import { api, errorMessage } from '../../../shared/api.ts';
import type { PowerListEntry as PowerItem, PowerListImport } from '../../../../domain/cases/views.ts';
import { ImportRefused, RejectionTable, TableFileDragger, UploadProgress } from '../../../shared/ImportParts.tsx';
import { upload } from '../../../shared/upload.ts';
import { showServerErrors } from '../../../shared/forms.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import type { OrganizationView as Organization } from '../../../../domain/admin/views.ts';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import { casePolicy } from '../../../../domain/cases/policy.ts';
import { may } from '../../../../domain/policy.ts';
import { OrgPicker, useChosenOrganization } from './OrgPicker.tsx';

interface ItemForm {
  code: string;
  name: string;
  violatedProvision: string;
  penaltyProvision: string;
  statutoryRange: string;
  category: string;
  delegatedFromId?: number | null;
}
const formFields = ['code', 'name', 'violatedProvision', 'penaltyProvision', 'statutoryRange', 'category', 'delegatedFromId'] as const;

type Editing = { mode: 'create' } | { mode: 'edit'; item: PowerItem };


function Origin({ item }: { item: PowerItem }) {
  return (
    <Space size={4} wrap>
      {item.inherited ? <Tag>上级：{item.organizationName}</Tag> : <Tag color="blue">本单位</Tag>}
      {item.delegatedFromName && <Tag color="purple">赋权自{item.delegatedFromName}</Tag>}
      {!item.active && <Tag color="red">已停用</Tag>}
    </Space>
  );
}

function ItemModal({ editing, organization, ancestors, onClose, onSaved }: { editing: Editing; organization: Organization; ancestors: Organization[]; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemForm>();
  const [saving, setSaving] = useState(false);
  const item = editing.mode === 'edit' ? editing.item : undefined;
  // Name, 违则, 罚则 and 幅度 are fixed once a case uses the item (《行政处罚法》第三十七条; the server refuses too).
  const wordingLocked = (item?.caseCount ?? 0) > 0;

  const submit = async (values: ItemForm) => {
    setSaving(true);
    try {
      if (item) {
        const patch = Object.fromEntries(Object.entries(values).filter(([key, value]) => key !== 'code' && key !== 'delegatedFromId' && value !== item[key as keyof PowerItem]));
        await api.patch(`/power-items/${item.id}`, patch);
        message.success(`已保存“${values.name}”`);
      } else {
        await api.post('/power-items', { ...values, organizationId: organization.id, delegatedFromId: values.delegatedFromId ?? null });
        message.success(`已新增“${values.name}”`);
      }
      onSaved();
    } catch (e) {
      message.error(showServerErrors(form, e, formFields));
    } finally {
      setSaving(false);
    }
  };

  const required = (label: string, min: number) => [{ required: true, whitespace: true, message: `请填写${label}` }, { min, message: `${label}至少 ${min} 个字` }];
  return (
    <Modal
      open
      title={item ? `修改事项 ${item.code}` : `新增权责清单事项（${organization.name}）`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {wordingLocked && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`已有 ${item!.caseCount} 件案件适用该事项，违法行为名称、违则、罚则和处罚幅度不能修改（案件适用违法行为发生时的规定，《行政处罚法》第三十七条）。规定变化时请停用该事项并新增一项。`}
        />
      )}
      <Form<ItemForm> form={form} layout="vertical" initialValues={item ?? { category: '' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="code" label="事项编码" extra="本单位内唯一；新增后不可修改" rules={[{ required: true, message: '请填写事项编码' }, { pattern: /^[A-Za-z0-9-]{2,30}$/, message: '事项编码为 2–30 位字母、数字或连字符' }]}>
          <Input maxLength={30} disabled={Boolean(item)} />
        </Form.Item>
        <Form.Item name="name" label="违法行为名称" rules={required('违法行为名称', 4)}>
          <Input maxLength={300} disabled={wordingLocked} />
        </Form.Item>
        <Form.Item name="violatedProvision" label="违则（违反的条款）" rules={required('违则', 4)}>
          <Input.TextArea autoSize maxLength={300} disabled={wordingLocked} />
        </Form.Item>
        <Form.Item name="penaltyProvision" label="罚则（处罚依据）" rules={required('罚则', 4)}>
          <Input.TextArea autoSize maxLength={300} disabled={wordingLocked} />
        </Form.Item>
        <Form.Item name="statutoryRange" label="法定处罚幅度" rules={required('法定处罚幅度', 2)}>
          <Input.TextArea autoSize maxLength={500} disabled={wordingLocked} />
        </Form.Item>
        <Form.Item name="category" label="事项类别" extra="如 市容环境、占道经营、违法建设，用于统计和检索" rules={required('事项类别', 2)}>
          <Input maxLength={30} />
        </Form.Item>
        {!item && ancestors.length > 0 && (
          <Form.Item name="delegatedFromId" label="赋权单位" extra="上级单位依法赋予本单位的事项选择赋权单位；本单位自有职权不选">
            <Select allowClear placeholder="本单位自有职权" options={ancestors.map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The columns POST /api/power-items/import reads (any order; other columns are ignored). */
const importColumns = ['事项编码', '违法行为', '违则', '罚则', '法定处罚幅度', '类别'];
const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${importColumns.join(',')}\n`)}`;

type ImportState = { stage: 'choose' } | { stage: 'uploading'; percent: number } | { stage: 'done'; result: PowerListImport } | { stage: 'refused'; error: unknown };

function ImportModal({ organization, onClose, onImported }: { organization: Organization; onClose: () => void; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<ImportState>({ stage: 'choose' });
  const start = async () => {
    if (!file) return;
    const body = new FormData();
    body.append('organizationId', String(organization.id));
    body.append('file', file, file.name);
    setState({ stage: 'uploading', percent: 0 });
    try {
      const result = await upload<PowerListImport>('/power-items/import', body, (percent) => setState({ stage: 'uploading', percent }));
      setState({ stage: 'done', result });
      onImported();
    } catch (e) {
      setState({ stage: 'refused', error: e });
    }
  };
  return (
    <Modal
      open
      title={`导入权责清单（${organization.name}）`}
      onCancel={state.stage === 'uploading' ? undefined : onClose}
      closable={state.stage !== 'uploading'}
      width={640}
      destroyOnHidden
      footer={
        state.stage === 'choose' ? (
          <Button type="primary" disabled={!file} onClick={() => void start()}>
            导入
          </Button>
        ) : state.stage === 'uploading' ? null : (
          <Button type="primary" onClick={onClose}>
            关闭
          </Button>
        )
      }
    >
      {state.stage === 'choose' && (
        <>
          <Typography.Paragraph>
            CSV（UTF-8 或 GBK）或 XLSX 表格，第一行为表头，须含以下列：{importColumns.join('、')}。每行一个事项，逐行校验，未导入的行列出行号和原因；导入的事项为本单位自有职权（赋权事项请逐项新增并选择赋权单位）。
            <a href={templateHref} download="权责清单导入模板.csv">
              下载模板
            </a>
          </Typography.Paragraph>
          <TableFileDragger file={file} onChange={setFile} />
        </>
      )}
      {state.stage === 'uploading' && <UploadProgress percent={state.percent} fileName={file?.name ?? ''} />}
      {state.stage === 'done' && (
        <>
          <Result
            status={state.result.rejected.length ? 'warning' : 'success'}
            title={`已导入 ${state.result.imported.length} 个事项`}
            subTitle={`共 ${state.result.rows} 行数据，未导入 ${state.result.rejected.length} 行。`}
          />
          {state.result.rejected.length > 0 && <RejectionTable rejected={state.result.rejected} />}
        </>
      )}
      {state.stage === 'refused' && <ImportRefused error={state.error} />}
    </Modal>
  );
}

/** 权责清单: the powers of a unit — its own, delegated to it (赋权), and its superiors' that apply to it. */
export default function PowerItemsPage() {
  const me = useMe();
  const canEdit = may(me, casePolicy.editPowerList);
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const { chosen, choose, organizations, organization } = useChosenOrganization();
  const [q, setQ] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [importing, setImporting] = useState(false);
  const remote = useRemote((signal) => api.get<PowerItem[]>(`/organizations/${chosen}/power-items`, { includeInactive: showInactive || undefined }, signal), [chosen, showInactive]);
  const visible = useMemo(() => (remote.data ?? []).filter((i) => powerItemMatches(i, q)), [remote.data, q]);
  const ancestors = useMemo(() => (organization ? organizations.filter((o) => organization.path.startsWith(o.path) && o.id !== organization.id) : []), [organization, organizations]);

  const setActive = async (item: PowerItem, active: boolean) => {
    try {
      await api.patch(`/power-items/${item.id}`, { active });
      message.success(active ? `已启用“${item.name}”` : `已停用“${item.name}”`);
      remote.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const actions = (item: PowerItem) =>
    canEdit && !item.inherited ? (
      <Space size={4} wrap>
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', item })}>
          修改
        </Button>
        {item.active ? (
          <Popconfirm
            title="停用该事项？"
            description="停用后不能再据此登记新案件；已登记的案件不受影响，尚未立案的将因事项不在权责清单内而不能立案。"
            okText="停用"
            cancelText="取消"
            onConfirm={() => setActive(item, false)}
          >
            <Button size="small" danger>
              停用
            </Button>
          </Popconfirm>
        ) : (
          <Button size="small" onClick={() => void setActive(item, true)}>
            启用
          </Button>
        )}
      </Space>
    ) : null;

  return (
    <Card
      title="权责清单"
      extra={
        <Space wrap>
          <ExportButton
            path={`/organizations/${chosen}/power-items/export`}
            query={{ includeInactive: showInactive ? 'true' : undefined, q: q.trim() || undefined }}
            label={isPhone ? '导出' : '导出 Excel'}
            testId="power-items-export"
          />
          {canEdit && organization && (
          <>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })}>
              新增事项
            </Button>
          </>
          )}
        </Space>
      }
    >
      <Space direction={isPhone ? 'vertical' : 'horizontal'} style={{ width: '100%', marginBottom: 12 }} wrap>
        <OrgPicker value={chosen} onChange={choose} organizations={organizations} />
        <Input.Search allowClear placeholder="编码、违法行为、违则、罚则或类别" aria-label="检索权责清单" onSearch={setQ} onChange={(e) => !e.target.value && setQ('')} style={{ width: isPhone ? '100%' : 320 }} />
        {canEdit && (
          <Space>
            <Switch checked={showInactive} onChange={setShowInactive} aria-label="显示已停用事项" />
            <Typography.Text>显示已停用事项</Typography.Text>
          </Space>
        )}
      </Space>
      <Typography.Paragraph type="secondary">
        行政处罚由具有行政处罚权的行政机关在法定职权范围内实施（《行政处罚法》第十七条）；乡镇街道只能查处依法赋权给它的事项（第二十四条）。执法大队、中队适用所属执法局的清单。
      </Typography.Paragraph>
      <RemoteView remote={remote}>
        {() =>
          isPhone ? (
            <List<PowerItem>
              dataSource={visible}
              locale={{ emptyText: q ? `没有与“${q}”相关的事项` : '本单位权责清单暂无事项' }}
              renderItem={(item) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <>
                        <Typography.Text code>{item.code}</Typography.Text> {item.name}
                      </>
                    }
                    description={
                      <>
                        <div>违则：{item.violatedProvision}</div>
                        <div>罚则：{item.penaltyProvision}</div>
                        <div>幅度：{item.statutoryRange}</div>
                        <div style={{ margin: '4px 0' }}>
                          <Tag>{item.category}</Tag>
                          <Origin item={item} /> 适用案件 {item.caseCount} 件
                        </div>
                        {actions(item)}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          ) : (
            <Table<PowerItem>
              rowKey="id"
              size="middle"
              dataSource={visible}
              loading={remote.loading}
              pagination={visible.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              locale={{ emptyText: q ? `没有与“${q}”相关的事项` : '本单位权责清单暂无事项' }}
              columns={[
                { title: '编码', dataIndex: 'code', width: 96 },
                {
                  title: '违法行为',
                  dataIndex: 'name',
                  render: (name: string, item) => (
                    <>
                      <div>{name}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        违则：{item.violatedProvision}；罚则：{item.penaltyProvision}
                      </Typography.Text>
                    </>
                  ),
                },
                { title: '法定处罚幅度', dataIndex: 'statutoryRange', width: 200 },
                { title: '类别', dataIndex: 'category', width: 96, render: (c: string) => <Tag>{c}</Tag> },
                { title: '来源', key: 'origin', width: 140, render: (_: unknown, item) => <Origin item={item} /> },
                { title: '案件', dataIndex: 'caseCount', width: 56, align: 'right' },
                ...(canEdit ? [{ title: '操作', key: 'op', width: 136, render: (_: unknown, item: PowerItem) => actions(item) }] : []),
              ]}
            />
          )
        }
      </RemoteView>
      {importing && organization && <ImportModal organization={organization} onClose={() => setImporting(false)} onImported={remote.reload} />}
      {editing && organization && (
        <ItemModal
          editing={editing}
          organization={organization}
          ancestors={ancestors}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            remote.reload();
          }}
        />
      )}
    </Card>
  );
}
