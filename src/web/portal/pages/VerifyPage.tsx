import { Alert, Button, Card, Descriptions, Form, Input, Result, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { parseActCode } from '../../../domain/cases/codes.ts';
import { PROOF_CHALLENGE_HEADER, PROOF_NONCE_HEADER, solve } from '../../../domain/proof-of-work.ts';
import { ApiError, api, errorMessage, request } from '../../shared/api.ts';
import type { ActVerification } from '../../../domain/cases/views.ts';
import { useRemote } from '../../shared/use-remote.ts';

const utf8 = new TextEncoder();
const sha256 = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(text)));

/**
 * Looks the code up; when the server asks for a proof of work (428, after repeated misses from this address), fetches
 * a challenge, solves it with WebCrypto and asks once more with the solution.
 */
async function verify(code: string, signal: AbortSignal, proving: (on: boolean) => void): Promise<ActVerification> {
  const path = `/public/acts/${encodeURIComponent(code)}`;
  try {
    return await request<ActVerification>('GET', path, { signal });
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'PROOF_REQUIRED') || !globalThis.crypto?.subtle) throw error;
  }
  proving(true);
  try {
    const { challenge, difficulty } = await api.get<{ challenge: string; difficulty: number }>('/public/acts/challenge', undefined, signal);
    const nonce = await solve(challenge, difficulty, sha256, { signal });
    if (nonce === null) throw new ApiError('PROOF_REQUIRED', '验证未能完成，请稍后重试', 428);
    return await request<ActVerification>('GET', path, { signal, headers: { [PROOF_CHALLENGE_HEADER]: challenge, [PROOF_NONCE_HEADER]: nonce } });
  } finally {
    proving(false);
  }
}

function Verification({ code }: { code: string }) {
  const [proving, setProving] = useState(false);
  const remote = useRemote((signal) => verify(code, signal, setProving), [code]);
  if (remote.loading) {
    return (
      <>
        {proving && (
          <Typography.Paragraph type="secondary" role="status">
            正在验证…
          </Typography.Paragraph>
        )}
        <Skeleton active paragraph={{ rows: 5 }} />
      </>
    );
  }
  if (remote.error !== undefined) {
    return <Alert type="error" showIcon title="未能核验" description={errorMessage(remote.error)} data-testid="verify-result" />;
  }
  const v = remote.data!;
  return (
    <div data-testid="verify-result">
      <Result
        status={v.genuine && v.inForce ? 'success' : v.genuine ? 'warning' : 'error'}
        title={v.genuine ? (v.inForce ? '核验通过：文书真实有效' : '核验通过：文书真实') : '未通过核验'}
        subTitle={v.note}
        style={{ padding: '16px 0' }}
      />
      <Descriptions column={1} bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label="行政行为码">{v.actCode}</Descriptions.Item>
        <Descriptions.Item label="执法机关">{v.organizationName}</Descriptions.Item>
        <Descriptions.Item label="案件名称">{v.title}</Descriptions.Item>
        {v.violation && <Descriptions.Item label="违法行为">{v.violation}</Descriptions.Item>}
        <Descriptions.Item label="当事人">{v.party.name}</Descriptions.Item>
        <Descriptions.Item label="程序">{v.procedure}</Descriptions.Item>
        <Descriptions.Item label="办理阶段">{v.stage}</Descriptions.Item>
        {v.decision && (
          <Descriptions.Item label="决定">
            {v.decision.kind} {v.decision.number ?? ''}（{v.decision.decidedOn}） <Tag color={v.inForce ? 'green' : 'red'}>{v.decision.statusLabel}</Tag>
          </Descriptions.Item>
        )}
      </Descriptions>
    </div>
  );
}

/**
 * 行政行为码核验: every document carries the code as text and as a QR code whose content is this page's address
 * with the code (/portal/verify/<code>), so scanning it with a phone's camera opens the result directly.
 */
export default function VerifyPage() {
  const { code: raw } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ code: string }>();
  const parsed = raw ? parseActCode(raw) : null;

  return (
    <Card title="行政行为码核验">
      <Typography.Paragraph type="secondary">
        输入执法文书上印制的 18 位行政行为码，或用手机相机扫描文书上的二维码，可核验文书是否由执法机关出具、是否仍然有效。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        initialValues={{ code: raw ?? '' }}
        onFinish={({ code }) => {
          const p = parseActCode(code);
          if (p.ok) void navigate(`/verify/${p.code}`);
        }}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item
          name="code"
          style={{ flex: '1 1 240px', maxWidth: 360 }}
          rules={[
            { required: true, whitespace: true, message: '请输入行政行为码' },
            {
              validator: async (_, value: string | undefined) => {
                if (!value?.trim()) return;
                const p = parseActCode(value);
                if (!p.ok) throw new Error(p.reason);
              },
            },
          ]}
        >
          <Input placeholder="如 5399022026P000001V" maxLength={24} autoCapitalize="characters" aria-label="行政行为码" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            核验
          </Button>
        </Form.Item>
      </Form>
      {parsed && !parsed.ok && <Alert type="error" showIcon title="行政行为码有误" description={parsed.reason} data-testid="verify-result" />}
      {parsed?.ok && <Verification code={parsed.code} />}
    </Card>
  );
}
