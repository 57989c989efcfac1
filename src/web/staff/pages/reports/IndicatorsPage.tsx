/**
 * 年度报告指标 (issue #19 item 1): the indicator table of a unit (with the units below it) for a year — each figure
 * computed from the ledgers, hand-entered (手工填报), or none ("本年度无记录", never 0) — its drill-down, and the form
 * where a unit's head or legal section enters a figure with its source note and a supporting file. A computed figure
 * always wins; the unit's own hand-entered one is then shown beside it with the difference.
 */
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { OrganizationView } from '../../../../domain/admin/views.ts';
import { indicatorMeasure } from '../../../../domain/indicators/catalog.ts';
import { indicatorPolicy } from '../../../../domain/indicators/policy.ts';
import { figureSources, type indicatorDrillDown, type unitIndicator, type unitIndicatorTable } from '../../../../domain/indicators/table-views.ts';
import { may } from '../../../../domain/policy.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { downloadFile } from '../../../shared/download.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { upload } from '../../../shared/upload.ts';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';

type Table_ = z.input<typeof unitIndicatorTable>;
type Row = z.input<typeof unitIndicator>;
type DrillDown = z.input<typeof indicatorDrillDown>;

const sourceColors = { computed: 'blue', 'hand-entered': 'orange', none: 'default' } as const;

const formatValue = (row: Pick<Row, 'value' | 'unit'>, value = row.value) => (value === null ? '—' : `${String(value)}${row.unit === '%' ? '%' : ` ${row.unit}`}`);

