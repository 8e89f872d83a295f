import { talkForReader } from '../core/support/redaction';
import { numberTalks } from '../core/support/talk-numbering';
import type { TalkView } from '../../types/api/support';
import type { TalkRecord } from '../../types/support';
import type { Stored } from '../platform/store/store';

/** The talk without the store's fields; receivedAt (when stored) stays server-side, like the audit fields. */
export function plainTalk(t: Stored<TalkRecord>): TalkRecord {
  const { _version: _v, createdBy: _cb, createdAt: _ca, updatedBy: _ub, updatedAt: _ua, ...talk } = t;
  if ('receivedAt' in talk) {
    const { receivedAt: _r, ...rest } = talk;
    return rest;
  }
  return talk;
}

/** Talks with n-th numbers recomputed from the whole list, notes only for those allowed. */
export function talkViews(talks: readonly Stored<TalkRecord>[], canReadNotes: boolean): TalkView[] {
  const numbers = numberTalks(talks);
  return talks.map((t) => talkForReader({ ...plainTalk(t), nth: numbers.get(t._id) ?? t.nth }, canReadNotes));
}

/** One talk, numbered among all of the student's talks. */
export function talkView(
  talk: Stored<TalkRecord>,
  allOfStudent: readonly Stored<TalkRecord>[],
  canReadNotes: boolean,
): TalkView {
  const numbers = numberTalks([talk, ...allOfStudent.filter((o) => o._id !== talk._id)]);
  return talkForReader({ ...plainTalk(talk), nth: numbers.get(talk._id) ?? talk.nth }, canReadNotes);
}
