import { Layout, Result, Spin } from 'antd';
import { Suspense, lazy } from 'react';
import type { PublicBody } from '../../domain/admin/views.ts';
import { api } from '../shared/api.ts';
import { useRemote } from '../shared/use-remote.ts';
import { Link, NavLink, Route, Routes } from 'react-router';
import './portal.css';

// Pages load on demand so the first screen stays small (portal initial JavaScript < 300 kB gzipped); the page of
// the address being opened starts loading at once.
const loaders = {
  home: () => import('./pages/PortalHome.tsx'),
  bodies: () => import('./pages/BodiesPage.tsx'),
  officers: () => import('./pages/OfficersPage.tsx'),
  procedure: () => import('./pages/ProcedurePage.tsx'),
  decisions: () => import('./pages/DecisionsPage.tsx'),
  decision: () => import('./pages/DecisionDetailPage.tsx'),
  verify: () => import('./pages/VerifyPage.tsx'),
  benchmarks: () => import('./pages/BenchmarksPage.tsx'),
  benchmarkItem: () => import('./pages/BenchmarkItemPage.tsx'),
  exemptions: () => import('./pages/ExemptionsPage.tsx'),
  'work-orders': () => import('./pages/WorkOrderLookupPage.tsx'),
  'inspection-items': () => import('./pages/InspectionItemsPage.tsx'),
  'inspection-code': () => import('./pages/InspectionCodePage.tsx'),
  draws: () => import('./pages/DrawsPage.tsx'),
  'enforcement-statistics': () => import('./pages/EnforcementStatisticsPage.tsx'),
  reports: () => import('./pages/ReportsPage.tsx'),
};
const [first = '', second] = window.location.pathname.replace(/^\/portal\/?/, '').split('/');
const firstPage = first === '' ? 'home' : first === 'decisions' && second ? 'decision' : first === 'benchmarks' && second ? 'benchmarkItem' : first;
if (firstPage in loaders) void loaders[firstPage as keyof typeof loaders]().catch(() => undefined);

const PortalHome = lazy(loaders.home);
const BodiesPage = lazy(loaders.bodies);
const OfficersPage = lazy(loaders.officers);
const ProcedurePage = lazy(loaders.procedure);
const DecisionsPage = lazy(loaders.decisions);
const DecisionDetailPage = lazy(loaders.decision);
const VerifyPage = lazy(loaders.verify);
const BenchmarksPage = lazy(loaders.benchmarks);
const BenchmarkItemPage = lazy(loaders.benchmarkItem);
const ExemptionsPage = lazy(loaders.exemptions);
const WorkOrderLookupPage = lazy(loaders['work-orders']);
const InspectionItemsPage = lazy(loaders['inspection-items']);
const InspectionCodePage = lazy(loaders['inspection-code']);
const DrawsPage = lazy(loaders.draws);
const EnforcementStatisticsPage = lazy(loaders['enforcement-statistics']);
const ReportsPage = lazy(loaders.reports);

/**
 * 事前公开 (国办发〔2018〕118号: bodies, officers and certificates, procedure, remedies), 事后公开 (published
 * decisions, masked by the server) and 行政行为码核验.
 */
const sections = [
  { path: '/', label: '首页' },
  { path: '/decisions', label: '处罚决定公示' },
  { path: '/verify', label: '行政行为码核验' },
  { path: '/bodies', label: '执法主体' },
  { path: '/officers', label: '执法人员' },
  { path: '/procedure', label: '执法程序与救济' },
  { path: '/benchmarks', label: '裁量基准' },
  { path: '/exemptions', label: '免罚清单' },
  { path: '/work-orders', label: '工单进度查询' },
  { path: '/inspection-items', label: '检查事项清单' },
  { path: '/inspection-code', label: '行政检查码核验' },
  { path: '/draws', label: '双随机抽查公示' },
  { path: '/enforcement-statistics', label: '行政执法数据公示' },
  { path: '/reports', label: '法治政府建设报告' },
];

/**
 * Whose portal this is: the top-level body, e.g. 云城市城市管理局. Empty until answered (and if the
 * answer fails: the pages say so themselves).
 */
function PublisherName() {
  const remote = useRemote((signal) => api.get<PublicBody[]>('/public/bodies', undefined, signal), []);
  // Listed by organization path: the first body without a parent is the top of the tree.
  const top = remote.data?.find((b) => b.parentName === null);
  return top ? <div style={{ fontSize: 14, opacity: 0.95 }} data-testid="portal-publisher">{top.name}</div> : null;
}

export function PortalApp() {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#1a5fb4', padding: '0 16px', height: 'auto', lineHeight: 1.4 }}>
        <Link to="/" style={{ color: '#fff', display: 'block', padding: '12px 0 8px' }}>
          <PublisherName />
          <div style={{ fontSize: 20, fontWeight: 600 }}>行政执法公示平台</div>
          <div style={{ fontSize: 12, opacity: 0.85 }}>依据行政执法公示制度公开（国办发〔2018〕118号）</div>
        </Link>
      </Layout.Header>
      <nav aria-label="栏目" className="portal-nav">
        {sections.map((section) => (
          <NavLink key={section.path} to={section.path} end={section.path === '/'} className={({ isActive }) => (isActive ? 'active' : undefined)}>
            {section.label}
          </NavLink>
        ))}
      </nav>
      <Layout.Content style={{ padding: 16, maxWidth: 1100, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}>
        <Suspense
          fallback={
            <div style={{ padding: 48, textAlign: 'center' }}>
              <Spin size="large" />
            </div>
          }
        >
          <Routes>
            <Route index element={<PortalHome />} />
            <Route path="bodies" element={<BodiesPage />} />
            <Route path="officers" element={<OfficersPage />} />
            <Route path="procedure" element={<ProcedurePage />} />
            <Route path="decisions" element={<DecisionsPage />} />
            <Route path="decisions/:id" element={<DecisionDetailPage />} />
            <Route path="verify" element={<VerifyPage />} />
            <Route path="verify/:code" element={<VerifyPage />} />
            <Route path="benchmarks" element={<BenchmarksPage />} />
            <Route path="benchmarks/items/:id" element={<BenchmarkItemPage />} />
            <Route path="exemptions" element={<ExemptionsPage />} />
            <Route path="work-orders" element={<WorkOrderLookupPage />} />
            <Route path="inspection-items" element={<InspectionItemsPage />} />
            <Route path="inspection-code" element={<InspectionCodePage />} />
            <Route path="inspection-code/:code" element={<InspectionCodePage />} />
            <Route path="draws" element={<DrawsPage />} />
            <Route path="draws/:id" element={<DrawsPage />} />
            <Route path="enforcement-statistics" element={<EnforcementStatisticsPage />} />
            <Route path="reports" element={<ReportsPage />} />
            <Route path="*" element={<Result status="404" title="页面不存在" extra={<Link to="/">返回首页</Link>} />} />
          </Routes>
        </Suspense>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', fontSize: 12, color: '#666' }}>
        依据《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）公开。公开信息不含个人联系方式等非公开信息。
      </Layout.Footer>
    </Layout>
  );
}
