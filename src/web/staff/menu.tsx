import {
  ApartmentOutlined,
  AuditOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileTextOutlined,
  ControlOutlined,
  FileSearchOutlined,
  SettingOutlined,
  UnorderedListOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../domain/access.ts';
import type { Me } from '../../domain/admin/views.ts';

export interface MenuEntry {
  path: string;
  /** Label for the given user (the same page may read differently for an admin who edits it). */
  label: (me: Me) => string;
  icon: ReactNode;
  /** Roles that see the entry; undefined = every logged-in user. */
  roles?: readonly Role[];
  /** Entries of one group are shown together as a submenu (e.g. 系统管理), where the group's first entry is. */
  group?: string;
}

/** Admin pages: admins maintain them; heads and legal reviewers read them (the API lets them read, not write). */
const adminPageRoles: readonly Role[] = ['admin', 'head', 'reviewer'];
const adminGroup = '系统管理';

const isAdmin = (me: Me) => me.roles.includes('admin');

/**
 * The staff menu. Which entries a user sees follows their roles (DOMAIN.md): everyone has the workbench, the
 * deadline calculator, the legal calendar and their profile; people with oversight of officers see staff and
 * certificates; admins maintain organizations, users and the calendar; supervisors and admins verify the audit
 * trail. The page components check the same roles, so a typed URL shows "no access" rather than the page.
 */
export const menuEntries: readonly MenuEntry[] = [
  { path: '/', label: () => '工作台', icon: <HomeOutlined /> },
  { path: '/cases', label: () => '案件办理', icon: <FileTextOutlined />, roles: ['officer', 'head', 'reviewer', 'supervisor'] },
  { path: '/review', label: () => '法制审核', icon: <AuditOutlined />, roles: ['reviewer', 'head', 'admin'] },
  { path: '/dashboard', label: () => '监督看板', icon: <DashboardOutlined />, roles: ['supervisor', 'head', 'admin'] },
  { path: '/organizations', label: (me) => (isAdmin(me) ? '组织机构管理' : '组织机构'), icon: <ApartmentOutlined />, roles: ['admin', 'supervisor'] },
  { path: '/users', label: (me) => (isAdmin(me) ? '用户管理' : '人员与执法证'), icon: <TeamOutlined />, roles: ['admin', 'supervisor', 'head', 'reviewer'] },
  { path: '/tools/deadline', label: () => '法定期限计算器', icon: <CalculatorOutlined /> },
  { path: '/calendar', label: (me) => (isAdmin(me) ? '法定工作日历维护' : '法定工作日历'), icon: <CalendarOutlined /> },
  { path: '/audit', label: () => '审计链核验', icon: <SafetyCertificateOutlined />, roles: ['admin', 'supervisor'] },
  { path: '/reports/analyze', label: () => '年度报告分析', icon: <FileSearchOutlined />, roles: ['supervisor', 'admin', 'head', 'reviewer'] },
  { path: '/admin/power-items', label: () => '权责清单', icon: <UnorderedListOutlined />, roles: adminPageRoles, group: adminGroup },
  { path: '/admin/benchmarks', label: () => '裁量基准', icon: <ControlOutlined />, roles: adminPageRoles, group: adminGroup },
  { path: '/admin/settings', label: () => '办案参数', icon: <SettingOutlined />, roles: adminPageRoles, group: adminGroup },
  { path: '/profile', label: () => '个人信息', icon: <UserOutlined /> },
];

export const visibleEntries = (me: Me) => menuEntries.filter((e) => !e.roles || e.roles.some((r) => me.roles.includes(r)));

export const rolesFor = (path: string) => menuEntries.find((e) => e.path === path)?.roles;
