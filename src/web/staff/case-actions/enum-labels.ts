/**
 * Chinese labels of the enums in the case schemas. A generated form finds the label table that covers all of an
 * enum's values (an enum never mixes tables), so a new enum needs only its table here; schema-fields.test.ts
 * checks that every enum of every action is covered.
 */
import { clueSources, decisionKinds, decisionStatuses, noPenaltyGrounds, penaltyKinds, transferTargets } from '../../../domain/cases/model.ts';
import { onSpotCollectionGroundLabels } from '../../../domain/cases/cash-collection.ts';
import { archiveRetentionLabels, confidentialHearingReasonLabels, opinionFormLabels, opinionRoleLabels } from '../../../domain/cases/record-inputs.ts';
import { correctionFieldLabels } from '../../../domain/cases/corrections.ts';
import { serviceMethods } from '../../../domain/documents/model.ts';
import { identityDocumentTypes } from '../../../domain/validators/identity-documents.ts';

const partyKinds = { person: '自然人', organization: '法人或其他组织', unknown: '尚不明确' } as const;

const tables: readonly Readonly<Record<string, string>>[] = [
  decisionKinds,
  noPenaltyGrounds,
  penaltyKinds,
  transferTargets,
  clueSources,
  decisionStatuses,
  serviceMethods,
  partyKinds,
  identityDocumentTypes,
  confidentialHearingReasonLabels,
  archiveRetentionLabels,
  onSpotCollectionGroundLabels,
  opinionFormLabels,
  opinionRoleLabels,
  correctionFieldLabels,
];

/** The label table covering every value, or undefined. */
export function labelTableFor(values: readonly string[]): Readonly<Record<string, string>> | undefined {
  return tables.find((t) => values.every((v) => Object.hasOwn(t, v)));
}

/** Select options for an enum; a value no table covers shows as itself. */
export function enumOptions(values: readonly string[]): { value: string; label: string }[] {
  const table = labelTableFor(values);
  return values.map((value) => ({ value, label: table?.[value] ?? value }));
}
