import { Alert, Button, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from './api.ts';
import type { Remote } from './use-remote.ts';

/**
 * The loading and error states of every remote view: a skeleton while the first answer is awaited, an error
 * with the server's Chinese message and a retry button, otherwise the content (stale content stays visible
 * while a reload runs).
 */
export function RemoteView<T>({ remote, children, rows = 4 }: { remote: Remote<T>; children: (data: T) => ReactNode; rows?: number }) {
  if (remote.error !== undefined && remote.data === undefined) {
    return (
      <Alert
        type="error"
        showIcon
        title="加载失败"
        description={errorMessage(remote.error)}
        action={
          <Button size="small" onClick={remote.reload}>
            重试
          </Button>
        }
      />
    );
  }
  if (remote.data === undefined) return <Skeleton active paragraph={{ rows }} />;
  return <>{children(remote.data)}</>;
}
