import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../shared/api.ts';
import type { AuditVerification } from '../../../domain/admin/views.ts';
import { AuditTrailCard } from './AuditTrailCard.tsx';

export default function AuditPage() {
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ at: string; value: AuditVerification } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      const value = await api.get<AuditVerification>('/audit/verify');
      setResult({ at: new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }), value });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <Card title="审计链核验">
        <Typography.Paragraph>
          系统的每一次数据变更都在同一事务中写入审计记录，记录按对象分链，以 SM3 摘要逐条相连，并定期写入检查点。核验将重新计算全部记录的摘要，发现被篡改、删除或调换顺序的记录时指出第一处问题。
        </Typography.Paragraph>
        <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => void run()} loading={running}>
          {running ? '正在核验' : '开始核验'}
        </Button>
        {running && (
          <div style={{ marginTop: 24 }}>
            <Spin tip="正在逐条重新计算摘要，记录较多时需要一些时间……">
              <div style={{ minHeight: 60 }} />
            </Spin>
          </div>
        )}
        {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title="核验未能完成" description={error} />}
        {result && !running && (
          <Result
            status={result.value.ok ? 'success' : 'error'}
            title={result.value.ok ? '审计记录完整，未发现篡改' : '发现审计记录异常'}
            subTitle={result.value.problem ?? `核验时间：${result.at}`}
            extra={
              <Descriptions column={{ xs: 1, sm: 3 }} size="small" bordered>
                <Descriptions.Item label="审计记录">{result.value.records} 条</Descriptions.Item>
                <Descriptions.Item label="对象链">{result.value.chains} 条</Descriptions.Item>
                <Descriptions.Item label="检查点">{result.value.checkpoints} 个</Descriptions.Item>
              </Descriptions>
            }
          />
        )}
      </Card>
      <AuditTrailCard />
    </>
  );
}
