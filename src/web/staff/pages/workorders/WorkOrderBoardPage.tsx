import { Button, Card, Col, Drawer, List, Row, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../shared/api.ts';
import { chinaToday } from '../../../shared/dates.ts';
import { RemoteView } from '../../../shared/RemoteView.tsx';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import { useRemote } from '../../../shared/use-remote.ts';
import { measureLabels, percent, type StatisticsMeasure, type WorkOrderList, type WorkOrderStatistics, WorkOrderStateTag } from './common.tsx';

const dimensions = { unit: '承办单位', channel: '来源渠道', kind: '诉求类型', category: '类别', month: '月份', place: '地点' } as const;
type Dimension = keyof typeof dimensions;
const rankings = { onTimeRate: '按期办结率', satisfactionRate: '满意率', returnRate: '退单率' } as const;
type Ranking = keyof typeof rankings;
type Group = WorkOrderStatistics['groups'][number];
interface Drill {
  groupBy: Dimension;
  key?: string;
  label: string;
  measure: StatisticsMeasure;
}

/**
 * 工单监督看板 /work-orders/board: the orders received in the year in the user's unit and below (GET
 * /api/work-orders/statistics), by unit — ranked by 按期办结率, 满意率 or 退单率 — or by channel, kind, category,
 * month or place; the hot spots; every figure opens the orders behind it (GET /api/work-orders/statistics/orders).
 * The rates are defined in docs/WORK-ORDERS.md "Statistics".
 */
export default function WorkOrderBoardPage() {
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(chinaToday().slice(0, 4));
  const year = Number(params.get('year') ?? thisYear) || thisYear;
  const groupBy = (params.get('groupBy') ?? 'unit') as Dimension;
  const ranking = (params.get('rank') ?? 'onTimeRate') as Ranking;
  const [drill, setDrill] = useState<Drill>();
  const remote = useRemote((signal) => api.get<WorkOrderStatistics>('/work-orders/statistics', { year, groupBy }, signal), [year, groupBy]);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next);
  };
  const open = (d: Drill) => setDrill(d);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap size={8}>
          <Select aria-label="年度" style={{ width: 110 }} value={year} options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))} onChange={(y: number) => set('year', String(y))} />
          <Select aria-label="统计维度" style={{ width: 130 }} value={groupBy} options={Object.entries(dimensions).map(([value, label]) => ({ value, label: `按${label}` }))} onChange={(v: string) => set('groupBy', v)} />
          {groupBy === 'unit' && <Segmented aria-label="排名依据" value={ranking} options={Object.entries(rankings).map(([value, label]) => ({ value, label }))} onChange={(v) => set('rank', String(v))} />}
        </Space>
      </Card>
      <RemoteView remote={remote} rows={8}>
        {(s) => (
          <>
            <Totals s={s} open={open} />
            <Card size="small" title={groupBy === 'unit' ? `承办单位排名（按${rankings[ranking]}）` : `按${dimensions[groupBy]}统计`} data-testid="board-groups">
              {isPhone ? <GroupCards s={s} groupBy={groupBy} ranking={ranking} open={open} /> : <GroupTable s={s} groupBy={groupBy} ranking={ranking} open={open} />}
            </Card>
            <Row gutter={[12, 12]}>
              <Col xs={24} md={12}>
                <HotSpots title="热点类别" items={s.hotSpots.categories} onOpen={(h) => open({ groupBy: 'category', key: h.key, label: h.label, measure: 'received' })} />
              </Col>
              <Col xs={24} md={12}>
                <HotSpots title="热点地点" items={s.hotSpots.places} onOpen={(h) => open({ groupBy: 'place', key: h.key, label: h.label, measure: 'received' })} />
              </Col>
            </Row>
            <Typography.Text type="secondary">
              统计 {s.from} 至 {s.to} 受理的工单，截至 {s.today}。按期办结率 = 按期办结 ÷ 应办结（已办结及超期未办结）；退单率 = 退单 ÷ 派单；满意率 = （满意 + 基本满意）÷ 回访。
            </Typography.Text>
          </>
        )}
      </RemoteView>
      <DrillDrawer year={year} drill={drill} onClose={() => setDrill(undefined)} />
    </Space>
  );
}

