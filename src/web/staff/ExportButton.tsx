import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../shared/api.ts';
import { downloadFile } from '../shared/download.ts';

/**
 * 导出 Excel: downloads the list as the server exports it (GET /api/…/export with the filters on screen); a refusal
 * shows the server's message. Lists are cut at the server's cap, which the workbook's 说明 sheet states.
 */
export function ExportButton({ path, query = {}, label = '导出 Excel', testId }: { path: string; query?: Record<string, string | number | undefined>; label?: string; testId?: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const name = await downloadFile(path, query);
      message.success(`已导出 ${name}`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid={testId} title="按当前筛选条件导出（最多 10000 条）">
      {label}
    </Button>
  );
}
