import { App, Button, Card, Col, Descriptions, Form, Input, Row, Tag } from 'antd';
import { useState } from 'react';
import { roles } from '../../../domain/access.ts';
import { api } from '../../shared/api.ts';
import { chinaToday } from '../../shared/dates.ts';
import { showServerErrors } from '../../shared/forms.ts';
import { RemoteView } from '../../shared/RemoteView.tsx';
import type { UserView as User } from '../../../domain/admin/views.ts';
import { useRemote } from '../../shared/use-remote.ts';
import { useAuth, useMe } from '../auth.tsx';
import { CertificateTag } from '../CertificateTag.tsx';

interface PasswordForm {
  currentPassword: string;
  password: string;
  confirm: string;
}

export default function ProfilePage() {
  const me = useMe();
  const { recheck } = useAuth();
  const { message } = App.useApp();
  const remote = useRemote((signal) => api.get<User>(`/users/${me.userId}`, undefined, signal), [me.userId]);
  const [form] = Form.useForm<PasswordForm>();
  const [saving, setSaving] = useState(false);

  const change = async ({ currentPassword, password }: PasswordForm) => {
    setSaving(true);
    try {
      await api.put(`/users/${me.userId}/password`, { currentPassword, password });
      // Changing the password ends every session of the user, this one included.
      message.success('密码已修改，请用新密码重新登录');
      recheck();
    } catch (e) {
      message.error(showServerErrors(form, e, ['currentPassword', 'password']));
      setSaving(false);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card title="个人信息">
          <RemoteView remote={remote}>
            {(user) => (
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label="姓名">{user.displayName}</Descriptions.Item>
                <Descriptions.Item label="用户名">{user.username}</Descriptions.Item>
                <Descriptions.Item label="所属单位">{user.organizationName}</Descriptions.Item>
                <Descriptions.Item label="角色">
                  {user.roles.map((r) => (
                    <Tag key={r}>{roles[r]}</Tag>
                  ))}
                </Descriptions.Item>
                <Descriptions.Item label="执法证">
                  <CertificateTag user={user} today={chinaToday()} />
                </Descriptions.Item>
                <Descriptions.Item label="联系电话">{user.phone ?? '未填写'}</Descriptions.Item>
              </Descriptions>
            )}
          </RemoteView>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title="修改密码">
          <Form<PasswordForm> form={form} layout="vertical" onFinish={(v) => void change(v)}>
            <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
              <Input.Password autoComplete="current-password" maxLength={128} />
            </Form.Item>
            <Form.Item
              name="password"
              label="新密码"
              rules={[
                { required: true, message: '请输入新密码' },
                { min: 8, message: '密码至少 8 位' },
                { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: '密码须同时包含字母和数字' },
              ]}
            >
              <Input.Password autoComplete="new-password" maxLength={128} />
            </Form.Item>
            <Form.Item
              name="confirm"
              label="再次输入"
              dependencies={['password']}
              rules={[
                { required: true, message: '请再次输入新密码' },
                ({ getFieldValue }) => ({
                  validator: async (_, value: string) => {
                    if (value && value !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
                  },
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" maxLength={128} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving}>
              修改密码
            </Button>
          </Form>
        </Card>
      </Col>
    </Row>
  );
}
