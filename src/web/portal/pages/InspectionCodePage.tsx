import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Rate, Result, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PROOF_CHALLENGE_HEADER, PROOF_NONCE_HEADER, solve } from '../../../domain/proof-of-work.ts';
import { ratingConcerns, ratingScores } from '../../../domain/inspections/rating.ts';
import type { InspectionCodeCheck, InspectionRatingView } from '../../../domain/inspections/views.ts';
import { ApiError, api, errorMessage, request } from '../../shared/api.ts';
import { useRemote } from '../../shared/use-remote.ts';

const utf8 = new TextEncoder();
const sha256 = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(text)));

/** Sends; when the server asks for a proof of work (428, after repeated wrong codes from this address), solves it and sends again. */
async function withProof<T>(send: (headers?: Record<string, string>) => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'PROOF_REQUIRED') || !globalThis.crypto?.subtle) throw error;
  }
  const { challenge, difficulty } = await api.get<{ challenge: string; difficulty: number }>('/public/acts/challenge');
  const nonce = await solve(challenge, difficulty, sha256, {});
  if (nonce === null) throw new ApiError('PROOF_REQUIRED', '验证未能完成，请稍后重试', 428);
  return send({ [PROOF_CHALLENGE_HEADER]: challenge, [PROOF_NONCE_HEADER]: nonce });
}

function RatingForm({ code, onRated }: { code: string; onRated: (r: InspectionRatingView) => void }) {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (v: { score?: number; concerns?: string[]; comment?: string }) => {
    setSending(true);
    setError(undefined);
    try {
      const body = { score: v.score, concerns: v.concerns ?? [], comment: v.comment?.trim() || undefined };
      onRated(await withProof((headers) => request<InspectionRatingView>('POST', `/public/inspection-codes/${encodeURIComponent(code)}/rating`, { body, ...(headers ? { headers } : {}) })));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={(v) => void submit(v)} data-testid="rating-form">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Form.Item name="score" label="对本次检查的满意度" rules={[{ required: true, message: '请选择满意度' }]}>
        <Rate count={5} tooltips={[1, 2, 3, 4, 5].map((n) => ratingScores[n as keyof typeof ratingScores])} aria-label="满意度" />
      </Form.Item>
      <Form.Item name="concerns" label="检查中存在的问题（可多选）">
        <Checkbox.Group options={Object.entries(ratingConcerns).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="comment" label="意见建议（选填，请勿填写姓名、电话等个人信息）">
        <Input.TextArea rows={3} maxLength={300} showCount aria-label="意见建议" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={sending} block>
        提交匿名评价
      </Button>
    </Form>
  );
}

function Check({ code }: { code: string }) {
  const remote = useRemote(() => withProof((headers) => request<InspectionCodeCheck>('GET', `/public/inspection-codes/${encodeURIComponent(code)}`, headers ? { headers } : {})), [code]);
  const [rated, setRated] = useState<InspectionRatingView>();
  if (remote.loading) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (remote.error !== undefined) {
    const notFound = remote.error instanceof ApiError && remote.error.status === 404;
    return <Result status="warning" title={notFound ? '未找到该行政检查码' : '未能核验'} subTitle={notFound ? '请核对检查码；已取消的检查，其检查码不再有效。' : errorMessage(remote.error)} data-testid="inspection-check" />;
  }
  const c = remote.data!;
  return (
    <>
      <Alert type="success" showIcon title="行政检查码有效" style={{ marginBottom: 12 }} />
      <Descriptions column={1} bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }} data-testid="inspection-check">
        <Descriptions.Item label="检查单位">{c.organization}</Descriptions.Item>
        <Descriptions.Item label="检查对象">{c.subjectName}</Descriptions.Item>
        <Descriptions.Item label="检查事项">{c.item.name}</Descriptions.Item>
        <Descriptions.Item label="检查依据">{c.item.basis}</Descriptions.Item>
        <Descriptions.Item label="检查方式">{c.method}</Descriptions.Item>
        <Descriptions.Item label="检查日期">{c.inspectedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="执法人员">
          {c.officers.map((o) => (
            <div key={`${o.name}${o.certificateNo ?? ''}`}>
              {o.name} <Typography.Text type="secondary">执法证号 {o.certificateNo ?? '—'}</Typography.Text>
            </div>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label="办理状态">
          <Tag color="blue">{c.state}</Tag>
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title="匿名评价" style={{ marginTop: 12 }}>
        {rated ? (
          <Alert type="success" showIcon title="评价已提交，感谢您的反馈" description={`满意度：${rated.scoreLabel}${rated.concerns.length ? `；问题：${rated.concerns.map((x) => x.label).join('、')}` : ''}`} data-testid="rating-done" />
        ) : c.rating.rated ? (
          <Typography.Text>本次检查已评价（每个行政检查码只能评价一次）。</Typography.Text>
        ) : c.rating.open ? (
          <>
            <Typography.Paragraph type="secondary">评价为匿名，不收集任何个人信息；可在 {c.rating.dueOn} 前评价一次。</Typography.Paragraph>
            <RatingForm code={code} onRated={setRated} />
          </>
        ) : (
          <Typography.Text>评价期限{c.rating.dueOn ? `已于 ${c.rating.dueOn} 届满` : '未开始'}。</Typography.Text>
        )}
      </Card>
    </>
  );
}

/**
 * 行政检查码核验 (扫码入企): the enterprise types (or scans) the code the officers show before entering and sees who
 * inspects, on which published item and basis, when — and nothing of any other enterprise; afterwards it rates the
 * inspection anonymously with the same code, once, within the rating period.
 */
export default function InspectionCodePage() {
  const { code } = useParams();
  const navigate = useNavigate();
  return (
    <Card title="行政检查码核验与评价">
      <Form layout="inline" initialValues={{ code }} onFinish={(v: { code: string }) => void navigate(`/inspection-code/${encodeURIComponent(v.code.trim().replace(/\s+/g, ''))}`)} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="code" rules={[{ required: true, whitespace: true, message: '请输入行政检查码' }]} style={{ flex: '1 1 240px', maxWidth: 320 }}>
          <Input placeholder="16 位行政检查码" maxLength={24} autoCapitalize="characters" autoComplete="off" aria-label="行政检查码" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            核验
          </Button>
        </Form.Item>
      </Form>
      {code && <Check key={code} code={code} />}
    </Card>
  );
}
