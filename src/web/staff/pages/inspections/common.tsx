/**
 * What the inspection pages share: the read shapes (domain/inspections/views.ts), state tags, the steps the user may
 * take on an inspection now (its transition table — the server still decides every step), and drafts kept in the
 * browser (localStorage) until the server has them, so a form filled in at an enterprise with a slow connection is
 * not lost when the request fails or the page is closed.
 */
import { DatePicker, Form, Input, Switch, Tag } from 'antd';
import dayjs from 'dayjs';
import type { Me } from '../../../../domain/admin/views.ts';
import { inspectionActionLabels, type InspectionAction } from '../../../../domain/inspections/actions.ts';
import type { InspectionState } from '../../../../domain/inspections/model.ts';
import type { InspectionView } from '../../../../domain/inspections/views.ts';
import { inspectionWorkflow } from '../../../../domain/inspections/workflow.ts';
import type { PatrolViewJson as PatrolView, ProblemViewJson as ProblemView } from '../../../../domain/inspections/patrol-views.ts';
import { type PatrolAction, patrolActionLabels, type PatrolState, patrolWorkflow, type ProblemAction, problemActionLabels, type ProblemState, problemWorkflow } from '../../../../domain/inspections/patrols.ts';

export type { PatrolViewJson as PatrolView, ProblemViewJson as ProblemView } from '../../../../domain/inspections/patrol-views.ts';
export type PatrolListItem = Omit<PatrolView, 'problems'> & { problemCount: number };
export type { InspectionItemView, InspectionList, InspectionLoadView, InspectionView, SubjectView } from '../../../../domain/inspections/views.ts';

const stateColors: Record<InspectionState, string> = { registered: 'default', coded: 'blue', rectifying: 'orange', closed: 'green', referred: 'purple', cancelled: 'default' };

export function InspectionStateTag({ state }: { state: { key: string; label: string } }) {
  return <Tag color={stateColors[state.key as InspectionState]}>{state.label}</Tag>;
}

/** The steps `me` may take on the inspection now: its state and one of `me`'s roles allow it; the officers' own steps only for them. */
export function availableSteps(i: InspectionView, me: Me): { action: InspectionAction; label: string }[] {
  return (Object.entries(inspectionWorkflow.transitions) as [InspectionAction, (typeof inspectionWorkflow.transitions)[InspectionAction]][])
    .filter(([, t]) => t.from.includes(i.state.key as InspectionState) && t.roles.some((r) => me.roles.includes(r)))
    .filter(([, t]) => !t.onSubjectOnly || i.officers.some((o) => o.userId === me.userId) || me.roles.includes('head'))
    .map(([action]) => ({ action, label: inspectionActionLabels[action] }));
}

const patrolColors: Record<PatrolState, string> = { planned: 'default', underway: 'blue', finished: 'green', cancelled: 'default' };
const problemColors: Record<ProblemState, string> = { found: 'red', rectifying: 'orange', rectified: 'green', referred: 'purple' };

export function PatrolStateTag({ state }: { state: { key: string; label: string } }) {
  return <Tag color={patrolColors[state.key as PatrolState]}>{state.label}</Tag>;
}
export function ProblemStateTag({ state }: { state: { key: string; label: string } }) {
  return <Tag color={problemColors[state.key as ProblemState]}>{state.label}</Tag>;
}

/** Is `me` one of the officers who may act on a patrol (or its problems): one of its officers, or a head. */
const onPatrol = (officers: readonly { userId: number }[], me: Me) => officers.some((o) => o.userId === me.userId) || me.roles.includes('head');

/** The steps `me` may take on the patrol now (its transition table; the server still decides). */
export function patrolSteps(p: PatrolView | Omit<PatrolView, 'problems'>, me: Me): { action: PatrolAction; label: string }[] {
  return (Object.entries(patrolWorkflow.transitions) as [PatrolAction, (typeof patrolWorkflow.transitions)[PatrolAction]][])
    .filter(([, t]) => t.from.includes(p.state.key as PatrolState) && t.roles.some((r) => me.roles.includes(r)))
    .filter(([, t]) => !t.onSubjectOnly || onPatrol(p.officers, me))
    .map(([action]) => ({ action, label: patrolActionLabels[action] }));
}

/** The steps `me` may take on a problem of patrol `p` now. */
export function problemSteps(q: ProblemView, p: PatrolView, me: Me): { action: ProblemAction; label: string }[] {
  return (Object.entries(problemWorkflow.transitions) as [ProblemAction, (typeof problemWorkflow.transitions)[ProblemAction]][])
    .filter(([, t]) => t.from.includes(q.state.key as ProblemState) && t.roles.some((r) => me.roles.includes(r)))
    .filter(([, t]) => !t.onSubjectOnly || onPatrol(p.officers, me))
    .map(([action]) => ({ action, label: problemActionLabels[action] }));
}

const DRAFT_PREFIX = 'fazhi.draft.';

/** A draft kept in localStorage under `key` until `clearDraft`: read once, written on every change. */
export function readDraft<T>(key: string): T | undefined {
  try {
    const raw = window.localStorage.getItem(DRAFT_PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}
export function writeDraft(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(DRAFT_PREFIX + key, JSON.stringify(value));
  } catch {
    // A full or disabled storage keeps no draft; the form still works.
  }
}
export function clearDraft(key: string): void {
  window.localStorage.removeItem(DRAFT_PREFIX + key);
}

/** A date form field holding an ISO date (YYYY-MM-DD) while the picker shows a dayjs value. */
export const dateField = { getValueProps: (v?: string) => ({ value: v ? dayjs(v) : undefined }), normalize: (d?: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined) };

/**
 * The check of a rectification (an inspection's 复查, a patrol problem's 核查): rectified or not, what was found, and
 * a new due date when it was not.
 */
export function RectificationCheckFields({ noteLabel, dueName, rows, rectified }: { noteLabel: string; dueName: string; rows: number; rectified: unknown }) {
  return (
    <>
      <Form.Item name="rectified" label="是否整改到位" valuePropName="checked">
        <Switch aria-label="是否整改到位" checkedChildren="已整改到位" unCheckedChildren="未整改到位" />
      </Form.Item>
      <Form.Item name="note" label={noteLabel} rules={[{ required: true, message: `请填写${noteLabel}` }]}>
        <Input.TextArea rows={rows} aria-label={noteLabel} />
      </Form.Item>
      {rectified === false && (
        <Form.Item name={dueName} label="新的整改期限" rules={[{ required: true, message: '请填写新的整改期限' }]} {...dateField}>
          <DatePicker style={{ width: '100%' }} aria-label="新的整改期限" />
        </Form.Item>
      )}
    </>
  );
}
