import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, List, Select, Space, Timeline, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PatrolAction, ProblemAction } from '../../../../domain/inspections/patrols.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { upload } from '../../../shared/upload.ts';
import { useRemote } from '../../../shared/use-remote.ts';
import { useMe } from '../../auth.tsx';
import { clearDraft, dateField, PatrolStateTag, patrolSteps, type PatrolView, ProblemStateTag, problemSteps, type ProblemView, readDraft, RectificationCheckFields, writeDraft } from './common.tsx';

interface Category {
  kind: string;
  code: string;
  group: string;
  name: string;
}
const categoryKinds: Record<string, string> = { part: '管理部件', matter: '管理事项' };

/**
 * 一次巡查 /inspections/patrols/:id — on the officer's phone: 开始巡查, 记录问题 (category of the city-management catalog,
 * place, photos; the form is a draft in the browser until the server has it, the photos are sent after it), 结束巡查;
 * each problem found: 责令整改 with a due date, 整改核查 (rectified, or not yet with a new date), 移送立案 (a case clue).
 */
export default function PatrolPage() {
  const id = Number(useParams().id);
  const remote = useRemote((signal) => api.get<PatrolView>(`/patrols/${id}`, undefined, signal), [id]);
  return (
    <RemoteView remote={remote} missing={<Link to="/inspections/patrols">返回巡查任务</Link>}>
      {(p) => <Patrol p={p} reload={remote.reload} />}
    </RemoteView>
  );
}

const problemDraftKey = (id: number) => `patrol.${id}.problem`;

function Patrol({ p, reload }: { p: PatrolView; reload: () => void }) {
  const me = useMe();
  const steps = patrolSteps(p, me);
  const [open, setOpen] = useState<PatrolAction | null>(null);
  const mayRecord = p.state.key === 'underway' && (p.officers.some((o) => o.userId === me.userId) || me.roles.includes('head'));
  const [recording, setRecording] = useState(() => readDraft(problemDraftKey(p.id)) !== undefined);
  const r = p.record;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={<Space wrap size={4}><PatrolStateTag state={p.state} /><span>{p.area}</span></Space>}>
        <Descriptions column={1} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="巡查单位">{p.organization.name}</Descriptions.Item>
          <Descriptions.Item label="巡查路线">{p.route}</Descriptions.Item>
          <Descriptions.Item label="巡查日期">{p.plannedOn}</Descriptions.Item>
          <Descriptions.Item label="巡查人员">{p.officers.map((o) => o.name).join('、')}</Descriptions.Item>
          {r.startedOn && <Descriptions.Item label="开始">{r.startedOn}</Descriptions.Item>}
          {r.finishedOn && <Descriptions.Item label="结束">{r.finishedOn}</Descriptions.Item>}
          {r.summary && <Descriptions.Item label="巡查情况">{r.summary}</Descriptions.Item>}
          {r.cancellation && <Descriptions.Item label="取消">{`${r.cancellation.on}：${r.cancellation.reason}`}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {steps.length > 0 && (
        <Card size="small" title="办理">
          <Space wrap>
            {steps.map((s) =>
              s.action === 'start' ? (
                <StartButton key={s.action} p={p} done={reload} />
              ) : (
                <Button key={s.action} type={open === s.action ? 'primary' : 'default'} onClick={() => setOpen(open === s.action ? null : s.action)}>
                  {s.label}
                </Button>
              ),
            )}
          </Space>
          {open && open !== 'start' && <PatrolStepForm key={open} p={p} action={open} done={() => { setOpen(null); reload(); }} />}
        </Card>
      )}
      {mayRecord && (recording ? <ProblemForm p={p} onClose={() => setRecording(false)} done={() => { setRecording(false); reload(); }} /> : (
        <Button type="primary" block onClick={() => setRecording(true)}>
          记录问题
        </Button>
      ))}
      <Card size="small" title={`发现的问题（${p.problems.length}）`}>
        <List dataSource={p.problems} locale={{ emptyText: '尚未记录问题' }} renderItem={(q) => <ProblemCard q={q} p={p} reload={reload} />} />
      </Card>
    </Space>
  );
}

