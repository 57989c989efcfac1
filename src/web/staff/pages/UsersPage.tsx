import { EditOutlined, KeyOutlined, PlusOutlined, UnlockOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Col, DatePicker, Form, Input, List, Modal, Popconfirm, Row, Space, Switch, Table, Tag, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { userMatches } from '../../../domain/admin/exports.ts';
import { ExportButton } from '../ExportButton.tsx';
import { UsersImportModal } from './UsersImport.tsx';
import { type Role, roleKeys, roles } from '../../../domain/access.ts';
import { useIsPhone } from '../../shared/use-is-phone.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { chinaToday } from '../../shared/dates.ts';
import { CertificateTag } from '../CertificateTag.tsx';
import { showServerErrors } from '../../shared/forms.ts';
import { RemoteView } from '../../shared/RemoteView.tsx';
import type { OrganizationView as Organization, UserView as User } from '../../../domain/admin/views.ts';
import { useRemote } from '../../shared/use-remote.ts';
import { useMe } from '../auth.tsx';
import { adminPolicy } from '../../../domain/admin/policy.ts';
import { may } from '../../../domain/policy.ts';

interface OrgNode {
  value: number;
  title: string;
  children?: OrgNode[];
}

function orgTree(list: Organization[]): OrgNode[] {
  const byId = new Map<number, OrgNode>(list.map((o) => [o.id, { value: o.id, title: o.name }]));
  const roots: OrgNode[] = [];
  for (const org of list) {
    const parent = org.parentId === null ? undefined : byId.get(org.parentId);
    if (parent) (parent.children ??= []).push(byId.get(org.id)!);
    else roots.push(byId.get(org.id)!);
  }
  return roots;
}

interface UserForm {
  organizationId: number;
  username?: string;
  displayName: string;
  password?: string;
  roles: Role[];
  certificateNo?: string;
  certificateValidUntil?: Dayjs | null;
  phone?: string;
  active?: boolean;
}

const userFields = ['organizationId', 'username', 'displayName', 'password', 'roles', 'certificateNo', 'certificateValidUntil', 'phone', 'active'] as const;

const passwordRules = [
  { required: true, message: '请输入密码' },
  { min: 8, message: '密码至少 8 位' },
  { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: '密码须同时包含字母和数字' },
];

function UserModal({ user, orgs, defaultOrg, onClose, onSaved }: { user: User | null; orgs: OrgNode[]; defaultOrg: number; onClose: () => void; onSaved: () => void }) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserForm>();
  const [saving, setSaving] = useState(false);
  // Nobody changes their own roles (the server refuses it): another admin does.
  const me = useMe();
  const own = user !== null && user.id === me.userId;
  const initial: Partial<UserForm> = user
    ? {
        organizationId: user.organizationId,
        displayName: user.displayName,
        roles: user.roles,
        certificateNo: user.certificateNo ?? '',
        certificateValidUntil: user.certificateValidUntil ? dayjs(user.certificateValidUntil) : null,
        phone: user.phone ?? '',
        active: user.active,
      }
    : { organizationId: defaultOrg, roles: ['officer'] };

  const submit = async (v: UserForm) => {
    setSaving(true);
    const common = {
      organizationId: v.organizationId,
      displayName: v.displayName.trim(),
      roles: v.roles,
      certificateNo: v.certificateNo?.trim() ? v.certificateNo.trim() : null,
      certificateValidUntil: v.certificateValidUntil ? v.certificateValidUntil.format('YYYY-MM-DD') : null,
      phone: v.phone?.trim() ? v.phone.trim() : null,
    };
    try {
      if (user) await api.patch<User>(`/users/${user.id}`, { ...common, active: v.active ?? true });
      else await api.post<User>('/users', { ...common, username: v.username?.trim(), password: v.password });
      message.success(user ? `已保存 ${common.displayName}` : `已新建用户 ${common.displayName}`);
      onSaved();
    } catch (e) {
      message.error(showServerErrors(form, e, userFields));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={user ? `修改用户：${user.displayName}（${user.username}）` : '新建用户'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<UserForm> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="organizationId" label="所属单位" rules={[{ required: true, message: '请选择单位' }]}>
              <TreeSelect treeData={orgs} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          {!user && (
            <>
              <Col xs={24} sm={12}>
                <Form.Item
                  name="username"
                  label="用户名"
                  rules={[
                    { required: true, message: '请输入用户名' },
                    { pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: '3–32 位小写字母、数字、点、下划线或连字符，以字母开头' },
                  ]}
                >
                  <Input autoComplete="off" autoCapitalize="none" maxLength={32} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="password" label="初始密码" rules={passwordRules}>
                  <Input.Password autoComplete="new-password" maxLength={128} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={24}>
            <Form.Item
              name="roles"
              label="角色"
              extra={own ? '不能修改本人的角色，请由其他管理员办理' : undefined}
              rules={[{ required: true, type: 'array', min: 1, message: '至少分配一个角色' }]}
            >
              <Checkbox.Group disabled={own} options={roleKeys.map((r) => ({ value: r, label: roles[r] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="certificateNo" label="执法证号" extra="持证执法人员填写（《行政处罚法》第四十二条）">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="certificateValidUntil" label="执法证有效期至">
              <DatePicker style={{ width: '100%' }} inputReadOnly={isPhone} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label="联系电话（不公开）" rules={[{ pattern: /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, message: '电话号码格式无效' }]}>
              <Input maxLength={20} inputMode="tel" />
            </Form.Item>
          </Col>
          {user && (
            <Col xs={24} sm={12}>
              <Form.Item name="active" label="账号状态" valuePropName="checked">
                <Switch checkedChildren="启用" unCheckedChildren="停用" />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}

/** 解锁: an account locked after repeated failed logins (the server refuses an admin out of scope). */
function UnlockButton({ user, onUnlocked }: { user: User; onUnlocked: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const unlock = async () => {
    setBusy(true);
    try {
      await api.post<User>(`/users/${user.id}/unlock`, {});
      message.success(`已解锁 ${user.displayName} 的账号`);
      onUnlocked();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm title={`解锁 ${user.displayName} 的账号？`} description="该账号因多次密码错误被锁定；解锁后可再次登录。" okText="解锁" cancelText="取消" onConfirm={() => void unlock()}>
      <Button size="small" icon={<UnlockOutlined />} loading={busy}>
        解锁
      </Button>
    </Popconfirm>
  );
}

const LockedTag = () => <Tag color="red">已锁定</Tag>;

function PasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async ({ password }: { password: string }) => {
    setSaving(true);
    try {
      await api.put(`/users/${user.id}/password`, { password });
      message.success(`已重置 ${user.displayName} 的密码，其已登录的会话均已退出${user.locked ? '，账号已解锁' : ''}`);
      onClose();
    } catch (e) {
      message.error(showServerErrors(form, e, ['password']));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={`重置密码：${user.displayName}`} okText="重置" cancelText="取消" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="password" label="新密码" rules={passwordRules} extra="至少 8 位，同时包含字母和数字。重置后该用户需用新密码重新登录。">
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function UsersPage() {
  const me = useMe();
  const canManage = may(me, adminPolicy.manageUsers);
  const canUnlock = may(me, adminPolicy.unlockUsers);
  const isPhone = useIsPhone();
  const today = chinaToday();
  const [organizationId, setOrganizationId] = useState<number | undefined>();
  const [search, setSearch] = useState('');
  const [generation, setGeneration] = useState(0);
  const reload = () => setGeneration((g) => g + 1);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [importing, setImporting] = useState(false);
  const orgs = useRemote((signal) => api.get<Organization[]>('/organizations', undefined, signal), []);
  const users = useRemote((signal) => api.get<User[]>('/users', { organizationId }, signal), [organizationId, generation]);
  const tree = useMemo(() => (orgs.data ? orgTree(orgs.data) : []), [orgs.data]);
  const q = search.trim();
  const shown = (users.data ?? []).filter((u) => userMatches(u, q));

  return (
    <Card
      title={canManage ? '用户管理' : '人员与执法证'}
      extra={
        <Space wrap>
          <ExportButton path="/users/export" query={{ organizationId, q: q || undefined }} label={isPhone ? '导出' : '导出 Excel'} testId="users-export" />
          {canManage && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入用户
            </Button>
          )}
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={!orgs.data}>
              新建用户
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <TreeSelect
          allowClear
          placeholder="全部单位"
          treeData={tree}
          treeDefaultExpandAll
          value={organizationId}
          onChange={(v: number | undefined) => setOrganizationId(v)}
          style={{ width: 280, maxWidth: '100%' }}
          aria-label="按单位筛选"
          loading={orgs.loading}
        />
        <Input.Search allowClear placeholder="姓名、用户名或执法证号" onSearch={setSearch} onChange={(e) => setSearch(e.target.value)} style={{ width: 240 }} />
      </Space>
      <RemoteView remote={users}>
        {() =>
          isPhone ? (
            <List
              dataSource={shown}
              pagination={shown.length > 20 ? { pageSize: 20, size: 'small' } : false}
              renderItem={(u) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Space wrap size={4}>
                        {u.displayName}
                        <span style={{ fontWeight: 'normal', color: '#888' }}>{u.username}</span>
                        {!u.active && <Tag>停用</Tag>}
                        {u.locked && <LockedTag />}
                      </Space>
                    }
                    description={
                      <>
                        <div>{u.organizationName}</div>
                        <div style={{ margin: '4px 0' }}>
                          {u.roles.map((r) => (
                            <Tag key={r}>{roles[r]}</Tag>
                          ))}
                        </div>
                        <CertificateTag user={u} today={today} />
                        {canManage && (
                          <Space size={8} style={{ marginTop: 8, display: 'flex' }}>
                            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(u)}>
                              修改
                            </Button>
                            <Button size="small" icon={<KeyOutlined />} onClick={() => setResetting(u)}>
                              重置密码
                            </Button>
                            {canUnlock && u.locked && <UnlockButton user={u} onUnlocked={reload} />}
                          </Space>
                        )}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          ) : (
          <Table<User>
            rowKey="id"
            size="middle"
            loading={users.loading}
            dataSource={shown}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 人` }}
            columns={[
              { title: '姓名', dataIndex: 'displayName', fixed: 'left' },
              { title: '用户名', dataIndex: 'username' },
              { title: '单位', dataIndex: 'organizationName' },
              { title: '角色', dataIndex: 'roles', render: (rs: Role[]) => rs.map((r) => <Tag key={r}>{roles[r]}</Tag>) },
              { title: '执法证', key: 'cert', render: (_, u) => <CertificateTag user={u} today={today} /> },
              {
                title: '状态',
                key: 'status',
                render: (_: unknown, u: User) => (
                  <>
                    {u.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>}
                    {u.locked && <LockedTag />}
                  </>
                ),
              },
              ...(canManage
                ? [
                    {
                      title: '操作',
                      key: 'op',
                      render: (_: unknown, u: User) => (
                        <Space size={4}>
                          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(u)}>
                            修改
                          </Button>
                          <Button size="small" icon={<KeyOutlined />} onClick={() => setResetting(u)}>
                            重置密码
                          </Button>
                          {canUnlock && u.locked && <UnlockButton user={u} onUnlocked={reload} />}
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          )
        }
      </RemoteView>
      {editing && (
        <UserModal
          user={editing === 'new' ? null : editing}
          orgs={tree}
          defaultOrg={organizationId ?? me.organizationId}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setGeneration((g) => g + 1);
          }}
        />
      )}
      {resetting && (
        <PasswordModal
          user={resetting}
          onClose={() => {
            setResetting(null);
            // A reset also unlocks the account: the list shows it.
            if (resetting.locked) reload();
          }}
        />
      )}
      {importing && <UsersImportModal onClose={() => setImporting(false)} onImported={reload} />}
    </Card>
  );
}
