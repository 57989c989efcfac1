/**
 * 年度报告分析: upload one or many 法治政府建设年度报告 (.txt/.docx/.pdf/.html) to POST /api/reports/analyze and
 * compare them side by side — one column per report; rows: title, organization, year, date, each required
 * section (missing ones in red), each indicator found (value and unit; the evidence sentence on hover or tap).
 * On phones each report is a card. Unreadable files are listed with the server's reason; the rest are compared.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Popover, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { indicatorCatalog, isIndicatorKey, indicatorName } from '../../../domain/analyzer/catalog.ts';
import { type SectionKey, requiredSectionKeys, sectionKeys, sectionNames } from '../../../domain/analyzer/types.ts';
import { errorMessage } from '../../shared/api.ts';
import type { IndicatorFound, ReportOutcome } from '../../../domain/analyzer/views.ts';
import { upload } from '../../shared/upload.ts';
import { useIsPhone } from '../../shared/use-is-phone.ts';

type Analysis = Exclude<ReportOutcome, { error: unknown }>;
type Failure = Extract<ReportOutcome, { error: unknown }>;

const accept = '.txt,.docx,.pdf,.html,.htm';
const required = new Set<string>(requiredSectionKeys);

interface Row {
  key: string;
  label: ReactNode;
  cell: (report: Analysis) => ReactNode;
}

function SectionCell({ report, section }: { report: Analysis; section: SectionKey }) {
  if (report.sections[section]) return <Tag color="green">有</Tag>;
  if (!required.has(section)) return <Typography.Text type="secondary">无（选填）</Typography.Text>;
  return (
    <Typography.Text type="danger" strong data-testid="missing-section">
      缺失
    </Typography.Text>
  );
}

function IndicatorCell({ mentions }: { mentions: IndicatorFound[] }) {
  if (mentions.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space direction="vertical" size={0}>
      {mentions.map((m) => (
        <Popover
          key={m.start}
          trigger={['hover', 'click']}
          title="原文"
          content={
            <div style={{ maxWidth: 360 }}>
              {m.text}
              <div style={{ color: '#888', fontSize: 12 }}>第 {m.start} 字起</div>
            </div>
          }
        >
          <Typography.Link>
            {m.approx ? '约 ' : ''}
            {m.value.toLocaleString('zh-CN')} {m.unit}
          </Typography.Link>
        </Popover>
      ))}
    </Space>
  );
}

const mentionsOf = (report: Analysis, key: string) => report.indicators.filter((m) => m.key === key);

/** The comparison rows: metadata, the sections, then every indicator that at least one report mentions. */
function rowsFor(reports: readonly Analysis[]): Row[] {
  const found = new Set(reports.flatMap((r) => r.indicators.map((m) => m.key)));
  const indicatorKeys = [...indicatorCatalog.map((i) => i.key as string).filter((k) => found.has(k)), ...[...found].filter((k) => !isIndicatorKey(k))];
  const text = (value: string | number | null) => (value === null ? <Typography.Text type="secondary">未识别</Typography.Text> : String(value));
  return [
    { key: 'title', label: '标题', cell: (r) => text(r.title) },
    { key: 'organization', label: '单位', cell: (r) => text(r.organization) },
    { key: 'year', label: '报告年度', cell: (r) => text(r.year) },
    { key: 'date', label: '报告日期', cell: (r) => text(r.date) },
    ...sectionKeys.map((s) => ({ key: `section:${s}`, label: <>{sectionNames[s]}{required.has(s) ? '' : '（选填）'}</>, cell: (r: Analysis) => <SectionCell report={r} section={s} /> })),
    ...indicatorKeys.map((k) => ({ key: `indicator:${k}`, label: isIndicatorKey(k) ? indicatorName(k) : k, cell: (r: Analysis) => <IndicatorCell mentions={mentionsOf(r, k)} /> })),
  ];
}

