import { Alert, Button, Card, Descriptions, Form, Input, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PROOF_CHALLENGE_HEADER, PROOF_NONCE_HEADER, solve } from '../../../domain/proof-of-work.ts';
import { ApiError, api, errorMessage, request } from '../../shared/api.ts';
import { useRemote } from '../../shared/use-remote.ts';

/** What GET /api/public/work-orders/lookup answers (services/workorders/open311-lookup.ts): no personal data. */
interface WorkOrderLookup {
  number: string;
  state: { key: string; label: string };
  categoryName: string;
  receivedOn: string;
  dueOn: string | null;
  answeredOn: string | null;
  answer: string | null;
  completedOn: string | null;
}

const utf8 = new TextEncoder();
const sha256 = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(text)));

/** Looks the order up; after repeated misses from this address the server asks for a proof of work (428), solved here. */
async function lookup(query: { number: string; code: string }, signal: AbortSignal, proving: (on: boolean) => void): Promise<WorkOrderLookup> {
  const path = '/public/work-orders/lookup';
  try {
    return await request<WorkOrderLookup>('GET', path, { query, signal });
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'PROOF_REQUIRED') || !globalThis.crypto?.subtle) throw error;
  }
  proving(true);
  try {
    const { challenge, difficulty } = await api.get<{ challenge: string; difficulty: number }>('/public/acts/challenge', undefined, signal);
    const nonce = await solve(challenge, difficulty, sha256, { signal });
    if (nonce === null) throw new ApiError('PROOF_REQUIRED', '验证未能完成，请稍后重试', 428);
    return await request<WorkOrderLookup>('GET', path, { query, signal, headers: { [PROOF_CHALLENGE_HEADER]: challenge, [PROOF_NONCE_HEADER]: nonce } });
  } finally {
    proving(false);
  }
}

const DONE = new Set(['completed', 'closed']);

function Progress({ query }: { query: { number: string; code: string } }) {
  const [proving, setProving] = useState(false);
  const remote = useRemote((signal) => lookup(query, signal, setProving), [query]);
  if (remote.loading) {
    return (
      <>
        {proving && (
          <Typography.Paragraph type="secondary" role="status">
            正在验证…
          </Typography.Paragraph>
        )}
        <Skeleton active paragraph={{ rows: 4 }} />
      </>
    );
  }
  if (remote.error !== undefined) return <Alert type="error" showIcon title="未能查询" description={errorMessage(remote.error)} data-testid="lookup-result" />;
  const o = remote.data!;
  return (
    <Descriptions column={1} bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }} data-testid="lookup-result">
      <Descriptions.Item label="工单编号">{o.number}</Descriptions.Item>
      <Descriptions.Item label="办理状态">
        <Tag color={DONE.has(o.state.key) ? 'green' : 'blue'}>{o.state.label}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label="诉求类别">{o.categoryName}</Descriptions.Item>
      <Descriptions.Item label="受理日期">{o.receivedOn}</Descriptions.Item>
      {o.dueOn && !o.completedOn && <Descriptions.Item label="办结期限">{o.dueOn}</Descriptions.Item>}
      {o.answer && (
        <Descriptions.Item label={`答复（${o.answeredOn ?? ''}）`}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{o.answer}</span>
        </Descriptions.Item>
      )}
      {o.completedOn && <Descriptions.Item label="办结日期">{o.completedOn}</Descriptions.Item>}
    </Descriptions>
  );
}

/**
 * 工单进度查询: whoever sent a request in through a 12345 platform or an app got the order's number and a lookup code;
 * with both they see the state, the dates and the answer (never anybody's personal data).
 */
export default function WorkOrderLookupPage() {
  const [query, setQuery] = useState<{ number: string; code: string } | null>(null);
  return (
    <Card title="工单办理进度查询">
      <Typography.Paragraph type="secondary">输入受理时告知的工单编号和查询码，可查看诉求的办理状态和答复。查询码只在受理时告知一次，请妥善保存。</Typography.Paragraph>
      <Form layout="inline" onFinish={(v: { number: string; code: string }) => setQuery({ number: v.number.trim(), code: v.code.trim() })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="number" rules={[{ required: true, whitespace: true, message: '请输入工单编号' }]} style={{ flex: '1 1 200px', maxWidth: 260 }}>
          <Input placeholder="如 GD20260000123" maxLength={32} aria-label="工单编号" />
        </Form.Item>
        <Form.Item name="code" rules={[{ required: true, whitespace: true, message: '请输入查询码' }]} style={{ flex: '1 1 160px', maxWidth: 220 }}>
          <Input placeholder="10 位查询码" maxLength={32} autoCapitalize="characters" autoComplete="off" aria-label="查询码" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            查询进度
          </Button>
        </Form.Item>
      </Form>
      {query && <Progress query={query} />}
    </Card>
  );
}
