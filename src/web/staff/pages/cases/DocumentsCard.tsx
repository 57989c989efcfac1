import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, List, Progress, Radio, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { Digest, formatDateTime, formatSize } from './format.tsx';
import type { CaseView, DocumentType, GeneratedDocument } from './types.ts';

type Format = 'docx' | 'pdf';

/** Seconds since `running` became true (0 while idle): the real time a render has taken so far. */
function useElapsedSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (!running) return;
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}

/**
 * 执法文书: the documents generated for the case (each stored under its SM3 digest and re-checked on download),
 * the numbered documents it has, and generating one more of a chosen type as .docx or PDF.
 */
export function DocumentsCard({ view }: { view: CaseView }) {
  const { message } = App.useApp();
  const docs = useRemote((signal) => api.get<GeneratedDocument[]>(`/cases/${view.id}/documents`, undefined, signal), [view.id]);
  const types = useRemote((signal) => api.get<DocumentType[]>('/document-types', undefined, signal), []);
  const [type, setType] = useState<string>();
  const [format, setFormat] = useState<Format>('docx');
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);
  const elapsed = useElapsedSeconds(busy !== null);

  const generate = async () => {
    if (!type) return;
    setBusy(format);
    setError(null);
    try {
      const doc = await api.post<GeneratedDocument>(`/cases/${view.id}/documents`, { type, format });
      message.success(`已生成《${doc.title}》`);
      docs.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const stages = [...new Set((types.data ?? []).map((t) => t.stage))];
  return (
    <Card size="small" title="执法文书" data-testid="documents-card">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap size={8} style={{ width: '100%' }}>
          <Select
            aria-label="文书种类"
            data-testid="document-type"
            placeholder="选择文书种类"
            showSearch={{ optionFilterProp: 'label' }}
            loading={types.loading}
            value={type}
            onChange={(v: string) => {
              setType(v);
              setError(null);
            }}
            options={stages.map((stage) => ({ label: stage, title: stage, options: (types.data ?? []).filter((t) => t.stage === stage).map((t) => ({ value: t.id, label: t.name })) }))}
            style={{ width: 260, maxWidth: '100%' }}
          />
          <Radio.Group optionType="button" value={format} onChange={(e) => setFormat(e.target.value as Format)} options={[{ value: 'docx', label: 'Word' }, { value: 'pdf', label: 'PDF' }]} />
          <Button type="primary" icon={<FileAddOutlined />} disabled={!type} loading={busy !== null} onClick={() => void generate()}>
            生成
          </Button>
        </Space>
        {types.error !== undefined && <Alert type="error" showIcon title="无法加载文书种类" description={errorMessage(types.error)} />}
        {busy && (
          <div data-testid="document-progress">
            <Progress percent={100} status="active" showInfo={false} />
            <Typography.Text type="secondary">
              正在生成{busy === 'pdf' ? ' PDF（排版转换约需数秒）' : ' Word 文书'}，已用时 {elapsed} 秒……
            </Typography.Text>
          </div>
        )}
        {error && <Alert type="error" showIcon title="未能生成文书" description={error} data-testid="document-error" />}
        <RemoteView remote={docs} rows={2}>
          {(list) => (
            <List
              size="small"
              dataSource={list}
              locale={{ emptyText: '尚未生成文书' }}
              renderItem={(d) => (
                <List.Item data-testid="generated-document" style={{ display: 'block' }}>
                  <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                    <Space wrap size={4}>
                      <Typography.Text strong>{d.title}</Typography.Text>
                      <Tag>{d.format === 'pdf' ? 'PDF' : 'Word'}</Tag>
                      {d.number && <Typography.Text>{d.number}</Typography.Text>}
                    </Space>
                    <Digest value={d.digest} />
                    <Typography.Text type="secondary">
                      {formatDateTime(d.generatedAt)} 生成 · {formatSize(d.size)}
                      {d.pages ? ` · ${d.pages} 页` : ''}
                    </Typography.Text>
                    <a href={`/api/cases/${view.id}/documents/${d.id}/file`} download={d.fileName}>
                      <DownloadOutlined /> 下载 {d.fileName}
                    </a>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </RemoteView>
        {view.documents.length > 0 && (
          <div>
            <Typography.Text type="secondary">已编号文书：</Typography.Text>
            {view.documents.map((d) => (
              <Tag key={d.number} style={{ marginBottom: 4 }}>
                {d.number}（{d.issuedOn}）
              </Tag>
            ))}
          </div>
        )}
      </Space>
    </Card>
  );
}
