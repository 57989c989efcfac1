import { Collapse, Empty, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { type CaseAction, caseActionInput } from '../../../domain/cases/actions.ts';
import { irreversibleSteps } from '../../../domain/cases/irreversible.ts';
import { api } from '../../shared/api.ts';
import { DiscretionHelper } from './DiscretionHelper.tsx';
import { GeneratedForm } from './GeneratedForm.tsx';
import { type CaseOfficer, ReferenceProvider } from './references.tsx';
import { type FieldSpec, fieldsOf } from './schema-fields.ts';

/** What CaseActions needs of a case view (GET /api/cases/:id, docs/CASES.md). */
export interface CaseForActions {
  id: number;
  version: number;
  organization: { id: number };
  officers: readonly CaseOfficer[];
  availableActions: readonly { action: string; label: string }[];
  record?: { proposal?: { penalty?: unknown } | null } | Record<string, unknown>;
  /** The case's power-list item: its 罚则 is the 处罚依据 the 调查终结 form starts from (the server checks it). */
  violation?: { penaltyProvision: string } | null;
}

type ActionSchema = (typeof caseActionInput.options)[number];
const schemas = new Map<string, ActionSchema>(caseActionInput.options.map((s) => [s.shape.action.value as string, s]));
const fieldCache = new Map<string, FieldSpec[]>();
function actionFields(action: string): FieldSpec[] {
  let fields = fieldCache.get(action);
  if (!fields) {
    fields = fieldsOf(schemas.get(action)!, ['action']);
    fieldCache.set(action, fields);
  }
  return fields;
}

const timelineOnly: ReadonlySet<string> = new Set<CaseAction>(['correctRecord']);

/** Steps that leave the ordinary course (withdraw, transfer, suspend …), listed after the next steps. */
const sideSteps: ReadonlySet<string> = new Set<CaseAction>(['decline', 'withdrawFiling', 'transfer', 'suspend', 'resume', 'terminate', 'requestRecusal', 'decideRecusal', 'extendDeadline', 'revokeDecision']);
/**
 * The step panel open on each case page, kept outside the component: if the actions card is ever mounted again
 * (seen on a busy machine after a refused step), the panel the user was working in stays open instead of falling
 * back to the first step.
 */
const openStepOfCase = new Map<number, string>();

/** Proposal steps that get the discretion helper, and where their penalty sits in the form. */
const penaltyPaths: Partial<Record<string, string[]>> = { closeInvestigation: ['proposal', 'penalty'], revisePenalty: ['penalty'] };

/**
 * The next steps of a case as forms, one per action the case's state and the viewer's roles allow, each
 * generated from the action's zod schema (src/domain/cases/actions.ts). The engine still checks every rule when
 * a step is submitted; its refusal is shown in the step's form. After a step succeeds, `onChanged` reloads the case.
 */
export function CaseActions({ caseView, onChanged }: { caseView: CaseForActions; onChanged: () => void }) {
  // 更正 of recorded data is offered on the timeline entry it corrects (pages/cases/TimelineCard.tsx), not here.
  const actions = caseView.availableActions.filter((a) => schemas.has(a.action) && !timelineOnly.has(a.action));
  const ordered = [...actions.filter((a) => !sideSteps.has(a.action)), ...actions.filter((a) => sideSteps.has(a.action))];
  const currentPenalty = penaltyFormValues((caseView.record as { proposal?: { penalty?: unknown } | null } | undefined)?.proposal?.penalty);

  const [chosen, setChosen] = useState<string | undefined>(() => openStepOfCase.get(caseView.id));
  // '' = the user closed every panel; a step no longer offered falls back to the first one.
  const open = chosen === '' ? undefined : chosen !== undefined && ordered.some((a) => a.action === chosen) ? chosen : ordered[0]?.action;

  if (ordered.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当前没有您可以办理的步骤" />;
  return (
    <ReferenceProvider organizationId={caseView.organization.id} caseId={caseView.id} caseOfficers={caseView.officers}>
      <Typography.Paragraph type="secondary">以下为当前状态下您可以办理的步骤；提交时系统按法定程序逐项核验。</Typography.Paragraph>
      <Collapse
        accordion
        activeKey={open === undefined ? [] : [open]}
        onChange={(keys) => {
          const key = (Array.isArray(keys) ? keys[0] : keys) ?? '';
          openStepOfCase.set(caseView.id, key);
          setChosen(key);
        }}
        destroyOnHidden
        items={ordered.map((a) => ({
          key: a.action,
          label: sideSteps.has(a.action) ? <Typography.Text type="secondary">{a.label}</Typography.Text> : <strong>{a.label}</strong>,
          children: (
            <ActionForm
              // Not keyed by version: a reload (e.g. after evidence was added) must not empty a form being filled in;
              // the step is sent with the version now shown, and the engine answers 409 if it moved since.
              key={a.action}
              caseId={caseView.id}
              version={caseView.version}
              action={a.action}
              label={a.label}
              initial={initialOf(a.action, currentPenalty, caseView.violation?.penaltyProvision)}
              onChanged={onChanged}
            />
          ),
        }))}
      />
    </ReferenceProvider>
  );
}

function ActionForm({ caseId, version, action, label, initial, onChanged }: { caseId: number; version: number; action: string; label: string; initial: Record<string, unknown> | undefined; onChanged: () => void }) {
  const fields = actionFields(action);
  const penaltyPath = penaltyPaths[action];
  const fixed = useMemo(() => ({ action, expectedVersion: version }), [action, version]);
  return (
    <GeneratedForm
      title={label}
      name={`step-${action}`}
      draftKey={`case-${caseId}/${action}`}
      schema={schemas.get(action)!}
      fields={fields}
      fixed={fixed}
      initial={initial}
      submitLabel={`提交：${label}`}
      confirm={irreversibleSteps[action as CaseAction]}
      send={(payload) => api.post(`/cases/${caseId}/transitions`, payload)}
      onDone={onChanged}
      onReload={onChanged}
      renderFacts={penaltyPath ? (form) => <DiscretionHelper caseId={caseId} form={form} penaltyPath={penaltyPath} draftKey={`case-${caseId}/${action}`} /> : undefined}
    />
  );
}

/**
 * What a step's form starts from: a revision from the proposal's penalty; the 调查终结 proposal with the 处罚依据 taken
 * from the power-list item's 罚则 (《行政处罚法》第五十九条第一款第（三）项, checked by the server as on the spot).
 */
function initialOf(action: string, currentPenalty: Record<string, unknown> | undefined, provision: string | undefined): Record<string, unknown> | undefined {
  if (action === 'revisePenalty' && currentPenalty) return { penalty: currentPenalty };
  if (action === 'closeInvestigation' && provision) return { proposal: { penalty: { basis: provision } } };
  return undefined;
}

/** The proposal's penalty as form values (money in 元) to start a revision from. */
function penaltyFormValues(penalty: unknown): Record<string, unknown> | undefined {
  if (!penalty || typeof penalty !== 'object') return undefined;
  const p = penalty as Record<string, unknown>;
  const yuan = (v: unknown) => (typeof v === 'number' ? v / 100 : undefined);
  const range = p.range as { minFen: number | null; maxFen: number | null } | null;
  return {
    ...p,
    fineFen: yuan(p.fineFen),
    confiscationFen: yuan(p.confiscationFen),
    range: range ? { minFen: yuan(range.minFen), maxFen: yuan(range.maxFen) } : undefined,
  };
}
