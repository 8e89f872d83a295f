import type { Recipient } from '../core/notices/message-intents';
import { assistantStep } from '../core/assistants';

/** One step of the programme as a message to each of `to` (its title, result, note and the page to open). */
export const step = (
  to: readonly Recipient[],
  subjectId: string,
  key: string,
  title: string,
  result: string,
  note: string,
  at: string,
  page: string,
) => to.map((r) => assistantStep(r, subjectId, key, { title, result, note, at, page }));
