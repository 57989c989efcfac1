/**
 * The effect of every case action, one function per action, grouped by stage. `CaseEffects` requires a key for
 * every action of the workflow, so an action without an effect is a type error.
 */
import type { CaseEffects } from '../step.ts';
import { closingEffects } from './closing.ts';
import { correctionEffects } from './corrections.ts';
import { decisionEffects } from './decision.ts';
import { executionEffects } from './execution.ts';
import { filingEffects } from './filing.ts';
import { hearingEffects } from './hearing.ts';
import { investigationEffects } from './investigation.ts';
import { noticeEffects } from './notice.ts';
import { partyEffects } from './party.ts';
import { procedureEffects } from './procedure.ts';
import { reviewEffects } from './review.ts';
import { sideExitEffects } from './side-exits.ts';

export const caseEffects: CaseEffects = {
  ...filingEffects,
  ...investigationEffects,
  ...reviewEffects,
  ...noticeEffects,
  ...hearingEffects,
  ...decisionEffects,
  ...executionEffects,
  ...closingEffects,
  ...sideExitEffects,
  ...procedureEffects,
  ...partyEffects,
  ...correctionEffects,
};
