/**
 * Drafts of the benchmark page (issue 15, item 7): what an imported draft changes against the version in force
 * (items added, removed, changed and which fields), the head's confirmation with an effective date (today or
 * later — the portal publishes it on that day, 《行政处罚法》第三十四条), discarding a draft, withdrawing a version
 * with a reason, and the import template.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Descriptions, Form, Input, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ImportReport, VersionDiffView, VersionKind, VersionStepResult, VersionSummary } from '../../../../domain/discretion/views.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { downloadFile } from '../../../shared/download.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';

export const stateColors: Record<VersionSummary['state'], string> = {
  draft: 'orange',
  scheduled: 'processing',
  inForce: 'success',
  superseded: 'default',
  withdrawn: 'error',
  discarded: 'default',
};

export function StateTag({ version }: { version: Pick<VersionSummary, 'state' | 'stateLabel'> }) {
  return <Tag color={stateColors[version.state]}>{version.stateLabel}</Tag>;
}

/** The template downloads: XLSX and CSV, for benchmarks or exemption lists. */
export function TemplateButtons({ kind }: { kind: VersionKind }) {
  const { message } = App.useApp();
  const get = (format: 'xlsx' | 'csv') => () =>
    void downloadFile('/benchmarks/template', { kind, format }, `${kind === 'benchmark' ? '裁量基准' : '免罚清单'}导入模板.${format}`).catch((e: unknown) => message.error(errorMessage(e)));
  return (
    <Space size={4} wrap>
      <Button size="small" icon={<DownloadOutlined />} onClick={get('xlsx')}>
        下载模板（XLSX）
      </Button>
      <Button size="small" onClick={get('csv')}>
        CSV 模板
      </Button>
    </Space>
  );
}

type PreviewRow = ImportReport['preview'][number];

/** The first items of a draft as read from the file. */
export function DraftPreview({ preview, items }: { preview: PreviewRow[]; items: number }) {
  return (
    <Table<PreviewRow>
      data-testid="draft-preview"
      rowKey={(r) => `${r.code}-${r.name}`}
      size="small"
      dataSource={preview}
      pagination={false}
      title={() => `预览：前 ${preview.length} 个事项（共 ${items} 个）`}
      columns={[
        { title: '序号', dataIndex: 'code', width: 70 },
        { title: '事项', dataIndex: 'name' },
        { title: '类别', dataIndex: 'category', width: 140, responsive: ['md'] },
        { title: '阶次', dataIndex: 'tierCount', width: 60, align: 'right' },
      ]}
    />
  );
}

