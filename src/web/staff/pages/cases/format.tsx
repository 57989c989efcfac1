import { Tag, Typography } from 'antd';
import type { CaseState } from '../../../../domain/cases/model.ts';
import type { DeadlineUrgency } from '../../../../domain/cases/deadline-urgency.ts';

/** Tag colours of the case states: in progress blue, decided/enforcing gold, done green, left the procedure grey. */
const stateColors: Record<CaseState, string> = {
  clue: 'default',
  filed: 'blue',
  investigating: 'processing',
  reviewing: 'processing',
  notified: 'processing',
  hearing: 'purple',
  decided: 'gold',
  served: 'gold',
  enforcing: 'orange',
  closed: 'green',
  archived: 'green',
  declined: 'default',
  withdrawn: 'default',
  transferred: 'cyan',
  suspended: 'warning',
  terminated: 'default',
};

export function StateTag({ state, label }: { state: CaseState; label: string }) {
  return <Tag color={stateColors[state]}>{label}</Tag>;
}

/** Overdue red, due within three working days orange, otherwise plain; met ones grey. */
export const urgencyColors: Record<DeadlineUrgency, string | undefined> = { overdue: 'red', dueSoon: 'orange', normal: undefined, met: undefined };

/** An ISO instant as China time: '2026-11-13 09:00'. */
export function formatDateTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** File sizes as people read them: 812 B, 34.5 KB, 2.1 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An SM3 digest (64 hex characters): shortened on screen, copyable in full. */
export function Digest({ value }: { value: string }) {
  return (
    <Typography.Text code copyable={{ text: value, tooltips: ['复制完整摘要', '已复制'] }} style={{ fontSize: 12, wordBreak: 'break-all' }} title={value}>
      {`SM3 ${value.slice(0, 16)}…${value.slice(-8)}`}
    </Typography.Text>
  );
}
