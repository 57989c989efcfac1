import { Alert, App, Button, Card, Descriptions, Form, Input, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PlanViewJson as PlanView } from '../../../../domain/inspections/plan-views.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useRemote } from '../../../shared/use-remote.ts';
import { InspectionStateTag } from './common.tsx';

type Drawn = PlanView['drawn'][number];
const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
const mono = { fontFamily: 'monospace', wordBreak: 'break-all' as const };

/**
 * 一个双随机抽查计划 /inspections/plans/:id — 公布种子 (fixed and public before the draw), 抽取 (subjects and officers;
 * an inspection per drawn subject), 回避重新选派 with a reason, 公示结果; the draw's proof (seed, pool digests, algorithm
 * version) and the public proof JSON to download, which anyone re-runs offline with `fazhi draw verify`.
 */
export default function PlanPage() {
  const id = Number(useParams().id);
  const remote = useRemote((signal) => api.get<PlanView>(`/inspection-plans/${id}`, undefined, signal), [id]);
  return (
    <RemoteView remote={remote} missing={<Link to="/inspections/plans">返回双随机抽查</Link>}>
      {(p) => <Plan p={p} reload={remote.reload} />}
    </RemoteView>
  );
}

function Plan({ p, reload }: { p: PlanView; reload: () => void }) {
  const { message } = App.useApp();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const step = async (path: 'seed' | 'draw', done: string) => {
    setSending(true);
    setError(undefined);
    try {
      await api.post(`/inspection-plans/${p.id}/${path}`, { expectedVersion: p.version });
      void message.success(done);
      reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={`${p.year} 年 · ${p.name}`}>
        <Descriptions column={1} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="单位">{p.organization.name}</Descriptions.Item>
          <Descriptions.Item label="抽查事项">
            {p.items.map((i) => `${i.code} ${i.name}（${'ratioPercent' in i.rule ? `${i.rule.ratioPercent}%` : `${i.rule.count} 户`}${i.filter.riskClasses.length > 0 ? `，风险等级 ${i.filter.riskClasses.join('、')}` : ''}）`).join('；')}
          </Descriptions.Item>
          <Descriptions.Item label="执法人员名录">{p.officers.map((o) => o.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label="每户选派">{p.officersPerSubject} 人</Descriptions.Item>
        </Descriptions>
        {error && <Alert type="error" showIcon title="未能办理" description={error} style={{ margin: '8px 0' }} data-testid="plan-step-error" />}
        <Space wrap style={{ marginTop: 8 }}>
          {!p.seed && (
            <Popconfirm title="种子公布后不能更改，确定公布？" onConfirm={() => void step('seed', '已公布抽取种子')}>
              <Button type="primary" loading={sending}>
                公布抽取种子
              </Button>
            </Popconfirm>
          )}
          {p.seed && !p.drawnAt && (
            <Button type="primary" loading={sending} onClick={() => void step('draw', '已完成抽取')}>
              抽取
            </Button>
          )}
        </Space>
      </Card>
      {p.seed && <Proof p={p} />}
      {p.drawnAt && (
        <Card size="small" title={`抽取结果（${p.drawn.length} 户）`}>
          <List dataSource={p.drawn} renderItem={(d) => <DrawnCard key={`${d.itemId}-${d.subjectId}`} p={p} d={d} reload={reload} />} />
        </Card>
      )}
      {p.redraws.length > 0 && (
        <Card size="small" title="回避重新选派记录">
          <List
            dataSource={p.redraws}
            renderItem={(r) => (
              <List.Item style={{ display: 'block' }}>
                {r.on} · {r.itemCode} · {r.creditCode}：{r.setAside} 回避（{r.reason}），{r.replacedBy ? `由 ${r.replacedBy} 替补` : '无可替补人员'}
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}

function Proof({ p }: { p: PlanView }) {
  return (
    <Card size="small" title="抽取证明" data-testid="draw-proof">
      <Descriptions column={1} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="种子">
          <span style={mono}>{p.seed}</span>
        </Descriptions.Item>
        <Descriptions.Item label="种子公布时间">{p.seedPublishedAt && time(p.seedPublishedAt)}</Descriptions.Item>
        {p.proof && <Descriptions.Item label="算法版本">{p.proof.algorithm}</Descriptions.Item>}
        {p.drawnAt && <Descriptions.Item label="抽取时间">{time(p.drawnAt)}</Descriptions.Item>}
        {p.proof?.items.map((i) => (
          <Descriptions.Item key={i.itemCode} label={`名录摘要 ${i.itemCode}`}>
            <div>
              <div style={mono}>{i.poolDigest}</div>
              <Typography.Text type="secondary">
                名录 {i.pool.length} 户，抽中 {i.drawn.length} 户
              </Typography.Text>
            </div>
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Space orientation="vertical" size={2} style={{ marginTop: 8 }}>
        <a href={`/api/public/draws/${p.id}`} download={`draw-${p.id}.json`} data-testid="proof-download">
          下载公开的抽取证明（JSON）
        </a>
        <Typography.Text type="secondary">可用 fazhi draw verify 文件 离线复核</Typography.Text>
      </Space>
    </Card>
  );
}

function DrawnCard({ p, d, reload }: { p: PlanView; d: Drawn; reload: () => void }) {
  const { message } = App.useApp();
  const [redrawing, setRedrawing] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [error, setError] = useState<string>();
  const send = async (path: 'redraw' | 'results', body: Record<string, unknown>, done: string) => {
    setError(undefined);
    try {
      await api.post(`/inspection-plans/${p.id}/${path}`, body);
      void message.success(done);
      setRedrawing(false);
      setPublishing(false);
      reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const late = d.resultDueOn !== null && new Date().toISOString().slice(0, 10) > d.resultDueOn;
  return (
    <List.Item style={{ display: 'block' }} data-testid="drawn-subject">
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <Typography.Text strong>{d.subjectName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
            {d.creditCode}
          </Typography.Text>
        </Space>
        <Typography.Text>
          {d.itemCode} {d.itemName}
        </Typography.Text>
        <Typography.Text type="secondary">执法人员：{d.officers.map((o) => `${o.name}（${o.certificateNo ?? '无证件'}）`).join('、')}</Typography.Text>
        {d.inspection && (
          <Space wrap size={4}>
            <InspectionStateTag state={d.inspection.state} />
            <Link to={`/inspections/${d.inspection.id}`}>{d.inspection.number}</Link>
            {d.resultDueOn && !d.result && <Typography.Text type={late ? 'danger' : 'secondary'}>{d.resultDueOn} 前公示结果</Typography.Text>}
          </Space>
        )}
        {d.result && (
          <Typography.Text>
            <Tag color="green">已公示</Tag>
            {d.result.publishedOn}：{d.result.text}
            {d.result.lateReason && `（逾期理由：${d.result.lateReason}）`}
          </Typography.Text>
        )}
        {error && <Alert type="error" showIcon title={error} />}
        <Space wrap>
          {!d.inspection?.endedOn && (
            <Button size="small" onClick={() => setRedrawing(!redrawing)}>
              回避重新选派
            </Button>
          )}
          {d.inspection && d.resultDueOn && !d.result && (
            <Button size="small" onClick={() => setPublishing(!publishing)}>
              公示结果
            </Button>
          )}
        </Space>
        {redrawing && (
          <Form layout="vertical" onFinish={(v: { officerId: number; reason: string }) => void send('redraw', { itemId: d.itemId, subjectId: d.subjectId, ...v }, '已重新选派')}>
            <Form.Item name="officerId" label="回避的执法人员" rules={[{ required: true, message: '请选择回避的执法人员' }]}>
              <Select aria-label="回避的执法人员" options={d.officers.map((o) => ({ value: o.userId, label: o.name }))} />
            </Form.Item>
            <Form.Item name="reason" label="回避理由" rules={[{ required: true, message: '请填写回避理由' }]}>
              <Input.TextArea rows={2} maxLength={500} aria-label="回避理由" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block>
              重新选派
            </Button>
          </Form>
        )}
        {publishing && d.inspection && (
          <Form layout="vertical" onFinish={(v: { lateReason?: string }) => void send('results', { inspectionId: d.inspection!.id, lateReason: v.lateReason || undefined }, '已公示结果')}>
            {late && (
              <Form.Item name="lateReason" label="逾期公示理由" rules={[{ required: true, message: '已超过公示期限，请填写逾期理由' }]}>
                <Input.TextArea rows={2} maxLength={500} aria-label="逾期公示理由" />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block>
              公示检查结果
            </Button>
          </Form>
        )}
      </Space>
    </List.Item>
  );
}
