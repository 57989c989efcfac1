/**
 * 导入用户 on the users page (issue 15): an XLSX/CSV of users, every valid row created, each rejected row listed with
 * its number and reason; a refused file creates nobody. The admin sets each initial password in the file (as when
 * creating a user by hand); the server hashes it and never sends it back. The template names the columns.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Result, Space } from 'antd';
import { useState } from 'react';
import type { UserImportReport } from '../../../domain/admin/views.ts';
import { errorMessage } from '../../shared/api.ts';
import { downloadFile } from '../../shared/download.ts';
import { ImportRefused, RejectionTable, TableFileDragger, UploadProgress } from '../../shared/ImportParts.tsx';
import { upload } from '../../shared/upload.ts';

type State = { stage: 'choose' } | { stage: 'uploading'; percent: number } | { stage: 'done'; report: UserImportReport } | { stage: 'refused'; error: unknown };

export function UsersImportModal({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ stage: 'choose' });
  const start = async () => {
    if (!file) return;
    const body = new FormData();
    body.append('file', file, file.name);
    setState({ stage: 'uploading', percent: 0 });
    try {
      const report = await upload<UserImportReport>('/users/import', body, (percent) => setState({ stage: 'uploading', percent }));
      setState({ stage: 'done', report });
      onImported();
    } catch (error) {
      setState({ stage: 'refused', error });
    }
  };
  const footer =
    state.stage === 'choose'
      ? [
          <Button key="cancel" onClick={onClose}>
            取消
          </Button>,
          <Button key="ok" type="primary" disabled={!file} onClick={() => void start()}>
            导入
          </Button>,
        ]
      : state.stage === 'uploading'
        ? null
        : [
            <Button key="again" onClick={() => setState({ stage: 'choose' })}>
              再导入一个文件
            </Button>,
            <Button key="close" type="primary" onClick={onClose}>
              关闭
            </Button>,
          ];
  return (
    <Modal open title="导入用户" width={680} footer={footer} onCancel={state.stage === 'uploading' ? undefined : onClose} closable={state.stage !== 'uploading'} destroyOnHidden>
      {state.stage === 'choose' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            title="每行一个用户：用户名、姓名、所属单位（全称）、角色、初始密码，执法人员另填执法证号和有效期。逐行校验，有误的行列出行号和原因，其余行导入。初始密码加密保存，导入后请当面告知本人。"
          />
          <Button
            size="small"
            icon={<DownloadOutlined />}
            onClick={() => void downloadFile('/users/import-template', {}, '用户导入模板.xlsx').catch((e: unknown) => message.error(errorMessage(e)))}
          >
            下载模板（XLSX）
          </Button>
          <TableFileDragger file={file} onChange={setFile} />
        </Space>
      )}
      {state.stage === 'uploading' && <UploadProgress percent={state.percent} fileName={file?.name ?? ''} />}
      {state.stage === 'done' && (
        <>
          <Result
            status={state.report.rejected.length ? 'warning' : 'success'}
            title={`已导入 ${state.report.imported.length} 个用户`}
            subTitle={`共 ${state.report.rows} 行数据，未导入 ${state.report.rejected.length} 行。${state.report.imported.map((u) => `${u.displayName}（${u.username}）`).join('、')}`}
          />
          {state.report.rejected.length > 0 && <RejectionTable rejected={state.report.rejected} />}
        </>
      )}
      {state.stage === 'refused' && <ImportRefused error={state.error} />}
    </Modal>
  );
}
