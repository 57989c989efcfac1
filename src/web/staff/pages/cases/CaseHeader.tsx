import { Alert, Card, Descriptions, Progress, Space, Steps, Tag, Typography } from 'antd';
import { clueSources, type ClueSource } from '../../../../domain/cases/model.ts';
import { useIsPhone } from '../../../shared/use-is-phone.ts';
import { StateTag } from './format.tsx';
import { progressOf } from './progress.ts';
import type { CaseView } from './types.ts';

/** 案由, act code, 文号, state, procedure, unit, violation; where the case stands; warnings. */
export function CaseHeader({ view }: { view: CaseView }) {
  const isPhone = useIsPhone();
  const progress = progressOf(view);
  const items = [
    { key: 'code', label: '行政行为码', children: <Typography.Text copyable style={{ fontFamily: 'monospace' }}>{view.actCode}</Typography.Text> },
    { key: 'number', label: '决定书文号', children: view.decision?.number ?? '—' },
    { key: 'org', label: '办案单位', children: view.organization.name },
    { key: 'procedure', label: '程序', children: view.procedureLabel },
    { key: 'source', label: '案件来源', children: clueSources[view.clueSource as ClueSource] ?? view.clueSource },
    { key: 'registered', label: '登记日期', children: view.registeredOn },
    { key: 'filed', label: '立案日期', children: view.filedOn ?? '—' },
    { key: 'violation', label: '违法行为', span: 'filled' as const, children: view.violation ? `${view.violation.name}（${view.violation.code}）` : '—' },
  ];
  return (
    <Card size="small" data-testid="case-header">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap size={8} align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {view.title}
          </Typography.Title>
          <StateTag state={view.state} label={view.stateLabel} />
          <Tag>{view.procedureLabel}</Tag>
          {view.decision && view.decision.status !== 'inForce' && <Tag color="red">决定{view.decision.statusLabel}</Tag>}
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3, xxl: 4 }} items={items} />
        {isPhone ? (
          <Progress
            percent={Math.round(((progress.current + 1) / progress.steps.length) * 100)}
            status={progress.left ? 'exception' : 'active'}
            format={() => `${progress.current + 1}/${progress.steps.length}`}
            aria-label={`办理进度：${progress.steps[progress.current]}`}
          />
        ) : (
          <Steps
            size="small"
            current={progress.current}
            status={progress.left ? 'error' : view.state === 'archived' ? 'finish' : 'process'}
            items={progress.steps.map((title, i) => ({ title: progress.left && i === progress.current ? `${title}（${view.stateLabel}）` : title }))}
          />
        )}
        {isPhone && (
          <Typography.Text type="secondary">
            当前环节：{progress.steps[progress.current]}
            {progress.left ? `（${view.stateLabel}）` : ''}
          </Typography.Text>
        )}
        {view.warnings.map((w) => (
          <Alert key={w} type="warning" showIcon title={w} />
        ))}
      </Space>
    </Card>
  );
}
