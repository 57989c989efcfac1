import { AppstoreOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Dropdown, Layout, Menu, Result, Typography } from 'antd';
import { type ReactNode, Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { roles } from '../../domain/access.ts';
import { errorMessage } from '../shared/api.ts';
import { useIsPhone } from '../shared/use-is-phone.ts';
import type { Me } from '../../domain/admin/views.ts';
import { useAuth, useMe } from './auth.tsx';
import { mayOpen, menuEntries, visibleEntries } from './menu.tsx';
import { pageFallback } from './page-fallback.tsx';
import { TodoLabel } from './todo-count.tsx';

const { Header, Sider, Content } = Layout;

/** The entry a path belongs to (longest matching prefix), for the selected menu item and the role check. */
function entryFor(pathname: string) {
  return [...menuEntries].filter((e) => (e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`))).sort((a, b) => b.path.length - a.path.length)[0];
}

type MenuItem = { key: string; icon: ReactNode; label: ReactNode; children?: MenuItem[] };

/** Menu items in menu order; the entries of a group become one submenu where the group's first entry is. */
function menuItems(me: Me): MenuItem[] {
  const items: MenuItem[] = [];
  for (const e of visibleEntries(me)) {
    // 我的待办 carries the number of to-dos (todo-count.tsx).
    const item = { key: e.path, icon: e.icon, label: e.path === '/todo' ? <TodoLabel label={e.label(me)} /> : e.label(me) };
    if (!e.group) {
      items.push(item);
      continue;
    }
    const key = `group:${e.group}`;
    const group = items.find((i) => i.key === key);
    if (group) group.children!.push(item);
    else items.push({ key, icon: <AppstoreOutlined />, label: e.group, children: [item] });
  }
  return items;
}

function NavMenu({ me, onNavigate }: { me: Me; onNavigate?: () => void }) {
  const location = useLocation();
  const navigate = useNavigate();
  const entry = entryFor(location.pathname);
  const selected = entry?.path ?? '';
  return (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      defaultOpenKeys={entry?.group ? [`group:${entry.group}`] : []}
      items={menuItems(me)}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}

/** Layout by role: a side menu on desktops, a drawer behind a menu button on phones (390 px and up). */
export function StaffLayout() {
  const me = useMe();
  const { logout } = useAuth();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();

  const entry = entryFor(location.pathname);
  const allowed = !entry || mayOpen(me, entry);

  const doLogout = async () => {
    try {
      await logout();
      message.success('已退出登录');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Sider theme="light" collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={216} style={{ borderInlineEnd: '1px solid #eee' }}>
          <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', fontWeight: 600, fontSize: collapsed ? 16 : 18, color: '#1a5fb4' }}>
            {collapsed ? '法治' : '法治 · 执法工作平台'}
          </div>
          <NavMenu me={me} />
        </Sider>
      )}
      <Layout>
        <Header
          style={{ background: '#fff', padding: isPhone ? '0 8px' : '0 24px', display: 'flex', alignItems: 'center', gap: 8, borderBottom: '1px solid #eee', height: 56, lineHeight: '56px' }}
        >
          {isPhone && <Button type="text" aria-label="打开菜单" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} />}
          <Typography.Text strong style={{ flex: 1, fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {isPhone ? '法治 · 执法工作平台' : (entry?.label(me) ?? '')}
          </Typography.Text>
          <Dropdown
            menu={{
              items: [
                { key: 'roles', label: me.roleNames.join('、'), disabled: true },
                { key: 'profile', icon: <UserOutlined />, label: '个人信息' },
                { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
              ],
              onClick: ({ key }) => {
                if (key === 'profile') void navigate('/profile');
                if (key === 'logout') void doLogout();
              },
            }}
            trigger={['click']}
          >
            <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
              {me.displayName}
            </Button>
          </Dropdown>
        </Header>
        <Content style={{ padding: isPhone ? 12 : 24 }}>
          {allowed ? (
            <Suspense fallback={pageFallback}>
              <Outlet />
            </Suspense>
          ) : (
            <Result status="403" title="无权访问此页面" subTitle={`此页面需要以下角色之一：${entry!.permission!.roles.map((r) => roles[r]).join('、')}`} />
          )}
        </Content>
      </Layout>
      {isPhone && (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={260} title="法治 · 执法工作平台" styles={{ body: { padding: 0 } }}>
          <NavMenu me={me} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
