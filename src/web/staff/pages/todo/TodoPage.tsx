import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Empty, Input, List, Modal, Pagination, Segmented, Space, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { casePolicy } from '../../../../domain/cases/policy.ts';
import { may } from '../../../../domain/policy.ts';
import { todoDigest } from '../../../../domain/todo/digest.ts';
import { todoKinds } from '../../../../domain/todo/kinds.ts';
import type { closingApprovalsResult, donePage, TodoItem, TodoPage as TodoPageView } from '../../../../domain/todo/views.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { chinaToday } from '../../../shared/dates.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import { notifyTodoChanged } from '../../todo-count.tsx';

type DonePage = z.infer<typeof donePage>;
type ApprovalAnswer = z.infer<typeof closingApprovalsResult>;
const PAGE = 20;

/**
 * 我的待办 (/todo): what waits for me on the cases of my subtree — only steps the workflow would accept today — each
 * with a link to the case; 已办: the steps I took. Heads approve several closings at once (the only kind the law lets
 * be batched, domain/todo/kinds.ts), each signed in their own name.
 */
export default function TodoPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'done' ? 'done' : 'todo';
  return (
    <Card size="small">
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'done' ? { tab: 'done' } : {})}
        items={[
          { key: 'todo', label: '待办', children: <TodoTab /> },
          { key: 'done', label: '已办', children: <DoneTab /> },
        ]}
      />
    </Card>
  );
}

