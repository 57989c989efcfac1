import { Spin } from 'antd';

/** What a page shows while its chunk loads; used by the app's routes and the layout's inner Suspense alike. */
export const pageFallback = (
  <div style={{ padding: 48, textAlign: 'center' }}>
    <Spin tip="正在加载页面……" size="large">
      <div style={{ minHeight: 40 }} />
    </Spin>
  </div>
);
