import { Space, Tag, Typography } from 'antd';
import { certificateState } from '../shared/dates.ts';
import type { UserView as User } from '../../domain/admin/views.ts';

/** An enforcement certificate with its state on `today`: valid, expiring within 90 days, or expired (《行政处罚法》第四十二条). */
export function CertificateTag({ user, today }: { user: Pick<User, 'certificateNo' | 'certificateValidUntil'>; today: string }) {
  if (!user.certificateNo) return <Typography.Text type="secondary">无执法证</Typography.Text>;
  const state = certificateState(user.certificateValidUntil, today);
  const color = state === 'expired' ? 'red' : state === 'expiring' ? 'orange' : 'green';
  const text = state === 'expired' ? '已过期' : state === 'expiring' ? '即将到期' : state === 'none' ? '未填有效期' : '有效';
  return (
    <Space size={4} wrap>
      <span>{user.certificateNo}</span>
      <Tag color={color}>
        {text}
        {user.certificateValidUntil ? ` 至 ${user.certificateValidUntil}` : ''}
      </Tag>
    </Space>
  );
}