export default function IndicatorsPage() {
  const me = useMe();
  const thisYear = new Date().getFullYear();
  const [organizationId, setOrganizationId] = useState(me.organizationId);
  const [year, setYear] = useState(thisYear - 1);
  const [entering, setEntering] = useState<Row | null>(null);
  const [drilling, setDrilling] = useState<Row | null>(null);
  const organizations = useRemote((signal) => api.get<OrganizationView[]>('/organizations', undefined, signal), []);
  const table = useRemote((signal) => api.get<Table_>(`/organizations/${String(organizationId)}/indicators`, { year }, signal), [organizationId, year]);
  const mayEnter = may(me, indicatorPolicy.enterIndicators);

  return (
    <Card title="年度报告指标">
      <Typography.Paragraph type="secondary">
        法治政府建设年度报告的各项指标：能从系统台账计算的按记录计算（可查看明细），其余可由本单位负责人或法制审核员手工填报并上传佐证材料。系统计算值优先于手工填报值；无记录的指标显示“—”，不以 0 代替。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="单位"
          style={{ minWidth: 320 }}
          value={organizationId}
          onChange={setOrganizationId}
          loading={organizations.loading}
          options={(organizations.data ?? []).map((o) => ({ value: o.id, label: `${'　'.repeat(Math.max(0, o.path.split('/').filter(Boolean).length - me.organizationPath.split('/').filter(Boolean).length))}${o.name}` }))}
        />
        <Select aria-label="年度" value={year} onChange={setYear} options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${String(y)}年度` }))} />
      </Space>
      <RemoteView remote={table}>
        {(data) => (
          <Table<Row>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={data.indicators}
            columns={[
              { title: '指标', dataIndex: 'name', width: 220 },
              { title: '数值', key: 'value', width: 140, render: (_, r) => <strong data-testid={`value-${r.key}`}>{formatValue(r)}</strong> },
              { title: '来源', key: 'source', width: 100, render: (_, r) => <Tag color={sourceColors[r.source]}>{figureSources[r.source]}</Tag> },
              {
                title: '说明',
                key: 'note',
                render: (_, r) => (
                  <Space direction="vertical" size={0}>
                    {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
                    {r.manual && (
                      <Typography.Text type="secondary">
                        本单位手工填报 {formatValue(r, r.manual.value)}（{r.manual.sourceNote}，{r.manual.enteredBy}）
                        {r.difference !== null && r.difference !== 0 && `；系统计算与填报相差 ${String(r.difference)}`}
                        {r.manual.attachment && (
                          <Button
                            type="link"
                            size="small"
                            onClick={() => void downloadFile(`/organizations/${String(data.organization.id)}/indicators/${r.key}/manual/attachment`, { year: data.year }, r.manual!.attachment!.fileName)}
                          >
                            佐证材料
                          </Button>
                        )}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: '操作',
                key: 'actions',
                width: 160,
                render: (_, r) => (
                  <Space>
                    {r.value !== null && (
                      <Button size="small" onClick={() => setDrilling(r)}>
                        明细
                      </Button>
                    )}
                    {mayEnter && (
                      <Button size="small" onClick={() => setEntering(r)}>
                        手工填报
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </RemoteView>
      {entering && (
        <ManualEntryModal
          row={entering}
          organizationId={organizationId}
          year={year}
          onClose={(changed) => {
            setEntering(null);
            if (changed) table.reload();
          }}
        />
      )}
      {drilling && <DrillDownModal row={drilling} organizationId={organizationId} year={year} onClose={() => setDrilling(null)} />}
    </Card>
  );
}

interface EntryForm {
  value: number;
  numerator?: number;
  denominator?: number;
  sourceNote: string;
}

function ManualEntryModal({ row, organizationId, year, onClose }: { row: Row; organizationId: number; year: number; onClose: (changed: boolean) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryForm>();
  const [file, setFile] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rate = indicatorMeasure(row.key) === 'rate';
  const base = `/organizations/${String(organizationId)}/indicators/${row.key}/manual`;

  const save = async (values: EntryForm) => {
    setSaving(true);
    setError(null);
    try {
      const body = { year, value: values.value, sourceNote: values.sourceNote, ...(rate && values.numerator != null ? { numerator: values.numerator, denominator: values.denominator } : {}) };
      await api.put<Row>(base, body);
      if (file) {
        const data = new FormData();
        data.append('year', String(year));
        data.append('file', file, file.name);
        await upload<Row>(`${base}/attachment`, data);
      }
      message.success('已保存手工填报数据');
      onClose(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={`手工填报：${row.name}（${String(year)}年度）`} okText="保存" confirmLoading={saving} onOk={() => form.submit()} onCancel={() => onClose(false)} destroyOnHidden>
      {row.source === 'computed' && <Alert style={{ marginBottom: 12 }} type="info" showIcon title={`该指标由系统计算（${formatValue(row)}），计算值优先；填报值仅作对照。`} />}
      <Form<EntryForm>
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={row.manual ? { value: row.manual.value, numerator: row.manual.numerator ?? undefined, denominator: row.manual.denominator ?? undefined, sourceNote: row.manual.sourceNote } : {}}
      >
        <Form.Item name="value" label={`数值（${row.unit}）`} rules={[{ required: true, message: '请填写数值' }]}>
          <InputNumber min={0} max={rate ? 100 : undefined} style={{ width: '100%' }} />
        </Form.Item>
        {rate && (
          <Space>
            <Form.Item name="numerator" label="分子（可选）">
              <InputNumber min={0} precision={0} />
            </Form.Item>
            <Form.Item name="denominator" label="分母（可选）">
              <InputNumber min={1} precision={0} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="sourceNote" label="数据来源说明" rules={[{ required: true, message: '请填写数据来源说明' }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder="如：法制科培训台账、各中队报表汇总" />
        </Form.Item>
        <Form.Item label="佐证材料（可选）">
          <Upload
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button>选择文件</Button>
          </Upload>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

function DrillDownModal({ row, organizationId, year, onClose }: { row: Row; organizationId: number; year: number; onClose: () => void }) {
  const remote = useRemote((signal) => api.get<DrillDown>(`/organizations/${String(organizationId)}/indicators/${row.key}/records`, { year }, signal), [organizationId, year, row.key]);
  return (
    <Modal open title={`明细：${row.name} ${formatValue(row)}`} footer={null} onCancel={onClose} width={720} destroyOnHidden>
      <RemoteView remote={remote}>
        {(d) => (
          <>
            {d.records.length > 0 && (
              <Table
                rowKey={(r) => `${r.subjectType}:${String(r.subjectId)}`}
                size="small"
                pagination={{ pageSize: 20 }}
                dataSource={d.records}
                columns={[
                  { title: '日期', dataIndex: 'date', width: 110 },
                  { title: '记录', dataIndex: 'label' },
                  ...(d.records.some((r) => r.amount !== undefined) ? [{ title: '金额（元）', dataIndex: 'amount', width: 120 }] : []),
                ]}
              />
            )}
            {d.manual.length > 0 && (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={d.manual}
                columns={[
                  { title: '手工填报单位', dataIndex: 'organizationName' },
                  { title: '数值', key: 'value', render: (_, m) => formatValue(row, m.value) },
                  { title: '数据来源', dataIndex: 'sourceNote' },
                ]}
              />
            )}
            {d.records.length === 0 && d.manual.length === 0 && <Alert type="info" showIcon title="该数值没有可列出的记录（如存量指标为 0）。" />}
          </>
        )}
      </RemoteView>
    </Modal>
  );
}
