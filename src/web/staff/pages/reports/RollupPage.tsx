/**
 * 报告汇总 (issue #19 item 5; docs/REPORTS.md "汇总与晾晒"): for the supervisor, the units below a unit with the status
 * of their annual report, the indicator table across them with its 合计 (rates from summed counts, never averaged),
 * each figure's source (系统计算 / 手工填报 / 提取 — with the sentence it was read from — / 无记录), the ranking (晾晒)
 * on the weights the supervisor sets, a bar chart of one indicator and a pie of the statuses (ECharts, loaded only
 * when the charts are drawn), the XLSX, and the form that uploads a unit's report file.
 */
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { OrganizationView } from '../../../../domain/admin/views.ts';
import { sectionNames } from '../../../../domain/analyzer/types.ts';
import { indicatorCatalog } from '../../../../domain/indicators/catalog.ts';
import { may } from '../../../../domain/policy.ts';
import { reportStatuses, type ReportStatus } from '../../../../domain/rollup/model.ts';
import { rollupPolicy } from '../../../../domain/rollup/policy.ts';
import type { rankingWeightsView, reportRollup, reportUploadView } from '../../../../domain/rollup/views.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { downloadFile } from '../../../shared/download.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { upload } from '../../../shared/upload.ts';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import { CellView, formatCell, statusColors } from './rollup-common.tsx';

// ECharts is large: its chunk loads only when this page draws a chart.
const EChart = lazy(() => import('../dashboard/EChart.tsx').then((m) => ({ default: m.EChart })));

type Rollup = z.input<typeof reportRollup>;
type Upload_ = z.input<typeof reportUploadView>;
type Weights = z.input<typeof rankingWeightsView>;

