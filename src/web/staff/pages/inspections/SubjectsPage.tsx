import { Alert, App, Button, Card, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { riskClasses, subjectKinds } from '../../../../domain/inspections/model.ts';
import { inspectionPolicy } from '../../../../domain/inspections/policy.ts';
import { may } from '../../../../domain/policy.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { ImportRefused, RejectionTable, TableFileDragger, UploadProgress } from '../../../shared/ImportParts.tsx';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { upload } from '../../../shared/upload.ts';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import type { SubjectView } from './common.tsx';

const PAGE_SIZE = 20;
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
interface ImportResult {
  added: number;
  updated: number;
  rejected: { row: number; reason: string }[];
}

/**
 * 检查对象库 /inspections/subjects: the enterprises and individual businesses of the unit (统一社会信用代码 checked),
 * searched by name or code; one added by hand, or many imported from a CSV/XLSX file whose bad rows are listed with
 * their reason while the good ones are kept.
 */
export default function SubjectsPage() {
  const me = useMe();
  const isPhone = useIsPhone();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const remote = useRemote(
    (signal) => api.get<{ items: SubjectView[]; total: number }>(`/organizations/${me.organizationId}/inspection-subjects`, { q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    [me.organizationId, q, page],
  );
  const editor = may(me, inspectionPolicy.manageSubjects);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {editor && <SubjectImport organizationId={me.organizationId} done={remote.reload} />}
      {editor && <NewSubject organizationId={me.organizationId} added={remote.reload} />}
      <Card size="small" title="检查对象库" extra={remote.data && `共 ${remote.data.total} 户`}>
        <Input.Search placeholder="名称或统一社会信用代码" allowClear aria-label="检索检查对象" onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ marginBottom: 8 }} />
        <RemoteView remote={remote}>
          {(list) => (
            <Table<SubjectView>
              rowKey="id"
              size="small"
              dataSource={list.items}
              scroll={isPhone ? { x: 600 } : undefined}
              locale={{ emptyText: '没有检查对象' }}
              pagination={{ current: page, pageSize: PAGE_SIZE, total: list.total, showSizeChanger: false, onChange: setPage, simple: isPhone }}
              columns={[
                { title: '名称', dataIndex: 'name' },
                { title: '统一社会信用代码', dataIndex: 'creditCode', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
                { title: '类型', key: 'kind', render: (_, s) => s.kind.label },
                { title: '行业', dataIndex: 'category' },
                { title: '风险等级', key: 'risk', render: (_, s) => s.riskClass.label },
                { title: '地址', dataIndex: 'address', ellipsis: true },
              ]}
            />
          )}
        </RemoteView>
      </Card>
    </Space>
  );
}

function SubjectImport({ organizationId, done }: { organizationId: number; done: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<unknown>();
  const send = async () => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    setError(undefined);
    setResult(undefined);
    setPercent(0);
    try {
      setResult(await upload<ImportResult>(`/organizations/${organizationId}/inspection-subjects/import`, form, setPercent));
      setFile(null);
      done();
    } catch (e) {
      setError(e);
    } finally {
      setPercent(null);
    }
  };
  return (
    <Card size="small" title="导入检查对象（CSV/XLSX，列：名称、统一社会信用代码、对象类型、地址、行业类别、风险等级）">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <TableFileDragger file={file} onChange={setFile} />
        {percent !== null && file && <UploadProgress percent={percent} fileName={file.name} />}
        <Button type="primary" disabled={!file} loading={percent !== null} onClick={() => void send()}>
          导入
        </Button>
        {error !== undefined && <ImportRefused error={error} />}
        {result && (
          <>
            <Alert type={result.rejected.length ? 'warning' : 'success'} showIcon title={`新增 ${result.added} 户，更新 ${result.updated} 户，未导入 ${result.rejected.length} 行`} data-testid="subject-import-result" />
            {result.rejected.length > 0 && <RejectionTable rejected={result.rejected} />}
          </>
        )}
      </Space>
    </Card>
  );
}

function NewSubject({ organizationId, added }: { organizationId: number; added: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  if (!open) return <Button onClick={() => setOpen(true)}>录入检查对象</Button>;
  const submit = async (v: Record<string, unknown>) => {
    setError(undefined);
    try {
      await api.post(`/organizations/${organizationId}/inspection-subjects`, v);
      void message.success('已录入');
      form.resetFields();
      setOpen(false);
      added();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card size="small" title="录入检查对象">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'enterprise', riskClass: 'B' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input maxLength={100} aria-label="名称" />
        </Form.Item>
        <Form.Item name="creditCode" label="统一社会信用代码" rules={[{ required: true, message: '请填写统一社会信用代码' }]}>
          <Input maxLength={18} aria-label="统一社会信用代码" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="kind" label="对象类型">
          <Select options={options(subjectKinds)} aria-label="对象类型" />
        </Form.Item>
        <Form.Item name="address" label="地址" rules={[{ required: true, message: '请填写地址' }]}>
          <Input maxLength={200} aria-label="地址" />
        </Form.Item>
        <Form.Item name="category" label="行业类别" rules={[{ required: true, message: '请填写行业类别' }]}>
          <Input maxLength={50} aria-label="行业类别" />
        </Form.Item>
        <Form.Item name="riskClass" label="风险等级">
          <Select options={options(riskClasses)} aria-label="风险等级" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            保存
          </Button>
          <Button onClick={() => setOpen(false)}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
