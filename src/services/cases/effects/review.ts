/** Effects of the review stage: 法制审核 (《行政处罚法》第五十八条) and the heads' collective discussion (第五十七条). */
import { eq, inArray } from 'drizzle-orm';
import { isSystem } from '../../../domain/access.ts';
import { type DiscussionCandidate, discussionMembers } from '../../../domain/cases/rules.ts';
import { validationError } from '../../../domain/errors.ts';
import { organizations, users } from '../../../db/schema.ts';
import type { CaseEffects, Step } from '../step.ts';
import { actorRef, officer } from './documents.ts';

/**
 * The users chosen for a collective discussion, each active and related to the case's unit (in its chain above it
 * or its subtree) and visible to the head recording it — the same reach as `checkUser` (step.ts).
 */
async function discussionCandidates(s: Step, ids: readonly number[]): Promise<DiscussionCandidate[]> {
  const unique = [...new Set(ids)];
  const rows = await s.tx
    .select({ id: users.id, name: users.displayName, roles: users.roles, active: users.active, path: organizations.path })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(inArray(users.id, unique));
  const casePath = s.org.path;
  const actorPath = s.actor.organizationPath;
  return unique.map((id) => {
    const u = rows.find((r) => r.id === id);
    const related = u && (casePath.startsWith(u.path) || u.path.startsWith(casePath));
    const visible = u && (isSystem(s.actor) || u.path.startsWith(actorPath) || actorPath.startsWith(u.path));
    if (!u || !u.active || !related || !visible) throw validationError(`用户 ${id} 不是本单位或上级单位的在职人员，不能参加本案集体讨论`, { field: 'participantIds' });
    return { id: u.id, name: u.name, roles: u.roles, organizationPath: u.path };
  });
}

export const reviewEffects = {
  legalReview: async (s, input) => {
    s.record.legalReviews.push({ on: s.g.actDate, reviewerId: s.actor.userId, reviewerName: s.actor.displayName, passed: input.passed, opinion: input.opinion, checklist: input.checklist });
  },
  collectiveDiscussion: async (s, input) => {
    const { record } = s;
    // 第五十七条第二款: the heads of the case's unit or above, chosen as users; the others chosen sit in (列席).
    const { heads, attendees } = discussionMembers(s.org.path, await discussionCandidates(s, input.participantIds));
    record.collectiveDiscussion = { on: s.g.actDate, participants: heads.map((h) => h.name), conclusion: input.conclusion };
    // For the documents (集体讨论记录): who hosted, when and where, who reported, each participant's opinion.
    record.collectiveDiscussion = {
      ...record.collectiveDiscussion,
      participantRefs: heads,
      attendees: [...attendees.map((a) => a.name), ...(input.attendees ?? [])],
      host: actorRef(s),
      startAt: input.startAt ?? null,
      endAt: input.endAt ?? null,
      place: input.place ?? null,
      recorder: input.recorder ?? null,
      reporter: input.reporterId ? officer(s, input.reporterId) : null,
      opinions: input.opinions ?? [],
    };
  },
} satisfies Partial<CaseEffects>;