function TodoTab() {
  const me = useMe();
  const { message } = App.useApp();
  const remote = useRemote((signal) => api.get<TodoPageView>('/todo', { limit: 200 }, signal), []);
  const [kind, setKind] = useState<string>('all');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const [approving, setApproving] = useState(false);
  const [text, setText] = useState('同意结案。');
  const [sending, setSending] = useState(false);
  const [answer, setAnswer] = useState<ApprovalAnswer>();
  const [error, setError] = useState<string>();
  const canBatch = may(me, casePolicy.approveClosings);
  const sendApprovals = async () => {
    setSending(true);
    setError(undefined);
    try {
      const result = await api.post<ApprovalAnswer>('/todo/closing-approvals', { caseIds: selected, text });
      setAnswer(result);
      const ok = result.results.filter((r) => r.ok).length;
      message.success(`已签署 ${ok} 件`);
      setSelected([]);
      setApproving(false);
      notifyTodoChanged();
      remote.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <RemoteView remote={remote} rows={6}>
      {(data) => {
        const kinds = Object.entries(data.counts);
        const items = kind === 'all' ? data.items : data.items.filter((i) => i.kind === kind);
        const shown = items.slice((page - 1) * PAGE, page * PAGE);
        return (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {data.notices.map((n) => (
              <Alert
                key={`${n.kind}-${String(n.organizationId)}-${String(n.year)}`}
                type={n.overdue ? 'error' : 'warning'}
                showIcon
                data-testid="todo-notice"
                title={`${n.kindLabel}：${n.organizationName}`}
                description={n.detail}
                action={
                  <Link to={n.link}>
                    <Button size="small">去办理</Button>
                  </Link>
                }
              />
            ))}
            <DigestCard items={data.items} />
            <Segmented
              value={kind}
              onChange={(v) => {
                setKind(v);
                setPage(1);
              }}
              options={[{ value: 'all', label: `全部 ${data.total}` }, ...kinds.map(([k, n]) => ({ value: k, label: `${todoKinds[k as keyof typeof todoKinds]?.label ?? k} ${n}` }))]}
              style={{ maxWidth: '100%', overflowX: 'auto' }}
            />
            {answer && answer.results.some((r) => !r.ok) && (
              <Alert
                type="warning"
                showIcon
                closable
                onClose={() => setAnswer(undefined)}
                title="部分案件未签署"
                description={answer.results.filter((r) => !r.ok).map((r) => `案件 ${r.caseId}：${r.message ?? ''}`).join('；')}
              />
            )}
            {canBatch && data.items.some((i) => i.batchable) && (
              <Space wrap>
                <Button type="primary" icon={<CheckOutlined />} disabled={!selected.length} onClick={() => setApproving(true)}>
                  批量签署结案审批意见（{selected.length}）
                </Button>
                <Typography.Text type="secondary">{todoKinds.closingApproval.batch.why}</Typography.Text>
              </Space>
            )}
            {items.length === 0 ? (
              <Empty description="暂无待办事项" />
            ) : (
              <List
                dataSource={shown}
                data-testid="todo-list"
                renderItem={(item) => (
                  <TodoRow
                    item={item}
                    checked={selected.includes(item.caseId)}
                    onCheck={canBatch && item.batchable ? (on) => setSelected((s) => (on ? [...s, item.caseId] : s.filter((x) => x !== item.caseId))) : undefined}
                  />
                )}
              />
            )}
            {items.length > PAGE && <Pagination current={page} pageSize={PAGE} total={items.length} onChange={setPage} size="small" />}
            <Modal
              open={approving}
              title={`结案审批：以本人名义签署 ${selected.length} 件`}
              okText="签署"
              cancelText="取消"
              confirmLoading={sending}
              okButtonProps={{ disabled: text.trim().length < 2 }}
              onOk={() => void sendApprovals()}
              onCancel={() => setApproving(false)}
            >
              <Typography.Paragraph type="secondary">系统将逐案再次核验结案条件，不满足的不签署并列出原因。</Typography.Paragraph>
              <Input.TextArea aria-label="负责人审批意见" value={text} maxLength={1000} autoSize={{ minRows: 2 }} onChange={(e) => setText(e.target.value)} />
              {error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={error} />}
            </Modal>
          </Space>
        );
      }}
    </RemoteView>
  );
}

/**
 * 今日摘要: of the same to-dos, those new since yesterday, due today, due tomorrow and overdue (domain/todo/digest.ts;
 * also GET /api/todo/digest and `fazhi todo digest --user <name>`). Each count opens its list.
 */
function DigestCard({ items }: { items: readonly TodoItem[] }) {
  const digest = todoDigest(items, chinaToday());
  const [open, setOpen] = useState<string | null>(null);
  const parts = [
    { key: 'new', label: '昨日以来新增', list: digest.newSinceYesterday },
    { key: 'today', label: '今日到期', list: digest.dueToday },
    { key: 'tomorrow', label: '明日到期', list: digest.dueTomorrow },
    { key: 'overdue', label: '已超期', list: digest.overdue },
  ];
  const shown = parts.find((p) => p.key === open);
  return (
    <Card size="small" title={`今日摘要（${digest.today}）`} data-testid="todo-digest">
      <Space wrap size={8}>
        {parts.map((p) => (
          <Button
            key={p.key}
            size="small"
            type={open === p.key ? 'primary' : 'default'}
            danger={p.key === 'overdue' && p.list.length > 0}
            data-testid={`digest-${p.key}`}
            onClick={() => setOpen(open === p.key ? null : p.key)}
          >
            {p.label} {p.list.length}
          </Button>
        ))}
      </Space>
      {shown &&
        (shown.list.length ? (
          <List size="small" dataSource={shown.list} renderItem={(item) => <TodoRow item={item} checked={false} />} />
        ) : (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            无{shown.label}的待办
          </Typography.Paragraph>
        ))}
    </Card>
  );
}

function TodoRow({ item, checked, onCheck }: { item: TodoItem; checked: boolean; onCheck?: (on: boolean) => void }) {
  return (
    <List.Item data-testid="todo-item" data-kind={item.kind}>
      <Space align="start" style={{ width: '100%' }}>
        {onCheck && <Checkbox aria-label={`选择：${item.title}`} checked={checked} onChange={(e) => onCheck(e.target.checked)} />}
        <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
          <Space wrap size={4}>
            <Tag color={item.overdue ? 'red' : item.kind === 'urge' || item.kind === 'returnedReview' ? 'orange' : 'blue'}>{item.kindLabel}</Tag>
            <Link to={`/cases/${item.caseId}`}>{item.title}</Link>
            {item.dueOn && <Typography.Text type={item.overdue ? 'danger' : 'secondary'}>{item.overdue ? `已超期（${item.dueOn}）` : `期限 ${item.dueOn}`}</Typography.Text>}
          </Space>
          <Typography.Text style={{ overflowWrap: 'anywhere' }}>{item.detail}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
            {item.actCode} · {item.partyName} · {item.organizationName} · {item.stateLabel}
          </Typography.Text>
        </Space>
      </Space>
    </List.Item>
  );
}

function DoneTab() {
  const [page, setPage] = useState(1);
  const remote = useRemote((signal) => api.get<DonePage>('/todo/done', { limit: PAGE, offset: (page - 1) * PAGE }, signal), [page]);
  const format = useMemo(() => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }), []);
  return (
    <RemoteView remote={remote} rows={6}>
      {(data) =>
        data.items.length === 0 ? (
          <Empty description="暂无已办事项" />
        ) : (
          <>
            <List
              dataSource={data.items}
              data-testid="done-list"
              renderItem={(d) => (
                <List.Item>
                  <Space wrap size={6}>
                    <Typography.Text type="secondary">{format.format(new Date(d.at))}</Typography.Text>
                    <Tag>{d.label}</Tag>
                    <Link to={`/cases/${d.caseId}`}>{d.title}</Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.actCode}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
            {data.total > PAGE && <Pagination current={page} pageSize={PAGE} total={data.total} onChange={setPage} size="small" />}
          </>
        )
      }
    </RemoteView>
  );
}
