/**
 * What the work-order pages share: the read shapes (domain/workorders/views.ts; the statistics' as the server
 * answers GET /api/work-orders/statistics, docs/WORK-ORDERS.md "Statistics"), state tags, the organizations the
 * user sees, and which steps the user may take on an order now (the workflow's states and roles, the same the
 * server checks — it still decides every step).
 */
import { Tag } from 'antd';
import type { Me, OrganizationView } from '../../../../domain/admin/views.ts';
import { workOrderActionLabels, type WorkOrderAction } from '../../../../domain/workorders/actions.ts';
import type { WorkOrderState } from '../../../../domain/workorders/model.ts';
import type { WorkOrderList, WorkOrderView } from '../../../../domain/workorders/views.ts';
import { workOrderWorkflow } from '../../../../domain/workorders/workflow.ts';
import { api } from '../../../shared/api.ts';
import { useRemote } from '../../../shared/use-remote.ts';

export type { WorkOrderList, WorkOrderView } from '../../../../domain/workorders/views.ts';
export type WorkOrderSummary = WorkOrderList['items'][number];

/** Tag colours: waiting grey/blue, with a unit processing, disputed red, answered/completed gold/green. */
const stateColors: Record<WorkOrderState, string> = {
  received: 'default',
  dispatched: 'blue',
  handling: 'processing',
  disputed: 'red',
  answered: 'gold',
  completed: 'cyan',
  closed: 'green',
  merged: 'default',
  declined: 'default',
  reviewing: 'purple',
  reviewed: 'green',
  rechecking: 'purple',
  rechecked: 'green',
};

export function WorkOrderStateTag({ state }: { state: { key: string; label: string } }) {
  return <Tag color={stateColors[state.key as WorkOrderState]}>{state.label}</Tag>;
}

/** The organizations the user sees (GET /api/organizations), for unit filters and pickers. */
export function useOrganizations() {
  return useRemote((signal) => api.get<OrganizationView[]>('/organizations', undefined, signal), []);
}

/** Steps that cannot be taken back: asked for again before they are sent. */
export const irreversibleSteps: Partial<Record<WorkOrderAction, string>> = {
  decideAcceptance: '受理决定将书面告知信访人；不予受理的，工单即终结。',
  return: '退单后工单进入派单异议审核，由上级单位重新指定承办单位；经审核指定的单位不能再退单。',
  complete: '办结后工单等待回访，不能再修改办理结果（回访不满意的可以重新办理）。',
  visit: '回访结果计入满意率，提交后工单关闭。',
  merge: '并单后本工单终结，诉求人并入所选工单一并答复。',
  extend: '延长办理期限须经负责人批准并告知信访人，合计不超过 30 日。',
};

/**
 * The steps `me` may take on the order now, in the workflow's order: its state allows them, one of `me`'s roles
 * does, and the unit's own steps (签收, 退单, 答复, 办结) only for the unit's people or a head above it — as the server
 * checks (domain/workorders/workflow.ts). `unitPath` is the path of the order's unit, if the user sees it.
 */
export function availableSteps(order: WorkOrderView, me: Me, unitPath: string | undefined): { action: WorkOrderAction; label: string }[] {
  const petition = order.channel.key.startsWith('petition');
  return (Object.entries(workOrderWorkflow.transitions) as [WorkOrderAction, (typeof workOrderWorkflow.transitions)[WorkOrderAction]][])
    .filter(([action, t]) => {
      if (!t.from.includes(order.state.key as WorkOrderState)) return false;
      if (!t.roles.some((r) => me.roles.includes(r))) return false;
      if (action === 'decideAcceptance' && (!petition || order.record.acceptance)) return false;
      if (action === 'extend' && !petition) return false;
      if (action === 'reopen' && order.record.visits.at(-1)?.satisfaction !== 'dissatisfied') return false;
      if (t.onSubjectOnly) {
        if (!unitPath) return false;
        const own = me.organizationPath.startsWith(unitPath);
        const above = me.roles.includes('head') && unitPath.startsWith(me.organizationPath);
        if (!own && !above) return false;
      }
      return true;
    })
    .map(([action]) => ({ action, label: workOrderActionLabels[action] }));
}

/** GET /api/work-orders/statistics: one group's (or the totals') figures. */
export interface StatisticsFigures {
  received: number;
  dispatched: number;
  returned: number;
  due: number;
  completed: number;
  onTime: number;
  overdue: number;
  visited: number;
  satisfied: number;
  onTimeRate: number | null;
  returnRate: number | null;
  satisfactionRate: number | null;
}
export type StatisticsMeasure = Exclude<keyof StatisticsFigures, 'onTimeRate' | 'returnRate' | 'satisfactionRate'>;
export interface WorkOrderStatistics {
  from: string;
  to: string;
  today: string;
  groupBy: string;
  totals: StatisticsFigures;
  groups: (StatisticsFigures & { key: string; label: string })[];
  hotSpots: { categories: { key: string; label: string; count: number }[]; places: { key: string; label: string; count: number }[] };
}

export const measureLabels: Record<StatisticsMeasure, string> = {
  received: '受理',
  dispatched: '派单',
  returned: '退单',
  due: '应办结',
  completed: '办结',
  onTime: '按期办结',
  overdue: '超期',
  visited: '回访',
  satisfied: '满意',
};

/** A rate as shown: '66.67%', or '—' when nothing was counted. */
export const percent = (v: number | null) => (v === null ? '—' : `${v.toFixed(v % 1 === 0 ? 0 : 2)}%`);