function StartButton({ p, done }: { p: PatrolView; done: () => void }) {
  const { message } = App.useApp();
  const [sending, setSending] = useState(false);
  const start = async () => {
    setSending(true);
    try {
      await api.post(`/patrols/${p.id}/transitions`, { action: 'start', expectedVersion: p.version });
      void message.success('已开始巡查');
      done();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Button type="primary" loading={sending} onClick={() => void start()}>
      开始巡查
    </Button>
  );
}

function PatrolStepForm({ p, action, done }: { p: PatrolView; action: Exclude<PatrolAction, 'start'>; done: () => void }) {
  const { message } = App.useApp();
  const key = `patrol.${p.id}.${action}`;
  const [draft] = useState(() => readDraft<Record<string, unknown>>(key));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const field = action === 'finish' ? { name: 'summary', label: '巡查情况' } : { name: 'reason', label: '取消理由' };
  const send = async (values: Record<string, unknown>) => {
    setSending(true);
    setError(undefined);
    try {
      await api.post(`/patrols/${p.id}/transitions`, { ...values, action, expectedVersion: p.version });
      clearDraft(key);
      void message.success('已提交');
      done();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Form layout="vertical" style={{ marginTop: 12 }} initialValues={draft ?? {}} onValuesChange={(_, all) => writeDraft(key, all)} onFinish={(v) => void send(v)}>
      {error && <Alert type="error" showIcon title="未能提交（草稿已保存在本机）" description={error} style={{ marginBottom: 8 }} />}
      <Form.Item name={field.name} label={field.label} rules={[{ required: true, message: `请填写${field.label}` }]}>
        <Input.TextArea rows={3} maxLength={2000} aria-label={field.label} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={sending}>
        {action === 'finish' ? '结束巡查' : '取消巡查'}
      </Button>
    </Form>
  );
}

interface ProblemValues {
  category?: string;
  place?: string;
  description?: string;
}

function ProblemForm({ p, onClose, done }: { p: PatrolView; onClose: () => void; done: () => void }) {
  const { message } = App.useApp();
  const key = problemDraftKey(p.id);
  const [draft] = useState(() => readDraft<ProblemValues>(key));
  const [photos, setPhotos] = useState<File[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const categories = useRemote((signal) => api.get<Category[]>('/work-orders/categories', undefined, signal), []);
  const options = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const c of categories.data ?? []) {
      const group = `${categoryKinds[c.kind] ?? c.kind} · ${c.group}`;
      if (!groups.has(group)) groups.set(group, []);
      groups.get(group)!.push({ value: `${c.kind}:${c.code}`, label: `${c.name}（${c.code}）` });
    }
    return [...groups].map(([label, opts]) => ({ label, title: label, options: opts }));
  }, [categories.data]);
  const submit = async (v: ProblemValues) => {
    setSending(true);
    setError(undefined);
    const [kind, code] = (v.category ?? '').split(':');
    try {
      const created = await api.post<ProblemView>(`/patrols/${p.id}/problems`, { category: { kind, code }, place: v.place, description: v.description });
      // The server has the problem: the draft goes; the photos follow (a failed one can be added again on its card).
      clearDraft(key);
      let failed = 0;
      for (const file of photos) {
        const form = new FormData();
        form.append('file', file);
        try {
          await upload<ProblemView>(`/patrol-problems/${created.id}/photos`, form);
        } catch {
          failed += 1;
        }
      }
      if (failed > 0) void message.warning(`问题已记录，${failed} 张照片未能上传，请在问题下重新添加`);
      else void message.success('已记录问题');
      done();
    } catch (e) {
      // The draft stays in the browser: nothing typed is lost when the connection fails.
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Card size="small" title="记录巡查发现的问题" extra={<Button size="small" onClick={() => { clearDraft(key); onClose(); }}>放弃</Button>}>
      {draft && <Alert type="info" showIcon title="已恢复未提交的草稿" style={{ marginBottom: 8 }} />}
      {error && <Alert type="error" showIcon title="未能记录（草稿已保存在本机）" description={error} style={{ marginBottom: 8 }} data-testid="problem-error" />}
      <Form<ProblemValues> layout="vertical" initialValues={draft ?? {}} onValuesChange={(_, all) => writeDraft(key, all)} onFinish={(v) => void submit(v)}>
        <Form.Item name="category" label="问题类别（城市管理部件和事项）" rules={[{ required: true, message: '请选择问题类别' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="输入名称或编码搜索"
            options={options}
            loading={categories.loading}
            notFoundContent={categories.error ? errorMessage(categories.error) : undefined}
            aria-label="问题类别"
          />
        </Form.Item>
        <Form.Item name="place" label="问题地点" rules={[{ required: true, message: '请填写问题地点' }]}>
          <Input maxLength={200} aria-label="问题地点" />
        </Form.Item>
        <Form.Item name="description" label="问题描述" rules={[{ required: true, message: '请填写问题描述' }]}>
          <Input.TextArea rows={3} maxLength={2000} aria-label="问题描述" />
        </Form.Item>
        <Form.Item label="现场照片（提交后上传，SM3 摘要存证）">
          <Upload
            accept="image/*"
            multiple
            beforeUpload={(file) => {
              setPhotos((prev) => [...prev, file]);
              return false;
            }}
            onRemove={(file) => setPhotos((prev) => prev.filter((f) => f.name !== file.name))}
            fileList={photos.map((f, i) => ({ uid: String(i), name: f.name, status: 'done' as const }))}
          >
            <Button>选择照片</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={sending}>
          提交问题
        </Button>
      </Form>
    </Card>
  );
}

function ProblemCard({ q, p, reload }: { q: ProblemView; p: PatrolView; reload: () => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const steps = problemSteps(q, p, me);
  const [open, setOpen] = useState<ProblemAction | null>(() => steps.find((s) => readDraft(`problem.${q.id}.${s.action}`) !== undefined)?.action ?? null);
  const addPhoto = async (file: File) => {
    const form = new FormData();
    form.append('file', file);
    try {
      await upload<ProblemView>(`/patrol-problems/${q.id}/photos`, form);
      void message.success('已上传照片');
      reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  const mayAddPhoto = (q.state.key === 'found' || q.state.key === 'rectifying') && (p.officers.some((o) => o.userId === me.userId) || me.roles.includes('head'));
  const r = q.record;
  const history = [
    ...r.orders.map((o) => ({ children: `${o.on} 责令整改：${o.requirement}（${o.dueOn} 前）` })),
    ...r.verifications.map((x) => ({ children: `${x.on} 整改核查：${x.note}（${x.rectified ? '已整改到位' : `未整改到位，新的整改期限 ${x.dueOn ?? ''}`}）` })),
    ...(r.referral ? [{ children: `${r.referral.on} 移送立案：${r.referral.reason}` }] : []),
  ];
  return (
    <List.Item style={{ display: 'block' }} data-testid="problem-card">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <ProblemStateTag state={q.state} />
          <Typography.Text strong>{q.category.name}</Typography.Text>
          {q.dueOn && <Typography.Text type="secondary">{q.dueOn} 前整改</Typography.Text>}
        </Space>
        <Typography.Text>{q.place}</Typography.Text>
        <Typography.Text type="secondary">{q.description}</Typography.Text>
        {q.photos.length > 0 && (
          <Space wrap size={8}>
            {q.photos.map((ph) => (
              <a key={ph.seq} href={`/api/patrol-problems/${q.id}/photos/${ph.seq}/file`} download={ph.fileName} title={`SM3 ${ph.digest}`}>
                {ph.fileName}
              </a>
            ))}
          </Space>
        )}
        {history.length > 0 && <Timeline items={history} style={{ marginTop: 8 }} />}
        {q.case && (
          <Typography.Text>
            已移送立案：<Link to={`/cases/${q.case.id}`}>{q.case.actCode}</Link>
          </Typography.Text>
        )}
        <Space wrap>
          {steps.map((s) => (
            <Button key={s.action} size="small" type={open === s.action ? 'primary' : 'default'} onClick={() => setOpen(open === s.action ? null : s.action)}>
              {s.label}
            </Button>
          ))}
          {mayAddPhoto && (
            <Upload accept="image/*" showUploadList={false} beforeUpload={(file) => { void addPhoto(file); return false; }}>
              <Button size="small">添加照片</Button>
            </Upload>
          )}
        </Space>
        {open && <ProblemStepForm key={open} q={q} action={open} done={() => { setOpen(null); reload(); }} />}
      </Space>
    </List.Item>
  );
}

function ProblemStepForm({ q, action, done }: { q: ProblemView; action: ProblemAction; done: () => void }) {
  const { message } = App.useApp();
  const key = `problem.${q.id}.${action}`;
  const [form] = Form.useForm<Record<string, unknown>>();
  const [draft] = useState(() => readDraft<Record<string, unknown>>(key));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const rectified = Form.useWatch('rectified', form);
  const send = async (values: Record<string, unknown>) => {
    setSending(true);
    setError(undefined);
    try {
      await api.post(`/patrol-problems/${q.id}/transitions`, { ...values, action, expectedVersion: q.version });
      clearDraft(key);
      void message.success('已提交');
      done();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Form layout="vertical" form={form} style={{ marginTop: 8 }} initialValues={draft ?? (action === 'verify' ? { rectified: true } : {})} onValuesChange={(_, all) => writeDraft(key, all)} onFinish={(v) => void send(v)}>
      {draft && <Alert type="info" showIcon title="已恢复未提交的草稿" style={{ marginBottom: 8 }} />}
      {error && <Alert type="error" showIcon title="未能提交（草稿已保存在本机）" description={error} style={{ marginBottom: 8 }} data-testid="problem-step-error" />}
      {action === 'orderRectification' && (
        <>
          <Form.Item name="requirement" label="整改要求" rules={[{ required: true, message: '请填写整改要求' }]}>
            <Input.TextArea rows={2} aria-label="整改要求" />
          </Form.Item>
          <Form.Item name="dueOn" label="整改期限" rules={[{ required: true, message: '请填写整改期限' }]} {...dateField}>
            <DatePicker style={{ width: '100%' }} aria-label="整改期限" />
          </Form.Item>
        </>
      )}
      {action === 'verify' && <RectificationCheckFields noteLabel="核查情况" dueName="dueOn" rows={2} rectified={rectified} />}
      {action === 'refer' && (
        <Form.Item name="reason" label="移送理由" rules={[{ required: true, message: '请填写移送理由' }]}>
          <Input.TextArea rows={2} aria-label="移送理由" />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" block loading={sending}>
        提交
      </Button>
    </Form>
  );
}
