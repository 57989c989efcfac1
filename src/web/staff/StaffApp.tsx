import { Alert, Button, Result } from 'antd';
import { Suspense, lazy } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { errorMessage } from '../shared/api.ts';
import { StaffLayout } from './StaffLayout.tsx';
import { useAuth } from './auth.tsx';
import { pageFallback } from './page-fallback.tsx';

// One chunk per page (React.lazy): the first screen loads only the shell and the page it shows. The page of the
// address being opened starts loading at once, in parallel with the session check, not after it.
const loaders = {
  login: () => import('./pages/LoginPage.tsx'),
  home: () => import('./pages/HomePage.tsx'),
  organizations: () => import('./pages/OrganizationsPage.tsx'),
  users: () => import('./pages/UsersPage.tsx'),
  calendar: () => import('./pages/CalendarPage.tsx'),
  deadline: () => import('./pages/DeadlinePage.tsx'),
  audit: () => import('./pages/AuditPage.tsx'),
  profile: () => import('./pages/ProfilePage.tsx'),
  review: () => import('./pages/review/ReviewDeskPage.tsx'),
  todo: () => import('./pages/todo/TodoPage.tsx'),
  dashboard: () => import('./pages/dashboard/DashboardPage.tsx'),
  cases: () => import('./pages/cases/CaseListPage.tsx'),
  case: () => import('./pages/cases/CasePage.tsx'),
  casePrint: () => import('./pages/cases/CasePrintPage.tsx'),
  newCase: () => import('./case-actions/NewCasePage.tsx'),
  powerItems: () => import('./pages/admin/PowerItemsPage.tsx'),
  benchmarks: () => import('./pages/admin/BenchmarksPage.tsx'),
  settings: () => import('./pages/admin/SettingsPage.tsx'),
  intakeKeys: () => import('./pages/admin/IntakeKeysPage.tsx'),
  workOrderSettings: () => import('./pages/admin/WorkOrderSettingsPage.tsx'),
  dispatchRules: () => import('./pages/admin/DispatchRulesPage.tsx'),
  reportAnalyze: () => import('./pages/ReportAnalyzePage.tsx'),
  indicators: () => import('./pages/reports/IndicatorsPage.tsx'),
  annualReport: () => import('./pages/reports/AnnualReportPage.tsx'),
  enforcementStatistics: () => import('./pages/reports/EnforcementStatisticsPage.tsx'),
  reportRollup: () => import('./pages/reports/RollupPage.tsx'),
  reportCompare: () => import('./pages/reports/ComparePage.tsx'),
  workOrders: () => import('./pages/workorders/WorkOrderInboxPage.tsx'),
  newWorkOrder: () => import('./pages/workorders/WorkOrderNewPage.tsx'),
  workOrder: () => import('./pages/workorders/WorkOrderPage.tsx'),
  workOrderBoard: () => import('./pages/workorders/WorkOrderBoardPage.tsx'),
  // 行政检查 (issue 18): inspections, patrols (巡查) and the 双随机 plans.
  inspections: () => import('./pages/inspections/InspectionsPage.tsx'),
  inspection: () => import('./pages/inspections/InspectionPage.tsx'),
  rectificationBoard: () => import('./pages/inspections/RectificationBoardPage.tsx'),
  inspectionItems: () => import('./pages/inspections/InspectionItemsPage.tsx'),
  inspectionSubjects: () => import('./pages/inspections/SubjectsPage.tsx'),
  inspectionLoad: () => import('./pages/inspections/InspectionLoadPage.tsx'),
  patrols: () => import('./pages/inspections/PatrolsPage.tsx'),
  patrol: () => import('./pages/inspections/PatrolPage.tsx'),
  inspectionPlans: () => import('./pages/inspections/PlansPage.tsx'),
  inspectionPlan: () => import('./pages/inspections/PlanPage.tsx'),
};
const loaderByPath: Record<string, keyof typeof loaders> = {
  '/login': 'login',
  '/': 'home',
  '/organizations': 'organizations',
  '/users': 'users',
  '/calendar': 'calendar',
  '/tools/deadline': 'deadline',
  '/audit': 'audit',
  '/profile': 'profile',
  '/review': 'review',
  '/todo': 'todo',
  '/dashboard': 'dashboard',
  '/cases': 'cases',
  '/cases/new': 'newCase',
  '/admin/power-items': 'powerItems',
  '/admin/benchmarks': 'benchmarks',
  '/admin/settings': 'settings',
  '/admin/intake-keys': 'intakeKeys',
  '/admin/work-order-settings': 'workOrderSettings',
  '/admin/dispatch-rules': 'dispatchRules',
  '/reports/analyze': 'reportAnalyze',
  '/reports/indicators': 'indicators',
  '/reports/annual': 'annualReport',
  '/reports/enforcement-statistics': 'enforcementStatistics',
  '/reports/rollup': 'reportRollup',
  '/reports/compare': 'reportCompare',
  '/work-orders': 'workOrders',
  '/work-orders/new': 'newWorkOrder',
  '/work-orders/board': 'workOrderBoard',
  '/inspections': 'inspections',
  '/inspections/board': 'rectificationBoard',
  '/inspections/items': 'inspectionItems',
  '/inspections/subjects': 'inspectionSubjects',
  '/inspections/load': 'inspectionLoad',
  '/inspections/patrols': 'patrols',
  '/inspections/plans': 'inspectionPlans',
};
const initialPage = loaderByPath[window.location.pathname.replace(/\/+$/, '') || '/'];
if (initialPage) void loaders[initialPage]().catch(() => undefined);