export default function RollupPage() {
  const me = useMe();
  const navigate = useNavigate();
  const thisYear = new Date().getFullYear();
  const [organizationId, setOrganizationId] = useState(me.organizationId);
  const [year, setYear] = useState(thisYear - 1);
  const [depth, setDepth] = useState<'1' | 'all'>('1');
  const [onlyWithData, setOnlyWithData] = useState(true);
  const [selected, setSelected] = useState<number[]>([]);
  const organizations = useRemote((signal) => api.get<OrganizationView[]>('/organizations', undefined, signal), []);
  const rollup = useRemote((signal) => api.get<Rollup>(`/organizations/${String(organizationId)}/report-rollup`, { year, depth }, signal), [organizationId, year, depth]);
  const level = (path: string) => path.split('/').filter(Boolean).length;
  const mayUpload = may(me, rollupPolicy.uploadReport);

  return (
    <Card
      title="年度报告汇总与晾晒"
      extra={
        <Space>
          <Button disabled={selected.length < 2} onClick={() => void navigate(`/reports/compare?year=${String(year)}&org=${String(organizationId)}&units=${selected.join(',')}`)}>
            对比所选单位
          </Button>
          <Button onClick={() => void downloadFile(`/organizations/${String(organizationId)}/report-rollup/export`, { year, depth }, `年度报告汇总-${String(year)}.xlsx`)}>导出 XLSX</Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        下级单位法治政府建设年度报告的状态与指标汇总。数据来源：系统计算优先于手工填报，手工填报优先于从上传报告中提取的数值；合计中件数、金额相加，比率按分子、分母之和计算，不取平均数。年度报告应于次年3月31日前（含当日）公开。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="汇总单位"
          style={{ minWidth: 320 }}
          value={organizationId}
          onChange={setOrganizationId}
          loading={organizations.loading}
          options={(organizations.data ?? []).map((o) => ({ value: o.id, label: `${'　'.repeat(Math.max(0, level(o.path) - level(me.organizationPath)))}${o.name}` }))}
        />
        <Select aria-label="年度" value={year} onChange={setYear} options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${String(y)}年度` }))} />
        <Select
          aria-label="层级"
          value={depth}
          onChange={setDepth}
          options={[
            { value: '1', label: '直属下级单位' },
            { value: 'all', label: '全部层级' },
          ]}
        />
        <Space>
          <Switch checked={onlyWithData} onChange={setOnlyWithData} aria-label="只显示有数据的指标" />
          只显示有数据的指标
        </Space>
      </Space>
      <RemoteView remote={rollup}>
        {(data) => (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <StatusCard data={data} selected={selected} onSelect={setSelected} />
            {mayUpload && <UploadCard data={data} year={year} onUploaded={rollup.reload} />}
            <IndicatorTable data={data} onlyWithData={onlyWithData} />
            <RankingCard data={data} organizationId={organizationId} year={year} onSaved={rollup.reload} />
            <ChartsCard data={data} />
          </Space>
        )}
      </RemoteView>
    </Card>
  );
}

function StatusCard({ data, selected, onSelect }: { data: Rollup; selected: number[]; onSelect: (ids: number[]) => void }) {
  return (
    <Card size="small" title={`报告状态（应于 ${data.dueOn} 前公开）`}>
      {data.units.length === 0 ? (
        <Alert type="info" showIcon title="该单位没有下级单位。" />
      ) : (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.units}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(Number)) }}
          columns={[
            { title: '单位', key: 'name', render: (_, u) => `${'　'.repeat(u.level - 1)}${u.name}` },
            {
              title: '状态',
              key: 'status',
              width: 110,
              render: (_, u) => (
                <Tag color={statusColors[u.status as ReportStatus]} data-testid={`status-${String(u.id)}`}>
                  {reportStatuses[u.status as ReportStatus]}
                </Tag>
              ),
            },
            { title: '公开日期', dataIndex: 'publishedOn', width: 120, render: (d: string | null) => d ?? '—' },
            {
              title: '上传的报告',
              key: 'upload',
              render: (_, u) =>
                u.upload ? (
                  <Button type="link" size="small" onClick={() => void downloadFile(`/organizations/${String(u.id)}/report-uploads/${String(u.upload!.id)}/file`, {}, u.upload!.fileName)}>
                    {u.upload.fileName}（第{u.upload.version}版）
                  </Button>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}

function UploadCard({ data, year, onUploaded }: { data: Rollup; year: number; onUploaded: () => void }) {
  const { message } = App.useApp();
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [publishedOn, setPublishedOn] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Upload_ | null>(null);
  const submit = async () => {
    if (!unitId || !file) return;
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('year', String(year));
      if (publishedOn.trim()) form.append('publishedOn', publishedOn.trim());
      form.append('file', file, file.name);
      const saved = await upload<Upload_>(`/organizations/${String(unitId)}/report-uploads`, form);
      setResult(saved);
      message.success(`已上传并分析：提取到 ${String(saved.analysis.indicators.length)} 项数据`);
      onUploaded();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={`上传年度报告（未使用本系统的单位，${String(year)}年度）`}>
      <Form layout="inline" onFinish={() => void submit()}>
        <Form.Item label="单位" required>
          <Select aria-label="上传单位" style={{ minWidth: 280 }} value={unitId} onChange={setUnitId} options={data.units.map((u) => ({ value: u.id, label: u.name }))} placeholder="选择单位" />
        </Form.Item>
        <Form.Item label="公开日期">
          <Input aria-label="公开日期" style={{ width: 140 }} value={publishedOn} onChange={(e) => setPublishedOn(e.target.value)} placeholder="YYYY-MM-DD（可选）" />
        </Form.Item>
        <Form.Item label="文件" required>
          <Upload
            accept=".docx,.pdf,.txt"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button>选择 .docx/.pdf/.txt</Button>
          </Upload>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} disabled={!unitId || !file}>
            上传并分析
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type={result.analysis.missingSections.length ? 'warning' : 'success'}
          showIcon
          title={`${result.organizationName}：${result.fileName}（第${String(result.version)}版），提取到 ${String(result.analysis.indicators.length)} 项数据；报告所署单位：${result.analysis.organization ?? '未识别'}`}
          description={result.analysis.missingSections.length ? `缺少：${result.analysis.missingSections.map((k) => sectionNames[k]).join('、')}（见“报告对比”）` : '必备部分齐全'}
        />
      )}
    </Card>
  );
}

function IndicatorTable({ data, onlyWithData }: { data: Rollup; onlyWithData: boolean }) {
  const rows = onlyWithData ? data.indicators.filter((i) => i.total.value !== null || i.cells.some((c) => c.value !== null)) : data.indicators;
  return (
    <Card size="small" title="指标汇总">
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          { title: '指标', key: 'name', fixed: 'left', width: 200, render: (_, i) => `${i.name}${i.unit === '%' ? '（%）' : `（${i.unit}）`}` },
          ...data.units.map((u, index) => ({
            title: `${'　'.repeat(u.level - 1)}${u.name}`,
            key: `unit-${String(u.id)}`,
            width: 150,
            render: (_: unknown, i: Rollup['indicators'][number]) => <CellView cell={i.cells[index]!} unit={i.unit} testId={`cell-${i.key}-${String(u.id)}`} />,
          })),
          { title: '合计', key: 'total', width: 150, render: (_, i) => <CellView cell={i.total} unit={i.unit} testId={`total-${i.key}`} /> },
        ]}
      />
    </Card>
  );
}

function RankingCard({ data, organizationId, year, onSaved }: { data: Rollup; organizationId: number; year: number; onSaved: () => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ weights: { key: string; weight: number }[] }>();
  const [error, setError] = useState<string | null>(null);
  const maySet = may(me, rollupPolicy.setRankingWeights);
  const save = async (values: { weights: { key: string; weight: number }[] }) => {
    setError(null);
    try {
      await api.put<Weights>(`/organizations/${String(organizationId)}/report-rollup/weights`, { year, weights: values.weights ?? [] });
      message.success('已保存晾晒权重');
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const name = (key: string) => indicatorCatalog.find((e) => e.key === key)?.name ?? key;
  return (
    <Card size="small" title="晾晒排名">
      <Row gutter={24}>
        <Col xs={24} lg={10}>
          <Typography.Paragraph type="secondary">
            得分 = Σ 权重 × 归一化值。各指标按参与排名单位的最小值、最大值归一化到 0–1（数值越低越好的指标，如超期办件数、行政复议纠错率、行政诉讼败诉率，反向计算）；无数据的单位该项计 0；得分相同者名次并列。
          </Typography.Paragraph>
          <Form form={form} onFinish={(v) => void save(v)} initialValues={{ weights: data.weights.weights.length ? data.weights.weights : [{ key: 'penalty_cases', weight: 50 }] }} disabled={!maySet}>
            <Form.List name="weights">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline">
                      <Form.Item name={[field.name, 'key']} rules={[{ required: true, message: '请选择指标' }]}>
                        <Select aria-label="权重指标" style={{ width: 220 }} showSearch optionFilterProp="label" options={indicatorCatalog.map((e) => ({ value: e.key, label: e.name }))} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'weight']} rules={[{ required: true, message: '请填写权重' }]}>
                        <InputNumber aria-label="权重" min={0} max={100} />
                      </Form.Item>
                      <Button type="link" onClick={() => remove(field.name)}>
                        删除
                      </Button>
                    </Space>
                  ))}
                  <Space>
                    <Button onClick={() => add({ weight: 10 })}>添加指标</Button>
                    <Button type="primary" htmlType="submit">
                      保存权重
                    </Button>
                  </Space>
                </>
              )}
            </Form.List>
          </Form>
          {data.weights.setBy && (
            <Typography.Text type="secondary">
              第{data.weights.version}版，{data.weights.setBy}设置
            </Typography.Text>
          )}
          {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
        </Col>
        <Col xs={24} lg={14}>
          {data.ranking.length === 0 ? (
            <Alert type="info" showIcon title="尚未设置晾晒权重。" />
          ) : (
            <Table
              rowKey="organizationId"
              size="small"
              pagination={false}
              dataSource={data.ranking}
              data-testid="ranking"
              columns={[
                { title: '名次', dataIndex: 'rank', width: 60 },
                { title: '单位', dataIndex: 'name' },
                { title: '得分', dataIndex: 'score', width: 90 },
                { title: '各项（归一化值）', key: 'parts', render: (_, r) => r.parts.map((p) => `${name(p.key)} ${p.value ?? '—'}（${String(p.normalized)}）`).join('；') },
              ]}
            />
          )}
        </Col>
      </Row>
    </Card>
  );
}

function ChartsCard({ data }: { data: Rollup }) {
  const withData = data.indicators.filter((i) => i.cells.some((c) => c.value !== null));
  const [key, setKey] = useState<string | undefined>(undefined);
  const chosen = data.indicators.find((i) => i.key === (key ?? withData[0]?.key)) ?? data.indicators[0]!;
  const units = data.units;
  const bar = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 64 },
      xAxis: { type: 'category', data: units.map((u) => u.name), axisLabel: { interval: 0, rotate: units.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', name: chosen.unit },
      series: [{ type: 'bar', name: chosen.name, data: chosen.cells.map((c) => c.value) }],
    }),
    [chosen, units],
  );
  const counts = (Object.keys(reportStatuses) as ReportStatus[]).map((s) => ({ name: reportStatuses[s], value: units.filter((u) => u.status === s).length })).filter((d) => d.value > 0);
  const pie = useMemo(() => ({ tooltip: { trigger: 'item' }, legend: { bottom: 0 }, series: [{ type: 'pie', radius: ['35%', '65%'], data: counts }] }), [JSON.stringify(counts)]);
  if (!units.length) return null;
  return (
    <Card size="small" title="图表">
      <Row gutter={24}>
        <Col xs={24} lg={15}>
          <Select aria-label="图表指标" style={{ width: 260, marginBottom: 8 }} value={chosen.key} onChange={setKey} showSearch optionFilterProp="label" options={data.indicators.map((i) => ({ value: i.key, label: i.name }))} />
          <Suspense fallback={<div style={{ height: 320 }} />}>
            <EChart
              option={bar}
              pick="x"
              onPick={() => undefined}
              height={320}
              testId="rollup-bar"
              label={`${chosen.name}：${units.map((u, i) => `${u.name} ${formatCell(chosen.cells[i]!.value, chosen.unit)}`).join('，')}`}
            />
          </Suspense>
        </Col>
        <Col xs={24} lg={9}>
          <Typography.Text strong>报告状态</Typography.Text>
          <Suspense fallback={<div style={{ height: 320 }} />}>
            <EChart option={pie} pick="item" onPick={() => undefined} height={320} testId="rollup-pie" label={counts.map((c) => `${c.name} ${String(c.value)}个`).join('，')} />
          </Suspense>
        </Col>
      </Row>
    </Card>
  );
}
