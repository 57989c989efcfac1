import { Alert, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { type AuditEntry, type AuditSubjectType, type AuditTrailPage, auditSubjectTypes } from '../../../domain/admin/views.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { useIsPhone } from '../../shared/use-is-phone.ts';

interface Query {
  subjectType: AuditSubjectType;
  subjectId: string;
}

const PAGE_SIZE = 20;

/** A change payload as short readable text: `key: value` pairs, nested values as JSON. */
function changeText(change: unknown): string {
  if (!change || typeof change !== 'object') return String(change ?? '');
  return Object.entries(change as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('；');
}

/**
 * 按对象查看审计记录: the trail of one case (by id or 行政行为码), user, organization or calendar year, newest first,
 * twenty to a page (GET /api/audit/records) — who did what, when, in which unit, with the change and its digest.
 */
export function AuditTrailCard() {
  const isPhone = useIsPhone();
  const [form] = Form.useForm<Query>();
  const [query, setQuery] = useState<Query | null>(null);
  const [page, setPage] = useState(1);
  const [answer, setAnswer] = useState<AuditTrailPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = async (q: Query, p: number) => {
    setLoading(true);
    setError(null);
    try {
      setAnswer(await api.get<AuditTrailPage>('/audit/records', { ...q, limit: PAGE_SIZE, offset: (p - 1) * PAGE_SIZE }));
      setQuery(q);
      setPage(p);
    } catch (e) {
      setAnswer(null);
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Card title="按对象查看审计记录" style={{ marginTop: 16 }} data-testid="audit-trail">
      <Form<Query> form={form} layout={isPhone ? 'vertical' : 'inline'} initialValues={{ subjectType: 'case' }} onFinish={(v) => void load({ ...v, subjectId: v.subjectId.trim() }, 1)}>
        <Form.Item name="subjectType" label="对象类型">
          <Select style={{ width: 170 }} options={Object.entries(auditSubjectTypes).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="subjectId" label="对象" rules={[{ required: true, whitespace: true, message: '请填写编号、行政行为码或年份' }]}>
          <Input placeholder="案件编号或行政行为码；用户、单位编号；年份" style={{ width: isPhone ? '100%' : 300 }} maxLength={40} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={loading}>
            查看
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
      {answer && query && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Typography.Text data-testid="audit-trail-total">
            {answer.subject.label}：共 {answer.total} 条记录{answer.total === 0 ? '（或不在您的查看范围内）' : ''}
          </Typography.Text>
          <Table<AuditEntry>
            rowKey="seq"
            size="small"
            dataSource={answer.items}
            scroll={{ x: 900 }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: answer.total, showSizeChanger: false, onChange: (p) => void load(query, p), showTotal: (n) => `共 ${n} 条` }}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 64 },
              { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) },
              { title: '操作', dataIndex: 'actionLabel', width: 140 },
              { title: '操作人', dataIndex: 'actorName', width: 90 },
              { title: '单位', dataIndex: 'organizationName', width: 180, render: (v: string | null) => v ?? '—' },
              {
                title: '内容',
                key: 'change',
                render: (_: unknown, r: AuditEntry) => (
                  <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: '展开' }} style={{ marginBottom: 0 }}>
                    {changeText(r.change)}
                  </Typography.Paragraph>
                ),
              },
              { title: 'SM3 摘要', dataIndex: 'digest', width: 120, render: (d: string) => <Typography.Text copyable={{ text: d }} style={{ fontFamily: 'monospace' }}>{d.slice(0, 8)}…</Typography.Text> },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
