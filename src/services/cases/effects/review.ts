/** Effects of the review stage: 法制审核 (《行政处罚法》第五十八条) and the heads' collective discussion (第五十七条). */
import type { CaseEffects } from '../step.ts';
import { actorRef, officer } from './documents.ts';

export const reviewEffects = {
  legalReview: async (s, input) => {
    s.record.legalReviews.push({ on: s.g.actDate, reviewerId: s.actor.userId, reviewerName: s.actor.displayName, passed: input.passed, opinion: input.opinion, checklist: input.checklist });
  },
  collectiveDiscussion: async (s, input) => {
    const { record } = s;
    record.collectiveDiscussion = { on: s.g.actDate, participants: input.participants, conclusion: input.conclusion };
    // For the documents (集体讨论记录): who hosted, when and where, who reported, each participant's opinion.
    record.collectiveDiscussion = {
      ...record.collectiveDiscussion,
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
