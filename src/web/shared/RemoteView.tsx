import { Alert, Button, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ApiError, errorMessage } from './api.ts';
import type { Remote } from './use-remote.ts';

/**
 * The loading and error states of every remote view: a skeleton while the first answer is awaited, an error
 * with the server's Chinese message and a retry button, otherwise the content (stale content stays visible
 * while a reload runs). A 403 or 404 is an answer, not a failure: “无权查看或不存在” without a retry (a retry
 * cannot change it; the server does not say which of the two, so a record outside the user's scope does not leak),
 * with `missing` (e.g. a way back to the list) under it.
 */
export function RemoteView<T>({ remote, children, rows = 4, missing }: { remote: Remote<T>; children: (data: T) => ReactNode; rows?: number; missing?: ReactNode }) {
  if (remote.error instanceof ApiError && (remote.error.status === 403 || remote.error.status === 404) && remote.data === undefined) {
    return <Alert type="warning" showIcon title="无权查看或不存在" description={missing} data-testid="remote-missing" />;
  }
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