function Comparison({ reports }: { reports: Analysis[] }) {
  const isPhone = useIsPhone();
  const rows = rowsFor(reports);
  if (isPhone) {
    return (
      <List
        dataSource={reports}
        renderItem={(report) => (
          <Card size="small" title={report.file} style={{ marginBottom: 12 }} data-testid="report-card">
            {rows.filter((row) => !row.key.startsWith('indicator:') || mentionsOf(report, row.key.slice('indicator:'.length)).length > 0).map((row) => (
              <div key={row.key} style={{ display: 'flex', gap: 8, padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}>
                <div style={{ width: 112, flexShrink: 0, color: '#666' }}>{row.label}</div>
                <div style={{ flex: 1, minWidth: 0, wordBreak: 'break-all' }}>{row.cell(report)}</div>
              </div>
            ))}
          </Card>
        )}
      />
    );
  }
  return (
    <Table<Row>
      data-testid="report-comparison"
      rowKey="key"
      size="small"
      bordered
      pagination={false}
      dataSource={rows}
      scroll={{ x: 200 + reports.length * 240 }}
      columns={[
        { title: '项目', dataIndex: 'label', key: 'label', fixed: 'left', width: 200 },
        ...reports.map((report, index) => ({
          title: <span style={{ wordBreak: 'break-all' }}>{report.file}</span>,
          key: `report-${index}`,
          width: 240,
          render: (_: unknown, row: Row) => row.cell(report),
        })),
      ]}
    />
  );
}

type Stage = { kind: 'idle' } | { kind: 'uploading'; percent: number } | { kind: 'done'; outcomes: ReportOutcome[] } | { kind: 'failed'; message: string };

export default function ReportAnalyzePage() {
  const [files, setFiles] = useState<File[]>([]);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });

  const analyze = async () => {
    const body = new FormData();
    for (const file of files) body.append('files', file, file.name);
    setStage({ kind: 'uploading', percent: 0 });
    try {
      const outcomes = await upload<ReportOutcome[]>('/reports/analyze', body, (percent) => setStage({ kind: 'uploading', percent }));
      setStage({ kind: 'done', outcomes });
    } catch (e) {
      setStage({ kind: 'failed', message: errorMessage(e) });
    }
  };

  const outcomes = stage.kind === 'done' ? stage.outcomes : [];
  const analyses = outcomes.filter((o): o is Analysis => !('error' in o));
  const failures = outcomes.filter((o): o is Failure => 'error' in o);
  const busy = stage.kind === 'uploading';

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="法治政府建设年度报告分析">
        <Typography.Paragraph type="secondary">
          上传一个或多个年度报告（.txt、.docx、.pdf、.html），逐份检查《法治政府建设与责任落实督察工作规定》要求的内容是否齐全，并提取报告中的指标数据，按报告并列比较。
        </Typography.Paragraph>
        <Upload.Dragger
          multiple
          accept={accept}
          disabled={busy}
          beforeUpload={(file) => {
            setFiles((list) => [...list.filter((f) => f.name !== file.name), file]);
            return false;
          }}
          onRemove={(file) => setFiles((list) => list.filter((f) => f.name !== file.name))}
          fileList={files.map((f) => ({ uid: f.name, name: f.name, status: 'done' as const }))}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖入报告文件，可一次选择多份</p>
        </Upload.Dragger>
        <Space style={{ marginTop: 12 }} wrap>
          <Button type="primary" disabled={files.length === 0 || busy} loading={busy} onClick={() => void analyze()}>
            开始分析（{files.length} 份）
          </Button>
          {files.length > 0 && !busy && (
            <Button
              onClick={() => {
                setFiles([]);
                setStage({ kind: 'idle' });
              }}
            >
              清空
            </Button>
          )}
        </Space>
        {stage.kind === 'uploading' && (
          <div style={{ marginTop: 12 }} data-testid="analyze-progress">
            <Progress percent={stage.percent} status="active" />
            <Typography.Text type="secondary">{stage.percent < 100 ? '正在上传……' : `已上传，正在分析 ${files.length} 份报告……`}</Typography.Text>
          </div>
        )}
        {stage.kind === 'failed' && <Alert type="error" showIcon style={{ marginTop: 12 }} title="分析失败" description={stage.message} />}
      </Card>
      {failures.map((f) => (
        <Alert key={f.file} type="error" showIcon data-testid="report-error" title={`${f.file}：无法分析`} description={f.error.message} />
      ))}
      {analyses.length > 0 && (
        <Card title={`比较结果（${analyses.length} 份）`} styles={{ body: { padding: 12 } }}>
          <Comparison reports={analyses} />
        </Card>
      )}
    </Space>
  );
}
