/**
 * 裁量基准 and 免罚清单: versions (own, superiors', global) with their state, items with search, an item's tiers,
 * import as a draft with the per-row rejection report, a preview and the diff against the version in force, the
 * head's confirmation with an effective date, discarding a draft, withdrawing a version, the template, export.
 *
 * Editing: a published benchmark is never changed in place. 《行政处罚法》第三十四条 requires benchmarks to be made
 * public, and a case keeps the version in force on its decision date (docs/DISCRETION.md) — an item edited in
 * place would silently change what was published and what past decisions were measured against. So a change is
 * a new version: export the version as XLSX (the import layout, every row as imported), edit it, import it. We
 * chose this path over an in-app "edit item → new version" form because the import already validates every row
 * with the domain's table parser and reports rejections row by row, keeps the source rows for the next export,
 * and records the whole file in the audit chain; a second way to build a version would duplicate all of that.
 * The page makes the path obvious: the item drawer's 修改 button explains it and offers the export and import.
 */
import { DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Drawer, Form, Input, List, Modal, Radio, Result, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../../shared/api.ts';
import type { ImportReport, ItemDetail as BenchmarkItemDetail, ItemSummary as BenchmarkItemSummary, PublicExemptions, VersionKind, VersionSummary as BenchmarkVersion } from '../../../../domain/discretion/views.ts';
import { BenchmarkItemView, ExemptionItems } from '../../../shared/BenchmarkViews.tsx';
import { ImportRefused, RejectionTable, TableFileDragger, UploadProgress } from '../../../shared/ImportParts.tsx';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { upload } from '../../../shared/upload.ts';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import { discretionPolicy } from '../../../../domain/discretion/policy.ts';
import { may } from '../../../../domain/policy.ts';
import { OrgPicker, useChosenOrganization } from './OrgPicker.tsx';
import { DiffView, DraftPanel, DraftPreview, StateTag, TemplateButtons, WithdrawButton } from './BenchmarkDrafts.tsx';

const exportUrl = (versionId: number) => `/api/benchmarks/${versionId}/export`;

function scopeOf(v: BenchmarkVersion, myOrganizationId: number): { label: string; color: string } {
  if (!v.organization) return { label: '全局', color: 'purple' };
  if (v.organization.id === myOrganizationId) return { label: '本单位', color: 'blue' };
  return { label: v.organization.name, color: 'default' };
}

interface ImportFields {
  kind: VersionKind;
  name?: string;
  issuer?: string;
  documentNumber?: string;
  effectiveFrom?: Dayjs;
}

type ImportState = { stage: 'form' } | { stage: 'uploading'; percent: number } | { stage: 'done'; report: ImportReport } | { stage: 'refused'; error: unknown };

function ImportModal({ organizationId, onClose, onImported }: { organizationId: number; onClose: () => void; onImported: (versionId: number) => void }) {
  const [form] = Form.useForm<ImportFields>();
  const kind = Form.useWatch('kind', form);
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<ImportState>({ stage: 'form' });

  const submit = async (values: ImportFields) => {
    if (!file) return;
    const body = new FormData();
    body.append('kind', values.kind);
    body.append('organizationId', String(organizationId));
    for (const key of ['name', 'issuer', 'documentNumber'] as const) if (values[key]?.trim()) body.append(key, values[key]!.trim());
    if (values.effectiveFrom) body.append('effectiveFrom', values.effectiveFrom.format('YYYY-MM-DD'));
    body.append('file', file, file.name);
    setState({ stage: 'uploading', percent: 0 });
    try {
      const report = await upload<ImportReport>('/benchmarks/import', body, (percent) => setState({ stage: 'uploading', percent }));
      setState({ stage: 'done', report });
      onImported(report.versionId);
    } catch (e) {
      setState({ stage: 'refused', error: e });
    }
  };

  const footer =
    state.stage === 'form'
      ? [
          <Button key="cancel" onClick={onClose}>
            取消
          </Button>,
          <Button key="ok" type="primary" disabled={!file} onClick={() => form.submit()}>
            导入
          </Button>,
        ]
      : state.stage === 'uploading'
        ? null
        : [
            <Button key="again" onClick={() => setState({ stage: 'form' })}>
              再导入一个文件
            </Button>,
            <Button key="close" type="primary" onClick={onClose}>
              关闭
            </Button>,
          ];

  return (
    <Modal open title="导入裁量基准或免罚清单" onCancel={state.stage === 'uploading' ? undefined : onClose} closable={state.stage !== 'uploading'} footer={footer} width={720} destroyOnHidden>
      {state.stage === 'form' && (
        <Form<ImportFields> form={form} layout="vertical" initialValues={{ kind: 'benchmark' }} onFinish={(v) => void submit(v)}>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="导入形成草稿：逐行校验并与现行版本比较，由负责人确认施行日期后生效，并于施行之日在公示平台公布（《行政处罚法》第三十四条）。支持 CSV（UTF-8 或 GBK）和 XLSX。"
          />
          <div style={{ marginBottom: 12 }}>
            <TemplateButtons kind={kind ?? 'benchmark'} />
          </div>
          <Form.Item name="kind" label="类型">
            <Radio.Group optionType="button" options={[{ value: 'benchmark', label: '裁量基准' }, { value: 'exemption', label: '免罚清单' }]} />
          </Form.Item>
          <Form.Item label="文件" required>
            <TableFileDragger file={file} onChange={setFile} />
          </Form.Item>
          <Typography.Paragraph type="secondary">以下各项可不填：文件只有一个来源时取其名称、发布机关、文号和施行日期，否则以导入日期为拟施行日期；施行日期最终由负责人确认。</Typography.Paragraph>
          <Form.Item name="name" label="版本名称">
            <Input maxLength={200} placeholder="如：云城市城市管理行政处罚裁量基准（2026年修订）" />
          </Form.Item>
          <Space wrap style={{ width: '100%' }}>
            <Form.Item name="issuer" label="发布机关">
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="documentNumber" label="文号">
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="effectiveFrom" label="拟施行日期">
              <DatePicker placeholder="选择日期" />
            </Form.Item>
          </Space>
        </Form>
      )}
      {state.stage === 'uploading' && <UploadProgress percent={state.percent} fileName={file?.name ?? ''} />}
      {state.stage === 'done' && (
        <>
          <Result
            status={state.report.rejected.length ? 'warning' : 'success'}
            title={`已导入为草稿：${state.report.name}`}
            subTitle={`共 ${state.report.rows} 行数据，导入 ${state.report.imported} 行（${state.report.items} 个事项），未导入 ${state.report.rejected.length} 行。草稿未公布、未施行，由负责人确认施行日期（拟 ${state.report.effectiveFrom}）后生效。`}
          />
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <DiffView diff={state.report.diff} />
            <DraftPreview preview={state.report.preview} items={state.report.items} />
            {state.report.rejected.length > 0 && <RejectionTable rejected={state.report.rejected} />}
          </Space>
        </>
      )}
      {state.stage === 'refused' && <ImportRefused error={state.error} />}
    </Modal>
  );
}

function HowToEdit({ version, canImport, onImport }: { version: { id: number; name: string }; canImport: boolean; onImport: () => void }) {
  return (
    <Alert
      type="info"
      showIcon
      title="如何修改裁量基准"
      description={
        <>
          <div>已公布的裁量基准不在原处修改（《行政处罚法》第三十四条：裁量基准应当向社会公布；已决案件按当时施行的版本裁量）。修改方法：</div>
          <ol style={{ margin: '4px 0', paddingInlineStart: 20 }}>
            <li>导出本版本 XLSX（与导入格式相同，含全部原始行）；</li>
            <li>在表格中修改相应事项的阶次、条件或标准；</li>
            <li>导入修改后的文件形成草稿，核对差异后由负责人确认施行日期，自该日起公布并施行。</li>
          </ol>
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={exportUrl(version.id)}>
              导出 {version.name}
            </Button>
            {canImport && (
              <Button icon={<UploadOutlined />} onClick={onImport}>
                导入修改后的文件
              </Button>
            )}
          </Space>
        </>
      }
    />
  );
}

function ItemDrawer({ itemId, canImport, onClose, onImport }: { itemId: number; canImport: boolean; onClose: () => void; onImport: () => void }) {
  const isPhone = useIsPhone();
  const [showEdit, setShowEdit] = useState(false);
  const remote = useRemote((signal) => api.get<BenchmarkItemDetail>(`/benchmark-items/${itemId}`, undefined, signal), [itemId]);
  return (
    <Drawer
      open
      onClose={onClose}
      size={isPhone ? '100%' : 720}
      title={remote.data?.name ?? '裁量基准事项'}
      extra={
        <Button icon={<EditOutlined />} onClick={() => setShowEdit((v) => !v)}>
          修改
        </Button>
      }
    >
      <RemoteView remote={remote} rows={8}>
        {(item) => (
          <>
            {showEdit && (
              <div style={{ marginBottom: 16 }}>
                <HowToEdit version={item.version} canImport={canImport} onImport={onImport} />
              </div>
            )}
            <BenchmarkItemView item={item} />
          </>
        )}
      </RemoteView>
    </Drawer>
  );
}

function VersionItems({ version, canImport, onImport }: { version: BenchmarkVersion; canImport: boolean; onImport: () => void }) {
  const isPhone = useIsPhone();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<string>();
  const [openItem, setOpenItem] = useState<number | null>(null);
  const all = useRemote((signal) => api.get<BenchmarkItemSummary[]>(`/benchmarks/${version.id}/items`, undefined, signal), [version.id]);
  const remote = useRemote((signal) => api.get<BenchmarkItemSummary[]>(`/benchmarks/${version.id}/items`, { q, category }, signal), [version.id, q, category]);
  const categories = useMemo(() => [...new Set((all.data ?? []).map((i) => i.category))], [all.data]);
  return (
    <>
      <Space direction={isPhone ? 'vertical' : 'horizontal'} style={{ width: '100%', marginBottom: 12 }} wrap>
        <Input.Search allowClear placeholder="违法行为、罚则或编号" aria-label="检索裁量基准事项" onSearch={(v) => setQ(v.trim())} style={{ width: isPhone ? '100%' : 320 }} maxLength={50} />
        <Select allowClear placeholder="全部类别" aria-label="事项类别" value={category} onChange={setCategory} options={categories.map((c) => ({ value: c, label: c }))} style={{ width: isPhone ? '100%' : 200 }} />
      </Space>
      <RemoteView remote={remote}>
        {(items) =>
          isPhone ? (
            <List<BenchmarkItemSummary>
              dataSource={items}
              pagination={items.length > 15 ? { pageSize: 15, showSizeChanger: false, size: 'small' } : false}
              locale={{ emptyText: q || category ? '没有符合条件的事项' : '该版本没有事项' }}
              renderItem={(item) => (
                <List.Item onClick={() => setOpenItem(item.id)} style={{ cursor: 'pointer' }}>
                  <List.Item.Meta
                    title={<Typography.Link>{item.name}</Typography.Link>}
                    description={
                      <>
                        <Tag>{item.category}</Tag>编号 {item.code} · {item.tierCount} 个阶次
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          ) : (
          <Table<BenchmarkItemSummary>
            rowKey="id"
            size="small"
            dataSource={items}
            loading={remote.loading}
            pagination={items.length > 15 ? { pageSize: 15, showSizeChanger: false, size: 'small' } : false}
            locale={{ emptyText: q || category ? '没有符合条件的事项' : '该版本没有事项' }}
            onRow={(item) => ({ onClick: () => setOpenItem(item.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: '编号', dataIndex: 'code', width: 70 },
              { title: '违法行为', dataIndex: 'name', render: (name: string) => <Typography.Link>{name}</Typography.Link> },
              { title: '类别', dataIndex: 'category', width: 110, responsive: ['md'] },
              { title: '法定幅度', dataIndex: 'statutoryRange', width: 260, responsive: ['lg'] },
              { title: '阶次', dataIndex: 'tierCount', width: 60, align: 'right' },
            ]}
          />
          )
        }
      </RemoteView>
      {openItem !== null && <ItemDrawer itemId={openItem} canImport={canImport} onClose={() => setOpenItem(null)} onImport={onImport} />}
    </>
  );
}

function ExemptionVersionItems({ versionId }: { versionId: number }) {
  const remote = useRemote((signal) => api.get<PublicExemptions>('/public/exemptions', undefined, signal), []);
  return <RemoteView remote={remote}>{(data) => <ExemptionItems items={data.lists.find((l) => l.id === versionId)?.items ?? []} />}</RemoteView>;
}

export default function BenchmarksPage() {
  const me = useMe();
  const canImport = may(me, discretionPolicy.importBenchmarks);
  const canConfirm = may(me, discretionPolicy.confirmBenchmarks);
  const canDiscard = may(me, discretionPolicy.discardDrafts);
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const { chosen, choose, organizations } = useChosenOrganization();
  const [importing, setImporting] = useState(false);
  const remote = useRemote((signal) => api.get<BenchmarkVersion[]>('/benchmarks', undefined, signal), []);
  // A head decides on the versions of their own unit and those below it — not a superior's or a global one.
  const inMyScope = (v: BenchmarkVersion) => v.organization !== null && organizations.some((o) => o.id === v.organization!.id);
  const selectedId = Number(params.get('version')) || undefined;
  const selected = remote.data?.find((v) => v.id === selectedId) ?? remote.data?.find((v) => v.inForce && v.kind === 'benchmark');
  const select = (id: number) => {
    const next = new URLSearchParams(params);
    next.set('version', String(id));
    setParams(next);
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="裁量基准与免罚清单"
        extra={
          canImport ? (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入
            </Button>
          ) : undefined
        }
      >
        {canImport && (
          <Space wrap style={{ marginBottom: 12 }}>
            <Typography.Text>导入到：</Typography.Text>
            <OrgPicker value={chosen} onChange={choose} organizations={organizations} />
            <TemplateButtons kind="benchmark" />
          </Space>
        )}
        <RemoteView remote={remote}>
          {(versions) =>
            isPhone ? (
              <List<BenchmarkVersion>
                dataSource={versions}
                locale={{ emptyText: '暂无裁量基准，请导入' }}
                renderItem={(v) => (
                  <List.Item onClick={() => select(v.id)} style={{ cursor: 'pointer', background: v.id === selected?.id ? '#e6f0fb' : undefined, paddingInline: 8 }}>
                    <List.Item.Meta
                      title={
                        <Space size={4} wrap>
                          <Tag color={v.kind === 'benchmark' ? 'geekblue' : 'green'}>{v.kindLabel}</Tag>
                          <Typography.Link>{v.name}</Typography.Link>
                          <StateTag version={v} />
                        </Space>
                      }
                      description={
                        <>
                          <div>
                            {scopeOf(v, me.organizationId).label} · {v.state === 'draft' ? `拟 ${v.effectiveFrom} 起施行` : `${v.effectiveFrom} 起施行`}
                          </div>
                          <div>
                            {v.itemCount} 个事项{v.rejectedCount ? `，未导入 ${v.rejectedCount} 行` : ''} ·{' '}
                            <a href={exportUrl(v.id)} onClick={(e) => e.stopPropagation()}>
                              导出 XLSX
                            </a>
                          </div>
                        </>
                      }
                    />
                  </List.Item>
                )}
              />
            ) : (
            <Table<BenchmarkVersion>
              rowKey="id"
              size="small"
              dataSource={versions}
              pagination={versions.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              rowClassName={(v) => (v.id === selected?.id ? 'ant-table-row-selected' : '')}
              onRow={(v) => ({ onClick: () => select(v.id), style: { cursor: 'pointer' } })}
              locale={{ emptyText: '暂无裁量基准，请导入' }}
              columns={[
                { title: '类型', dataIndex: 'kindLabel', width: 90, render: (label: string, v) => <Tag color={v.kind === 'benchmark' ? 'geekblue' : 'green'}>{label}</Tag> },
                {
                  title: '版本',
                  dataIndex: 'name',
                  render: (name: string, v) => (
                    <>
                      <Typography.Link>{name}</Typography.Link> <StateTag version={v} />
                      {v.documentNumber && <div style={{ fontSize: 12, color: '#888' }}>{v.documentNumber}</div>}
                      {v.withdrawalReason && <div style={{ fontSize: 12, color: '#888' }}>撤回理由：{v.withdrawalReason}</div>}
                    </>
                  ),
                },
                { title: '制定单位', key: 'scope', width: 180, render: (_: unknown, v) => <Tag color={scopeOf(v, me.organizationId).color}>{scopeOf(v, me.organizationId).label}</Tag> },
                { title: '施行', dataIndex: 'effectiveFrom', width: 110 },
                { title: '公布', dataIndex: 'publishedOn', width: 110, render: (d: string | null) => d ?? '—' },
                { title: '事项', dataIndex: 'itemCount', width: 64, align: 'right' },
                { title: '未导入行', dataIndex: 'rejectedCount', width: 84, align: 'right' },
                {
                  title: '操作',
                  key: 'export',
                  width: canConfirm ? 150 : 80,
                  render: (_: unknown, v) => (
                    <Space size={4} onClick={(e) => e.stopPropagation()}>
                      <Button size="small" icon={<DownloadOutlined />} href={exportUrl(v.id)} aria-label={`导出 ${v.name}`}>
                        XLSX
                      </Button>
                      {canConfirm && inMyScope(v) && (v.state === 'inForce' || v.state === 'scheduled') && <WithdrawButton version={v} onChanged={remote.reload} />}
                    </Space>
                  ),
                },
              ]}
            />
            )
          }
        </RemoteView>
      </Card>
      {selected && (
        <Card title={`${selected.kindLabel}：${selected.name}`} extra={<Typography.Text type="secondary">{selected.itemCount} 个事项</Typography.Text>}>
          {selected.state === 'draft' && <div style={{ marginBottom: 16 }}><DraftPanel key={selected.id} version={selected} canConfirm={canConfirm && inMyScope(selected)} canDiscard={canDiscard && inMyScope(selected)} onChanged={remote.reload} /></div>}
          {selected.kind === 'benchmark' ? <VersionItems key={selected.id} version={selected} canImport={canImport} onImport={() => setImporting(true)} /> : selected.state !== 'draft' && <ExemptionVersionItems versionId={selected.id} />}
        </Card>
      )}
      {importing && (
        <ImportModal
          organizationId={chosen}
          onClose={() => setImporting(false)}
          onImported={(versionId) => {
            message.success('已导入为草稿');
            remote.reload();
            select(versionId);
          }}
        />
      )}
    </Space>
  );
}
