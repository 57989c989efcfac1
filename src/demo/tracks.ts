/**
 * The demo's history as tracks of dated acts, one track per case. The acts of every track are taken in date order
 * (ties in the order of the tracks), so whatever is numbered in sequence — 罚决字 and the other document numbers —
 * follows the dates, as in a real bureau's year.
 */
import type { IsoDate } from '../domain/calendar/iso-date.ts';

export interface Track {
  /** The (moved) date of the next act, or null when the track has no more acts to take. */
  next: () => IsoDate | null;
  /** Takes the next act (or tries it again later: then `next` says when). */
  take: () => Promise<void>;
}

/** A track of acts on fixed dates, in their order. */
export function datedActs(acts: { on: IsoDate; take: () => Promise<void> }[]): Track {
  let index = 0;
  return {
    next: () => acts[index]?.on ?? null,
    take: async () => {
      await acts[index]!.take();
      index++;
    },
  };
}

/** Takes the acts of all `tracks` in date order; `setToday` moves the demo clock to each act's date first. */
export async function takeInDateOrder(tracks: readonly Track[], setToday: (on: IsoDate) => void): Promise<void> {
  for (;;) {
    let first: { track: Track; on: IsoDate } | null = null;
    for (const track of tracks) {
      const on = track.next();
      if (on !== null && (first === null || on < first.on)) first = { track, on };
    }
    if (!first) return;
    setToday(first.on);
    await first.track.take();
  }
}