function Totals({ s, open }: { s: WorkOrderStatistics; open: (d: Drill) => void }) {
  const t = s.totals;
  const figure = (measure: StatisticsMeasure) => (
    <Col xs={8} md={4} key={measure}>
      <Statistic title={<Typography.Link onClick={() => open({ groupBy: 'unit', label: '全部', measure })}>{measureLabels[measure]}</Typography.Link>} value={t[measure]} />
    </Col>
  );
  return (
    <Card size="small" data-testid="board-totals">
      <Row gutter={[12, 12]}>
        {(['received', 'completed', 'onTime', 'overdue', 'returned', 'visited'] as const).map(figure)}
        <Col xs={8} md={4}>
          <Statistic title="按期办结率" value={percent(t.onTimeRate)} />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title="满意率" value={percent(t.satisfactionRate)} />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title="退单率" value={percent(t.returnRate)} />
        </Col>
      </Row>
    </Card>
  );
}

/** Units ranked: the best first (the lowest 退单率 first), units without a figure last. */
function ranked(groups: readonly Group[], groupBy: Dimension, ranking: Ranking): Group[] {
  if (groupBy !== 'unit') return [...groups];
  const sign = ranking === 'returnRate' ? 1 : -1;
  return [...groups].sort((a, b) => {
    const [x, y] = [a[ranking], b[ranking]];
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0);
    return sign * (x - y);
  });
}

function Figure({ g, measure, groupBy, open }: { g: Group; measure: StatisticsMeasure; groupBy: Dimension; open: (d: Drill) => void }) {
  const n = g[measure];
  if (n === 0) return <Typography.Text type="secondary">0</Typography.Text>;
  return (
    <Typography.Link onClick={() => open({ groupBy, key: g.key, label: g.label, measure })} data-testid={`drill-${measure}`}>
      {n}
    </Typography.Link>
  );
}

function GroupTable({ s, groupBy, ranking, open }: { s: WorkOrderStatistics; groupBy: Dimension; ranking: Ranking; open: (d: Drill) => void }) {
  const rows = ranked(s.groups, groupBy, ranking);
  const count = (measure: StatisticsMeasure) => ({ title: measureLabels[measure], key: measure, align: 'right' as const, render: (_: unknown, g: Group) => <Figure g={g} measure={measure} groupBy={groupBy} open={open} /> });
  const rate = (key: Ranking) => ({
    title: rankings[key],
    key,
    align: 'right' as const,
    render: (_: unknown, g: Group) => <Typography.Text strong={groupBy === 'unit' && key === ranking}>{percent(g[key])}</Typography.Text>,
  });
  return (
    <Table<Group>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 1000 }}
      locale={{ emptyText: '本年度无工单' }}
      columns={[
        ...(groupBy === 'unit' ? [{ title: '名次', key: 'rank', width: 56, render: (_: unknown, _g: Group, i: number) => i + 1 }] : []),
        { title: dimensions[groupBy], dataIndex: 'label', key: 'label' },
        count('received'),
        count('due'),
        count('onTime'),
        count('overdue'),
        rate('onTimeRate'),
        count('dispatched'),
        count('returned'),
        rate('returnRate'),
        count('visited'),
        count('satisfied'),
        rate('satisfactionRate'),
      ]}
    />
  );
}

