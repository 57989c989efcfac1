/**
 * 年度报告 (法治政府建设年度报告, issue #19 item 2; docs/REPORTS.md "The staff page"): a unit's report for a year —
 * “起草” composes the first draft from the records; the five parts and part 一's sections, the author's paragraphs as
 * text areas (their prompt as placeholder), figure sentences with their words editable and their figures read-only
 * chips (手工填报 marked), seeded 存在的不足 the author may delete; 保存 on the version seen (409: reload), 刷新数据 with
 * the figures that changed highlighted, the workflow steps the server offers (退回 with a reason), the .docx/.pdf,
 * and once published the signed appendix (附件 审计校验) with the portal's public key.
 */
import { Alert, App, Button, Card, Descriptions, Empty, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { OrganizationView } from '../../../../domain/admin/views.ts';
import { may } from '../../../../domain/policy.ts';
import { reportPolicy } from '../../../../domain/reports/policy.ts';
import type { RefreshResult, ReportView } from '../../../../domain/reports/views.ts';
import { reportActionLabels, type ReportAction } from '../../../../domain/reports/workflow.ts';
import { ApiError, api, errorMessage } from '../../../shared/api.ts';
import { downloadFile } from '../../../shared/download.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';

type Paragraph = ReportView['draft']['parts'][number]['sections'][number]['paragraphs'][number];
type Segment = Paragraph['segments'][number];

/** The author's unsaved words of a paragraph: `text` (no figures) or `texts`, one per text segment. */
interface ParagraphEdit {
  text?: string;
  texts?: string[];
}

const CONFLICT_MESSAGE = '报告已被他人修改，已重新载入最新内容，请在此基础上重新修改后保存';

const hasFigures = (p: Paragraph) => p.segments.some((s) => s.kind !== 'text');
const plainText = (p: Paragraph) => p.segments.map((s) => s.text).join('');
const textsOf = (p: Paragraph) => p.segments.filter((s) => s.kind === 'text').map((s) => s.text);
/** A timestamp in China time (as it is printed in the appendix); shown as given when it does not parse. */
const chinaTime = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
};
const highlightKey = (paragraphId: string, key: string) => `${paragraphId}|${key}`;

