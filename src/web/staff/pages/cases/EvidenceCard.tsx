import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type EvidenceKind, evidenceKinds, type InvestigationAct, investigationActs } from '../../../../domain/cases/model.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { useMe } from '../../auth.tsx';
import { takesEvidence } from '../../../../domain/cases/evidence-files.ts';
import { casePolicy } from '../../../../domain/cases/policy.ts';
import { may } from '../../../../domain/policy.ts';
import { EvidenceUpload } from './EvidenceUpload.tsx';
import { Digest, formatDateTime, formatSize } from './format.tsx';
import type { CaseView, EvidenceCheck } from './types.ts';

/** States in which evidence may be recorded (src/services/cases/add-evidence.ts: after filing, before deciding). */

/**
 * 证据: every item with its SM3 digest, who recorded it, when and where; download (the server checks the digest
 * first); a check of every file against its digest; and, for the case's own officers while the investigation
 * is open, recording a new item from the camera.
 */
export function EvidenceCard({ view, reload }: { view: CaseView; reload: () => void }) {
  const me = useMe();
  const [check, setCheck] = useState<{ result?: EvidenceCheck; error?: string; busy: boolean }>({ busy: false });
  const canAdd = may(me, casePolicy.addEvidence, view) && takesEvidence(view.state, view.procedure);
  const names = new Map(view.officers.map((o) => [o.userId, o.displayName]));
  const verify = async () => {
    setCheck({ busy: true });
    try {
      setCheck({ busy: false, result: await api.get<EvidenceCheck>(`/cases/${view.id}/evidence/verify`) });
    } catch (e) {
      setCheck({ busy: false, error: errorMessage(e) });
    }
  };
  const checked = (seq: number) => check.result?.items.find((i) => i.seq === seq);
  return (
    <Card
      size="small"
      title={`证据（${view.evidence.length}）`}
      data-testid="evidence-card"
      extra={
        <Space wrap size={8}>
          {view.evidence.length > 0 && (
            <Button size="small" icon={<SafetyCertificateOutlined />} loading={check.busy} onClick={() => void verify()}>
              校验全部摘要
            </Button>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {canAdd && <EvidenceUpload view={view} onDone={() => { setCheck({ busy: false }); reload(); }} />}
        {check.error && <Alert type="error" showIcon title="校验失败" description={check.error} />}
        {check.result && (
          <Alert
            type={check.result.intact ? 'success' : 'error'}
            showIcon
            data-testid="evidence-verify-result"
            title={check.result.intact ? `全部 ${check.result.items.length} 份证据文件与登记的 SM3 摘要一致，未被篡改` : '有证据文件与登记的 SM3 摘要不一致，可能已被篡改'}
          />
        )}
        <List
          size="small"
          dataSource={view.evidence}
          locale={{ emptyText: '尚未登记证据' }}
          renderItem={(e) => {
            const c = checked(e.seq);
            return (
              <List.Item data-testid="evidence-item" style={{ display: 'block' }}>
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap size={4}>
                    <Typography.Text strong>
                      {e.seq}. {e.title}
                    </Typography.Text>
                    <Tag>{evidenceKinds[e.kind as EvidenceKind] ?? e.kind}</Tag>
                    <Tag>{investigationActs[e.act as InvestigationAct] ?? e.act}</Tag>
                    {c && <Tag color={c.intact ? 'green' : 'red'}>{c.intact ? '摘要一致' : '文件与摘要不一致'}</Tag>}
                  </Space>
                  <Digest value={e.digest} />
                  <Typography.Text type="secondary">
                    {e.fileName}（{formatSize(e.size)}） · {e.recordedOn} · {e.place}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    取证：{e.collectorIds.map((id) => names.get(id) ?? `用户${id}`).join('、')} · 登记：{names.get(e.recordedBy) ?? `用户${e.recordedBy}`} {formatDateTime(e.recordedAt)}
                  </Typography.Text>
                  <a href={`/api/cases/${view.id}/evidence/${e.seq}/file`} download={e.fileName}>
                    <DownloadOutlined /> 下载
                  </a>
                </Space>
              </List.Item>
            );
          }}
        />
      </Space>
    </Card>
  );
}
