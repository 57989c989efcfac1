import { Alert, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { z } from 'zod';
import type { publicReportList, reportPublicKey } from '../../../domain/reports/views.ts';
import { api } from '../../shared/api.ts';
import { useRemote } from '../../shared/use-remote.ts';

type ReportList = z.input<typeof publicReportList>;
type PublicKey = z.input<typeof reportPublicKey>;
const mono = { fontFamily: 'monospace', wordBreak: 'break-all' as const };

/**
 * 法治政府建设情况报告: every unit's published annual report with its frozen files, and the public key that verifies
 * the signed appendix (附件：审计校验) of each — with which anyone checks that the report and the audit records behind
 * its figures were not changed after publication (docs/REPORTS.md).
 */
export default function ReportsPage() {
  const reports = useRemote((signal) => api.get<ReportList>('/public/reports', undefined, signal), []);
  const key = useRemote((signal) => api.get<PublicKey>('/public/report-key', undefined, signal), []);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card title="法治政府建设情况报告">
        {reports.error !== undefined && <Alert type="error" showIcon title="加载失败" />}
        <List
          loading={reports.loading}
          dataSource={reports.data?.items ?? []}
          locale={{ emptyText: '暂无公开的报告' }}
          renderItem={(r) => (
            <List.Item style={{ display: 'block' }} data-testid="public-report">
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Typography.Text strong>
                    {r.organizationName}关于{r.year}年度法治政府建设情况的报告
                  </Typography.Text>
                  {r.late && <Tag color="orange">逾期公开</Tag>}
                </Space>
                <Typography.Text type="secondary">公开时间 {dayjs(r.publishedAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                <Space wrap>
                  {r.pdfAvailable && <a href={`/api/public/reports/${r.id}/file?format=pdf`}>下载 PDF</a>}
                  <a href={`/api/public/reports/${r.id}/file?format=docx`}>下载 Word</a>
                </Space>
                <Typography.Text type="secondary" style={{ ...mono, fontSize: 12 }}>
                  内容摘要（SM3）{r.contentDigest}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title="报告验证公钥">
        <Typography.Paragraph type="secondary">
          每份公开报告附有“审计校验”附件：公开时的审计检查点摘要和报告内容摘要，由本机关以 SM2 算法签名。可用下列公钥验证签名（用户标识 1234567812345678，杂凑算法 SM3）。
        </Typography.Paragraph>
        {key.error !== undefined && <Alert type="error" showIcon title="加载失败" />}
        {key.data && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="算法">SM2（GB/T 32918）</Descriptions.Item>
            <Descriptions.Item label="公钥">
              <span style={mono} data-testid="report-public-key">
                {key.data.publicKey ?? '尚未公开报告，暂无公钥'}
              </span>
            </Descriptions.Item>
            {key.data.createdAt && <Descriptions.Item label="生成时间">{dayjs(key.data.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>}
          </Descriptions>
        )}
      </Card>
    </Space>
  );
}
