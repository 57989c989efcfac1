import { Alert, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import type { publicDrawList, PublicDrawView } from '../../../domain/inspections/plan-views.ts';
import { api } from '../../shared/api.ts';
import { useRemote } from '../../shared/use-remote.ts';
import type { z } from 'zod';

type DrawListItem = z.input<typeof publicDrawList>[number];
const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
const mono = { fontFamily: 'monospace', wordBreak: 'break-all' as const };

/**
 * 双随机抽查公示: every 双随机 plan whose seed is published — the seed before the draw, the proof once drawn (each item's
 * pool digest, the subjects drawn), the inspections' published results; `/draws/:id` is one draw, whose proof anyone
 * downloads and re-runs offline (`fazhi draw verify`).
 */
export default function DrawsPage() {
  const id = useParams().id;
  return id ? <Draw id={Number(id)} /> : <Draws />;
}

function Draws() {
  const draws = useRemote((signal) => api.get<DrawListItem[]>('/public/draws', undefined, signal), []);
  return (
    <Card title="双随机抽查公示">
      <Typography.Paragraph type="secondary">抽取种子在抽取前公布，任何人可用公布的种子和对象名录摘要重新抽取，核对抽查对象和执法人员是否一致。</Typography.Paragraph>
      {draws.error !== undefined && <Alert type="error" showIcon title="加载失败" />}
      <List
        loading={draws.loading}
        dataSource={draws.data ?? []}
        locale={{ emptyText: '暂无公布的双随机抽查' }}
        renderItem={(d) => (
          <List.Item style={{ display: 'block' }} data-testid="public-draw">
            <Space orientation="vertical" size={2}>
              <Space wrap size={4}>
                <Tag color={d.drawnAt ? 'green' : 'blue'}>{d.drawnAt ? '已抽取' : '已公布种子'}</Tag>
                <Link to={`/draws/${d.id}`} style={{ fontWeight: 500 }}>
                  {d.year} 年 · {d.name}
                </Link>
              </Space>
              <Typography.Text type="secondary">
                {d.organization} · 抽中 {d.drawnCount} 户 · 已公示结果 {d.publishedCount} 户
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function Draw({ id }: { id: number }) {
  const draw = useRemote((signal) => api.get<PublicDrawView>(`/public/draws/${id}`, undefined, signal), [id]);
  if (draw.error !== undefined) return <Alert type="error" showIcon title="未找到该抽查" action={<Link to="/draws">返回列表</Link>} />;
  const d = draw.data;
  if (!d) return <Card loading />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card title={`${d.year} 年 · ${d.name}`} data-testid="public-draw-proof">
        <Descriptions column={1} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="抽查单位">{d.organization}</Descriptions.Item>
          <Descriptions.Item label="抽取种子">
            <span style={mono}>{d.seed}</span>
          </Descriptions.Item>
          <Descriptions.Item label="种子公布时间">{time(d.seedPublishedAt)}</Descriptions.Item>
          <Descriptions.Item label="算法版本">{d.algorithm}</Descriptions.Item>
          <Descriptions.Item label="抽取时间">{d.drawnAt ? time(d.drawnAt) : '尚未抽取'}</Descriptions.Item>
        </Descriptions>
        <Space orientation="vertical" size={2} style={{ marginTop: 8 }}>
          <a href={`/api/public/draws/${d.id}`} download={`draw-${d.id}.json`}>
            下载抽取证明（JSON）
          </a>
          <Typography.Text type="secondary">可用 fazhi draw verify 文件 离线复核</Typography.Text>
        </Space>
      </Card>
      {d.proof?.items.map((i) => (
        <Card key={i.itemCode} size="small" title={`检查事项 ${i.itemCode}`} data-testid="public-draw-item">
          <Descriptions column={1} size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="对象名录摘要">
              <span style={mono}>{i.poolDigest}</span>
            </Descriptions.Item>
            <Descriptions.Item label="名录 / 抽中">
              {i.pool.length} 户 / {i.drawn.length} 户（{'ratioPercent' in i.rule ? `比例 ${i.rule.ratioPercent}%` : `数量 ${i.rule.count}`}）
            </Descriptions.Item>
            <Descriptions.Item label="抽中对象">
              <div style={mono}>
                {i.drawn.map((c) => (
                  <div key={c}>{c}</div>
                ))}
              </div>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ))}
      <Card size="small" title="抽查结果公示">
        <List
          dataSource={d.results}
          locale={{ emptyText: '尚未公示检查结果' }}
          renderItem={(r) => (
            <List.Item style={{ display: 'block' }} data-testid="public-draw-result">
              <Space orientation="vertical" size={2}>
                <Typography.Text strong>{r.subjectName}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
                  {r.creditCode}
                </Typography.Text>
                <Typography.Text>
                  {r.itemName}
                  {r.inspectedOn ? ` · ${r.inspectedOn} 检查` : ''}
                </Typography.Text>
                <Typography.Text>
                  检查结果：{r.result}（{r.publishedOn} 公示）
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