/** Added, removed and changed items against the version in force. */
export function DiffView({ diff }: { diff: VersionDiffView }) {
  const summary = `新增 ${diff.added.length} 项，删除 ${diff.removed.length} 项，变更 ${diff.changed.length} 项，未变 ${diff.unchanged} 项`;
  const list = (items: { code: string; name: string }[], empty: string) =>
    items.length ? (
      <Table rowKey={(r) => `${r.code}-${r.name}`} size="small" dataSource={items} pagination={items.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false} columns={[{ title: '序号', dataIndex: 'code', width: 80 }, { title: '事项', dataIndex: 'name' }]} />
    ) : (
      <Typography.Text type="secondary">{empty}</Typography.Text>
    );
  return (
    <div data-testid="draft-diff">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 8 }}
        title={diff.base ? `与现行版本「${diff.base.name}」（${diff.base.effectiveFrom} 起施行）相比：${summary}` : `本单位目前没有现行版本，全部 ${diff.added.length} 项为新增`}
      />
      <Tabs
        size="small"
        items={[
          {
            key: 'changed',
            label: `变更 ${diff.changed.length}`,
            children: diff.changed.length ? (
              <Table
                rowKey={(r) => `${r.code}-${r.name}`}
                size="small"
                dataSource={diff.changed}
                pagination={diff.changed.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
                columns={[
                  { title: '序号', dataIndex: 'code', width: 80, render: (code: string, r) => (r.previousCode !== code ? `${r.previousCode} → ${code}` : code) },
                  { title: '事项', dataIndex: 'name' },
                  { title: '变更的内容', dataIndex: 'fields', render: (fields: string[]) => fields.map((f) => <Tag key={f}>{f}</Tag>) },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">没有变更的事项</Typography.Text>
            ),
          },
          { key: 'added', label: `新增 ${diff.added.length}`, children: list(diff.added, '没有新增的事项') },
          { key: 'removed', label: `删除 ${diff.removed.length}`, children: list(diff.removed, '没有删除的事项') },
        ]}
      />
    </div>
  );
}

/** A draft selected on the page: its diff, and for a head the confirmation; discarding for whoever may. */
export function DraftPanel({ version, canConfirm, canDiscard, onChanged }: { version: VersionSummary; canConfirm: boolean; canDiscard: boolean; onChanged: () => void }) {
  const { message, modal } = App.useApp();
  const diff = useRemote((signal) => api.get<VersionDiffView>(`/benchmarks/${version.id}/diff`, undefined, signal), [version.id]);
  const [date, setDate] = useState<Dayjs | null>(() => {
    const proposed = dayjs(version.effectiveFrom);
    return proposed.isBefore(dayjs(), 'day') ? null : proposed;
  });
  const [busy, setBusy] = useState(false);

  const confirm = () => {
    if (!date) return;
    const day = date.format('YYYY-MM-DD');
    modal.confirm({
      title: '确认该版本生效',
      content: `「${version.name}」将自 ${day} 起施行，并于当日在公示平台公布；此前作出的处罚决定仍按原版本。确认后不能修改，如有错误只能撤回。`,
      okText: '确认生效',
      cancelText: '取消',
      onOk: async () => {
        setBusy(true);
        try {
          await api.post<VersionStepResult>(`/benchmarks/${version.id}/confirm`, { effectiveFrom: day });
          message.success(`已确认，自 ${day} 起施行`);
          onChanged();
        } catch (e) {
          message.error(errorMessage(e));
        } finally {
          setBusy(false);
        }
      },
    });
  };

  const discard = () =>
    modal.confirm({
      title: '放弃该草稿',
      content: '放弃后该草稿不能再确认生效（记录保留）。',
      okText: '放弃草稿',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await api.post<VersionStepResult>(`/benchmarks/${version.id}/discard`);
          message.success('已放弃草稿');
          onChanged();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="warning" showIcon title="草稿：未公布、未施行" description={`由负责人确认施行日期后生效。导入时拟定的施行日期：${version.effectiveFrom}。`} />
      <RemoteView remote={diff} rows={4}>
        {(d) => <DiffView diff={d} />}
      </RemoteView>
      {(canConfirm || canDiscard) && (
        <Space wrap align="end">
          {canConfirm && (
            <>
              <Form.Item label="施行日期" style={{ marginBottom: 0 }} required>
                <DatePicker
                  id="benchmark-effective-from"
                  value={date}
                  onChange={setDate}
                  placeholder="选择施行日期"
                  disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                />
              </Form.Item>
              <Button type="primary" disabled={!date} loading={busy} onClick={confirm}>
                确认生效
              </Button>
            </>
          )}
          {canDiscard && (
            <Button danger onClick={discard}>
              放弃草稿
            </Button>
          )}
        </Space>
      )}
      {!canConfirm && <Typography.Text type="secondary">草稿由本单位负责人确认施行日期后生效。</Typography.Text>}
    </Space>
  );
}

/** Withdraws a version in force or scheduled, with the reason. */
export function WithdrawButton({ version, onChanged }: { version: VersionSummary; onChanged: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await api.post<VersionStepResult>(`/benchmarks/${version.id}/withdraw`, { reason });
      message.success('已撤回');
      setOpen(false);
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)}>
        撤回
      </Button>
      {open && (
        <Modal open title={`撤回「${version.name}」`} okText="撤回" okButtonProps={{ danger: true, disabled: reason.trim().length < 5, loading: busy }} cancelText="取消" onOk={() => void submit()} onCancel={() => setOpen(false)}>
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="状态">
              <StateTag version={version} />
            </Descriptions.Item>
            <Descriptions.Item label="撤回后">
              {version.state === 'inForce' ? '自今日起停止适用，此前的版本恢复适用；今日以前作出的决定不受影响。' : '该版本不再施行。'}
            </Descriptions.Item>
          </Descriptions>
          <Input.TextArea aria-label="撤回理由" placeholder="撤回理由（至少 5 个字）" maxLength={500} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Modal>
      )}
    </>
  );
}
