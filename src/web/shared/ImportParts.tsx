import { InboxOutlined } from '@ant-design/icons';
import { Alert, Progress, Table, Upload } from 'antd';
import type { Rejection } from '../../domain/view-kit.ts';
import { ApiError, errorMessage } from './api.ts';


/** Rows of an imported file that were not imported, with the reason for each (benchmarks, power lists). */
export function RejectionTable({ rejected }: { rejected: readonly Rejection[] }) {
  return (
    <Table<Rejection>
      data-testid="rejection-report"
      rowKey={(r) => `${r.row}-${r.reason}`}
      size="small"
      dataSource={[...rejected]}
      pagination={rejected.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      columns={[
        { title: '行号', dataIndex: 'row', width: 72 },
        { title: '未导入原因', dataIndex: 'reason' },
      ]}
    />
  );
}

/** The upload, then the server's check of every row. */
export function UploadProgress({ percent, fileName }: { percent: number; fileName: string }) {
  return (
    <div style={{ padding: 24, textAlign: 'center' }}>
      <Progress type="circle" percent={percent} status="active" />
      <div style={{ marginTop: 12 }}>{percent < 100 ? `正在上传 ${fileName}……` : '已上传，正在逐行校验并导入……'}</div>
    </div>
  );
}

/** A refused import: nothing was imported; the server's reason, and every row's reason when it gave them. */
export function ImportRefused({ error }: { error: unknown }) {
  const rejected = error instanceof ApiError && Array.isArray(error.details?.rejected) ? (error.details.rejected as Rejection[]) : [];
  return (
    <>
      <Alert type="error" showIcon title="未导入任何内容" description={errorMessage(error)} style={{ marginBottom: 12 }} />
      {rejected.length > 0 && <RejectionTable rejected={rejected} />}
    </>
  );
}

/** Picks the one CSV or XLSX file to import (kept in the page until the import starts). */
export function TableFileDragger({ file, onChange }: { file: File | null; onChange: (file: File | null) => void }) {
  return (
    <Upload.Dragger
      accept=".csv,.xlsx"
      maxCount={1}
      beforeUpload={(f) => {
        onChange(f);
        return false;
      }}
      onRemove={() => onChange(null)}
      fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">点击或拖入 CSV / XLSX 文件</p>
    </Upload.Dragger>
  );
}
