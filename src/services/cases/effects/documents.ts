/**
 * What case steps record for the enforcement documents (执法文书), shared by the effects of every stage: people
 * taken from the acting user or from users named by id — never typed in — signed opinions, service records (送达回证)
 * of served documents, and numbered documents. Runs inside the step's transaction.
 */
import type { PersonRef, ServedDocument, ServiceEntry, SignedOpinion } from '../../../domain/cases/document-records.ts';
import { validationError } from '../../../domain/errors.ts';
import { assertMaySign, assertOwnOpinion, latestOpinion } from '../../../domain/cases/opinions.ts';
import { type OpinionForm, type OpinionRole, type ServiceInput, type SignedOpinionInput } from '../../../domain/cases/record-inputs.ts';
import type { NumberKind } from '../../../domain/cases/settings.ts';
import { issueDocument } from '../case-store.ts';
import { checkUser, type Step } from '../step.ts';

export const ANY_STAFF = ['officer', 'head', 'reviewer'] as const;

export async function person(s: Step, id: number, roles: readonly string[], what: string): Promise<PersonRef> {
  return checkUser(s.tx, s.actor, id, roles, what);
}

/** Sequential on purpose: the step's transaction is one connection. */
export async function people(s: Step, ids: readonly number[], roles: readonly string[], what: string): Promise<PersonRef[]> {
  const found: PersonRef[] = [];
  for (const id of ids) found.push(await person(s, id, roles, what));
  return found;
}

/**
 * An opinion the acting user signs with this step, in the place of `form` their role and the case allow. Naming
 * anyone else (`byId`) is refused: the others sign in their own session (`signOpinion`). Without one, the latest
 * opinion signed at that place by its author, if any.
 */
export function ownOpinion(s: Step, opinion: SignedOpinionInput | undefined, form: OpinionForm, role: OpinionRole): SignedOpinion | null {
  if (!opinion) return latestOpinion(s.record, form, role);
  assertOwnOpinion(opinion, s.actor.userId, form, role);
  assertMaySign(s.snapshot, form, role, s.actor);
  return { text: opinion.text, by: actorRef(s), on: s.g.actDate };
}

/** A case officer by id (the guards have checked they are on the case). */
export function officer(s: Step, id: number): PersonRef {
  const o = s.snapshot.officers.find((x) => x.userId === id);
  return { id, name: o?.displayName ?? `用户 ${String(id)}` };
}

export const actorRef = (s: Step): PersonRef => ({ id: s.actor.userId, name: s.actor.displayName });

export async function addService(s: Step, document: ServedDocument, number: string | null, service: ServiceInput | undefined): Promise<void> {
  if (!service) return;
  const place = service.place ?? s.party.address ?? '';
  if (!place.trim()) throw validationError('当事人没有登记住址或地址，请填写送达地点', { field: 'service.place' });
  const servers = service.serverIds ? await people(s, service.serverIds, ['officer', 'head'], '送达人') : [actorRef(s)];
  const entry: ServiceEntry = {
    document,
    number,
    on: s.g.actDate,
    time: service.time ?? null,
    method: service.method,
    place,
    recipient: s.party.name,
    receiver: service.receiver ?? null,
    witness: service.witness ?? null,
    electronicConsent: service.electronicConsent ?? null,
    announcementReason: service.announcementReason ?? null,
    servers,
  };
  s.record.services = [...(s.record.services ?? []), entry];
}

/** Issues the next number of `kind` for this case and adds it to the audit details as `<kind>Number`. */
export async function numbered(s: Step, kind: NumberKind): Promise<string> {
  const number = await issueDocument(s.tx, s.row.id, s.resolved, kind, s.g.actDate);
  s.details[`${kind}Number`] = number;
  return number;
}
