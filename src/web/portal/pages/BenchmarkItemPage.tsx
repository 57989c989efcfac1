import { Card, Result } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../shared/api.ts';
import type { ItemDetail as BenchmarkItemDetail } from '../../../domain/discretion/views.ts';
import { BenchmarkItemView } from '../../shared/BenchmarkViews.tsx';
import { RemoteView } from '../../shared/RemoteView.tsx';
import { useRemote } from '../../shared/use-remote.ts';

/** One published benchmark item: every tier's conditions and standard. */
export default function BenchmarkItemPage() {
  const { id } = useParams();
  const remote = useRemote((signal) => api.get<BenchmarkItemDetail>(`/public/benchmarks/items/${encodeURIComponent(id ?? '')}`, undefined, signal), [id]);
  if (remote.error instanceof ApiError && remote.error.code === 'NOT_FOUND') {
    return <Result status="404" title="未找到该裁量基准事项" extra={<Link to="/benchmarks">返回裁量基准</Link>} />;
  }
  return (
    <Card title={remote.data?.name ?? '裁量基准'} extra={<Link to="/benchmarks">返回列表</Link>}>
      <RemoteView remote={remote} rows={8}>
        {(item) => <BenchmarkItemView item={item} />}
      </RemoteView>
    </Card>
  );
}