const LoginPage = lazy(loaders.login);
const HomePage = lazy(loaders.home);
const OrganizationsPage = lazy(loaders.organizations);
const UsersPage = lazy(loaders.users);
const CalendarPage = lazy(loaders.calendar);
const DeadlinePage = lazy(loaders.deadline);
const AuditPage = lazy(loaders.audit);
const ProfilePage = lazy(loaders.profile);
const ReviewDeskPage = lazy(loaders.review);
const TodoPage = lazy(loaders.todo);
const DashboardPage = lazy(loaders.dashboard);
const CaseListPage = lazy(loaders.cases);
const CasePage = lazy(loaders.case);
const CasePrintPage = lazy(loaders.casePrint);
const NewCasePage = lazy(loaders.newCase);
const PowerItemsPage = lazy(loaders.powerItems);
const BenchmarksPage = lazy(loaders.benchmarks);
const SettingsPage = lazy(loaders.settings);
const IntakeKeysPage = lazy(loaders.intakeKeys);
const WorkOrderSettingsPage = lazy(loaders.workOrderSettings);
const DispatchRulesPage = lazy(loaders.dispatchRules);
const ReportAnalyzePage = lazy(loaders.reportAnalyze);
const IndicatorsPage = lazy(loaders.indicators);
const AnnualReportPage = lazy(loaders.annualReport);
const EnforcementStatisticsPage = lazy(loaders.enforcementStatistics);
const RollupPage = lazy(loaders.reportRollup);
const ComparePage = lazy(loaders.reportCompare);
const WorkOrderInboxPage = lazy(loaders.workOrders);
const WorkOrderNewPage = lazy(loaders.newWorkOrder);
const WorkOrderPage = lazy(loaders.workOrder);
const WorkOrderBoardPage = lazy(loaders.workOrderBoard);
const InspectionsPage = lazy(loaders.inspections);
const InspectionPage = lazy(loaders.inspection);
const RectificationBoardPage = lazy(loaders.rectificationBoard);
const InspectionItemsPage = lazy(loaders.inspectionItems);
const SubjectsPage = lazy(loaders.inspectionSubjects);
const InspectionLoadPage = lazy(loaders.inspectionLoad);
const PatrolsPage = lazy(loaders.patrols);
const PatrolPage = lazy(loaders.patrol);
const PlansPage = lazy(loaders.inspectionPlans);
const PlanPage = lazy(loaders.inspectionPlan);

export function StaffApp() {
  const { me, checkError, recheck } = useAuth();
  const location = useLocation();

  if (checkError !== undefined) {
    return (
      <Result
        status="warning"
        title="无法连接服务器"
        subTitle={errorMessage(checkError)}
        extra={
          <Button type="primary" onClick={recheck}>
            重试
          </Button>
        }
      />
    );
  }
  if (me === undefined) return pageFallback;

  if (me === null) {
    return (
      <Suspense fallback={pageFallback}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="*" element={<Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />} />
        </Routes>
      </Suspense>
    );
  }

  return (
    <Routes>
      <Route path="/login" element={<Navigate to={safeNext(location.search)} replace />} />
      <Route element={<StaffLayout />}>
        <Route index element={<HomePage />} />
        <Route path="organizations" element={<OrganizationsPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="tools/deadline" element={<DeadlinePage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="todo" element={<TodoPage />} />
        <Route path="review" element={<ReviewDeskPage />} />
        <Route path="review/:id" element={<ReviewDeskPage />} />
        <Route path="dashboard" element={<DashboardPage />} />
        <Route path="cases" element={<CaseListPage />} />
        <Route path="cases/new" element={<NewCasePage />} />
        <Route path="cases/:id" element={<CasePage />} />
        <Route path="cases/:id/print" element={<CasePrintPage />} />
        <Route path="admin/power-items" element={<PowerItemsPage />} />
        <Route path="admin/benchmarks" element={<BenchmarksPage />} />
        <Route path="admin/settings" element={<SettingsPage />} />
        <Route path="admin/intake-keys" element={<IntakeKeysPage />} />
        <Route path="admin/work-order-settings" element={<WorkOrderSettingsPage />} />
        <Route path="admin/dispatch-rules" element={<DispatchRulesPage />} />
        <Route path="reports/analyze" element={<ReportAnalyzePage />} />
        <Route path="reports/indicators" element={<IndicatorsPage />} />
        <Route path="reports/annual" element={<AnnualReportPage />} />
        <Route path="reports/enforcement-statistics" element={<EnforcementStatisticsPage />} />
        <Route path="reports/rollup" element={<RollupPage />} />
        <Route path="reports/compare" element={<ComparePage />} />
        <Route path="work-orders" element={<WorkOrderInboxPage />} />
        <Route path="work-orders/new" element={<WorkOrderNewPage />} />
        <Route path="work-orders/board" element={<WorkOrderBoardPage />} />
        <Route path="work-orders/:id" element={<WorkOrderPage />} />
        <Route path="inspections" element={<InspectionsPage />} />
        <Route path="inspections/board" element={<RectificationBoardPage />} />
        <Route path="inspections/items" element={<InspectionItemsPage />} />
        <Route path="inspections/subjects" element={<SubjectsPage />} />
        <Route path="inspections/load" element={<InspectionLoadPage />} />
        <Route path="inspections/patrols" element={<PatrolsPage />} />
        <Route path="inspections/patrols/:id" element={<PatrolPage />} />
        <Route path="inspections/plans" element={<PlansPage />} />
        <Route path="inspections/plans/:id" element={<PlanPage />} />
        <Route path="inspections/:id" element={<InspectionPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** Only same-site paths are followed after login (never `//evil.example` or a full URL). */
function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

function NotFound() {
  return <Result status="404" title="页面不存在" subTitle={<Alert type="info" title="请从左侧菜单选择功能。" />} />;
}
