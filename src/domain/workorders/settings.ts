/**
 * The local parameters of the work-order ledger (WorkOrderSettings, periods.ts) as an organization stores them: only
 * the fields it changes, inherited down the organization tree (the nearest organization above that sets a field wins,
 * like the case settings); every field has its default and the answer names where each value comes from.
 */
import { z } from 'zod';
import { type WorkOrderKind, workOrderKindKeys, workOrderKinds } from './model.ts';
import { defaultWorkOrderSettings, HOTLINE_PERIOD_BASIS, type WorkOrderSettings } from './periods.ts';

const whole = (label: string, min: number, max: number, unit: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(min, `${label}不得少于 ${String(min)} ${unit}`)
    .max(max, `${label}不得超过 ${String(max)} ${unit}`)
    .meta({ title: label });

const handlingDaysShape = Object.fromEntries(workOrderKindKeys.map((k) => [k, whole(`${workOrderKinds[k]}类工单办理期限`, 1, 60, '个工作日').optional()])) as Record<
  WorkOrderKind,
  z.ZodOptional<z.ZodNumber>
>;

/** An organization's own parameters (PUT replaces them; an absent field is inherited or the default). */
export const workOrderSettingsPatch = z
  .object({
    signingDays: whole('签收期限', 1, 10, '个工作日').optional(),
    handlingDays: z.object(handlingDaysShape).strict().optional().meta({ title: '办理期限（按诉求类型）' }),
    maxReopens: whole('不满意重新办理次数上限', 0, 10, '次').optional(),
  })
  .strict();
export type WorkOrderSettingsPatch = z.infer<typeof workOrderSettingsPatch>;

export interface SettingsLayer {
  organizationId: number;
  organizationName: string;
  patch: WorkOrderSettingsPatch;
}

export interface WorkOrderParameter {
  key: string;
  label: string;
  value: number;
  unit: string;
  /** The organization whose setting is in force, or null for the default. */
  setBy: { id: number; name: string } | null;
  source: string;
}

/** The settings in force from the layers, root first, and where every value comes from. */
export function resolveWorkOrderSettings(layers: readonly SettingsLayer[]): { settings: WorkOrderSettings; parameters: WorkOrderParameter[] } {
  const settings: WorkOrderSettings = structuredClone(defaultWorkOrderSettings);
  const setBy: Record<string, { id: number; name: string }> = {};
  for (const { organizationId: id, organizationName: name, patch } of layers) {
    if (patch.signingDays !== undefined) [settings.signingDays, setBy.signingDays] = [patch.signingDays, { id, name }];
    if (patch.maxReopens !== undefined) [settings.maxReopens, setBy.maxReopens] = [patch.maxReopens, { id, name }];
    for (const k of workOrderKindKeys) {
      const days = patch.handlingDays?.[k];
      if (days !== undefined) [settings.handlingDays[k], setBy[`handlingDays.${k}`]] = [days, { id, name }];
    }
  }
  const parameter = (key: string, label: string, value: number, unit: string): WorkOrderParameter => {
    const by = setBy[key] ?? null;
    return { key, label, value, unit, setBy: by, source: by ? `${by.name}设置` : `默认值：${HOTLINE_PERIOD_BASIS}` };
  };
  return {
    settings,
    parameters: [
      parameter('signingDays', '签收期限', settings.signingDays, '工作日'),
      ...workOrderKindKeys.map((k) => parameter(`handlingDays.${k}`, `${workOrderKinds[k]}类工单办理期限`, settings.handlingDays[k], '工作日')),
      parameter('maxReopens', '不满意重新办理次数上限', settings.maxReopens, '次'),
    ],
  };
}
