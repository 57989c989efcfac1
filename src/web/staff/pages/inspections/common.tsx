/**
 * What the inspection pages share: the read shapes (domain/inspections/views.ts), state tags, the steps the user may
 * take on an inspection now (its transition table — the server still decides every step), and drafts kept in the
 * browser (localStorage) until the server has them, so a form filled in at an enterprise with a slow connection is
 * not lost when the request fails or the page is closed.
 */
import { Tag } from 'antd';
import type { Me } from '../../../../domain/admin/views.ts';
import { inspectionActionLabels, type InspectionAction } from '../../../../domain/inspections/actions.ts';
import type { InspectionState } from '../../../../domain/inspections/model.ts';
import type { InspectionView } from '../../../../domain/inspections/views.ts';
import { inspectionWorkflow } from '../../../../domain/inspections/workflow.ts';

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
