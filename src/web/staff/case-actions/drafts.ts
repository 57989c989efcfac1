/**
 * Unsent input of the step forms, kept in memory for the session: a form that is unmounted and mounted again —
 * the case page switching between its phone and desktop layouts, the officer opening another step and coming
 * back — shows what was typed instead of an empty form. A draft is dropped once its step is submitted.
 */
const drafts = new Map<string, unknown>();

export const draftStore = {
  get: <T>(key: string): T | undefined => drafts.get(key) as T | undefined,
  set: (key: string, value: unknown): void => void drafts.set(key, value),
  drop: (key: string): void => {
    for (const k of [...drafts.keys()]) if (k === key || k.startsWith(`${key}/`)) drafts.delete(k);
  },
};