/** Loads the report; a unit without a draft for the year answers 404, shown as “尚未起草”. */
async function loadReport(organizationId: number, year: number, signal: AbortSignal): Promise<ReportView | null> {
  try {
    return await api.get<ReportView>(`/organizations/${String(organizationId)}/reports/${String(year)}`, undefined, signal);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

export default function AnnualReportPage() {
  const me = useMe();
  const thisYear = new Date().getFullYear();
  const [organizationId, setOrganizationId] = useState(me.organizationId);
  const [year, setYear] = useState(thisYear - 1);
  const organizations = useRemote((signal) => api.get<OrganizationView[]>('/organizations', undefined, signal), []);
  const report = useRemote((signal) => loadReport(organizationId, year, signal), [organizationId, year]);
  const mayEdit = may(me, reportPolicy.editReport, { organizationId, actorOrganizationId: me.organizationId });
  const depth = (path: string) => path.split('/').filter(Boolean).length;

  return (
    <Card title="年度报告">
      <Typography.Paragraph type="secondary">
        法治政府建设年度报告：按本单位台账数据生成初稿，数据以字段形式嵌入正文（可“刷新数据”），文字由负责人、法制审核员撰写；经法制科审核、主要负责人审定后公开（次年3月31日前），公开时冻结全文并以SM2签署审计校验附件。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16, maxWidth: '100%' }}>
        <Select
          aria-label="单位"
          style={{ minWidth: 240, maxWidth: '100%' }}
          value={organizationId}
          onChange={setOrganizationId}
          loading={organizations.loading}
          options={(organizations.data ?? []).map((o) => ({ value: o.id, label: `${'　'.repeat(Math.max(0, depth(o.path) - depth(me.organizationPath)))}${o.name}` }))}
        />
        <Select aria-label="年度" value={year} onChange={setYear} options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${String(y)}年度` }))} />
      </Space>
      <RemoteView remote={report}>
        {(data) =>
          data === null ? (
            <NoDraft organizationId={organizationId} year={year} mayEdit={mayEdit} onCreated={report.reload} />
          ) : (
            <ReportEditor key={`${String(data.id)}:${String(data.version)}`} report={data} mayEdit={mayEdit} onReload={report.reload} />
          )
        }
      </RemoteView>
    </Card>
  );
}

function NoDraft({ organizationId, year, mayEdit, onCreated }: { organizationId: number; year: number; mayEdit: boolean; onCreated: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    try {
      await api.post<ReportView>(`/organizations/${String(organizationId)}/reports/${String(year)}`);
      void message.success('已按台账数据生成初稿');
      onCreated();
    } catch (e) {
      void message.error(errorMessage(e));
      if (e instanceof ApiError && e.status === 409) onCreated();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Empty description={`${String(year)}年度报告尚未起草`}>
      {mayEdit ? (
        <Button type="primary" loading={busy} onClick={() => void create()}>
          起草
        </Button>
      ) : (
        <Typography.Text type="secondary">由本单位负责人或法制审核员起草</Typography.Text>
      )}
    </Empty>
  );
}

function ReportEditor({ report: initial, mayEdit, onReload }: { report: ReportView; mayEdit: boolean; onReload: () => void }) {
  const { message } = App.useApp();
  const [report, setReport] = useState(initial);
  const [edits, setEdits] = useState<Record<string, ParagraphEdit>>({});
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const [changed, setChanged] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const editable = mayEdit && report.state === 'drafting';
  const dirty = Object.keys(edits).length > 0 || removed.size > 0;
  const base = `/organizations/${String(report.organizationId)}/reports/${String(report.year)}`;

  /** Runs a request; a 409 (the report changed meanwhile) reloads it with a Chinese message. */
  const run = async (what: string, action: () => Promise<void>) => {
    setBusy(what);
    try {
      await action();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        void message.warning(CONFLICT_MESSAGE);
        onReload();
      } else void message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const save = () =>
    run('save', async () => {
      const order = report.draft.parts
        .flatMap((part) => part.sections)
        .filter((section) => section.paragraphs.some((p) => removed.has(p.id)))
        .map((section) => ({ sectionKey: section.key, paragraphIds: section.paragraphs.filter((p) => !removed.has(p.id)).map((p) => p.id) }));
      const saved = await api.put<ReportView>(base, {
        expectedVersion: report.version,
        edits: Object.entries(edits)
          .filter(([id]) => !removed.has(id))
          .map(([paragraphId, e]) => ({ paragraphId, ...e })),
        order,
      });
      setReport(saved);
      setEdits({});
      setRemoved(new Set());
      void message.success('已保存');
    });

  const refresh = () =>
    run('refresh', async () => {
      const result = await api.post<RefreshResult>(`${base}/refresh`, { expectedVersion: report.version });
      setReport(result.report);
      setChanged(new Set(result.changes.map((c) => highlightKey(c.paragraphId, c.key))));
      void message.info(result.changes.length === 0 ? '数据与台账一致，没有变化' : `有${String(result.changes.length)}处数据已按台账更新（已标出）`);
    });

  const step = (action: ReportAction, stepReason?: string) =>
    run(action, async () => {
      const next = await api.post<ReportView>(`${base}/steps`, { action, expectedVersion: report.version, ...(stepReason === undefined ? {} : { reason: stepReason }) });
      setReport(next);
      setReturning(false);
      setReason('');
      void message.success(`已${reportActionLabels[action]}`);
    });

  const download = (format: 'docx' | 'pdf') =>
    run(format, async () => {
      await downloadFile(`${base}/file`, { format }, `${report.draft.title}.${format}`);
    });

  const editParagraph = (id: string, edit: ParagraphEdit) => setEdits((current) => ({ ...current, [id]: edit }));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Tag color={report.state === 'published' || report.state === 'submitted' ? 'green' : 'blue'} data-testid="report-state">
          {report.stateLabel}
        </Tag>
        <Typography.Text type="secondary">
          公开期限 {report.dueOn}
          {report.late && <Tag color="red">逾期</Tag>}
        </Typography.Text>
        <Typography.Text type="secondary">版本 {report.version}</Typography.Text>
      </Space>
      {report.returnReason && report.state === 'drafting' && <Alert type="warning" showIcon title={`退回理由：${report.returnReason}`} />}
      <Space wrap>
        {editable && (
          <>
            <Button type="primary" disabled={!dirty} loading={busy === 'save'} onClick={() => void save()}>
              保存
            </Button>
            <Button disabled={dirty} loading={busy === 'refresh'} onClick={() => void refresh()}>
              刷新数据
            </Button>
          </>
        )}
        {report.actions.map((action) => (
          <Button
            key={action}
            danger={action === 'return'}
            disabled={dirty}
            loading={busy === action}
            onClick={() => (action === 'return' ? setReturning(true) : void step(action))}
          >
            {reportActionLabels[action]}
          </Button>
        ))}
        <Button loading={busy === 'docx'} onClick={() => void download('docx')}>
          下载 .docx
        </Button>
        <Button loading={busy === 'pdf'} onClick={() => void download('pdf')}>
          下载 .pdf
        </Button>
      </Space>
      {dirty && <Typography.Text type="warning">有未保存的修改：请先保存，再刷新数据或办理流程。</Typography.Text>}
      {report.published && <SealCard report={report} />}
      <Typography.Title level={4} style={{ textAlign: 'center' }}>
        {report.draft.title}
      </Typography.Title>
      {report.draft.parts.map((part) => (
        <section key={part.key} aria-label={part.heading}>
          <Typography.Title level={5}>{part.heading}</Typography.Title>
          {part.sections.map((section) => (
            <div key={section.key} style={{ marginBottom: 12 }}>
              {section.heading && <Typography.Text strong>{section.heading}</Typography.Text>}
              {section.paragraphs
                .filter((p) => !removed.has(p.id))
                .map((p) => (
                  <ParagraphView
                    key={p.id}
                    paragraph={p}
                    editable={editable}
                    edit={edits[p.id]}
                    changed={changed}
                    onEdit={(e) => editParagraph(p.id, e)}
                    onRemove={() => setRemoved((current) => new Set([...current, p.id]))}
                  />
                ))}
            </div>
          ))}
        </section>
      ))}
      <Modal
        open={returning}
        title="退回修改"
        okText="退回"
        cancelText="取消"
        confirmLoading={busy === 'return'}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
        onOk={() => void step('return', reason.trim())}
        onCancel={() => setReturning(false)}
      >
        <Input.TextArea aria-label="退回理由" rows={4} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="请写明需要修改的内容（至少2个字）" />
      </Modal>
    </Space>
  );
}

function ParagraphView({
  paragraph: p,
  editable,
  edit,
  changed,
  onEdit,
  onRemove,
}: {
  paragraph: Paragraph;
  editable: boolean;
  edit: ParagraphEdit | undefined;
  changed: Set<string>;
  onEdit: (edit: ParagraphEdit) => void;
  onRemove: () => void;
}) {
  const removeButton = p.origin === 'seeded' && editable && (
    <Button size="small" danger onClick={onRemove} aria-label={`删除：${plainText(p).slice(0, 20)}`}>
      删除
    </Button>
  );
  if (!hasFigures(p)) {
    const text = edit?.text ?? plainText(p);
    return (
      <div style={{ margin: '8px 0' }} data-paragraph={p.id}>
        {p.origin === 'author' && editable ? (
          <Input.TextArea aria-label={p.prompt ?? '段落'} autoSize={{ minRows: 2 }} placeholder={p.prompt} value={text} onChange={(e) => onEdit({ text: e.target.value })} />
        ) : p.origin === 'seeded' && editable ? (
          <Input.TextArea aria-label="存在的不足" autoSize={{ minRows: 1 }} value={text} onChange={(e) => onEdit({ text: e.target.value })} />
        ) : text ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{text}</Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">（{p.prompt ?? '空段落'}：未填写，不打印）</Typography.Text>
        )}
        {removeButton}
      </div>
    );
  }
  const texts = edit?.texts ?? textsOf(p);
  let textIndex = 0;
  return (
    <div style={{ margin: '8px 0', lineHeight: 2.2 }} data-paragraph={p.id}>
      {p.segments.map((s, i) => {
        if (s.kind === 'text') {
          const index = textIndex++;
          const value = texts[index] ?? '';
          return editable ? (
            <Input
              key={i}
              aria-label={`文字 ${String(index + 1)}`}
              size="small"
              variant="underlined"
              value={value}
              onChange={(e) => onEdit({ texts: texts.map((t, j) => (j === index ? e.target.value : t)) })}
              style={{ width: `${String(Math.max(2, Math.min(value.length + 1, 40)))}em`, maxWidth: '100%' }}
            />
          ) : (
            <span key={i}>{value}</span>
          );
        }
        // A year-on-year change without last year's figure writes nothing (an empty field): no chip for it.
        return s.text === '' ? null : <FigureChip key={i} segment={s} highlighted={changed.has(highlightKey(p.id, s.key))} />;
      })}
      {removeButton}
    </div>
  );
}

function FigureChip({ segment, highlighted }: { segment: Exclude<Segment, { kind: 'text' }>; highlighted: boolean }) {
  const handEntered = segment.kind === 'figure' && segment.source === 'hand-entered';
  return (
    <Tag
      data-testid="figure-chip"
      data-key={segment.key}
      data-kind={segment.kind}
      color={highlighted ? 'gold' : handEntered ? 'orange' : 'blue'}
      style={{ marginInline: 2, whiteSpace: 'normal' }}
      title={highlighted ? '已按台账更新' : handEntered ? '手工填报数据' : '台账数据（只读）'}
    >
      {segment.text}
      {handEntered && <sup>手工填报</sup>}
      {highlighted && <sup>已更新</sup>}
    </Tag>
  );
}

function SealCard({ report }: { report: ReportView }) {
  const published = report.published!;
  const { seal } = published;
  const mono = { fontFamily: 'monospace', wordBreak: 'break-all' } as const;
  return (
    <Card size="small" title="附件 审计校验（已公开，内容已冻结）" data-testid="report-seal">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="公开时间">{chinaTime(seal.publishedAt)}</Descriptions.Item>
        <Descriptions.Item label="内容摘要（SM3）">
          <span style={mono}>{seal.contentDigest}</span>
        </Descriptions.Item>
        <Descriptions.Item label="Word 文件摘要">
          <span style={mono}>{published.docxDigest}</span>
        </Descriptions.Item>
        <Descriptions.Item label="PDF 文件摘要">
          {published.pdfDigest ? <span style={mono}>{published.pdfDigest}</span> : published.pdfAvailable ? '首次下载 PDF 时由 Word 文件生成' : '未生成（服务器未安装 LibreOffice）'}
        </Descriptions.Item>
        <Descriptions.Item label="审计检查点">
          第 {seal.checkpoint.id} 号，{chinaTime(seal.checkpoint.at)}，<span style={mono}>{seal.checkpoint.digest}</span>
        </Descriptions.Item>
        <Descriptions.Item label="签名（SM2）">
          <span style={mono}>{seal.signature}</span>
        </Descriptions.Item>
        <Descriptions.Item label="公钥">
          <span style={mono}>{seal.publicKey}</span>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        公众可在 <a href="/portal/reports">门户网站“法治政府建设报告”</a> 核对本机关公布的公钥；命令 <code>fazhi report verify 报告.pdf</code> 核验签名与审计链。
      </Typography.Paragraph>
    </Card>
  );
}