function GroupCards({ s, groupBy, ranking, open }: { s: WorkOrderStatistics; groupBy: Dimension; ranking: Ranking; open: (d: Drill) => void }) {
  return (
    <List
      dataSource={ranked(s.groups, groupBy, ranking)}
      locale={{ emptyText: '本年度无工单' }}
      renderItem={(g, i) => (
        <List.Item style={{ display: 'block' }}>
          <Typography.Text strong>
            {groupBy === 'unit' ? `${i + 1}. ` : ''}
            {g.label}
          </Typography.Text>
          <div>
            受理 <Figure g={g} measure="received" groupBy={groupBy} open={open} /> · 超期 <Figure g={g} measure="overdue" groupBy={groupBy} open={open} /> · 退单{' '}
            <Figure g={g} measure="returned" groupBy={groupBy} open={open} />
          </div>
          <Typography.Text type="secondary">
            按期办结率 {percent(g.onTimeRate)} · 满意率 {percent(g.satisfactionRate)} · 退单率 {percent(g.returnRate)}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

function HotSpots({ title, items, onOpen }: { title: string; items: WorkOrderStatistics['hotSpots']['places']; onOpen: (h: { key: string; label: string }) => void }) {
  const max = Math.max(1, ...items.map((h) => h.count));
  return (
    <Card size="small" title={title} data-testid={title === '热点类别' ? 'hot-categories' : 'hot-places'}>
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: '无' }}
        renderItem={(h, i) => (
          <List.Item>
            <Space size={8} style={{ width: '100%' }}>
              <Tag color={i < 3 ? 'red' : undefined}>{i + 1}</Tag>
              <Typography.Link onClick={() => onOpen(h)}>{h.label}</Typography.Link>
            </Space>
            <Space size={8}>
              <div style={{ width: 80, height: 6, background: '#f0f0f0', borderRadius: 3 }}>
                <div style={{ width: `${(h.count / max) * 100}%`, height: 6, background: '#1677ff', borderRadius: 3 }} />
              </div>
              <span>{h.count}</span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

const DRILL_PAGE = 20;

/** The orders behind a figure, overdue first, each a link to its page. */
function DrillDrawer({ year, drill, onClose }: { year: number; drill: Drill | undefined; onClose: () => void }) {
  const isPhone = useIsPhone();
  const [page, setPage] = useState(1);
  const query = drill ? { year, groupBy: drill.groupBy, measure: drill.measure, ...(drill.key !== undefined ? { key: drill.key } : {}), limit: DRILL_PAGE, offset: (page - 1) * DRILL_PAGE } : null;
  const remote = useRemote(async (signal) => (query ? api.get<WorkOrderList>('/work-orders/statistics/orders', query, signal) : null), [JSON.stringify(query)]);
  return (
    <Drawer
      open={drill !== undefined}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      size={isPhone ? '100%' : 640}
      title={drill ? `${drill.label} · ${measureLabels[drill.measure]}` : ''}
      data-testid="board-drill"
    >
      <RemoteView remote={remote} rows={6}>
        {(list) =>
          list && (
            <List
              dataSource={list.items}
              locale={{ emptyText: '无' }}
              header={<Typography.Text data-testid="drill-total">共 {list.total} 件</Typography.Text>}
              pagination={list.total > DRILL_PAGE ? { current: page, pageSize: DRILL_PAGE, total: list.total, onChange: setPage, simple: true } : false}
              renderItem={(o) => (
                <List.Item>
                  <Space orientation="vertical" size={2}>
                    <Space wrap size={4}>
                      <Link to={`/work-orders/${o.id}`} style={{ fontFamily: 'monospace' }}>
                        {o.number}
                      </Link>
                      <WorkOrderStateTag state={o.state} />
                      {o.overdue && <Tag color="red">已超期</Tag>}
                    </Space>
                    <Typography.Text>
                      {o.categoryName} · {o.address}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {o.channel.label} · {o.unitName ?? '未派单'} · 受理 {o.receivedOn}
                      {o.dueOn ? ` · 期限 ${o.dueOn}` : ''}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )
        }
      </RemoteView>
      <Button style={{ marginTop: 12 }} onClick={onClose} block={isPhone}>
        关闭
      </Button>
    </Drawer>
  );
}

