import {
  ApartmentOutlined,
  ApiOutlined,
  AlertOutlined,
  BarChartOutlined,
  ScheduleOutlined,
  ShopOutlined,
  ProfileOutlined,
  AuditOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CompassOutlined,
  ExperimentOutlined,
  DashboardOutlined,
  FileTextOutlined,
  ControlOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  DiffOutlined,
  FundOutlined,
  PhoneOutlined,
  SettingOutlined,
  UnorderedListOutlined,
  HomeOutlined,
  NodeIndexOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
  TableOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { adminPolicy } from '../../domain/admin/policy.ts';
import { casePolicy } from '../../domain/cases/policy.ts';
import { inspectionPolicy } from '../../domain/inspections/policy.ts';
import { indicatorPolicy } from '../../domain/indicators/policy.ts';
import { reportPolicy } from '../../domain/reports/policy.ts';
import { rollupPolicy } from '../../domain/rollup/policy.ts';
import { workOrderPolicy } from '../../domain/workorders/policy.ts';
import { type Permission, may } from '../../domain/policy.ts';
import type { Me } from '../../domain/admin/views.ts';

export interface MenuEntry {
  path: string;
  /** Label for the given user (the same page may read differently for an admin who edits it). */
  label: (me: Me) => string;
  icon: ReactNode;
  /** The permission that opens the page (a domain policy); undefined = every logged-in user. */
  permission?: Permission<never>;
  /** Entries of one group are shown together as a submenu (e.g. 系统管理), where the group's first entry is. */
  group?: string;
}

const adminGroup = '系统管理';
const inspectionGroup = '行政检查';

/**
 * The staff menu. Which entries a user sees follows the domain policies (src/domain/<module>/policy.ts), the same
 * the server asserts: everyone has the workbench, the deadline calculator, the legal calendar and their profile;
 * people with oversight of officers see staff and certificates; admins maintain organizations, users and the
 * calendar; supervisors and admins verify the audit trail. The layout checks the same permission, so a typed URL
 * shows "no access" rather than the page.
 */
export const menuEntries: readonly MenuEntry[] = [
  { path: '/', label: () => '工作台', icon: <HomeOutlined /> },
  { path: '/todo', label: () => '我的待办', icon: <CheckSquareOutlined />, permission: casePolicy.workOnCases },
  { path: '/cases', label: () => '案件办理', icon: <FileTextOutlined />, permission: casePolicy.workOnCases },
  { path: '/work-orders', label: () => '工单办理', icon: <PhoneOutlined /> },
  { path: '/work-orders/board', label: () => '工单监督看板', icon: <FundOutlined />, permission: casePolicy.viewStatistics },
  // 行政检查 (issue 18): inspections, patrols (巡查), the 双随机 plans and the lists they rest on.
  { path: '/inspections', label: () => '检查办理', icon: <ScheduleOutlined />, permission: inspectionPolicy.workOnInspections, group: inspectionGroup },
  { path: '/inspections/patrols', label: () => '巡查任务', icon: <CompassOutlined />, permission: inspectionPolicy.workOnPatrols, group: inspectionGroup },
  { path: '/inspections/plans', label: () => '双随机抽查', icon: <ExperimentOutlined />, permission: inspectionPolicy.manageRandomPlans, group: inspectionGroup },
  { path: '/inspections/board', label: () => '整改看板', icon: <AlertOutlined />, permission: inspectionPolicy.viewRectifications, group: inspectionGroup },
  { path: '/inspections/items', label: () => '检查事项清单', icon: <ProfileOutlined />, permission: inspectionPolicy.viewItems, group: inspectionGroup },
  { path: '/inspections/subjects', label: () => '检查对象库', icon: <ShopOutlined />, permission: inspectionPolicy.manageSubjects, group: inspectionGroup },
  { path: '/inspections/load', label: () => '涉企检查频次', icon: <BarChartOutlined />, permission: inspectionPolicy.viewLoad, group: inspectionGroup },
  { path: '/review', label: () => '法制审核', icon: <AuditOutlined />, permission: casePolicy.reviewQueue },
  { path: '/dashboard', label: () => '监督看板', icon: <DashboardOutlined />, permission: casePolicy.viewStatistics },
  { path: '/organizations', label: (me) => (may(me, adminPolicy.manageOrganizations) ? '组织机构管理' : '组织机构'), icon: <ApartmentOutlined />, permission: adminPolicy.viewOrganizations },
  { path: '/users', label: (me) => (may(me, adminPolicy.manageUsers) ? '用户管理' : '人员与执法证'), icon: <TeamOutlined />, permission: adminPolicy.viewStaff },
  { path: '/tools/deadline', label: () => '法定期限计算器', icon: <CalculatorOutlined /> },
  { path: '/calendar', label: (me) => (may(me, adminPolicy.editCalendar, me) ? '法定工作日历维护' : '法定工作日历'), icon: <CalendarOutlined /> },
  { path: '/audit', label: () => '审计链核验', icon: <SafetyCertificateOutlined />, permission: adminPolicy.verifyAudit },
  { path: '/reports/analyze', label: () => '年度报告分析', icon: <FileSearchOutlined />, permission: adminPolicy.analyzeReports },
  { path: '/reports/indicators', label: () => '年度报告指标', icon: <BarChartOutlined />, permission: indicatorPolicy.viewIndicators },
  { path: '/reports/annual', label: () => '年度报告', icon: <FileTextOutlined />, permission: reportPolicy.viewReport },
  { path: '/reports/enforcement-statistics', label: () => '行政执法数据', icon: <TableOutlined />, permission: indicatorPolicy.viewIndicators },
  { path: '/reports/rollup', label: () => '报告汇总', icon: <FundOutlined />, permission: rollupPolicy.viewRollup },
  { path: '/reports/compare', label: () => '报告对比', icon: <DiffOutlined />, permission: rollupPolicy.viewRollup },
  { path: '/admin/power-items', label: () => '权责清单', icon: <UnorderedListOutlined />, permission: casePolicy.readAdminPages, group: adminGroup },
  { path: '/admin/benchmarks', label: () => '裁量基准', icon: <ControlOutlined />, permission: casePolicy.readAdminPages, group: adminGroup },
  { path: '/admin/settings', label: () => '办案参数', icon: <SettingOutlined />, permission: casePolicy.readAdminPages, group: adminGroup },
  { path: '/admin/intake-keys', label: () => '工单接口密钥', icon: <ApiOutlined />, permission: adminPolicy.manageUsers, group: adminGroup },
  { path: '/admin/work-order-settings', label: () => '工单参数', icon: <FieldTimeOutlined />, permission: workOrderPolicy.editSettings, group: adminGroup },
  { path: '/admin/dispatch-rules', label: () => '派单目录', icon: <NodeIndexOutlined />, permission: workOrderPolicy.editDispatchRules, group: adminGroup },
  { path: '/profile', label: () => '个人信息', icon: <UserOutlined /> },
];

/** May `me` open the entry's page? */
export const mayOpen = (me: Me, entry: MenuEntry) => !entry.permission || may(me, entry.permission);

export const visibleEntries = (me: Me) => menuEntries.filter((e) => mayOpen(me, e));
